"""Every action on a question about the protocol, declared once (D 1.3, D 1.4)."""

from __future__ import annotations

from typing import Annotated

from accord.api.inputs import Fits, Input
from accord.cases.actions import Action, ActionRegistry
from accord.core.access import Actor
from accord.rulings import rules, services
from accord.rulings.access import holds
from accord.rulings.forms import TextForm
from accord.rulings.models import TEXT_MAX, Question

Text = Annotated[str, Fits(max_length=TEXT_MAX, multiline=True)]


class AnswerIn(Input):
    answer: Text


class ReferIn(Input):
    note: Text = ""


def _may_refer(actor: Actor, question: Question) -> bool:
    """D 1.4: an officer's question, passed on by the officer who has it, while the chain goes on."""
    if not holds(actor, question) or question.asked_by_officer is None:
        return False
    profile = services.profile_for(question.council)
    return (
        rules.next_step(profile, question.asked_by_officer, question.step, question.holder)
        is not None
    )


QUESTION_ACTIONS: ActionRegistry[Question] = ActionRegistry(
    "questions",
    [
        Action(
            "answer",
            "Answer the question",
            holds,
            lambda a, q, d: services.question_answer(actor=a, question=q, answer=d["text"]),
            lambda *a, case, **kw: TextForm(*a, label="Your answer", **kw),
            states=frozenset({Question.State.ASKED}),
            cites=(rules.QUESTION_MEMBER, rules.QUESTION_OFFICER),
            schema=AnswerIn,
            api_fields={"answer": "text"},
            summary="The officer who has the question answers it (D 1.3, D 1.4).",
            secondary=False,
        ),
        Action(
            "refer",
            "Pass it up the chain",
            _may_refer,
            lambda a, q, d: services.question_refer(actor=a, question=q, note=d.get("text", "")),
            lambda *a, case, **kw: TextForm(*a, label="Note (optional)", required=False, **kw),
            states=frozenset({Question.State.ASKED}),
            cites=(rules.QUESTION_OFFICER,),
            schema=ReferIn,
            api_fields={"note": "text"},
            summary="To the Head of Service, then a Chief Officer (D 1.4).",
        ),
    ],
    visible=lambda actor, question: (
        actor.is_authenticated and actor.council_id == question.council_id
    ),
)
