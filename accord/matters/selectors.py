"""Reads on local matters: the evidence of who was informed (D 5.2-5.4, N 20-24), the informed-in-time
report and a Member's own matters. Every list starts from `matters_visible_to`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from accord.core.access import Actor
from accord.core.clock import LONDON
from accord.councils.calendars import calendar_for
from accord.councils.models import Council, Member
from accord.matters import rules
from accord.matters.access import matters_visible_to
from accord.matters.informing import local_members, message_status
from accord.matters.models import Matter, Receipt
from accord.protocol import Citation, WorkingCalendar, load_profile

STATUS_WORDS = {
    "pending": "Queued",
    "sending": "Sending",
    "sent": "Sent",
    "failed-permanently": "Failed",
}


@dataclass(frozen=True)
class Informed:
    """One local Member on a matter's page: their receipts, whether they opened it, and any lateness."""

    member: Member
    receipts: list[Receipt]
    first_informed: dt.datetime | None
    opened_at: dt.datetime | None
    late: bool
    statuses: list[str]

    @property
    def rows(self) -> list[tuple[Receipt, str]]:
        """Each receipt with its e-mail's status (Queued, Sent, Failed, In Accord only)."""
        return list(zip(self.receipts, self.statuses, strict=True))

    @property
    def informed(self) -> bool:
        return self.first_informed is not None


def working_days_between(
    calendar: WorkingCalendar, start: dt.date, end: dt.date, *, enough: int = 400
) -> int:
    """Working days after `start` and before `end` (both excluded): the time a Member had to contribute.
    Counting stops at `enough` (the answer is then "at least `enough`")."""
    count, day = 0, start + dt.timedelta(days=1)
    while day < end and count < enough:
        if calendar.is_working_day(day):
            count += 1
        day += dt.timedelta(days=1)
    return count


def informed_late(
    calendar: WorkingCalendar,
    informed_at: dt.datetime | None,
    starts_on: dt.date,
    working_days: int,
) -> bool:
    """Late: informed on or after the day the matter starts, or with fewer than `working_days` working
    days between (D 5.2, N 20). Not informed at all is reported apart (`informed_at` None: False here)."""
    if informed_at is None:
        return False
    informed_on = informed_at.astimezone(LONDON).date()
    if informed_on >= starts_on:
        return True
    return (
        working_days_between(calendar, informed_on, starts_on, enough=working_days) < working_days
    )


def matter_informed_list(matter: Matter) -> list[Informed]:
    """Every Member with a receipt and every current local Member (informed or not), in name order."""
    profile = load_profile(matter.council.profile)
    calendar = calendar_for(matter.council)
    days = rules.in_time_working_days(profile)
    receipts = list(matter.receipts.select_related("member").order_by("informed_at", "id"))
    status = message_status(receipts)
    by_member: dict[int, list[Receipt]] = defaultdict(list)
    people: dict[int, Member] = {}
    for receipt in receipts:
        by_member[receipt.member_id].append(receipt)
        people[receipt.member_id] = receipt.member
    for member in local_members(matter):
        people.setdefault(member.pk, member)
    known: dict[dt.date | None, bool] = {}

    def late_on(first: dt.datetime | None) -> bool:
        """Lateness by the day informed: the Members told together are counted once."""
        day = first.astimezone(LONDON).date() if first else None
        if day not in known:
            known[day] = informed_late(calendar, first, matter.starts_on, days)
        return known[day]

    out = []
    for pk, member in sorted(people.items(), key=lambda kv: (kv[1].name, kv[0])):
        mine = by_member.get(pk, [])
        first = mine[0].informed_at if mine else None
        opened = min((r.opened_at for r in mine if r.opened_at), default=None)
        out.append(
            Informed(
                member=member,
                receipts=mine,
                first_informed=first,
                opened_at=opened,
                late=late_on(first),
                statuses=[
                    STATUS_WORDS.get(status.get(r.message_key, ""), "In Accord only") for r in mine
                ],
            )
        )
    return out


def matter_list_for_member(actor: Actor, *, kind: str = "") -> QuerySet[Matter]:
    """A Member's view: matters affecting their areas (and whole-council ones), newest first (D 5.3)."""
    qs = matters_visible_to(actor)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.select_related("service", "responsible_officer").order_by("-recorded_at", "-id")


def matter_home_list(actor: Actor) -> list[tuple[Matter, bool]]:
    """A Member's open matters for their home page, newest first, each with whether they have opened it."""
    if actor.member is None:
        return []
    qs = matter_list_for_member(actor).filter(state__in=Matter.OPEN_STATES)[:10]
    matters = list(qs)
    unopened = set(
        Receipt.objects.filter(
            matter__in=matters, member=actor.member, opened_at__isnull=True
        ).values_list("matter_id", flat=True)
    )
    return [(m, m.pk in unopened) for m in matters]


@dataclass
class ReportRow:
    """One service in one month: matters, Members informed late, Members not informed (D 5.2, N 20)."""

    service: str
    month: dt.date
    matters: int = 0
    members: int = 0
    late: int = 0
    not_informed: int = 0
    matters_late: int = 0

    @property
    def in_time(self) -> int:
        return self.members - self.late - self.not_informed


@dataclass
class InTimeReport:
    rows: list[ReportRow]
    working_days: int
    citations: tuple[Citation, ...]
    late_matters: list[dict[str, Any]] = field(default_factory=list)

    @property
    def by_month(self) -> list[tuple[dt.date, int, int, int]]:
        """(month, in time, late, not informed), for the chart."""
        months: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0, 0])
        for row in self.rows:
            totals = months[row.month]
            totals[0] += row.in_time
            totals[1] += row.late
            totals[2] += row.not_informed
        return [(m, *v) for m, v in sorted(months.items())]  # type: ignore[misc]


def informed_in_time_report(
    actor: Actor, council: Council, *, start: dt.date | None = None, end: dt.date | None = None
) -> InTimeReport:
    """Per service and month the matter starts: the local Members informed in time, late (after it started,
    or fewer than the profile's working days before) or not at all (D 5.2, N 20). Counts only what the
    actor may see."""
    profile = load_profile(council.profile)
    days = rules.in_time_working_days(profile)
    calendar = calendar_for(council)
    matters = matters_visible_to(actor).filter(council=council).select_related("service")
    if start:
        matters = matters.filter(starts_on__gte=start)
    if end:
        matters = matters.filter(starts_on__lte=end)
    rows: dict[tuple[str, dt.date], ReportRow] = {}
    late_matters = []
    for matter in matters.order_by("starts_on", "id").prefetch_related("receipts"):
        month = matter.starts_on.replace(day=1)
        row = rows.setdefault((matter.service.name, month), ReportRow(matter.service.name, month))
        row.matters += 1
        first: dict[int, dt.datetime] = {}
        for receipt in matter.receipts.all():
            if receipt.member_id not in first or receipt.informed_at < first[receipt.member_id]:
                first[receipt.member_id] = receipt.informed_at
        local = set(local_members(matter).values_list("pk", flat=True)) | set(first)
        late = [pk for pk in first if informed_late(calendar, first[pk], matter.starts_on, days)]
        missing = [pk for pk in local if pk not in first]
        row.members += len(local)
        row.late += len(late)
        row.not_informed += len(missing)
        if late or missing:
            row.matters_late += 1
            late_matters.append({"matter": matter, "late": len(late), "not_informed": len(missing)})
    ordered = sorted(rows.values(), key=lambda r: (r.month, r.service))
    cites = tuple(rules.citations_of(profile, rules.IN_TIME))
    return InTimeReport(ordered, days, cites, late_matters)


REPORT_HEADER = [
    "month",
    "service",
    "matters",
    "matters with a Member informed late or not at all",
    "local Members",
    "informed in time",
    "informed late",
    "not informed",
]


def report_csv_rows(report: InTimeReport) -> list[list[Any]]:
    return [REPORT_HEADER] + [
        [
            f"{r.month:%Y-%m}",
            r.service,
            r.matters,
            r.matters_late,
            r.members,
            r.in_time,
            r.late,
            r.not_informed,
        ]
        for r in report.rows
    ]
