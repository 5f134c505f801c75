"""Reads of group meetings and briefings, shaped for the pages, the CSV and the API alike, so that each
shows exactly the same things to the same person (D 7.3, N 19(h), N 14)."""

from __future__ import annotations

from typing import Any

from accord.core.access import Actor
from accord.groups import rules
from accord.groups.access import in_group, is_attending_officer, notes_visible_to
from accord.groups.models import Briefing, GroupMeeting, ParityOffer
from accord.groups.services.meetings import same_subject_advice


def _cite(council: Any, *ids: str) -> list[dict[str, str]]:
    return [c.to_dict() for c in rules.cites(council, *ids)]


def meeting_row(meeting: GroupMeeting) -> dict[str, Any]:
    """The fields of a meeting any person who may see it sees (never the group's notes)."""
    return {
        "id": meeting.pk,
        "group": meeting.group.name,
        "meeting_date": meeting.meeting_date,
        "place": meeting.place,
        "subject": meeting.subject,
        "officer": meeting.officer.name,
        "chief_officer": meeting.chief_officer.name,
        "state": meeting.state,
        "state_label": meeting.get_state_display(),
    }


def meeting_detail(actor: Actor, meeting: GroupMeeting) -> dict[str, Any]:
    """What the actor may see of one meeting: the advice, the group's notes visible to them (N 19(i)),
    the advice already given to other groups on the same subject when they are its officer (N 19(g)),
    and the notices every page carries (D 7.1, N 18, N 19(j))."""
    council = meeting.council
    notes = [
        {
            "id": n.pk,
            "kind": n.kind,
            "kind_label": n.get_kind_display(),
            "text": n.text,
            "written_by": n.written_by.name,
            "at": n.at,
            "verified_at": n.verified_at,
            "verification": n.verification,
        }
        for n in notes_visible_to(actor, meeting)
    ]
    same = []
    if is_attending_officer(actor, meeting) and rules.has(council, rules.SAME_ADVICE):
        same = [
            {"meeting_date": m.meeting_date, "officer": m.officer.name, "advice": m.advice}
            for m in same_subject_advice(meeting)
        ]
    offers = []
    if in_group(actor, meeting) or is_attending_officer(actor, meeting):
        offers = [
            {"state": o.state, "answered_at": o.answered_at}
            for o in ParityOffer.objects.filter(meeting=meeting).order_by("id")
        ]
    return {
        **meeting_row(meeting),
        "advice": meeting.advice,
        "advice_at": meeting.advice_at,
        "notes": notes,
        "same_subject_advice": same,
        "offers": offers,
        "not_a_decision": _cite(council, rules.NOT_DECISION_MAKING),
        "no_public_reference": _cite(council, rules.NO_PUBLIC_REFERENCE),
        "attendance_terms": _cite(
            council, rules.ATTENDANCE_TERMS, rules.ADVICE_FACTUAL, rules.NO_INSISTING
        ),
        "confidential": _cite(council, rules.CONFIDENTIAL),
    }


def briefing_detail(actor: Actor, briefing: Briefing) -> dict[str, Any]:
    """A briefing as its viewer sees it; the requester also sees who viewed it (N 14)."""
    council = briefing.council
    is_requester = actor.member is not None and actor.member.pk == briefing.requester_id
    views = []
    if is_requester:
        views = [
            {"name": _name(v.user), "at": v.at, "channel": v.channel}
            for v in briefing.views.select_related("user__member", "user__officer")
        ]
    return {
        "id": briefing.pk,
        "subject": briefing.subject,
        "details": briefing.details,
        "requester": briefing.requester.name,
        "requester_office": briefing.requester_office,
        "officer": briefing.officer.name,
        "confidential": briefing.confidential,
        "decision_pending": briefing.decision_pending,
        "state": briefing.state,
        "state_label": briefing.get_state_display(),
        "information": briefing.information,
        "given_at": briefing.given_at,
        "permitted": [p.member.name for p in briefing.permissions.select_related("member")],
        "views": views,
        "citations": _cite(council, rules.BRIEFING_CONFIDENTIAL, rules.SHARE_INFORMATION),
    }


def _name(user: Any) -> str:
    person = getattr(user, "member", None) or getattr(user, "officer", None)
    return (
        str(person.name) if person is not None else str(user.get_full_name() or user.get_username())
    )


def offer_detail(offer: ParityOffer) -> dict[str, Any]:
    """An offer to a group: the subject and officer; the information itself once taken up
    (D 7.4(b)(v), N 15). Never which group was given it, nor anything that group said."""
    return {
        "id": offer.pk,
        "subject": offer.subject,
        "officer": offer.officer.name,
        "state": offer.state,
        "state_label": offer.get_state_display(),
        "offered_at": offer.offered_at,
        "answered_at": offer.answered_at,
        "information": offer.information if offer.state == ParityOffer.State.TAKEN_UP else "",
        "citations": _cite(
            offer.council, rules.PARITY_OFFER, rules.SHARE_INFORMATION, rules.NO_PUBLIC_REFERENCE
        ),
    }
