"""Questions about the protocol (D 1.3, D 1.4) and the Monitoring Officer's rulings (D 12) in the v1 API.

Rulings are read by everyone of the council (they are part of its rules); a question only by the person who
asked and the officers who have held it (anything else is a 404). A refusal is a 400 with its paragraphs;
bad input (an unknown paragraph among it) a 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema, Status

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID, Fits, Id, Input, body_ref, inputs_named
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action
from accord.cases.citation_notes import citation_with_notes
from accord.cases.history import event_actor_name
from accord.core.access import Actor
from accord.councils.models import Council
from accord.rulings import selectors, services
from accord.rulings.access import question_for, questions_visible_to
from accord.rulings.actions import QUESTION_ACTIONS
from accord.rulings.models import PARAGRAPH_MAX, TEXT_MAX, Question, Ruling

router = Router(tags=["rulings"])
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}
QuestionId = Annotated[int, Path(ge=1, le=MAX_ID)]
Paragraph = Annotated[str, Fits(max_length=PARAGRAPH_MAX)]
Text = Annotated[str, Fits(max_length=TEXT_MAX, multiline=True)]


class RulingOut(Schema):
    id: int
    paragraph: str
    label: str
    interpretation: str
    made_by: str
    made_at: dt.datetime
    current: bool = Field(
        description="False once a later ruling supersedes it (kept in the history)"
    )
    supersedes: int | None
    superseded_by: int | None


class RulingIn(Input):
    paragraph: Paragraph = Field(description="The paragraph id, like 6.3")
    interpretation: Text
    supersedes_id: Id | None = Field(
        None, description="The current ruling on the paragraph it replaces"
    )


class RulingFilters(Schema):
    paragraph: Paragraph = ""


class EventOut(Schema):
    at: dt.datetime
    actor: str | None
    kind: str
    description: str
    text: str
    citations: list[dict[str, Any]]


class QuestionOut(Schema):
    id: int
    state: str
    question: str
    paragraph: str
    step: str
    step_label: str
    holder: str
    answer: str
    asked_at: dt.datetime
    answered_at: dt.datetime | None
    events: list[EventOut]
    actions: list[str]


class QuestionIn(Input):
    question: Text
    paragraph: Paragraph = Field("", description="The paragraph it is about, like 6.3 (optional)")


def ruling_out(ruling: Ruling, label: str) -> dict[str, Any]:
    superseded = getattr(ruling, "superseded_by", None)
    return {
        "id": ruling.pk,
        "paragraph": ruling.paragraph,
        "label": label,
        "interpretation": ruling.interpretation,
        "made_by": ruling.made_by.name,
        "made_at": ruling.made_at,
        "current": superseded is None,
        "supersedes": ruling.supersedes_id,
        "superseded_by": superseded.pk if superseded is not None else None,
    }


def question_out(actor: Actor, question: Question) -> dict[str, Any]:
    return {
        "id": question.pk,
        "state": question.state,
        "question": question.question,
        "paragraph": question.paragraph,
        "step": question.step,
        "step_label": question.get_step_display(),
        "holder": question.holder.name,
        "answer": question.answer,
        "asked_at": question.asked_at,
        "answered_at": question.answered_at,
        "events": [
            {
                "at": e.at,
                "actor": event_actor_name(e.actor),
                "kind": e.kind,
                "description": e.description,
                "text": str(e.data.get("text", "")),
                "citations": [citation_with_notes(question.council_id, c) for c in e.citations],
            }
            for e in question.events.select_related("actor").order_by("seq")
        ],
        "actions": QUESTION_ACTIONS.offered_names(actor, question),
    }


@router.get("/rulings", response={200: list[RulingOut], 422: ErrorOut})
def ruling_list(request: HttpRequest, filters: Query[RulingFilters]) -> list[dict[str, Any]]:
    """The council's rulings, current and superseded (D 12); `paragraph` narrows to one paragraph."""
    actor = api_actor(request)
    if actor.council_id is None:
        return []
    profile = services.profile_for(Council.objects.get(pk=actor.council_id))
    found = selectors.ruling_list(actor.council_id, paragraph=filters.paragraph)
    return [ruling_out(r, profile.label(r.paragraph)) for r in found]


@router.post("/rulings", response={201: RulingOut, **ERRORS})
def ruling_record(request: HttpRequest, payload: RulingIn) -> Any:
    """The Monitoring Officer records a ruling (D 12); anyone else is refused with the paragraph."""
    actor = api_actor(request)
    supersedes = None
    if payload.supersedes_id is not None:
        supersedes = body_ref(
            Ruling.objects.filter(council_id=actor.council_id or 0),
            payload.supersedes_id,
            "supersedes_id",
        )
    with inputs_named():
        ruling = services.ruling_record(
            actor=actor,
            paragraph=payload.paragraph,
            interpretation=payload.interpretation,
            supersedes=supersedes,
        )
    profile = services.profile_for(ruling.council)
    return Status(201, ruling_out(ruling, profile.label(ruling.paragraph)))


@router.get("/questions", response=list[QuestionOut])
def question_list(request: HttpRequest) -> list[dict[str, Any]]:
    """The questions the caller asked or has held, newest first (at most 200)."""
    actor = api_actor(request)
    return [
        question_out(actor, q)
        for q in questions_visible_to(actor).select_related("holder").order_by("-asked_at")[:200]
    ]


@router.post("/questions", response={201: QuestionOut, **ERRORS})
def question_ask(request: HttpRequest, payload: QuestionIn) -> Any:
    """A Member asks the Monitoring Officer (D 1.3); an officer their line manager (D 1.4)."""
    actor = api_actor(request)
    with inputs_named():
        question = services.question_ask(
            actor=actor, question=payload.question, paragraph=payload.paragraph
        )
    return Status(201, question_out(actor, question_for(actor, question.pk)))


@router.get("/questions/{question_id}", response={200: QuestionOut, 404: ErrorOut})
def question_detail(request: HttpRequest, question_id: QuestionId) -> dict[str, Any]:
    actor = api_actor(request)
    return question_out(actor, question_for(actor, question_id))


def _handler(action: Action) -> Any:
    def with_input(request: HttpRequest, question_id: QuestionId, payload: Any) -> Any:
        actor = api_actor(request)
        question = question_for(actor, question_id)
        with inputs_named():
            action.call(actor, question, action.data_from_api(question, payload.dict()))
        return question_out(actor, question_for(actor, question_id))

    with_input.__annotations__["payload"] = action.schema
    return with_input


for _action in QUESTION_ACTIONS:
    router.post(
        f"/questions/{{question_id}}/{_action.name}",
        response={200: QuestionOut, **ERRORS},
        operation_id=f"question_{_action.name}",
        summary=_action.label,
        description=_action.summary,
        url_name=f"question-{_action.name}",
    )(_handler(_action))
