"""`accord bench enquiries`: the enquiry pages, API and KPI at scale, on PostgreSQL, beside a baseline.

Generates `bench-<n>` councils with COPY (reused by later runs), then times, through Django's full request
stack (a test client in this process): the service-queue page, the API list (filters, a page of 50), the
KPI for one council and for all, API enquiry creation, and a bare view doing one primary-key query (the
baseline, so the figures read as ratios). Beside creation, the write floor: a signed-in request that writes
one row in a transaction, what any create costs before its own work. Also: due dates per second, vectorised
against the explained path.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

import numpy as np
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.test import Client, override_settings
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from accord.accounts.models import User
from accord.core import clock
from accord.councils.calendars import calendar_for
from accord.councils.models import Council
from accord.enquiries.management.bench_data import bench_council, enquiries_copy
from accord.enquiries.models import Category, Enquiry
from accord.enquiries.reports import enquiry_kpi_report
from accord.notifications.models import OutboxMessage


def baseline(request: HttpRequest) -> HttpResponse:
    """One primary-key query and a tiny JSON answer: the floor every other figure is compared with."""
    user = User.objects.filter(pk=request.GET.get("pk", 1)).values("pk", "username").first()
    return JsonResponse({"user": user})


@csrf_exempt
def write_floor(request: HttpRequest) -> HttpResponse:
    """What any create costs before its own work: a signed-in user (session and user read) and one row
    written in a transaction and committed. A row in the outbox marked sent, so no worker takes it."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Sign in."}, status=401)
    with transaction.atomic():
        row = OutboxMessage.objects.create(
            recipient="bench@bench.invalid",
            subject="Bench",
            body="Bench",
            template="bench",
            event_type="bench",
            idempotency_key=f"bench:{uuid.uuid4()}",
            subject_type="bench",
            status=OutboxMessage.Status.SENT,
        )
    return JsonResponse({"id": row.pk}, status=201)


def _urls() -> list[Any]:
    from config.urls import urlpatterns

    return [
        path("bench/baseline/", baseline),
        path("bench/write-floor/", write_floor),
        *urlpatterns,
    ]


urlpatterns = _urls()


def _median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class Command(BaseCommand):
    help = "Benchmarks on PostgreSQL: 'accord bench enquiries --councils N --enquiries M'."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", choices=["enquiries"])
        parser.add_argument("--councils", type=int, default=10)
        parser.add_argument("--enquiries", type=int, default=100_000, help="In total.")
        parser.add_argument("--repeat", type=int, default=30)

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                "The benchmark runs on PostgreSQL only: set DATABASE_URL=postgres://... and try again."
            )
        n_councils, total, repeat = options["councils"], options["enquiries"], options["repeat"]
        started = time.perf_counter()
        councils = self._data(n_councils, total)
        generated = time.perf_counter() - started
        with override_settings(
            ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"], DEBUG=False, STORAGES=_storages()
        ):
            results = self._measure(councils, repeat)
        results["data"] = (
            f"{n_councils} councils, {Enquiry.objects.filter(council__in=councils).count():,} enquiries"
        )
        results["generate_s"] = round(generated, 1)
        results["machine"] = (
            f"{os.cpu_count()} CPUs, {_memory()}, {platform.python_version()}, {_pg()}"
        )
        results["date"] = dt.date.today().isoformat()  # noqa: DTZ011
        for key, value in results.items():
            self.stdout.write(f"{key}: {value}")

    def _data(self, n_councils: int, total: int) -> list[Council]:
        per = total // n_councils
        councils = []
        for n in range(1, n_councils + 1):
            council = bench_council(n)
            have = Enquiry.objects.filter(council=council).count()
            if have < per:
                Enquiry.objects.filter(council=council).delete()
                start = time.perf_counter()
                enquiries_copy(council, per, seed=n)
                self.stdout.write(
                    f"  {council.slug}: {per:,} enquiries in {time.perf_counter() - start:.1f}s"
                )
            councils.append(council)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE enquiries_enquiry")
        return councils

    def _measure(self, councils: list[Council], repeat: int) -> dict[str, Any]:
        council = councils[0]
        n = council.slug.split("-")[1]
        officer, member, dem = (
            User.objects.get(username=f"bench-{n}-{r}") for r in ("officer", "member", "dem")
        )
        clients = {}
        for name, user in (("officer", officer), ("member", member), ("dem", dem)):
            clients[name] = Client()
            clients[name].force_login(user)
        service_id = officer.officer.service_id  # type: ignore[union-attr]

        def get(client: Client, url: str) -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        r: dict[str, Any] = {}
        r["baseline_ms"] = _median_ms(
            lambda: get(clients["officer"], f"/bench/baseline/?pk={officer.pk}"), repeat
        )
        r["service_queue_page_ms"] = _median_ms(
            lambda: get(clients["officer"], "/enquiries/queue/service/"), repeat
        )
        api = f"/api/v1/enquiries?service={service_id}&state=assigned&page=2"
        r["api_list_ms"] = _median_ms(lambda: get(clients["dem"], api), repeat)
        r["all_list_page_ms"] = _median_ms(
            lambda: get(clients["dem"], f"/councils/{council.slug}/enquiries/?overdue=yes&page=2"),
            repeat,
        )
        r["kpi_one_council_ms"] = _median_ms(lambda: enquiry_kpi_report(councils=[council]), repeat)
        r["kpi_all_councils_ms"] = _median_ms(lambda: enquiry_kpi_report(), max(5, repeat // 5))
        r["kpi_page_ms"] = _median_ms(
            lambda: get(clients["dem"], f"/councils/{council.slug}/enquiries/report/"), repeat
        )
        for key in list(r):
            r[key] = round(r[key], 1)
            if key != "baseline_ms":
                r[key.replace("_ms", "_x_baseline")] = round(r[key] / r["baseline_ms"], 1)
        r.update(self._create(clients["member"], council, repeat * 5))
        r.update(self._due_dates(council))
        return r

    def _create(self, client: Client, council: Council, count: int) -> dict[str, Any]:
        """Requests per second of API creation, the write floor and the baseline, taken in alternating
        rounds so that all three see the same moments of a shared, noisy machine."""
        category = Category.objects.filter(council=council).first()
        user = client.session.get("_auth_user_id", 1)
        assert category is not None
        body = {
            "subject": "Bench",
            "details": "Bench",
            "category_id": category.pk,
            "capacity": "casework",
        }
        requests: dict[str, Callable[[], Any]] = {
            "api_create": lambda: client.post(
                "/api/v1/enquiries", body, content_type="application/json"
            ),
            "write_floor": lambda: client.post(
                "/bench/write-floor/", {}, content_type="application/json"
            ),
            "baseline": lambda: client.get(f"/bench/baseline/?pk={user}"),
        }
        spent = dict.fromkeys(requests, 0.0)
        rounds, per_round = 5, max(1, count // 5)
        for _ in range(rounds):
            for name, request in requests.items():
                start = time.perf_counter()
                for _ in range(per_round):
                    response = request()
                    assert response.status_code in (200, 201), (name, response.content)
                spent[name] += time.perf_counter() - start
        OutboxMessage.objects.filter(subject_type="bench").delete()
        done = rounds * per_round
        r: dict[str, Any] = {}
        for name, seconds in spent.items():
            r[f"{name}_per_s"] = round(done / seconds, 1)
            r[f"{name}_each_ms"] = round(1000 * seconds / done, 2)
        for name in ("api_create", "write_floor"):
            # The target for creation: at least 35% of the baseline's requests per second.
            r[f"{name}_share_of_baseline"] = f"{r[f'{name}_per_s'] / r['baseline_per_s']:.0%}"
        return r

    def _due_dates(self, council: Council) -> dict[str, Any]:
        calendar = calendar_for(council)
        rng = np.random.default_rng(1)
        dates = np.datetime64("2020-01-01") + rng.integers(0, 3650, 1_000_000).astype(
            "timedelta64[D]"
        )
        start = time.perf_counter()
        fast = calendar.due_many(dates, 5)
        vector_s = time.perf_counter() - start
        sample = dates[:20_000]
        start = time.perf_counter()
        explained = [
            calendar.due(
                dt.datetime.combine(d.astype(dt.date), dt.time(12), tzinfo=clock.LONDON), 5
            ).due
            for d in sample
        ]
        explained_s = time.perf_counter() - start
        same = all(
            a == b.astype(dt.date) for a, b in zip(explained, fast[: len(sample)], strict=True)
        )
        if not same:
            raise CommandError("due_many and due disagree on the sample")
        return {
            "due_many_per_s": f"{len(dates) / vector_s:,.0f}",
            "due_explained_per_s": f"{len(sample) / explained_s:,.0f}",
            "due_identical_on_sample": f"{same} ({len(sample):,} dates)",
        }


def _memory() -> str:
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
        return f"{kb / 1024 / 1024:.0f} GB RAM"
    except OSError:
        return "memory unknown"


def _pg() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        row = cursor.fetchone()
        return f"PostgreSQL {row[0] if row else '?'}"


def _storages() -> dict[str, Any]:
    """Plain static file names: the benchmark does not need `collectstatic`'s manifest."""
    storages = dict(settings.STORAGES)
    storages["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    return storages
