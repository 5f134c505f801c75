"""The demo councils' premises, visits (N 25-27) and appointments (D 4.7), made through the same services a
person uses, so every demo case carries the decision and citations its council's profile gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.councils.models import AreaPostcode, Committee, Council, Member, Office
from accord.notifications.models import OutboxMessage
from accord.protocol import load_profile
from accord.visits import appointments, rules, services
from accord.visits.models import Appointment, Premises

# (name, address, kind, tenure, in the Member's own division)
PREMISES: Sequence[tuple[str, str, str, str, bool]] = (
    ("County Hall", "Martineau Lane", "office", "owned", True),
    ("Riverside Library", "1 Quay Street", "library", "leased", False),
    ("Oakfield Primary School", "School Lane", "school", "owned", True),
    ("Hillside Academy", "Academy Road", "academy", "owned", False),
    ("Elm House Care Home", "7 Elm Grove", "care-home", "owned", True),
    ("North Depot", "Industrial Estate", "depot", "let", True),
    ("Enterprise Centre", "Business Park", "office", "company", False),
)


def _user(slug: str, role: str) -> User | None:
    return User.objects.filter(username=f"{slug}-{role}").first()


def _postcodes(council: Council, member: Member) -> tuple[str, str]:
    """A postcode in the Member's own area, and one in another area of the council."""
    own = AreaPostcode.objects.filter(council=council, area__in=member.areas.all()).first()
    other = (
        AreaPostcode.objects.filter(council=council).exclude(area__in=member.areas.all()).first()
    )
    assert own is not None and other is not None
    return own.postcode, other.postcode


def _premises_load(council: Council, dem: User, member: Member) -> dict[str, Premises]:
    own, other = _postcodes(council, member)
    cabinet = Member.objects.filter(
        council=council, offices__kind=Office.Kind.CABINET_MEMBER
    ).first()
    committee = Committee.objects.filter(council=council).first()
    made = {}
    for name, address, kind, tenure, home in PREMISES:
        made[kind if kind != "office" or tenure == "owned" else "company"] = services.premises_add(
            actor=actor_for(dem),
            council=council,
            name=name,
            address=address,
            postcode=own if home else other,
            kind=kind,
            tenure=tenure,
            manager_name=f"The manager of {name}",
            manager_email=f"manager.{kind}@{council.slug}.example.org",
            cabinet_member=cabinet,
            committee=committee,
        )
    return made


def _visits_load(council: Council, premises: dict[str, Premises]) -> None:
    member, opposition = _user(council.slug, "member"), _user(council.slug, "opposition")
    if member is None or opposition is None:
        return
    today = clock.today()
    visitor, other = actor_for(member), actor_for(opposition)

    def ask(actor: Actor, kind: str, days: int, purpose: str, details: str) -> services.Requested:
        return services.visit_request(
            actor=actor,
            premises=premises[kind],
            visit_on=today + dt.timedelta(days=days),
            purpose=purpose,
            details=details,
            safety_acknowledged=True,
        )

    ask(visitor, "office", 6, "duties", "To see the new customer service centre.")
    ask(visitor, "school", 12, "duties", "To meet the head about the new classroom block.")
    ask(visitor, "library", 9, "duties", "Outside my division: the refurbished children's library.")
    care = ask(
        other, "care-home", 15, "duties", "To see how the home is meeting the new standards."
    )
    services.visit_permission_answer(
        token=care.token, agree=True, note="Please sign in at reception and wear the visitor badge."
    )
    academy = ask(other, "academy", 20, "governor", "As a governor of the trust.")
    services.visit_permission_answer(
        token=academy.token, agree=False, note="Exam week: could you come the week after?"
    )


def _appointments_load(council: Council) -> None:
    member, officer = _user(council.slug, "member"), _user(council.slug, "officer")
    opposition = _user(council.slug, "opposition")
    if member is None or officer is None or officer.officer is None:
        return
    zone = clock.now().tzinfo

    def at(days: int, hour: int) -> dt.datetime:
        return dt.datetime.combine(
            clock.today() + dt.timedelta(days=days), dt.time(hour), tzinfo=zone
        )

    def book(user: User, subject: str, days: int, hour: int, online: bool) -> Appointment:
        return appointments.appointment_book(
            actor=actor_for(user),
            officer=officer.officer,  # type: ignore[arg-type]
            subject=subject,
            starts_at=at(days, hour),
            ends_at=at(days, hour + 1),
            mode="online" if online else "in-person",
            location="" if online else "Council offices, meeting room 3",
            meeting_link="https://meet.example.org/accord-demo" if online else "",
            note="",
        )

    confirmed = book(member, "Flooding on Mill Lane", 4, 10, True)
    appointments.appointment_confirm(
        actor=actor_for(officer), appointment=confirmed, note="Happy to meet online."
    )
    countered = book(member, "Parking review in the town centre", 8, 9, False)
    appointments.appointment_counter(
        actor=actor_for(officer),
        appointment=countered,
        starts_at=at(9, 14),
        ends_at=at(9, 15),
        note="I am on site that morning: could we meet in the afternoon?",
    )
    if opposition is not None:
        book(opposition, "Play area repairs", 11, 11, True)


def demo_visits_load(*, slugs: Sequence[str]) -> None:
    """Premises for each demo council just loaded; at a council whose protocol has the procedure
    (Norfolk's N 25-27) a visit of each kind of decision; and appointments at every council (D 4.7)."""
    for slug in slugs:
        council = Council.objects.get(slug=slug)
        dem, member = _user(slug, "demservices"), _user(slug, "member")
        if dem is None or member is None or member.member is None:
            continue
        premises = _premises_load(council, dem, member.member)
        if rules.has_visits(load_profile(council.profile)):
            _visits_load(council, premises)
        _appointments_load(council)
        _mail_as_sent(council)


def _mail_as_sent(council: Council) -> None:
    """The demo's e-mails are history, as the enquiries' are: shown as sent, never sent to anyone."""
    now = clock.now()
    OutboxMessage.objects.filter(
        council=council,
        subject_type__in=("visit", "appointment"),
        status=OutboxMessage.Status.PENDING,
    ).update(status=OutboxMessage.Status.SENT, attempts=1, sender="smtp", sent_at=now)
