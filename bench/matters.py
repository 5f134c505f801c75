"""Benchmark: recording a local matter that informs 100 Members, beside the enquiries benchmark's baseline.

Run on PostgreSQL (the figures in RESULTS.md):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/accord_bench accord migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/accord_bench .venv/bin/python bench/matters.py

It makes (once) a council `bench-matters` whose one ward has `--members` Members, each with an e-mail
address, then times through Django's whole request stack (the test client in this process: the server's
time, without a network), in alternating rounds: `POST /api/v1/matters` recording a matter of that ward
(a receipt and an e-mail queued per Member, the history chained; the sends happen in the worker), and the
enquiries benchmark's baseline view (one primary-key query). Target: the create at most 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402

from accord.accounts.models import User  # noqa: E402
from accord.councils.models import Area, Council, Member, Officer, Service  # noqa: E402
from accord.enquiries.management.commands.bench import _storages, baseline  # noqa: E402
from config.urls import urlpatterns as site  # noqa: E402

urlpatterns = [path("bench/baseline/", baseline), *site]


def council_with_members(count: int) -> tuple[Council, Area, User, Service, Officer]:
    council, _ = Council.objects.get_or_create(
        slug="bench-matters",
        defaults={
            "name": "Bench Matters District Council",
            "nation": "england",
            "profile": "district",
        },
    )
    ward, _ = Area.objects.get_or_create(council=council, name="Bench Ward")
    have = Member.objects.filter(council=council).count()
    for n in range(have, count):
        member = Member.objects.create(
            council=council, name=f"Bench Member {n:03d}", email=f"member{n}@bench.invalid"
        )
        member.areas.add(ward)
    service, _ = Service.objects.get_or_create(council=council, name="Bench Service")
    officer, _ = Officer.objects.get_or_create(
        council=council, name="Bench Officer", defaults={"job_title": "Officer", "service": service}
    )
    user, _ = User.objects.get_or_create(
        username="bench-matters-officer", defaults={"council": council, "officer": officer}
    )
    return council, ward, user, service, officer


def timed(call: Any) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("The benchmark runs on PostgreSQL only: set DATABASE_URL=postgres://...")
    _council, ward, user, service, officer = council_with_members(args.members)
    client = Client()
    client.force_login(user)
    body = {
        "title": "Bench matter",
        "summary": "A matter affecting the bench ward.",
        "kind": "policy",
        "service_id": service.pk,
        "responsible_officer_id": officer.pk,
        "starts_on": "2030-01-31",
        "area_ids": [ward.pk],
    }

    def create() -> None:
        response = client.post("/api/v1/matters", body, content_type="application/json")
        assert response.status_code == 201, response.content
        assert len(response.json()["receipts"]) == args.members

    def base() -> None:
        assert client.get(f"/bench/baseline/?pk={user.pk}").status_code == 200

    with override_settings(
        ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], DEBUG=False, STORAGES=_storages()
    ):
        create(), base()  # warm up
        creates, bases = [], []
        for _ in range(args.repeat):
            creates.append(timed(create))
            bases.append(timed(base))
    c, b = statistics.median(creates), statistics.median(bases)
    print(f"members informed per matter: {args.members}")
    print(f"baseline median: {b:.1f} ms")
    print(f"record a matter (POST /api/v1/matters) median: {c:.1f} ms ({c / b:.0f} x baseline)")
    print(f"  fastest {min(creates):.1f} ms, slowest {max(creates):.1f} ms, {args.repeat} runs")
    print("target: at most 150 ms: " + ("met" if c <= 150 else "NOT met"))


if __name__ == "__main__":
    main()
