"""Every step on a group meeting (D 7, N 19) and on a briefing (N 14-15), declared once: who may take it,
from which states, the rules it cites, the service and its input. The page's controls, the API's
operations (`accord.groups.api`) and each service's re-check under the row lock all come from here.

Which steps a meeting offers follows the council's profile: approve/refuse by the Chief Officer where the
request goes through one (D 7.4(a)); accept/decline/nominate where a Chief Officer is invited (N 19).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from django import forms
from django.shortcuts import get_object_or_404

from accord.api.inputs import Fits, Id, Input, body_ref
from accord.cases.actions import Action, ActionRegistry
from accord.core.access import Actor
from accord.councils.models import Member, Officer
from accord.groups import rules
from accord.groups.access import (
    in_group,
    is_attending_officer,
    is_group_leader,
    is_meeting_chief_officer,
    notes_visible_to,
)
from accord.groups.forms import NoteForm, OfficerChoiceForm, PermitForm, TextForm, VerifyForm
from accord.groups.models import Briefing, GroupMeeting, GroupNote
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms

M = GroupMeeting.State
B = Briefing.State
FormFactory = Callable[..., forms.Form]
Text = Annotated[str, Fits(max_length=5000, multiline=True)]


class TextIn(Input):
    text: Text


class OptionalTextIn(Input):
    text: Text = ""


class NominateIn(Input):
    officer_id: Id


class NoteIn(Input):
    kind: GroupNote.Kind
    text: Text


class VerifyIn(Input):
    note_id: Id
    text: Text


class PermitIn(Input):
    member_id: Id


def _text(label: str, required: bool = True) -> FormFactory:
    return lambda *a, case, **kw: TextForm(*a, label=label, required=required, **kw)


def _officer_form(*a: Any, case: GroupMeeting, **kw: Any) -> forms.Form:
    return OfficerChoiceForm(*a, council=case.council, **kw)


def _note_form(*a: Any, case: GroupMeeting, **kw: Any) -> forms.Form:
    return NoteForm(*a, **kw)


def _verify_form(*a: Any, case: GroupMeeting, **kw: Any) -> forms.Form:
    minutes = GroupNote.objects.filter(
        meeting=case, kind=GroupNote.Kind.ADVICE_MINUTE, verified_at__isnull=True
    )
    return VerifyForm(
        *a, choices=[(str(n.pk), f"Minute of {n.at:%-d %B %Y}") for n in minutes], **kw
    )


def _permit_form(*a: Any, case: Briefing, **kw: Any) -> forms.Form:
    return PermitForm(*a, council=case.council, exclude=case.requester_id, **kw)


def _profile_has(rule_id: str) -> Callable[[Actor, Any], bool]:
    return lambda actor, case: rules.has(case.council, rule_id)


def _both(*tests: Callable[[Actor, Any], bool]) -> Callable[[Actor, Any], bool]:
    return lambda actor, case: all(t(actor, case) for t in tests)


def _officer_ref(case: Any, payload: dict[str, Any]) -> None:
    body_ref(
        Officer.objects.filter(council_id=case.council_id), payload["officer_id"], "officer_id"
    )


def _member_ref(case: Any, payload: dict[str, Any]) -> None:
    body_ref(Member.objects.filter(council_id=case.council_id), payload["member_id"], "member_id")


def _has_minutes_to_verify(actor: Actor, meeting: GroupMeeting) -> bool:
    return (
        is_attending_officer(actor, meeting)
        and notes_visible_to(actor, meeting)
        .filter(kind=GroupNote.Kind.ADVICE_MINUTE, verified_at__isnull=True)
        .exists()
    )


def _sees_meeting(actor: Actor, meeting: GroupMeeting) -> bool:
    """The meeting's group and the officers it names (`accord.groups.access.meetings_visible_to`)."""
    return actor.council_id == meeting.council_id and (
        in_group(actor, meeting)
        or is_attending_officer(actor, meeting)
        or is_meeting_chief_officer(actor, meeting)
    )


def _nominate(a: Actor, m: GroupMeeting, d: dict[str, Any]) -> Any:
    officer = get_object_or_404(Officer, pk=d["officer"], council_id=m.council_id)
    return ms.meeting_nominate(actor=a, meeting=m, officer=officer)


MEETING_ACTIONS: ActionRegistry[GroupMeeting] = ActionRegistry(
    "group-meetings",
    [
        Action(
            "approve",
            "Approve the request",
            _both(_profile_has(rules.CHIEF_OFFICER_APPROVAL), is_meeting_chief_officer),
            lambda a, m, d: ms.meeting_approve(actor=a, meeting=m, note=d["text"]),
            _text("Note to the group (optional)", required=False),
            states=frozenset({M.REQUESTED}),
            cites=(rules.CHIEF_OFFICER_APPROVAL, rules.ATTENDANCE_TERMS),
            schema=OptionalTextIn,
            summary="The appropriate Chief Officer approves the officer's attendance (D 7.4(a)).",
            secondary=False,
        ),
        Action(
            "refuse",
            "Refuse the request",
            _both(_profile_has(rules.CHIEF_OFFICER_APPROVAL), is_meeting_chief_officer),
            lambda a, m, d: ms.meeting_refuse(actor=a, meeting=m, reason=d["text"]),
            _text("Reason for refusing"),
            states=frozenset({M.REQUESTED}),
            cites=(rules.CHIEF_OFFICER_APPROVAL,),
            schema=TextIn,
            summary="The appropriate Chief Officer refuses, giving the reason (D 7.4(a)).",
        ),
        Action(
            "accept",
            "Accept the invitation",
            _both(_profile_has(rules.INVITE_CHIEF_OFFICER), is_attending_officer),
            lambda a, m, d: ms.meeting_accept(actor=a, meeting=m, note=d["text"]),
            _text("Note to the group (optional)", required=False),
            states=frozenset({M.REQUESTED}),
            cites=(rules.NOT_OBLIGED, rules.SAME_SUBJECT),
            schema=OptionalTextIn,
            summary="The invited officer accepts (N 19(a)); N 19(d) then binds them on the subject.",
            secondary=False,
        ),
        Action(
            "nominate",
            "Nominate another officer",
            _both(
                _profile_has(rules.INVITE_CHIEF_OFFICER),
                lambda a, m: is_meeting_chief_officer(a, m) and m.officer_id == m.chief_officer_id,
            ),
            _nominate,
            _officer_form,
            states=frozenset({M.REQUESTED}),
            cites=(rules.INVITE_CHIEF_OFFICER,),
            schema=NominateIn,
            api_fields={"officer_id": "officer"},
            api_refs=_officer_ref,
            summary="The invited Chief Officer nominates an officer to attend on their behalf (N 19(e)).",
        ),
        Action(
            "decline",
            "Decline the invitation",
            _both(_profile_has(rules.NOT_OBLIGED), is_attending_officer),
            lambda a, m, d: ms.meeting_decline(actor=a, meeting=m, reason=d["text"]),
            _text("Reason for declining"),
            states=frozenset({M.REQUESTED}),
            cites=(rules.NOT_OBLIGED, rules.SAME_SUBJECT),
            schema=TextIn,
            summary="No officer is obliged to accept (N 19(a)), unless they accepted another group's "
            "invitation on the same subject (N 19(d)).",
        ),
        Action(
            "record-advice",
            "Record the advice given",
            is_attending_officer,
            lambda a, m, d: ms.meeting_advice_record(actor=a, meeting=m, advice=d["text"]),
            _text("The advice given: factual information or professional expertise only"),
            states=frozenset({M.AGREED}),
            cites=(rules.ADVICE_FACTUAL, rules.SAME_ADVICE, rules.PARITY_OFFER),
            schema=TextIn,
            summary="The officer records the factual or professional advice given (D 7.4(b)(i), "
            "N 19(f)); in the district the other groups are offered the same (D 7.4(b)(v)).",
            secondary=False,
        ),
        Action(
            "officer-left",
            "Record that you left the meeting",
            is_attending_officer,
            lambda a, m, d: ms.meeting_officer_left(actor=a, meeting=m, note=d["text"]),
            _text("Note (optional)", required=False),
            states=frozenset({M.AGREED}),
            cites=(rules.ATTENDANCE_TERMS, rules.NO_INSISTING),
            schema=OptionalTextIn,
            summary="The officer leaves during the group's deliberations (D 7.4(b)(ii)) or when they "
            "choose (N 19(c)).",
        ),
        Action(
            "note-add",
            "Add a note for your group",
            in_group,
            lambda a, m, d: ms.meeting_note_add(actor=a, meeting=m, text=d["text"], kind=d["kind"]),
            _note_form,
            cites=(rules.CONFIDENTIAL,),
            schema=NoteIn,
            summary="A note or minute seen by the group's Members only (D 7.3, N 19(h)); a minute of "
            "the officer's advice is shown to that officer to verify (N 19(i)).",
        ),
        Action(
            "verify-minute",
            "Verify the minute of your advice",
            _has_minutes_to_verify,
            lambda a, m, d: ms.meeting_minute_verify(
                actor=a, meeting=m, note_id=d["note"], verification=d["text"]
            ),
            _verify_form,
            cites=(rules.VERIFY_MINUTES,),
            schema=VerifyIn,
            api_fields={"note_id": "note"},
            summary="The officer verifies the group's record of their advice (N 19(i)).",
        ),
        Action(
            "withdraw",
            "Withdraw the request",
            in_group,
            lambda a, m, d: ms.meeting_withdraw(actor=a, meeting=m, note=d["text"]),
            _text("Note (optional)", required=False),
            states=frozenset(GroupMeeting.OPEN_STATES),
            cites=(rules.NO_INSISTING,),
            schema=OptionalTextIn,
            summary="The group withdraws its request; no officer may insist on attending (N 19(b)).",
        ),
        Action(
            "report-breach",
            "Report a suspected breach of confidentiality",
            _sees_meeting,
            lambda a, m, d: ms.meeting_breach_report(actor=a, meeting=m, text=d["text"]),
            _text("What happened"),
            cites=(rules.CONFIDENTIAL,),
            schema=TextIn,
            summary="Reported to the Monitoring Officer (D 7.3).",
        ),
    ],
    visible=_sees_meeting,
)


def _requester(actor: Actor, b: Briefing) -> bool:
    return actor.member is not None and actor.member.pk == b.requester_id


def _briefing_officer(actor: Actor, b: Briefing) -> bool:
    return actor.officer is not None and actor.officer.pk == b.officer_id


def _leader_of_requester(actor: Actor, b: Briefing) -> bool:
    member = actor.member
    return (
        member is not None
        and member.pk != b.requester_id
        and is_group_leader(member)
        and member.group_id == b.requester.group_id
    )


def _permit(a: Actor, b: Briefing, d: dict[str, Any]) -> Any:
    member = get_object_or_404(Member, pk=d["member"], council_id=b.council_id)
    return bs.briefing_permit(actor=a, briefing=b, member=member)


BRIEFING_ACTIONS: ActionRegistry[Briefing] = ActionRegistry(
    "briefings",
    [
        Action(
            "agree",
            "Agree to the request",
            _leader_of_requester,
            lambda a, b, d: bs.briefing_agree(actor=a, briefing=b, agree=True),
            lambda *a, case, **kw: TextForm(*a, label="Note (optional)", required=False, **kw),
            states=frozenset({B.AWAITING_AGREEMENT}),
            cites=(rules.BRIEFING_CONFIDENTIAL,),
            schema=OptionalTextIn,
            summary="The requester's Group Leader agrees (N 14).",
            secondary=False,
        ),
        Action(
            "not-agree",
            "Do not agree",
            _leader_of_requester,
            lambda a, b, d: bs.briefing_agree(actor=a, briefing=b, agree=False),
            lambda *a, case, **kw: TextForm(*a, label="Note (optional)", required=False, **kw),
            states=frozenset({B.AWAITING_AGREEMENT}),
            cites=(rules.BRIEFING_CONFIDENTIAL,),
            schema=OptionalTextIn,
            summary="The requester's Group Leader does not agree (N 14).",
        ),
        Action(
            "give",
            "Give the briefing",
            _briefing_officer,
            lambda a, b, d: bs.briefing_give(actor=a, briefing=b, information=d["text"]),
            _text("The briefing"),
            states=frozenset({B.REQUESTED}),
            cites=(rules.BRIEFING_CONFIDENTIAL, rules.SHARE_INFORMATION),
            schema=TextIn,
            summary="The officer gives the briefing (N 14); information that is not confidential is "
            "offered to the other groups (N 15).",
            secondary=False,
        ),
        Action(
            "decline",
            "Decline the briefing",
            _briefing_officer,
            lambda a, b, d: bs.briefing_decline(actor=a, briefing=b, reason=d["text"]),
            _text("Reason for declining"),
            states=frozenset({B.REQUESTED}),
            cites=(rules.BRIEFING_CONFIDENTIAL,),
            schema=TextIn,
            summary="The officer declines, e.g. a briefing that would pre-empt a decision (N 14).",
        ),
        Action(
            "permit",
            "Permit another Member to see it",
            _requester,
            _permit,
            _permit_form,
            cites=(rules.BRIEFING_CONFIDENTIAL,),
            schema=PermitIn,
            api_fields={"member_id": "member"},
            api_refs=_member_ref,
            summary="The requester permits a named Member to see the briefing (N 14).",
        ),
    ],
    visible=lambda actor, b: actor.council_id == b.council_id,
)
