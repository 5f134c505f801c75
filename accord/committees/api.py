"""Meetings, agenda items, Members' proposals and signatures, and decision records in the v1 API.

Every handler authorises through `accord.committees.access` (another council's meeting or decision is a
404) and writes only through `accord.committees.services`; a refusal is a 400 with the paragraphs behind it
(D 2.9, D 4.4, N 9-10). Each declared action is one POST operation (`/meetings/{id}/<name>`,
`/decisions/{id}/<name>`) made from the same declaration as the page's control.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.http import Http404, HttpRequest
from ninja import Path, Router, Status

from accord.api.auth import api_actor
from accord.api.inputs import MAX_ID, Slug, body_ref, input_error
from accord.api.schemas import ErrorOut
from accord.cases.actions import Action, ActionRegistry
from accord.cases.history import event_actor_name
from accord.core.access import Actor, council_for
from accord.councils.models import Committee, Member, Officer

from . import selectors, services
from .access import decision_for, meeting_for
from .actions import DECISION_ACTIONS, MEETING_ACTIONS
from .api_inputs import DecisionIn, MeetingIn
from .models import DecisionRecord, Meeting
from .selectors import item_citations

router = Router(tags=["committees"])
ERRORS: dict[int, Any] = {400: ErrorOut, 404: ErrorOut}
Answer = dict[str, Any]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _events(events: Any) -> list[Answer]:
    return [
        {
            "at": e.at,
            "actor": event_actor_name(e.actor),
            "kind": e.kind,
            "description": e.description,
            "citations": e.citations,
            "data": e.data,
        }
        for e in events
    ]


def meeting_out(meeting: Meeting) -> Answer:
    return {
        "id": meeting.pk,
        "committee": {"id": meeting.committee_id, "name": meeting.committee.name},
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "publication_date": meeting.publication_date,
        "state": meeting.state,
        "published_at": meeting.published_at,
        "uid": str(meeting.uid),
        "sequence": meeting.sequence,
    }


def meeting_detail(actor: Actor, pk: int) -> Answer:
    meeting = meeting_for(actor, pk)
    return {
        **meeting_out(meeting),
        "items": [
            {
                "id": i.pk,
                "title": i.title,
                "summary": i.summary,
                "state": i.state,
                "must_add": i.must_add,
                "legal_period": i.legal_period,
                "statutory_role": i.statutory_role,
                "citations": [c.to_dict() for c in item_citations(meeting.council, i)],
            }
            for i in selectors.meeting_items(meeting)
        ],
        "proposals": [
            {
                "id": p.pk,
                "title": p.title,
                "relevance": p.relevance,
                "state": p.state,
                "submitted_at": p.submitted_at,
                "item_id": p.item_id,
                "refusal": p.refusal,
                "signatures": [
                    {"member": {"id": s.member_id, "name": s.member.name}, "signed_at": s.signed_at}
                    for s in p.signatures.all()
                ],
            }
            for p in selectors.meeting_proposals(meeting)
        ],
        "actions": MEETING_ACTIONS.offered_names(actor, meeting),
        "history": _events(selectors.meeting_events(meeting)),
    }


def decision_out(decision: DecisionRecord) -> Answer:
    return {
        "id": decision.pk,
        "matter": decision.matter,
        "maker": decision.maker,
        "maker_member_id": decision.maker_member_id,
        "maker_committee_id": decision.maker_committee_id,
        "advising_officer": {
            "id": decision.advising_officer_id,
            "name": decision.advising_officer.name,
        },
        "state": decision.state,
        "meeting_id": decision.meeting_id,
    }


def decision_detail(actor: Actor, pk: int) -> Answer:
    decision = decision_for(actor, pk)
    return {
        **decision_out(decision),
        "report": decision.report,
        "advice": selectors.decision_advice(decision).to_dict(),
        "considered_at": decision.considered_at,
        "considered_by": event_actor_name(decision.considered_by),
        "decision": decision.decision,
        "decided_at": decision.decided_at,
        "decided_by": event_actor_name(decision.decided_by),
        "actions": DECISION_ACTIONS.offered_names(actor, decision),
        "history": _events(selectors.decision_events(decision)),
    }


@router.get("/councils/{slug}/meetings", response={200: list[Answer], 404: ErrorOut})
def meeting_list(request: HttpRequest, slug: Slug) -> list[Answer]:
    """The council's meetings, latest first (at most 500)."""
    council = council_for(api_actor(request), slug)
    meetings = Meeting.objects.filter(council=council).select_related("committee")
    return [meeting_out(m) for m in meetings.order_by("-starts_at")[:500]]


@router.post("/councils/{slug}/meetings", response={201: Answer, **ERRORS})
def meeting_create(request: HttpRequest, slug: Slug, payload: MeetingIn) -> Status[Answer]:
    """Democratic services set a meeting (D 2.9); a committee of another council is a 422."""
    actor = api_actor(request)
    council = council_for(actor, slug)
    if not actor.is_democratic_services or actor.council_id != council.pk:
        raise Http404("Not found")
    committee = body_ref(
        Committee.objects.filter(council=council), payload.committee_id, "committee_id"
    )
    if payload.ends_at <= payload.starts_at:
        raise input_error("body", "ends_at", "the meeting must end after it starts")
    meeting = services.meeting_create(
        actor=actor,
        council=council,
        committee=committee,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        place=payload.place,
        publication_date=payload.publication_date,
    )
    return Status(201, meeting_detail(actor, meeting.pk))


@router.get("/meetings/{meeting_id}", response={200: Answer, 404: ErrorOut})
def meeting_read(request: HttpRequest, meeting_id: PathId) -> Answer:
    """A meeting with its agenda items (and why each must stay), proposals, signatures and history."""
    return meeting_detail(api_actor(request), meeting_id)


@router.get("/councils/{slug}/decisions", response={200: list[Answer], 404: ErrorOut})
def decision_list(request: HttpRequest, slug: Slug) -> list[Answer]:
    """The council's decision records, latest first (at most 500)."""
    council = council_for(api_actor(request), slug)
    decisions = DecisionRecord.objects.filter(council=council).select_related("advising_officer")
    return [decision_out(d) for d in decisions[:500]]


@router.post("/councils/{slug}/decisions", response={201: Answer, **ERRORS})
def decision_create(request: HttpRequest, slug: Slug, payload: DecisionIn) -> Status[Answer]:
    """An officer or democratic services open a decision record (N 9-10); references to another
    council's people or bodies are a 422 naming the field."""
    actor = api_actor(request)
    council = council_for(actor, slug)
    if actor.council_id != council.pk or (
        actor.officer is None and not actor.is_democratic_services
    ):
        raise Http404("Not found")
    officer = body_ref(Officer.objects.filter(council=council), payload.officer_id, "officer_id")
    member = (
        body_ref(Member.objects.filter(council=council), payload.maker_member_id, "maker_member_id")
        if payload.maker_member_id
        else None
    )
    committee = (
        body_ref(
            Committee.objects.filter(council=council),
            payload.maker_committee_id,
            "maker_committee_id",
        )
        if payload.maker_committee_id
        else None
    )
    meeting = (
        body_ref(Meeting.objects.filter(council=council), payload.meeting_id, "meeting_id")
        if payload.meeting_id
        else None
    )
    decision = services.decision_create(
        actor=actor,
        council=council,
        matter=payload.matter,
        maker=payload.maker,
        report=payload.report,
        advising_officer=officer,
        maker_member=member,
        maker_committee=committee,
        meeting=meeting,
    )
    return Status(201, decision_detail(actor, decision.pk))


@router.get("/decisions/{decision_id}", response={200: Answer, 404: ErrorOut})
def decision_read(request: HttpRequest, decision_id: PathId) -> Answer:
    """A decision record with every version of the advice, when and by whom it was considered."""
    return decision_detail(api_actor(request), decision_id)


@router.get("/decisions/{decision_id}/scrutiny", response={200: Answer, 404: ErrorOut})
def decision_scrutiny(request: HttpRequest, decision_id: PathId) -> Answer:
    """Scrutiny's view (N 13): exactly the advice the decision maker had, the same object the
    executive's record shows."""
    decision = decision_for(api_actor(request), decision_id)
    return {
        **decision_out(decision),
        "advice": selectors.decision_advice(decision).to_dict(),
        "considered_at": decision.considered_at,
        "decided_at": decision.decided_at,
        "decision": decision.decision,
    }


@router.api_operation(
    ["PUT", "PATCH"],
    "/decisions/{decision_id}/advice/{version}",
    response={400: ErrorOut, 404: ErrorOut},
)
def advice_change(
    request: HttpRequest, decision_id: PathId, version: Annotated[int, Path(ge=1, le=1000)]
) -> None:
    """Changing advice on record is refused, whoever asks: a 400 citing N 9 / D 4.4."""
    decision = decision_for(api_actor(request), decision_id)
    services.advice_alter_refuse(actor=api_actor(request), decision=decision, version=version)


@router.delete("/decisions/{decision_id}/advice/{version}", response={400: ErrorOut, 404: ErrorOut})
def advice_delete(
    request: HttpRequest, decision_id: PathId, version: Annotated[int, Path(ge=1, le=1000)]
) -> None:
    """Deleting or hiding advice on record is refused, whoever asks: a 400 citing N 9 / D 4.4."""
    decision = decision_for(api_actor(request), decision_id)
    services.advice_alter_refuse(actor=api_actor(request), decision=decision, version=version)


def _mount(
    registry: ActionRegistry[Any],
    noun: str,
    fetch: Any,
    detail: Any,
) -> None:
    """One POST operation per declared action at `/<noun>s/{id}/<name>`, answering the object's detail."""

    def take(request: HttpRequest, action: Action, pk: int, data: Answer) -> Answer:
        actor = api_actor(request)
        case = fetch(actor, pk)
        action.call(actor, case, action.data_from_api(case, data))
        return detail(actor, pk)

    def handler(action: Action) -> Any:
        if action.schema is None:

            def without_input(request: HttpRequest, case_id: PathId) -> Answer:
                return take(request, action, case_id, {})

            return without_input

        def with_input(request: HttpRequest, case_id: PathId, payload: Any) -> Answer:
            return take(request, action, case_id, payload.dict())

        with_input.__annotations__["payload"] = action.schema
        return with_input

    for action in registry:
        slug = action.name.replace("-", "_")
        router.post(
            f"/{noun}s/{{case_id}}/{action.name}",
            response={200: Answer, **ERRORS},
            operation_id=f"{noun}_{slug}",
            summary=action.label,
            description=action.summary,
            url_name=f"{noun}-{slug}",
        )(handler(action))


_mount(MEETING_ACTIONS, "meeting", meeting_for, meeting_detail)
_mount(DECISION_ACTIONS, "decision", decision_for, decision_detail)
