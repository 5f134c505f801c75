"""Writes on local matters (D 5.2-5.4, N 20-24): each one transaction that locks the matter's row,
re-checks its state and the actor's right, writes the history and informs the Members on commit.

Every refusal is an `AccordError` with the paragraphs behind it (and `field` for a bad input).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from accord.accounts.models import User
from accord.cases.actions import actions_of
from accord.cases.history import events_chain
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.calendars import calendar_for
from accord.councils.models import Area, Council, Officer, Service
from accord.councils.places import Place, areas_for_place
from accord.matters import rules
from accord.matters.access import manages_matter, matter_for, records_matters
from accord.matters.informing import inform, local_members
from accord.matters.models import (
    ConsultationResponse,
    Matter,
    MatterArea,
    MatterChainHead,
    MatterCounter,
    MatterEvent,
    Receipt,
)
from accord.notifications.ical import Method
from accord.protocol import Citation, Profile, load_profile

Kind = Matter.Kind
State = Matter.State


def matter_profile(council: Council) -> Profile:
    return load_profile(council.profile)


def _events(
    matter: Matter, actor: Actor, *items: tuple[str, str, Sequence[Citation], dict[str, Any]]
) -> None:
    """Append events to the matter's history, chained under the council's head (append-only)."""
    at = clock.now()
    events = [
        MatterEvent(
            matter=matter,
            at=at,
            actor=actor.user,
            kind=kind,
            description=description,
            citations=[c.to_dict() for c in citations],
            data=data,
        )
        for kind, description, citations, data in items
    ]
    events_chain(events, MatterChainHead, lambda e: matter.council_id)
    MatterEvent.objects.bulk_create(events)


def _user(actor: Actor) -> User:
    if actor.user is None:
        raise AccordError("Sign in first")
    return actor.user


def _reference(council: Council, year: int) -> str:
    """The next reference at the council (LM-2026-0001), counted with F() under the counter's row lock."""
    try:
        with transaction.atomic():
            MatterCounter.objects.get_or_create(council=council, year=year)
    except IntegrityError:
        pass
    MatterCounter.objects.filter(council=council, year=year).update(last=F("last") + 1)
    last = MatterCounter.objects.get(council=council, year=year).last
    return f"LM-{year}-{last:04d}"


def areas_resolve(
    council: Council, *, areas: Iterable[Area] = (), place: Place | None = None
) -> list[tuple[Area, str]]:
    """The areas chosen and those found from a place, each with how it was found (D 5.3, N 21).

    Raises AccordError naming the field: `areas` for an area of another council, the place's own field
    (`postcode`, `latitude`, `easting`, `polygon`) when the place cannot be placed."""
    found: dict[int, tuple[Area, str]] = {}
    for area in areas:
        if area.council_id != council.pk:
            raise AccordError(
                f"There is no {council.area_noun} {area.pk} at this council", field="areas"
            )
        found[area.pk] = (area, "chosen")
    if place is not None:
        result = areas_for_place(council, place)
        for area in result.areas:
            found.setdefault(area.pk, (area, result.how))
    return sorted(found.values(), key=lambda pair: pair[0].name)


def _informing_citations(profile: Profile, kind: str) -> list[Citation]:
    return rules.citations_of(profile, *rules.kind_rules(kind))


def _reply_by(council: Council, profile: Profile, kind: str, at: dt.datetime) -> dt.date | None:
    """N 24: the date a consulted Member's view is asked for by, in working days by the calendar."""
    mode = rules.consultation_mode(profile)
    if kind != Kind.CONSULTATION or not mode.consults:
        return None
    return calendar_for(council).due(at, mode.reply_working_days).due


def _meeting_check(kind: str, start: dt.datetime | None, end: dt.datetime | None) -> None:
    if kind != Kind.PUBLIC_MEETING:
        return
    if start is None:
        raise AccordError("Enter when the public meeting starts", field="meeting_start")
    if end is None:
        raise AccordError("Enter when the public meeting ends", field="meeting_end")
    if end <= start:
        raise AccordError("The meeting must end after it starts", field="meeting_end")


@transaction.atomic
def matter_record(
    *,
    actor: Actor,
    council: Council,
    title: str,
    summary: str,
    kind: str,
    service: Service,
    responsible_officer: Officer,
    starts_on: dt.date | None,
    areas: Iterable[Area] = (),
    place: Place | None = None,
    whole_council: bool = False,
    meeting_start: dt.datetime | None = None,
    meeting_end: dt.datetime | None = None,
    location: str = "",
) -> Matter:
    """Record a local matter and inform every Member of the areas it affects at once (D 5.2-5.4, N 20-24).

    `starts_on` is the date the matter starts (a public meeting's is its day). Raises AccordError naming the
    field for an unknown kind, a service or officer of another council, no areas, a place that cannot be
    placed, or a meeting without times. Returns the matter."""
    if not records_matters(actor) or actor.council_id != council.pk:
        raise AccordError("Only the council's officers record local matters")
    profile = matter_profile(council)
    kinds = dict(rules.matter_kinds(profile))
    if kind not in kinds:
        raise AccordError(f"Choose a kind of matter: {', '.join(kinds.values())}", field="kind")
    accountable = rules.citations_of(profile, rules.ACCOUNTABLE)
    if service.council_id != council.pk:
        raise AccordError(
            "Choose one of the council's services", field="service", citations=accountable
        )
    if responsible_officer.council_id != council.pk or not responsible_officer.is_active:
        raise AccordError(
            "Choose the officer responsible, one of the council's officers",
            field="responsible_officer",
            citations=accountable,
        )
    _meeting_check(kind, meeting_start, meeting_end)
    if kind == Kind.PUBLIC_MEETING and meeting_start is not None:
        starts_on = meeting_start.astimezone(clock.LONDON).date()
    if starts_on is None:
        raise AccordError("Enter the date the matter starts", field="starts_on")
    found = [] if whole_council else areas_resolve(council, areas=areas, place=place)
    informing = _informing_citations(profile, kind)
    if not whole_council and not found:
        raise AccordError(
            f"Choose the {council.area_noun}s the matter affects, give a place, or mark it as "
            "affecting the whole council",
            field="areas",
            citations=informing,
        )
    now = clock.now()
    matter = Matter.objects.create(
        council=council,
        reference=_reference(council, now.year),
        title=title,
        summary=summary,
        kind=kind,
        kind_label=kinds[kind],
        service=service,
        responsible_officer=responsible_officer,
        whole_council=whole_council,
        starts_on=starts_on,
        recorded_by=_user(actor),
        recorded_at=now,
        profile_key=profile.key,
        profile_version=profile.version.isoformat(),
        reply_by=_reply_by(council, profile, kind, now),
        meeting_start=meeting_start,
        meeting_end=meeting_end,
        location=location,
    )
    MatterArea.objects.bulk_create(
        MatterArea(matter=matter, area=area, how=how, added_at=now, added_by=actor.user)
        for area, how in found
    )
    members = list(local_members(matter))
    area_names = "the whole council" if whole_council else ", ".join(a.name for a, _ in found)
    _tell(
        matter,
        actor,
        members,
        Receipt.Reason.RECORDED,
        informing,
        (
            "recorded",
            f"{matter.kind_label} recorded, affecting {area_names}; responsible: "
            f"{responsible_officer.name}, {service.name}.",
            [*accountable, *informing],
            {"title": title, "summary": summary, "areas": [a.pk for a, _ in found]},
        ),
        at=now,
        consulted=matter.reply_by is not None,
        method=_invitation(matter),
    )
    return matter


def _informed_event(
    matter: Matter, members: Sequence[Any], reason: str, citations: Sequence[Citation]
) -> tuple[str, str, Sequence[Citation], dict[str, Any]]:
    names = ", ".join(str(m) for m in members) or "nobody (no Member holds the area)"
    return (
        "informed",
        f"Informed ({Receipt.Reason(reason).label.lower()}): {names}.",
        citations,
        {"members": [m.pk for m in members], "round": matter.round, "reason": reason},
    )


def _invitation(matter: Matter) -> Method | None:
    """A public meeting's e-mails carry the invitation (D 5.4, N 23)."""
    return Method.REQUEST if matter.kind == Kind.PUBLIC_MEETING else None


def _tell(
    matter: Matter,
    actor: Actor,
    members: Sequence[Any],
    reason: str,
    citations: Sequence[Citation],
    *changes: tuple[str, str, Sequence[Citation], dict[str, Any]],
    **inform_kw: Any,
) -> None:
    """Write the change's events and the "informed" event, then inform the Members (receipts, e-mails)."""
    _events(matter, actor, *changes, _informed_event(matter, members, reason, citations))
    inform_kw.setdefault("at", clock.now())
    inform(matter=matter, members=members, reason=reason, citations=citations, **inform_kw)


def _locked(actor: Actor, matter: Matter, action: str) -> Matter:
    """The matter re-read under its row lock, and the action re-checked against its locked state."""
    locked = matter_for(actor, matter.pk, lock=True)
    declared = actions_of("matters").get(action)
    if declared is None or not declared.offered(actor, locked):
        profile = matter_profile(locked.council)
        message = f"This cannot be done to {locked.reference} now: it is {locked.get_state_display().lower()}"
        in_state = declared is not None and (not declared.states or locked.state in declared.states)
        if in_state and action != "respond" and not manages_matter(actor, locked):
            message = (
                f"Only the responsible officer ({locked.responsible_officer.name}), the head of "
                f"{locked.service.name}, a Chief Officer or democratic services may do this to "
                f"{locked.reference}"
            )
        raise AccordError(message, citations=rules.citations_of(profile, rules.ACCOUNTABLE))
    return locked


@transaction.atomic
def matter_update(
    *,
    actor: Actor,
    matter: Matter,
    title: str,
    summary: str,
    starts_on: dt.date | None,
    note: str = "",
) -> Matter:
    """Change the matter's words or start and inform its Members again (a new round, D 5.3, N 20).

    The history keeps the words before and after. Raises AccordError when the matter is not open."""
    matter = _locked(actor, matter, "update")
    profile = matter_profile(matter.council)
    before = {
        "title": matter.title,
        "summary": matter.summary,
        "starts_on": matter.starts_on.isoformat(),
    }
    matter.title, matter.summary = title, summary
    if starts_on is not None and matter.kind != Kind.PUBLIC_MEETING:
        matter.starts_on = starts_on
    Matter.objects.filter(pk=matter.pk).update(
        title=matter.title, summary=matter.summary, starts_on=matter.starts_on, round=F("round") + 1
    )
    matter.refresh_from_db(fields=["round"])
    informing = _informing_citations(profile, matter.kind)
    members = list(local_members(matter))
    after = {"title": title, "summary": summary, "starts_on": matter.starts_on.isoformat()}
    _tell(
        matter,
        actor,
        members,
        Receipt.Reason.UPDATED,
        informing,
        (
            "updated",
            note or "The matter was updated.",
            informing,
            {"before": before, "after": after},
        ),
        at=clock.now(),
        note=note,
    )
    return matter


@transaction.atomic
def matter_areas_add(
    *, actor: Actor, matter: Matter, areas: Iterable[Area] = (), place: Place | None = None
) -> list[Area]:
    """Add areas to the matter and inform their Members not yet informed of this round (D 5.3, N 21).

    Raises AccordError naming the field for a bad place or no new area. Returns the areas added."""
    matter = _locked(actor, matter, "area-add")
    profile = matter_profile(matter.council)
    found = areas_resolve(matter.council, areas=areas, place=place)
    have = set(matter.matter_areas.values_list("area_id", flat=True))
    new = [(a, how) for a, how in found if a.pk not in have]
    if not new:
        raise AccordError(
            f"Choose a {matter.council.area_noun} the matter does not already affect", field="areas"
        )
    before = set(local_members(matter).values_list("pk", flat=True))
    now = clock.now()
    MatterArea.objects.bulk_create(
        MatterArea(matter=matter, area=a, how=how, added_at=now, added_by=actor.user)
        for a, how in new
    )
    informed_now = set(
        Receipt.objects.filter(matter=matter, round=matter.round).values_list(
            "member_id", flat=True
        )
    )
    members = [m for m in local_members(matter) if m.pk not in before and m.pk not in informed_now]
    informing = _informing_citations(profile, matter.kind)
    _tell(
        matter,
        actor,
        members,
        Receipt.Reason.AREA_ADDED,
        informing,
        (
            "area-added",
            f"Now also affects {', '.join(a.name for a, _ in new)}.",
            informing,
            {"areas": [a.pk for a, _ in new], "how": [h for _, h in new]},
        ),
        at=now,
        consulted=matter.reply_by is not None,
        method=_invitation(matter),
    )
    return [a for a, _ in new]


def members_not_informed(matter: Matter, *, consulted: bool = False) -> list[Any]:
    """The matter's local Members with no receipt of it at all (or, with `consulted`, never asked for
    their view: N 24): a Member who took office after the matter was recorded, for example."""
    told = Receipt.objects.filter(matter=matter)
    if consulted:
        told = told.filter(consulted=True)
    ids = set(told.values_list("member_id", flat=True))
    return [m for m in local_members(matter) if m.pk not in ids]


@transaction.atomic
def matter_inform_outstanding(*, actor: Actor, matter: Matter) -> list[Any]:
    """Inform the local Members not yet informed of the matter (a Member who took office since), with
    their receipts (D 5.3, N 20). Returns the Members informed; refuses when there are none."""
    matter = _locked(actor, matter, "inform-outstanding")
    profile = matter_profile(matter.council)
    consults = matter.reply_by is not None
    members = members_not_informed(matter, consulted=consults)
    informing = _informing_citations(profile, matter.kind)
    if not members:
        raise AccordError("Every local Member has already been informed", citations=informing)
    _tell(
        matter,
        actor,
        members,
        Receipt.Reason.OUTSTANDING,
        informing,
        consulted=consults,
        method=_invitation(matter),
    )
    return members


@transaction.atomic
def matter_consultation_start(*, actor: Actor, matter: Matter) -> Matter:
    """Mark a consultation as started: only once every local Member has been notified (D 5.4) or
    consulted (N 24). An earlier start is refused with the citation and the names of those not yet
    informed."""
    matter = _locked(actor, matter, "consultation-start")
    profile = matter_profile(matter.council)
    mode = rules.consultation_mode(profile)
    waiting = members_not_informed(matter, consulted=mode.consults)
    if waiting:
        names = ", ".join(str(m) for m in waiting)
        raise AccordError(
            f"The consultation cannot start until every local Member has been {mode.verb}. Not yet "
            f"{mode.verb}: {names}.",
            citations=list(mode.citations),
        )
    now = clock.now()
    Matter.objects.filter(pk=matter.pk).update(state=State.STARTED, started_at=now)
    matter.state, matter.started_at = State.STARTED, now
    _events(
        matter,
        actor,
        (
            "consultation-started",
            f"The consultation started; every local Member had been {mode.verb}.",
            mode.citations,
            {},
        ),
    )
    return matter


@transaction.atomic
def matter_response_add(*, actor: Actor, matter: Matter, text: str) -> ConsultationResponse:
    """A local Member's view on a consultation, kept on the matter (N 24); earlier views stay."""
    matter = _locked(actor, matter, "respond")
    assert actor.member is not None
    profile = matter_profile(matter.council)
    mode = rules.consultation_mode(profile)
    response = ConsultationResponse.objects.create(
        matter=matter, member=actor.member, text=text, at=clock.now(), by=_user(actor)
    )
    _events(
        matter,
        actor,
        ("response", f"{actor.member} gave their view.", mode.citations, {"text": text}),
    )
    return response


def _meeting_round(matter: Matter, **changes: Any) -> Matter:
    Matter.objects.filter(pk=matter.pk).update(
        ical_sequence=F("ical_sequence") + 1, round=F("round") + 1, **changes
    )
    matter.refresh_from_db()
    return matter


@transaction.atomic
def matter_meeting_change(
    *,
    actor: Actor,
    matter: Matter,
    meeting_start: dt.datetime,
    meeting_end: dt.datetime,
    location: str,
) -> Matter:
    """A changed time or place: the same invitation with a higher SEQUENCE to every invited Member and
    every local Member (D 5.4, N 23)."""
    matter = _locked(actor, matter, "meeting-change")
    profile = matter_profile(matter.council)
    _meeting_check(Kind.PUBLIC_MEETING, meeting_start, meeting_end)
    before = {
        "meeting_start": matter.meeting_start.isoformat() if matter.meeting_start else None,
        "meeting_end": matter.meeting_end.isoformat() if matter.meeting_end else None,
        "location": matter.location,
    }
    matter = _meeting_round(
        matter,
        meeting_start=meeting_start,
        meeting_end=meeting_end,
        location=location,
        starts_on=meeting_start.astimezone(clock.LONDON).date(),
    )
    citations = _informing_citations(profile, matter.kind)
    members = _invitees(matter)
    after = {
        "meeting_start": meeting_start.isoformat(),
        "meeting_end": meeting_end.isoformat(),
        "location": location,
    }
    _tell(
        matter,
        actor,
        members,
        Receipt.Reason.MEETING_CHANGED,
        citations,
        (
            "meeting-changed",
            "The meeting's time or place changed.",
            citations,
            {"before": before, "after": after},
        ),
        method=Method.REQUEST,
    )
    return matter


def _invitees(matter: Matter) -> list[Any]:
    """Everyone invited so far and every local Member now, in name order."""
    invited = {
        r.member_id: r.member for r in matter.receipts.filter(invited=True).select_related("member")
    }
    for member in local_members(matter):
        invited.setdefault(member.pk, member)
    return sorted(invited.values(), key=lambda m: (m.name, m.pk))


@transaction.atomic
def matter_meeting_cancel(*, actor: Actor, matter: Matter, reason: str) -> Matter:
    """Cancel the public meeting: a CANCEL with the same UID and a higher SEQUENCE to everyone invited."""
    matter = _locked(actor, matter, "meeting-cancel")
    profile = matter_profile(matter.council)
    now = clock.now()
    matter = _meeting_round(matter, state=State.CANCELLED, closed_at=now)
    citations = _informing_citations(profile, matter.kind)
    members = _invitees(matter)
    _tell(
        matter,
        actor,
        members,
        Receipt.Reason.MEETING_CANCELLED,
        citations,
        ("meeting-cancelled", "The meeting was cancelled.", citations, {"text": reason}),
        at=now,
        method=Method.CANCEL,
        note=reason,
    )
    return matter


@transaction.atomic
def matter_close(*, actor: Actor, matter: Matter, note: str) -> Matter:
    """Close the matter (nothing more to tell the Members); its receipts and history stay."""
    matter = _locked(actor, matter, "close")
    now = clock.now()
    Matter.objects.filter(pk=matter.pk).update(state=State.CLOSED, closed_at=now)
    matter.state, matter.closed_at = State.CLOSED, now
    _events(matter, actor, ("closed", "The matter was closed.", [], {"text": note}))
    return matter


def receipts_open(*, actor: Actor, matter: Matter) -> int:
    """The Member has opened the matter in Accord: their receipts not yet opened are marked now (a
    conditional update, so two tabs at once mark it once). Returns how many were marked."""
    if actor.member is None:
        return 0
    return Receipt.objects.filter(
        matter=matter, member=actor.member, opened_at__isnull=True
    ).update(opened_at=clock.now())
