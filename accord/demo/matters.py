"""Local matters for the demo councils (D 5.1-5.4, N 20-24), made through the matters' own services so
they keep every rule: a policy in its formative stage, a significant operational matter told too late, a
consultation (notified under the district profile, consulted with a reply-by date under Norfolk's), a public
meeting with its invitation, a whole-council matter and a kind the profile lists.

The e-mails are history, marked sent (the demo queues nothing to go). Area boundaries are not drawn here:
points and drawn areas work once boundaries are imported (`accord import_boundaries`).
"""

from __future__ import annotations

import datetime as dt

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import actor_for
from accord.councils.models import Council, Member
from accord.matters import rules, services
from accord.matters.models import Matter
from accord.notifications.models import OutboxMessage
from accord.protocol import load_profile


def _at(days: int, hour: int = 10) -> dt.datetime:
    day = clock.today() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=clock.LONDON)


def demo_matters_load(*, slugs: list[str]) -> int:
    """Record the demo matters of each council in `slugs` that has none yet; returns how many."""
    made = 0
    for council in Council.objects.filter(slug__in=slugs):
        if Matter.objects.filter(council=council).exists():
            continue
        made += _council_matters(council)
        OutboxMessage.objects.filter(council=council, subject_type="matter").update(
            status=OutboxMessage.Status.SENT, attempts=1, sender="smtp", sent_at=clock.now()
        )
    return made


def _council_matters(council: Council) -> int:
    user = User.objects.filter(username=f"{council.slug}-officer").select_related("officer").first()
    member_user = User.objects.filter(username=f"{council.slug}-member").first()
    if user is None or user.officer is None or user.officer.service is None:
        return 0
    actor = actor_for(user)
    officer, service = user.officer, user.officer.service
    member: Member | None = member_user.member if member_user else None
    home = list(member.areas.all()) if member else []
    areas = list(council.areas.order_by("name"))
    if not areas:
        return 0
    home = home or areas[:1]
    others = [a for a in areas if a not in home]
    noun = council.area_noun
    other_kind = next(
        (
            k
            for k, _ in rules.matter_kinds(load_profile(council.profile))
            if k not in rules.KNOWN_KINDS
        ),
        "policy",
    )

    def record(days_ago: int, **kw: object) -> Matter:
        with clock.frozen(_at(-days_ago)):
            return services.matter_record(
                actor=actor,
                council=council,
                service=service,
                responsible_officer=officer,
                **kw,  # type: ignore[arg-type]
            )

    record(
        40,
        title="Review of parking charges in district car parks",
        summary="Early options for a new tariff, before any report is written: your views shape them.",
        kind="policy",
        starts_on=clock.today() + dt.timedelta(days=20),
        areas=[*home, *others[:1]],
    )
    record(
        3,
        title="Resurfacing of the main road through the town centre",
        summary="Three weeks of night-time closures; diversions signed.",
        kind="operational",
        starts_on=clock.today() - dt.timedelta(days=1),
        areas=others[1:3] or home,
    )
    consultation = record(
        2,
        title=f"Consultation: a new play area for the {noun}",
        summary="A six-week public consultation on the design of a new play area.",
        kind="consultation",
        starts_on=clock.today() + dt.timedelta(days=14),
        areas=home,
    )
    if member is not None and consultation.reply_by is not None and member_user is not None:
        services.matter_response_add(
            actor=actor_for(member_user),
            matter=consultation,
            text="I support it; please include seating for carers.",
        )
    record(
        1,
        title="Public meeting: flood defences by the river",
        summary="Residents are invited to hear the options and give their views.",
        kind="public-meeting",
        starts_on=None,
        areas=[*home, *others[2:3]],
        meeting_start=_at(16, 19),
        meeting_end=_at(16, 21),
        location="Community Hall, Market Street",
    )
    record(
        10,
        title="Draft budget: formative proposals",
        summary="The first proposals for next year's budget, for every Member's early view.",
        kind="policy",
        starts_on=clock.today() + dt.timedelta(days=45),
        whole_council=True,
    )
    record(
        5,
        title="Licensing application for late opening on the High Street",
        summary="An application the committee will consider next month.",
        kind=other_kind,
        starts_on=clock.today() + dt.timedelta(days=30),
        areas=others[3:4] or home,
    )
    return 6
