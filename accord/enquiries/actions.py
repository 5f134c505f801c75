"""Every action on a Members' enquiry, declared once (D 4.3, D 6.2-6.7, N 17).

Each declaration says who may take the action, from which states, the rule it cites, the service it calls
and its input; the permission check (`enquiry_actions_for`, re-checked by every service under the case's
row lock), the case page's controls and the API's operations (`accord.enquiries.api_actions`) are all made
from `ENQUIRY_ACTIONS`, installed by the app's `ready`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse

from accord.api.inputs import body_ref
from accord.cases.actions import Action, ActionRegistry
from accord.core import clock
from accord.core.access import Actor, is_monitoring_officer
from accord.core.errors import AccordError
from accord.councils.models import Officer
from accord.enquiries import api_inputs as api
from accord.enquiries import rules, services
from accord.enquiries.access import acts_for_member, is_case_officer, manages_service
from accord.enquiries.dispute_forms import DisputeOpenForm
from accord.enquiries.forms import (
    AnswerForm,
    AssignForm,
    AttachmentForm,
    EmptyForm,
    HoldingReplyForm,
    TextForm,
)
from accord.enquiries.models import BurdenReview, Enquiry, HoldingReply
from accord.enquiries.services.answer_files import enquiry_answer_with_attachments
from accord.protocol import ProfileError, load_profile

State = Enquiry.State
OPEN = frozenset(Enquiry.OPEN_STATES)
IN_HAND = frozenset({State.ASSIGNED, State.HOLDING_REPLY_SENT})
FormFactory = Callable[..., forms.Form]


def _text(label: str, required: bool = True) -> FormFactory:
    return lambda *a, case, **kw: TextForm(*a, label=label, required=required, **kw)


def _plain(form: type[forms.Form]) -> FormFactory:
    return lambda *a, case, **kw: form(*a, **kw)


def _assign_form(*args: Any, case: Enquiry, **kwargs: Any) -> forms.Form:
    return AssignForm(*args, council=case.council, service=case.service, **kwargs)


def _dispute_form(*args: Any, case: Enquiry, **kwargs: Any) -> forms.Form:
    return DisputeOpenForm(*args, council=case.council, member=case.member, **kwargs)


def _handler(actor: Actor, enquiry: Enquiry) -> bool:
    """The case officer, or the manager accountable for the service (D 6.2)."""
    return is_case_officer(actor, enquiry) or manages_service(actor, enquiry)


def _may_claim(actor: Actor, enquiry: Enquiry) -> bool:
    """An officer of the owning service, or its manager, takes an unassigned case (D 6.2)."""
    officer = actor.officer
    return (
        officer is not None
        and enquiry.assigned_to_id is None
        and (officer.service_id == enquiry.service_id or manages_service(actor, enquiry))
    )


def _may_decide_holding_reply(actor: Actor, enquiry: Enquiry) -> bool:
    """D 6.3: the timescale of a holding reply is agreed with the Member, while one is proposed."""
    return (
        acts_for_member(actor, enquiry)
        and enquiry.holding_replies.filter(decision=HoldingReply.Decision.PROPOSED).exists()
    )


def _may_reopen(actor: Actor, enquiry: Enquiry) -> bool:
    return (
        acts_for_member(actor, enquiry)
        and enquiry.reopen_until is not None
        and clock.today() <= enquiry.reopen_until
    )


def _may_answer(actor: Actor, enquiry: Enquiry) -> bool:
    """The case's handler, or the Monitoring Officer for a case routed to them (D 4.2)."""
    if enquiry.state == State.MONITORING_OFFICER:
        return is_monitoring_officer(actor)
    return _handler(actor, enquiry)


def _may_raise_burden(actor: Actor, enquiry: Enquiry) -> bool:
    """D 6.4: the handler, while no review of the burden is open."""
    return (
        _handler(actor, enquiry)
        and not BurdenReview.objects.filter(
            enquiry=enquiry, state__in=[BurdenReview.State.RAISED, BurdenReview.State.REVIEWED]
        ).exists()
    )


def _reviews(state: str) -> Callable[[Actor, Enquiry], bool]:
    """D 6.4: the reviewer first reviews the burden, then records the approach agreed with the Member."""

    def reviewer_of(actor: Actor, enquiry: Enquiry) -> bool:
        return (
            actor.officer is not None
            and BurdenReview.objects.filter(
                enquiry=enquiry, reviewer=actor.officer, state=state
            ).exists()
        )

    return reviewer_of


def _member_or_handler(actor: Actor, enquiry: Enquiry) -> bool:
    return acts_for_member(actor, enquiry) or _handler(actor, enquiry)


def _may_record_declined_document(actor: Actor, enquiry: Enquiry) -> bool:
    """N 17: a Chief Officer records declining a document the Member asked for, at a council whose
    protocol has the procedure (elsewhere there is no page or route to take it to)."""
    if not actor.is_chief_officer:
        return False
    try:
        profile = load_profile(enquiry.council.profile)
    except (ProfileError, KeyError, FileNotFoundError, ValueError):
        return False
    return rules.INFORMATION_DISPUTE in profile.rules


def _open_review(enquiry: Enquiry) -> BurdenReview:
    review = enquiry.burden_reviews.exclude(state=BurdenReview.State.AGREED).order_by("-id").first()
    if review is None:
        raise AccordError("There is no open review of the burden of this enquiry.")
    return review


def _officer(enquiry: Enquiry, officer_id: int) -> Officer:
    return get_object_or_404(Officer, pk=officer_id, council_id=enquiry.council_id)


def _officer_of_council(enquiry: Enquiry, payload: dict[str, Any]) -> None:
    body_ref(
        Officer.objects.filter(council_id=enquiry.council_id), payload["officer_id"], "officer_id"
    )


def _answer(a: Actor, e: Enquiry, d: dict[str, Any]) -> Any:
    return enquiry_answer_with_attachments(
        actor=a, enquiry=e, answer=d["text"], uploads=d.get("attachments") or ()
    )


def _declined_document(a: Actor, e: Enquiry, d: dict[str, Any]) -> Any:
    return services.information_dispute_open(
        actor=a, member=e.member, document=d["document"], reason=d["reason"], enquiry=e
    )


TEXT = {"note": "text", "reason": "text", "question": "text", "reply": "text", "approach": "text"}

ENQUIRY_ACTIONS: ActionRegistry[Enquiry] = ActionRegistry(
    "enquiries",
    [
        Action(
            "chase",
            "Chase this enquiry",
            acts_for_member,
            lambda a, e, d: services.enquiry_chase(actor=a, enquiry=e, note=d["text"]),
            _text("Note (optional)", required=False),
            states=OPEN,
            cites=(rules.CHASERS,),
            schema=api.NoteIn,
            api_fields=TEXT,
            summary="A Member chases a live enquiry: recorded and counted (D 6.3).",
        ),
        Action(
            "member-reply",
            "Send your reply",
            acts_for_member,
            lambda a, e, d: services.enquiry_member_reply(actor=a, enquiry=e, reply=d["text"]),
            _text("Your reply to the officer"),
            states=frozenset({State.WAITING_FOR_MEMBER}),
            cites=(rules.PAUSE,),
            schema=api.ReplyIn,
            api_fields=TEXT,
            summary="The Member answers the officer's question; the clock starts again (D 6.3).",
            api_aliases=("reply",),
            secondary=False,
        ),
        Action(
            "holding-reply-accept",
            "Accept the new timescale",
            _may_decide_holding_reply,
            lambda a, e, d: services.enquiry_holding_reply_decide(
                actor=a, enquiry=e, accept=True, note=d["text"]
            ),
            _text("Note to the officer (optional)", required=False),
            states=OPEN,
            cites=(rules.HOLDING_REPLY,),
            schema=api.NoteIn,
            api_fields=TEXT,
            summary="The Member (or democratic services for them) accepts the proposed timescale "
            "(D 6.3).",
            api_aliases=("holding-reply/accept",),
            secondary=False,
        ),
        Action(
            "holding-reply-decline",
            "Decline the new timescale",
            _may_decide_holding_reply,
            lambda a, e, d: services.enquiry_holding_reply_decide(
                actor=a, enquiry=e, accept=False, note=d["text"]
            ),
            _text("Why it does not suit (optional)", required=False),
            states=OPEN,
            cites=(rules.HOLDING_REPLY,),
            schema=api.NoteIn,
            api_fields=TEXT,
            summary="The Member (or democratic services for them) declines it: the due date stands "
            "(D 6.3).",
            api_aliases=("holding-reply/decline",),
        ),
        Action(
            "escalate",
            "Escalate",
            acts_for_member,
            lambda a, e, d: services.enquiry_escalate(actor=a, enquiry=e, reason=d["text"]),
            _text("Why the response is not satisfactory"),
            states=frozenset({State.ANSWERED, State.CLOSED}),
            cites=(rules.ESCALATION,),
            schema=api.ReasonIn,
            api_fields=TEXT,
            summary="A Member not satisfied with a response escalates it (D 4.3).",
        ),
        Action(
            "reopen",
            "Reopen the enquiry",
            _may_reopen,
            lambda a, e, d: services.enquiry_reopen(actor=a, enquiry=e, reason=d["text"]),
            _text("Why you are reopening it"),
            states=frozenset({State.ANSWERED, State.CLOSED}),
            cites=(rules.RESPONSE_DEADLINE,),
            schema=api.ReasonIn,
            api_fields=TEXT,
            summary="The Member reopens an answered enquiry within the council's window (D 6.3).",
        ),
        Action(
            "claim",
            "Take this enquiry",
            _may_claim,
            lambda a, e, d: services.enquiry_claim(actor=a, enquiry_id=e.pk),
            _plain(EmptyForm),
            states=frozenset({State.RECEIVED}),
            cites=(rules.ROUTING,),
            summary="An officer of the owning service takes the enquiry (D 6.2).",
            secondary=False,
            prechecked=False,
        ),
        Action(
            "assign",
            "Assign",
            manages_service,
            lambda a, e, d: services.enquiry_assign(
                actor=a, enquiry=e, officer=_officer(e, d["officer"])
            ),
            _assign_form,
            states=OPEN,
            cites=(rules.ROUTING,),
            schema=api.AssignIn,
            api_fields={"officer_id": "officer"},
            api_refs=_officer_of_council,
            summary="The accountable manager gives the enquiry to an officer (D 6.2).",
        ),
        Action(
            "holding-reply",
            "Send a holding reply",
            _handler,
            lambda a, e, d: services.enquiry_holding_reply_send(
                actor=a, enquiry=e, reason=d["reason"], new_due_date=d["new_due_date"]
            ),
            _plain(HoldingReplyForm),
            states=IN_HAND,
            cites=(rules.HOLDING_REPLY,),
            schema=api.HoldingReplyIn,
            summary="The reason and a new timescale proposed to the Member, who accepts or declines "
            "it (D 6.3).",
        ),
        Action(
            "wait-for-member",
            "Ask the Member a question",
            _handler,
            lambda a, e, d: services.enquiry_wait_for_member(
                actor=a, enquiry=e, question=d["text"]
            ),
            _text("Your question for the Member"),
            states=IN_HAND,
            cites=(rules.PAUSE,),
            schema=api.QuestionIn,
            api_fields=TEXT,
            summary="Ask the Member a question; the clock stops until they reply (D 6.3).",
            api_aliases=("wait",),
        ),
        Action(
            "answer",
            "Send the substantive response",
            _may_answer,
            _answer,
            _plain(AnswerForm),
            states=IN_HAND | {State.MONITORING_OFFICER},
            cites=(rules.RESPONSE_DEADLINE,),
            schema=api.AnswerIn,
            api_fields={"answer": "text"},
            summary="The substantive response (D 6.3).",
            secondary=False,
        ),
        Action(
            "divert-to-complaints",
            "Divert to the complaints procedure",
            _handler,
            lambda a, e, d: services.enquiry_divert_to_complaints(
                actor=a, enquiry=e, reason=d["text"]
            ),
            _text("Why this is a complaint"),
            states=IN_HAND,
            cites=(rules.COMPLAINTS,),
            schema=api.ReasonIn,
            api_fields=TEXT,
            summary="A constituent's complaint goes to the Corporate Complaints Procedure (D 6.7).",
            api_aliases=("divert",),
        ),
        Action(
            "burden-raise",
            "Raise a disproportionate burden",
            _may_raise_burden,
            lambda a, e, d: services.enquiry_burden_raise(actor=a, enquiry=e, reason=d["text"]),
            _text("Why answering would impose a disproportionate burden"),
            states=IN_HAND,
            cites=(rules.BURDEN,),
            schema=api.ReasonIn,
            api_fields=TEXT,
            summary="The handler says answering would impose a disproportionate burden; a more "
            "senior officer reviews it (D 6.4).",
        ),
        Action(
            "close",
            "Close the enquiry",
            _member_or_handler,
            lambda a, e, d: services.enquiry_close(actor=a, enquiry=e),
            _plain(EmptyForm),
            states=frozenset({State.ANSWERED}),
            cites=(rules.RESPONSE_DEADLINE,),
            summary="Close an answered enquiry (D 6.3).",
        ),
        Action(
            "burden-review",
            "Record the review",
            _reviews(BurdenReview.State.RAISED),
            lambda a, e, d: services.enquiry_burden_review(
                actor=a, review=_open_review(e), note=d["text"]
            ),
            _text("Review note"),
            cites=(rules.BURDEN,),
            schema=api.ReviewIn,
            api_fields=TEXT,
            summary="The reviewer records their review of the burden (D 6.4).",
        ),
        Action(
            "burden-agree",
            "Record the agreed approach",
            _reviews(BurdenReview.State.REVIEWED),
            lambda a, e, d: services.enquiry_burden_agree(
                actor=a, review=_open_review(e), approach=d["text"]
            ),
            _text("The approach agreed with the Member"),
            cites=(rules.BURDEN,),
            schema=api.ApproachIn,
            api_fields=TEXT,
            summary="The reviewer records the approach agreed with the Member (D 6.4).",
        ),
        Action(
            "attachment-add",
            "Upload the file",
            _member_or_handler,
            lambda a, e, d: services.enquiry_attachment_add(actor=a, enquiry=e, upload=d["upload"]),
            _plain(AttachmentForm),
            states=OPEN,
            cites=(rules.RESPONSE_DEADLINE,),
            files=True,
            summary="Add a file to a live enquiry (multipart form, field `upload`).",
        ),
        Action(
            "information-dispute-open",
            "Record declining a document the Member asked for",
            _may_record_declined_document,
            _declined_document,
            _dispute_form,
            cites=(rules.INFORMATION_DISPUTE,),
            schema=api.DocumentDeclinedIn,
            summary="A Chief Officer records declining a document the Member asked for; the Member "
            "may dispute it (N 17).",
            link=lambda e: f"{reverse('enquiries:dispute-open')}?enquiry={e.pk}",
        ),
    ],
    visible=lambda actor, enquiry: (
        actor.is_authenticated and actor.council_id == enquiry.council_id
    ),
)
