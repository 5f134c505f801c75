"""Benchmark data: councils, people and many enquiries written with PostgreSQL's COPY.

Everything is named `bench-<n>` so a run can reuse the data of an earlier one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db import connection, transaction

from accord.accounts.models import User
from accord.core import clock
from accord.councils.calendars import calendar_for
from accord.councils.models import Area, Council, Member, Officer, PoliticalGroup, Service
from accord.enquiries.models import Category, Enquiry

SERVICES = ("Waste", "Planning", "Housing", "Highways", "Revenues")
MEMBERS = 40
OFFICERS_PER_SERVICE = 4
STATE_CODES = np.array(
    [
        Enquiry.State.RECEIVED,
        Enquiry.State.ASSIGNED,
        Enquiry.State.HOLDING_REPLY_SENT,
        Enquiry.State.ANSWERED,
        Enquiry.State.CLOSED,
    ]
)


def bench_council(n: int) -> Council:
    """Council `bench-<n>` with its services, categories, areas, Members, officers and users."""
    council, created = Council.objects.get_or_create(
        slug=f"bench-{n}",
        defaults={"name": f"Bench Council {n}", "nation": "england", "profile": "district"},
    )
    if created:
        _people(council, n)
    _addresses(council, n)
    return council


def _addresses(council: Council, n: int) -> None:
    """Members and officers have e-mail addresses and each service a head, as in a real council, so a new
    enquiry queues its acknowledgement and its notice to the Head of Service like any other."""
    for member in Member.objects.filter(council=council, email=""):
        member.email = f"member-{n}-{member.pk}@bench.invalid"
        member.save(update_fields=["email"])
    for officer in Officer.objects.filter(council=council, email=""):
        officer.email = f"officer-{n}-{officer.pk}@bench.invalid"
        officer.save(update_fields=["email"])
    for service in Service.objects.filter(council=council, head__isnull=True):
        service.head = Officer.objects.filter(service=service).order_by("pk").first()
        service.save(update_fields=["head"])


def _people(council: Council, n: int) -> None:
    with transaction.atomic():
        group = PoliticalGroup.objects.create(council=council, name="Bench Group")
        areas = [Area.objects.create(council=council, name=f"Ward {i}") for i in range(10)]
        for i in range(MEMBERS):
            m = Member.objects.create(council=council, name=f"Member {n}-{i}", group=group)
            m.areas.set([areas[i % len(areas)]])
        for s_name in SERVICES:
            service = Service.objects.create(council=council, name=s_name)
            Category.objects.create(council=council, name=s_name, service=service)
            for j in range(OFFICERS_PER_SERVICE):
                Officer.objects.create(
                    council=council,
                    name=f"Officer {n}-{s_name}-{j}",
                    job_title="Officer",
                    service=service,
                )
        first = Officer.objects.filter(council=council).order_by("pk").first()
        User.objects.create_user(f"bench-{n}-officer", council=council, officer=first)
        User.objects.create_user(
            f"bench-{n}-member",
            council=council,
            member=Member.objects.filter(council=council).first(),
        )
        User.objects.create_user(f"bench-{n}-dem", council=council, is_democratic_services=True)


def _columns() -> list[Any]:
    return [f for f in Enquiry._meta.concrete_fields if not f.primary_key]


def enquiries_copy(council: Council, count: int, *, seed: int) -> None:
    """`count` enquiries over the last year: ~88% on time, a few open and overdue; one COPY."""
    rng = np.random.default_rng(seed)
    calendar = calendar_for(council)
    today = np.datetime64(clock.today(), "D")
    received = today - rng.integers(0, 365, count).astype("timedelta64[D]")
    due = calendar.due_many(received, 5)
    day_zero = calendar.due_many(received, 0)
    categories = list(Category.objects.filter(council=council).select_related("service"))
    members = list(Member.objects.filter(council=council).values_list("pk", flat=True))
    officers: dict[int, list[int]] = {}
    for o in Officer.objects.filter(council=council):
        officers.setdefault(o.service_id or 0, []).append(o.pk)
    raiser = User.objects.get(username=f"bench-{council.slug.split('-')[1]}-dem").pk
    cat_idx = rng.integers(0, len(categories), count)
    mem_idx = rng.integers(0, len(members), count)
    on_time = rng.random(count) < 0.88
    took = np.where(on_time, rng.integers(0, 6, count), rng.integers(6, 14, count))
    answered_on = calendar.due_many(day_zero, took)
    is_answered = answered_on < today
    hours = rng.integers(8, 18, count)
    fields = _columns()
    names = [f.column for f in fields]
    now = clock.now().isoformat()
    defaults = {f.column: f.get_default() for f in fields}
    with connection.cursor() as cursor:
        raw = cursor.cursor
        sql = f"COPY enquiries_enquiry ({', '.join(names)}) FROM STDIN"
        with raw.copy(sql) as copy:
            for i in range(count):
                cat = categories[cat_idx[i]]
                officer_ids: list[int | None] = [*officers.get(cat.service_id, [])] or [None]
                answered = bool(is_answered[i])
                r_at = f"{received[i]}T{hours[i]:02d}:15:00+00:00"
                row = dict(defaults)
                row.update(
                    council_id=council.pk,
                    reference=f"B-{i + 1:07d}",
                    member_id=members[mem_idx[i]],
                    raised_by_id=raiser,
                    subject="Missed bin collection on Station Road",
                    details="A resident asked me to look into this.",
                    area_id=None,
                    category_id=cat.pk,
                    service_id=cat.service_id,
                    urgency="normal",
                    capacity="casework",
                    state=(Enquiry.State.CLOSED if answered else Enquiry.State.ASSIGNED),
                    assigned_to_id=officer_ids[i % len(officer_ids)],
                    profile_key="district",
                    profile_version="bench",
                    received_at=r_at,
                    clock_started_at=r_at,
                    working_days=5,
                    day_zero=str(day_zero[i]),
                    due_date=str(due[i]),
                    # after receipt, also when answered on the day received (the database checks it)
                    answered_at=(
                        f"{answered_on[i]}T{max(15, int(hours[i]) + 1):02d}:00:00+00:00"
                        if answered
                        else None
                    ),
                    answered_month=(
                        f"{answered_on[i].astype('datetime64[M]')}-01" if answered else None
                    ),
                    answered_on_time=bool(answered_on[i] <= due[i]) if answered else None,
                    working_days_to_answer=int(took[i]) if answered else None,
                    chaser_count=0 if on_time[i] else 1,
                    created=now,
                    updated=now,
                )
                copy.write_row([row.get(c) for c in names])
