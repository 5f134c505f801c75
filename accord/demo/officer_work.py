"""Open work for the demo officer on first start, raised and taken through the enquiry services themselves.

The year of history is nearly all answered; a demo needs the officer's queue to show what a working day
looks like: one case overdue, two due this week, one new, and one new case nobody has taken yet in the
service queue (D 6.2, D 6.3). Dates are chosen by the council's own calendar from the day the demo is loaded.
"""

from __future__ import annotations

import datetime as dt

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import actor_for
from accord.councils.calendars import calendar_for
from accord.councils.models import Council
from accord.enquiries.models import Category, Enquiry
from accord.enquiries.rules import service_level
from accord.enquiries.services import enquiry_claim, enquiry_submit
from accord.enquiries.services._common import settings_for
from accord.notifications.models import OutboxMessage
from accord.protocol import load_profile

SUBJECTS = {
    "overdue": "Blocked drain outside the primary school",
    "this week": "Street light out on the footpath to the station",
    "new": "Abandoned car on the verge",
    "unassigned": "Graffiti on the bus shelter",
}


def _received_days(council: Council, days: int, today: dt.date) -> dict[str, list[dt.datetime]]:
    """Past receipt times (10:00 London) whose due dates are overdue or fall in the next seven days."""
    calendar = calendar_for(council)
    found: dict[str, list[dt.datetime]] = {"overdue": [], "this week": []}
    for back in range(1, 60):
        received = dt.datetime.combine(
            today - dt.timedelta(days=back), dt.time(10), tzinfo=clock.LONDON
        )
        if not calendar.is_working_day(received.date()):
            continue
        due = calendar.due(received, days).due
        if today <= due <= today + dt.timedelta(days=6) and len(found["this week"]) < 2:
            found["this week"].append(received)
        elif due < today and len(found["overdue"]) < 1:
            found["overdue"].append(received)
    return found


def demo_officer_work_load(council: Council) -> int:
    """Raise and assign the demo officer's open cases; returns how many. Meant for a council's first load."""
    officer_user = (
        User.objects.select_related("officer__service")
        .filter(council=council, username=f"{council.slug}-officer", officer__isnull=False)
        .first()
    )
    if officer_user is None or officer_user.officer is None or officer_user.officer.service is None:
        return 0
    category = (
        Category.objects.filter(council=council, service=officer_user.officer.service)
        .filter(is_employment_matter=False, is_service_failure=False)
        .order_by("pk")
        .first()
    )
    members = list(
        User.objects.filter(council=council, member__isnull=False).select_related("member")[:4]
    )
    if category is None or not members:
        return 0
    now = clock.now()
    days = service_level(
        load_profile(council.profile),
        council_setting=settings_for(council).response_working_days,
    ).working_days
    plan = _received_days(council, days, now.date())
    recent = now - dt.timedelta(hours=2)
    raised: list[Enquiry] = []
    cases = [
        *(("overdue", at) for at in plan["overdue"]),
        *(("this week", at) for at in plan["this week"]),
        ("new", recent),
        ("unassigned", recent),
    ]
    for index, (kind, received) in enumerate(cases):
        member_user = members[index % len(members)]
        assert member_user.member is not None
        with clock.frozen(received):
            enquiry = enquiry_submit(
                actor=actor_for(member_user),
                member=member_user.member,
                subject=SUBJECTS[kind],
                details="A resident has asked me to raise this. Please let me know what can be done.",
                category=category,
                area=member_user.member.areas.first(),
                capacity=Enquiry.Capacity.WARD_CASEWORK,
            )
        if kind != "unassigned":
            with clock.frozen(received + dt.timedelta(hours=1)):
                enquiry_claim(actor=actor_for(officer_user), enquiry_id=enquiry.pk)
        raised.append(enquiry)
    # Like the history's, these cases' e-mails count as already sent: the demo's addresses are not real.
    OutboxMessage.objects.filter(
        subject_type="enquiry", subject_id__in=[str(e.pk) for e in raised]
    ).update(status=OutboxMessage.Status.SENT, sent_at=now)
    return len(raised)
