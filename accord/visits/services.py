"""Writes for the register of premises and for visits (N 25-27): each one transaction, each visit change under
the visit's row lock with its state re-checked, each change an event in the visit's history.

The permission-giver (a local manager, a head teacher, a company) has no account: they answer from a link
carrying a random token, of which only the SHA-256 is stored with its expiry; answering uses it up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404

from accord.cases.actions import actions_of
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Committee, Council, Member, Office
from accord.councils.places import Place, areas_for_place
from accord.protocol import Outcome, Profile, load_profile
from accord.visits import rules
from accord.visits.access import is_visit_member, keeps_register, visit_for
from accord.visits.chain import citations_data, visit_event_add
from accord.visits.models import Premises, Visit
from accord.visits.notify import absolute, notice

State = Visit.State
FURTHEST_AHEAD_DAYS = 366
OFFICE_HOLDERS = (Office.Kind.CABINET_MEMBER, Office.Kind.CHAIR, Office.Kind.LEADER)


def council_profile(council: Council) -> Profile:
    return load_profile(council.profile)


def premises_add(
    *,
    actor: Actor,
    council: Council,
    name: str,
    address: str,
    postcode: str,
    kind: str,
    tenure: str,
    manager_name: str,
    manager_email: str,
    cabinet_member: Member | None = None,
    committee: Committee | None = None,
) -> Premises:
    """Add premises to the council's register, its division found from the postcode (N 26 needs it).

    Raises `AccordError` (field `postcode`) for a postcode the council's postcode data does not hold, and
    `Http404` for anyone but democratic services of the council."""
    if not keeps_register(actor) or actor.council_id != council.pk:
        raise Http404("Page not found")
    try:
        validate_email(manager_email)
    except ValidationError:
        raise AccordError(
            "Enter the e-mail address of the local manager or head teacher, like name@example.org",
            field="manager_email",
        ) from None
    try:
        found = areas_for_place(council, Place(postcode=postcode))
    except AccordError as error:
        # A postcode the council does not hold is the register's input to correct, not a refusal.
        raise AccordError(error.message, field="postcode") from None
    return Premises.objects.create(
        council=council,
        name=name,
        address=address,
        postcode=postcode.strip().upper(),
        area=found.areas[0],
        kind=kind,
        tenure=tenure,
        manager_name=manager_name,
        manager_email=manager_email,
        cabinet_member=cabinet_member,
        committee=committee,
        added_at=clock.now(),
        added_by=actor.user,
    )


def link_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _day_check(visit_on: dt.date) -> None:
    today = clock.today()
    if visit_on < today:
        raise AccordError("The day of the visit must be today or later.", field="visit_on")
    if visit_on > today + dt.timedelta(days=FURTHEST_AHEAD_DAYS):
        raise AccordError(
            "The day of the visit must be within a year from today.", field="visit_on"
        )


def _is_office_holder(member: Member) -> bool:
    return member.offices.filter(kind__in=OFFICE_HOLDERS).exists()


def visit_decide_for(*, member: Member, premises: Premises, purpose: str) -> rules.VisitDecision:
    """What the council's protocol says of this Member visiting these premises for this purpose."""
    return rules.visit_decide(
        council_profile(premises.council),
        kind=premises.kind,
        tenure=premises.tenure,
        purpose=purpose,
        premises_area_id=premises.area_id,
        member_area_ids=member.areas.values_list("pk", flat=True),
        member_is_office_holder=_is_office_holder(member),
    )


@dataclass(frozen=True)
class Requested:
    """A visit just requested, and the permission link's token when one was sent (shown nowhere else)."""

    visit: Visit
    token: str


def visit_request(
    *,
    actor: Actor,
    premises: Premises,
    visit_on: dt.date,
    purpose: str,
    details: str,
    safety_acknowledged: bool,
) -> Requested:
    """A Member asks to visit premises of their council (N 25-27); decided at once by the profile.

    - refused (N 27, or a council whose protocol has no such procedure): `AccordError` with the citations,
      nothing saved;
    - welcome (N 25): agreed, and the local manager is told;
    - otherwise `requested`: the local manager, head teacher or company is sent a single-use link that
      expires after the profile's `link_days` (N 25, N 26, N 27).
    Outside the Member's division the division's Member(s), the relevant Cabinet Member and Committee Chair
    are told (N 26). Raises `AccordError` with field `safety_acknowledged` until the Member acknowledges the
    health, safety and security rules (N 26), and with field `visit_on` for a day before today or more than a
    year ahead."""
    member = actor.member
    if member is None or member.council_id != premises.council_id:
        raise Http404("Page not found")
    profile = council_profile(premises.council)
    decided = visit_decide_for(member=member, premises=premises, purpose=purpose)
    if decided.decision.outcome is Outcome.REFUSED:
        raise AccordError(decided.decision.message, citations=list(decided.decision.citations))
    if not safety_acknowledged:
        raise AccordError(
            "Confirm that you will follow the health and safety, security and other workplace rules "
            "of the premises.",
            citations=list(decided.safety_citations),
            field="safety_acknowledged",
        )
    _day_check(visit_on)
    now = clock.now()
    agreed = decided.decision.outcome is Outcome.ALLOWED
    token = "" if agreed else secrets.token_urlsafe(32)
    with transaction.atomic():
        visit = Visit.objects.create(
            council_id=premises.council_id,
            member=member,
            premises=premises,
            visit_on=visit_on,
            purpose=purpose,
            details=details,
            state=State.AGREED if agreed else State.REQUESTED,
            permission_from=decided.permission_from,
            outside_division=decided.outside_division,
            decision=decided.decision.message,
            citations=citations_data(decided.citations),
            profile=profile.key,
            profile_version=profile.version,
            safety_acknowledged_at=now,
            link_hash=link_hash(token) if token else "",
            link_expires_at=now + dt.timedelta(days=rules.link_days(profile)) if token else None,
            created_at=now,
            updated_at=now,
        )
        visit_event_add(
            visit,
            at=now,
            actor=actor.user,
            kind="requested",
            description=f"{member.name} asked to visit {premises.name} on "
            f"{visit_on:%A} {visit_on.day} {visit_on:%B %Y}. {decided.decision.message}",
            citations=decided.decision.citations,
            text=details,
            purpose=purpose,
        )
        visit_event_add(
            visit,
            at=now,
            actor=actor.user,
            kind="safety-acknowledged",
            description="The Member acknowledged the health and safety, security and workplace rules.",
            citations=decided.safety_citations,
        )
        _notices_on_request(visit, decided, token)
        if decided.outside_division:
            visit_event_add(
                visit,
                at=now,
                actor=None,
                kind="informed",
                description="Outside the Member's division: told "
                + "; ".join(who for who, _ in _informed(visit, decided)),
                citations=decided.informs_citations,
            )
    return Requested(visit, token)


def _informed(visit: Visit, decided: rules.VisitDecision) -> list[tuple[str, Member]]:
    """(post, Member) for each person told of a visit from outside the division (N 26), never the
    visiting Member themself."""
    premises = visit.premises
    people: list[tuple[str, Member]] = []
    if "division-member" in decided.informs:
        for m in Member.objects.filter(areas=premises.area_id, is_active=True):
            people.append((f"{m.name}, the Member for {premises.area.name}", m))
    if "cabinet-member" in decided.informs and premises.cabinet_member is not None:
        people.append(
            (f"{premises.cabinet_member.name}, the Cabinet Member", premises.cabinet_member)
        )
    if "committee-chair" in decided.informs and premises.committee_id is not None:
        for office in Office.objects.filter(
            kind=Office.Kind.CHAIR, committee_id=premises.committee_id
        ).select_related("member"):
            people.append((f"{office.member.name}, Chair of {premises.committee}", office.member))
    seen: set[int] = set()
    out = []
    for post, m in people:
        if m.pk != visit.member_id and m.pk not in seen:
            seen.add(m.pk)
            out.append((post, m))
    return out or [
        ("nobody else: no other Member is recorded for the division or the premises", visit.member)
    ]


def _notices_on_request(visit: Visit, decided: rules.VisitDecision, token: str) -> None:
    premises = visit.premises
    common = {
        "member_name": visit.member.name,
        "premises_name": premises.name,
        "visit_on": f"{visit.visit_on:%A} {visit.visit_on.day} {visit.visit_on:%B %Y}",
        "purpose": visit.get_purpose_display(),
        "details": visit.details,
        "decision": decided.decision.message,
        "citations": ", ".join(c.label for c in decided.citations),
    }
    key = f"visit-{visit.pk}"
    notice(
        council=visit.council,
        email=premises.manager_email,
        name=premises.manager_name,
        template="visit_permission" if token else "visit_welcome",
        key=f"{key}-manager",
        subject_type="visit",
        subject_id=visit.pk,
        link=absolute("visits:permission", token) if token else "",
        expires=f"{visit.link_expires_at:%-d %B %Y, %H:%M}" if visit.link_expires_at else "",
        **common,
    )
    if decided.outside_division:
        for _post, person in _informed(visit, decided):
            if person.pk == visit.member_id:
                continue
            notice(
                council=visit.council,
                email=person.email,
                name=person.name,
                template="visit_informed",
                key=f"{key}-informed-{person.pk}",
                subject_type="visit",
                subject_id=visit.pk,
                area_name=premises.area.name,
                **common,
            )


@dataclass(frozen=True)
class LinkState:
    """A permission link as its holder finds it: the visit, and whether it may still be answered
    ("open"), or why not ("used", "expired", "withdrawn")."""

    visit: Visit
    status: str


def visit_for_link(token: str, *, lock: bool = False) -> LinkState:
    """The visit a permission link names, and its status. A token that names none (forged, or mistyped) is
    `Http404`. With `lock` the row is read `SELECT ... FOR UPDATE` (inside the caller's transaction)."""
    if not token or len(token) > 100:
        raise Http404("Link not found")
    one = Visit.objects.filter(link_hash=link_hash(token))
    if lock:
        one = one.select_for_update(of=("self",))
    visit = one.select_related("member", "premises", "council").first()
    if visit is None:
        raise Http404("Link not found")
    if visit.link_used_at is not None:
        status = "used"
    elif visit.state != State.REQUESTED:
        status = "withdrawn"
    elif visit.link_expires_at is None or visit.link_expires_at <= clock.now():
        status = "expired"
    else:
        status = "open"
    return LinkState(visit, status)


LINK_REFUSALS = {
    "used": "This link has already been used: the visit has been answered.",
    "withdrawn": "The Member has withdrawn this visit request: there is nothing to answer.",
    "expired": "This link has expired. The Member can ask again.",
}


def visit_permission_answer(*, token: str, agree: bool, note: str) -> Visit:
    """The permission-giver agrees or refuses the visit, from their link (N 25, N 26, N 27); the link is
    used up and the Member is told. Raises `Http404` for a link that names no visit and `AccordError` for
    one already used, expired or withdrawn (decided under the visit's row lock, so two answers sent at
    once are one answer and one refusal)."""
    with transaction.atomic():
        found = visit_for_link(token, lock=True)
        visit = found.visit
        if found.status != "open":
            raise AccordError(LINK_REFUSALS[found.status], citations=_rule_citations(visit))
        now = clock.now()
        visit.state = State.AGREED if agree else State.REFUSED
        visit.answer = note
        visit.answered_at = now
        visit.link_used_at = now
        visit.updated_at = now
        visit.save(update_fields=["state", "answer", "answered_at", "link_used_at", "updated_at"])
        who = f"{visit.premises.manager_name} ({visit.get_permission_from_display().lower()})"
        visit_event_add(
            visit,
            at=now,
            actor=None,
            kind="agreed" if agree else "refused",
            description=f"{who} {'agreed' if agree else 'refused'} the visit.",
            citations=_rule_citations(visit),
            text=note,
        )
        notice(
            council=visit.council,
            email=visit.member.email,
            name=visit.member.name,
            template="visit_answered",
            key=f"visit-{visit.pk}-answered",
            subject_type="visit",
            subject_id=visit.pk,
            premises_name=visit.premises.name,
            who=who,
            agreed=agree,
            note=note,
            case_url=absolute("visits:detail", visit.pk),
        )
    return visit


def _rule_citations(visit: Visit) -> list[dict[str, str]]:
    return list(visit.citations)


def visit_withdraw(*, actor: Actor, visit: Visit, note: str) -> Visit:
    """The Member withdraws a visit still open; a permission link not yet used stops working (N 25)."""
    with transaction.atomic():
        visit = visit_for(actor, visit.pk, lock=True)
        if "visit-withdraw" not in actions_of("visits").offered_names(actor, visit):
            raise AccordError(
                f"This visit is {visit.get_state_display().lower()}: it cannot be withdrawn.",
                citations=_rule_citations(visit),
            )
        now = clock.now()
        visit.state = State.WITHDRAWN
        visit.updated_at = now
        visit.save(update_fields=["state", "updated_at"])
        visit_event_add(
            visit,
            at=now,
            actor=actor.user,
            kind="withdrawn",
            description="The Member withdrew the visit.",
            citations=_rule_citations(visit),
            text=note,
        )
        notice(
            council=visit.council,
            email=visit.premises.manager_email,
            name=visit.premises.manager_name,
            template="visit_withdrawn",
            key=f"visit-{visit.pk}-withdrawn",
            subject_type="visit",
            subject_id=visit.pk,
            member_name=visit.member.name,
            premises_name=visit.premises.name,
            visit_on=f"{visit.visit_on:%A} {visit.visit_on.day} {visit.visit_on:%B %Y}",
            note=note,
        )
    return visit


__all__ = [
    "LINK_REFUSALS",
    "LinkState",
    "Requested",
    "is_visit_member",
    "premises_add",
    "visit_for_link",
    "visit_permission_answer",
    "visit_request",
    "visit_withdraw",
]
