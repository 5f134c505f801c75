"""Every action on correspondence, a press enquiry and a publicity request, declared once (D 8.1-8.4,
D 10.4-10.7): the permission check (re-checked by each service under the row lock), the case page's
controls and the API's operations all come from these registries, installed by the app's `ready`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from accord.api.inputs import body_ref
from accord.cases.actions import Action, ActionRegistry
from accord.core.access import Actor
from accord.correspondence import api_inputs as api
from accord.correspondence import rules, services
from accord.correspondence.access import is_communications_team, same_council
from accord.correspondence.forms import AdviceRequestForm, EmptyForm, ReviewForm, TextForm
from accord.correspondence.models import Correspondence, PressEnquiry, PublicityRequest
from accord.councils.models import Officer

Letter = Correspondence.State
FormFactory = Callable[..., forms.Form]


def _text(label: str, max_length: int, required: bool = True) -> FormFactory:
    return lambda *a, case, **kw: TextForm(
        *a, label=label, max_length=max_length, required=required, **kw
    )


def _is_author(actor: Actor, case: Correspondence) -> bool:
    return actor.user is not None and case.created_by_id == actor.user.pk


def _may_ask_advice(actor: Actor, case: Correspondence) -> bool:
    """D 8.4: a Member writing in their own name asks an officer's advice before sending."""
    return (
        case.signed_as == Correspondence.SignedAs.MEMBER
        and actor.member is not None
        and case.member_id == actor.member.pk
        and not case.advice
    )


def _advises(actor: Actor, case: Correspondence) -> bool:
    return actor.officer is not None and case.advice_from_id == actor.officer.pk


def _officer_of(case: Correspondence, data: dict[str, Any]) -> Officer:
    """The officer the page chose, or the one the API's `officer_id` names (a 422 if not the council's)."""
    officer = data["officer"]
    if isinstance(officer, Officer):
        return officer
    return body_ref(Officer.objects.filter(council_id=case.council_id), officer, "officer_id")


CORRESPONDENCE_ACTIONS: ActionRegistry[Correspondence] = ActionRegistry(
    "correspondence",
    [
        Action(
            "send",
            "Send it",
            _is_author,
            lambda a, c, d: services.correspondence_send(actor=a, correspondence=c),
            lambda *a, case, **kw: EmptyForm(*a, **kw),
            states=frozenset({Letter.DRAFT}),
            cites=(rules.OFFICIAL_NAME, rules.TARGETED),
            summary="Mark it sent in the name it records; a message to every Member (or a whole group) "
            "is e-mailed by Accord to each of them (D 8.1).",
            secondary=False,
        ),
        Action(
            "advice-request",
            "Ask an officer's advice",
            _may_ask_advice,
            lambda a, c, d: services.correspondence_advice_request(
                actor=a, correspondence=c, officer=_officer_of(c, d), question=d["question"]
            ),
            lambda *a, case, **kw: AdviceRequestForm(*a, council=case.council, **kw),
            states=frozenset({Letter.DRAFT}),
            cites=(rules.OFFICIAL_NAME,),
            schema=api.AdviceRequestIn,
            api_fields={"officer_id": "officer"},
            summary="D 8.4: a Member asks an officer's advice before sending in their own name.",
        ),
        Action(
            "advice-give",
            "Give your advice",
            _advises,
            lambda a, c, d: services.correspondence_advice_give(
                actor=a, correspondence=c, advice=d["text"]
            ),
            _text("Your advice", 8000),
            states=frozenset({Letter.ADVICE_REQUESTED}),
            cites=(rules.OFFICIAL_NAME,),
            schema=api.AdviceIn,
            api_fields={"advice": "text"},
            summary="D 8.4: the officer's advice, kept with the letter.",
            secondary=False,
        ),
        Action(
            "withdraw",
            "Withdraw it",
            _is_author,
            lambda a, c, d: services.correspondence_withdraw(
                actor=a, correspondence=c, reason=d["text"]
            ),
            _text("Why it is withdrawn", 2000),
            states=frozenset(Correspondence.OPEN_STATES),
            cites=(rules.FREEDOM_OF_INFORMATION,),
            schema=api.CommsReasonIn,
            api_fields={"reason": "text"},
            summary="The author withdraws it before it is sent; it stays on record (D 8.3).",
        ),
    ],
    visible=same_council,
)


def _team(actor: Actor, case: Any) -> bool:
    return is_communications_team(actor)


PRESS_ACTIONS: ActionRegistry[PressEnquiry] = ActionRegistry(
    "press-enquiries",
    [
        Action(
            "answer",
            "Record the response on behalf of the Council",
            _team,
            lambda a, c, d: services.press_enquiry_answer(actor=a, press=c, response=d["text"]),
            _text("The response", 8000),
            states=frozenset({PressEnquiry.State.WITH_COMMUNICATIONS}),
            cites=(rules.PRESS_ENQUIRIES,),
            schema=api.ResponseIn,
            api_fields={"response": "text"},
            summary="D 10.7: the Communications Team answers on behalf of the Council.",
            secondary=False,
        ),
        Action(
            "close",
            "Close without a response",
            _team,
            lambda a, c, d: services.press_enquiry_close(actor=a, press=c, reason=d["text"]),
            _text("Why there is no response", 2000),
            states=frozenset({PressEnquiry.State.WITH_COMMUNICATIONS}),
            cites=(rules.PRESS_ENQUIRIES,),
            schema=api.CommsReasonIn,
            api_fields={"reason": "text"},
            summary="D 10.7: the Communications Team closes an enquiry it will not answer.",
        ),
    ],
    visible=same_council,
)


def _requested(actor: Actor, case: PublicityRequest) -> bool:
    return actor.user is not None and case.requested_by_id == actor.user.pk


def _review(actor: Actor, case: PublicityRequest, data: dict[str, Any]) -> Any:
    checks = data["checks"] if "checks" in data else ReviewForm.checks_of(data)
    return services.publicity_review(
        actor=actor,
        publicity=case,
        approve=data["decision"] == "approve",
        checks=list(checks),
        note=data.get("note", ""),
    )


PUBLICITY_ACTIONS: ActionRegistry[PublicityRequest] = ActionRegistry(
    "publicity",
    [
        Action(
            "review",
            "Record the review",
            _team,
            _review,
            lambda *a, case, **kw: ReviewForm(*a, **kw),
            states=frozenset(PublicityRequest.OPEN_STATES),
            cites=(rules.PRE_ELECTION, rules.NO_PARTY_PUBLICITY, rules.NO_POLITICAL_COMMENT),
            schema=api.PublicityReviewIn,
            summary="D 10.3-10.6: the Communications Team's review against the Code of Recommended "
            "Practice on Local Authority Publicity 2011, recording each check.",
            secondary=False,
        ),
        Action(
            "withdraw",
            "Withdraw the request",
            _requested,
            lambda a, c, d: services.publicity_withdraw(actor=a, publicity=c, reason=d["text"]),
            _text("Why it is withdrawn", 2000),
            states=frozenset(PublicityRequest.OPEN_STATES),
            schema=api.CommsReasonIn,
            api_fields={"reason": "text"},
            summary="Whoever asked withdraws an open request; it stays on record.",
        ),
    ],
    visible=same_council,
)
