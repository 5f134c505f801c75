"""Writes on concerns (D 11.2-11.6, N 3): each in one transaction, re-reading the concern under its row
lock and re-checking the action against the locked state; history appended through the council's chain;
e-mail queued in the same transaction (delivered after commit) and never to the person concerned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from accord.cases.actions import actions_of
from accord.cases.history import events_chain
from accord.concerns import rules
from accord.concerns.access import concern_for, concerns_visible_to
from accord.concerns.models import (
    Concern,
    ConcernChainHead,
    ConcernEvent,
    InformalMeeting,
    MeetingInvitee,
)
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.core.errors import AccordError
from accord.councils.models import Council, Member, Office, Officer
from accord.notifications.ical import CalendarEvent, Person, ical_invitation
from accord.notifications.queue import notification_queue_many
from accord.notifications.services import notification_new
from accord.protocol import Citation, Profile, load_profile

State = Concern.State
MEETING_MINUTES = (15, 480)
MEETING_HORIZON_DAYS = 366


def profile_for(council: Council) -> Profile:
    return load_profile(council.profile)


def _cites(citations: Iterable[Citation | dict[str, Any]]) -> list[dict[str, Any]]:
    return [c if isinstance(c, dict) else c.to_dict() for c in citations]


def _event(
    concern: Concern,
    *,
    actor: Actor | None,
    kind: str,
    description: str,
    citations: Iterable[Citation | dict[str, Any]] = (),
    **data: Any,
) -> ConcernEvent:
    return ConcernEvent(
        concern=concern,
        at=clock.now(),
        actor=actor.user if actor is not None else None,
        kind=kind,
        description=description,
        citations=_cites(citations),
        data=data,
    )


def _write(concern: Concern, events: list[ConcernEvent]) -> list[ConcernEvent]:
    """Chain the events under the council's chain head lock and insert them (append-only)."""
    events_chain(events, ConcernChainHead, lambda e: concern.council_id)
    return ConcernEvent.objects.bulk_create(events)


def _tell(
    concern: Concern,
    event: ConcernEvent,
    people: Iterable[Member | Officer],
    *,
    template: str,
    context: dict[str, Any] | None = None,
    calendar: str = "",
) -> None:
    """E-mail each person with an address (never the officer or Member the concern is about, unless the
    informal meeting invites them), in the caller's transaction."""
    messages, seen = [], set()
    for person in people:
        email = (person.email or "").strip()
        if not email or email in seen:
            continue
        seen.add(email)
        messages.append(
            notification_new(
                council=concern.council,
                recipient=email,
                recipient_name=person.name,
                template=template,
                context={
                    "concern": concern,
                    "event": event,
                    "case_url": settings.ACCORD_BASE_URL
                    + reverse("concerns:detail", args=(concern.pk,)),
                    **(context or {}),
                },
                idempotency_key=f"concern:{concern.council_id}:{event.seq}:{email}",
                subject_type="concern",
                subject_id=str(concern.pk),
                calendar=calendar,
            )
        )
    notification_queue_many(messages)


def _recheck(actor: Actor, concern_id: int, action: str) -> Concern:
    """The concern re-read under its row lock, refused unless the action is still offered."""
    concern = concern_for(actor, concern_id, lock=True)
    declared = actions_of("concerns").get(action)
    if declared is None or not declared.offered(actor, concern):
        raise AccordError(
            f"This cannot be done now: the concern is {concern.get_state_display().lower()}",
            citations=concern.route_citations,
        )
    return concern


@transaction.atomic
def concern_raise(
    *,
    actor: Actor,
    summary: str,
    details: str,
    about_member: Member | None = None,
    about_officer: Officer | None = None,
    unlawful_conduct: bool = False,
) -> Concern:
    """Raise a concern about one Member or officer; the procedure routes it at once (D 11.2, D 11.4-11.6,
    N 3) and the officer it goes to is told by e-mail (without the details).

    Raises `AccordError` (with citations, `field` set) when the protocol has no route for it."""
    if actor.user is None or actor.council_id is None:
        raise AccordError("Sign in to raise a concern")
    council = Council.objects.get(pk=actor.council_id)
    for person in (about_member, about_officer):
        if person is not None and person.council_id != council.pk:
            raise AccordError("Choose a Member or officer of your council", field="about")
    profile = profile_for(council)
    route = rules.concern_route(
        profile,
        council,
        actor=actor,
        about_member=about_member,
        about_officer=about_officer,
        unlawful_conduct=unlawful_conduct,
    )
    concern = Concern.objects.create(
        council=council,
        kind=route.kind,
        raised_by=actor.user,
        raised_by_member=actor.member,
        raised_by_officer=actor.officer,
        about_member=about_member,
        about_officer=about_officer,
        handler=route.handler,
        route=route.words,
        route_citations=_cites(route.citations),
        summary=summary,
        details=details,
        profile_version=profile.version.isoformat(),
        raised_at=clock.now(),
    )
    (event,) = _write(
        concern,
        [
            _event(
                concern,
                actor=actor,
                kind="raised",
                description=f"Concern raised in private. {route.words}",
                citations=route.citations,
                text=details,
            )
        ],
    )
    _tell(concern, event, [route.handler], template="concern_routed")
    return concern


def _invitees(
    concern: Concern, profile: Profile, audit_chair: bool
) -> list[tuple[Member | Officer, str]]:
    """D 11.3: the Member, the officer, the Member's Group Leader and the Chief Executive; the Chair of the
    Audit and Standards Committee where the Monitoring Officer invites them."""
    member = concern.about_member
    assert member is not None
    people: list[tuple[Member | Officer, str]] = [(member, "the Member")]
    if concern.raised_by_officer is not None:
        people.append((concern.raised_by_officer, "the officer"))
    if member.group_id is not None:
        leader = (
            Office.objects.filter(
                kind=Office.Kind.GROUP_LEADER,
                member__group_id=member.group_id,
                member__is_active=True,
            )
            .select_related("member")
            .first()
        )
        if leader is not None and leader.member_id != member.pk:
            people.append((leader.member, "the Member's Group Leader"))
    chief_executive = rules.statutory_officer(concern.council, rules.HEAD_OF_PAID_SERVICE)
    if chief_executive is not None:
        people.append((chief_executive, "the Chief Executive"))
    if audit_chair:
        rule = profile.rules.get(rules.INFORMAL_MEETING)
        words = rule.params.get("audit_chair_committee", "Audit and Standards") if rule else ""
        chair = (
            Office.objects.filter(
                kind=Office.Kind.CHAIR,
                committee__council=concern.council,
                committee__name__icontains=words,
            )
            .select_related("member")
            .first()
        )
        if chair is None:
            raise AccordError(
                f"The council has no Chair of the {words} Committee recorded to invite",
                citations=rules.citations_of(profile, rules.INFORMAL_MEETING),
                field="audit_chair",
            )
        if chair.member_id != member.pk:
            people.append((chair.member, f"the Chair of the {words} Committee"))
    unique: dict[tuple[str, int], tuple[Member | Officer, str]] = {}
    for person, role in people:
        unique.setdefault((type(person).__name__, person.pk), (person, role))
    return list(unique.values())


def _meeting_check(starts_at: dt.datetime, minutes: int, place: str) -> None:
    now = clock.now()
    if starts_at < now:
        raise AccordError("The meeting must start in the future", field="starts_at")
    if starts_at > now + dt.timedelta(days=MEETING_HORIZON_DAYS):
        raise AccordError(
            f"The meeting must start within {MEETING_HORIZON_DAYS} days", field="starts_at"
        )
    low, high = MEETING_MINUTES
    if not low <= minutes <= high:
        raise AccordError(f"The meeting must last from {low} to {high} minutes", field="minutes")
    if not place.strip():
        raise AccordError("Enter where the meeting is", field="place")


def meeting_event(
    concern: Concern, meeting: InformalMeeting, people: list[Member | Officer]
) -> CalendarEvent:
    """The informal meeting as an iCalendar event: one UID for its life, SEQUENCE its changes (ADR 0022)."""
    handler = concern.handler
    return CalendarEvent(
        uid=f"concern-meeting-{meeting.pk}@{concern.council.slug}.accord",
        sequence=meeting.sequence,
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary="Informal meeting (Member/Officer Protocol)",
        location=meeting.place,
        description="An informal meeting under the council's Member/Officer Protocol.",
        organizer=Person(handler.name, handler.email) if handler.email else None,
        attendees=tuple(Person(p.name, p.email) for p in people if p.email),
    )


def meetings_for_feed(user: Any) -> list[CalendarEvent]:
    """The informal meetings in a person's private calendar feed: those of the concerns they may see."""
    visible = concerns_visible_to(actor_for(user)).filter(meeting__isnull=False)
    meetings = InformalMeeting.objects.filter(concern__in=visible).select_related(
        "concern", "concern__council", "concern__handler"
    )
    return [meeting_event(m.concern, m, [i.person for i in m.invitees.all()]) for m in meetings]


@transaction.atomic
def concern_meeting_arrange(
    *,
    actor: Actor,
    concern: Concern,
    starts_at: dt.datetime,
    minutes: int,
    place: str,
    audit_chair: bool = False,
) -> InformalMeeting:
    """The Monitoring Officer arranges the informal meeting of D 11.3, or changes its time or place (the
    same invitation again with a higher SEQUENCE). Invitations carry an iCalendar REQUEST.

    Raises `AccordError` for a time in the past or beyond a year, a length outside 15-480 minutes, or a
    Chair of the Audit and Standards Committee the council has not recorded."""
    changing = concern.state == State.MEETING_ARRANGED
    concern = _recheck(actor, concern.pk, "meeting-change" if changing else "meeting-arrange")
    _meeting_check(starts_at, minutes, place)
    profile = profile_for(concern.council)
    citations = rules.citations_of(profile, rules.INFORMAL_MEETING)
    invitees = _invitees(concern, profile, audit_chair)
    ends_at = starts_at + dt.timedelta(minutes=minutes)
    meeting = InformalMeeting.objects.filter(concern=concern).first()
    if meeting is None:
        meeting = InformalMeeting.objects.create(
            concern=concern,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            audit_chair_invited=audit_chair,
        )
    else:
        meeting.starts_at, meeting.ends_at, meeting.place = starts_at, ends_at, place
        meeting.audit_chair_invited = audit_chair
        meeting.sequence += 1
        meeting.save()
    known = {(i.member_id, i.officer_id) for i in meeting.invitees.all()}
    MeetingInvitee.objects.bulk_create(
        MeetingInvitee(
            meeting=meeting,
            member=p if isinstance(p, Member) else None,
            officer=p if isinstance(p, Officer) else None,
            invited_as=role,
        )
        for p, role in invitees
        if ((p.pk, None) if isinstance(p, Member) else (None, p.pk)) not in known
    )
    concern.state = State.MEETING_ARRANGED
    concern.save(update_fields=["state"])
    names = "; ".join(f"{p.name} ({role})" for p, role in invitees)
    when = f"{starts_at.astimezone(clock.LONDON):%-d %B %Y, %H:%M}"
    (event,) = _write(
        concern,
        [
            _event(
                concern,
                actor=actor,
                kind="meeting-changed" if changing else "meeting-arranged",
                description=(
                    f"Informal meeting {'moved to' if changing else 'arranged for'} {when} "
                    f"({minutes} minutes) at {place}. Invited: {names}."
                ),
                citations=citations,
                starts_at=starts_at.isoformat(),
                minutes=minutes,
                place=place,
                sequence=meeting.sequence,
            )
        ],
    )
    people = [p for p, _ in invitees]
    _tell(
        concern,
        event,
        people,
        template="concern_meeting",
        context={"meeting": meeting, "when": when, "changing": changing},
        calendar=ical_invitation(meeting_event(concern, meeting, people)),
    )
    return meeting


OUTCOMES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # action: (new state, history words, rule ids cited)
    "resolve": (State.RESOLVED, "Resolved informally.", ()),
    "formal-complaint": (
        State.FORMAL_COMPLAINT,
        "Not resolved informally: it proceeds as a formal Member complaint, handled by the "
        "Monitoring Officer.",
        (rules.INFORMAL_MEETING,),
    ),
    "disciplinary": (
        State.DISCIPLINARY,
        "Not resolved informally: the council's Disciplinary Procedure is invoked.",
        (rules.ABOUT_SENIOR_OFFICER,),
    ),
    "withdraw": (State.WITHDRAWN, "Withdrawn by the person who raised it.", ()),
}


@transaction.atomic
def concern_close(*, actor: Actor, concern: Concern, action: str, note: str) -> Concern:
    """End the concern: resolved informally, a formal Member complaint (D 11.3), the Disciplinary
    Procedure (D 11.5), or withdrawn. The person who raised it is told; the meeting's invitees see the
    outcome. Raises `AccordError` if the concern has already moved on."""
    state, words, rule_ids = OUTCOMES[action]
    concern = _recheck(actor, concern.pk, action)
    concern.state = state
    concern.closed_at = clock.now()
    concern.save(update_fields=["state", "closed_at"])
    profile = profile_for(concern.council)
    citations = rules.citations_of(profile, *rule_ids) if rule_ids else concern.route_citations
    (event,) = _write(
        concern,
        [
            _event(
                concern, actor=actor, kind=action, description=words, citations=citations, text=note
            )
        ],
    )
    raiser = concern.raised_by_member or concern.raised_by_officer
    if raiser is not None and action != "withdraw":
        _tell(concern, event, [raiser], template="concern_outcome")
    return concern


@transaction.atomic
def concern_note_add(*, actor: Actor, concern: Concern, text: str) -> ConcernEvent:
    """A note on the record by the person who raised the concern or the officer handling it (kept in the
    history, never edited)."""
    concern = _recheck(actor, concern.pk, "note")
    (event,) = _write(
        concern,
        [
            _event(
                concern,
                actor=actor,
                kind="note",
                description="Note added.",
                citations=concern.route_citations,
                text=text,
            )
        ],
    )
    return event
