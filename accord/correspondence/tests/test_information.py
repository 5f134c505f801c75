"""Information requests (D 8.3): the statutory deadline (FOIA s.10, UK GDPR Art. 12(3)), the search of
everything registered, the bundle, and nothing in it that the requester's role may not see."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accord.cases import disclosure
from accord.cases.disclosure import DisclosureHit
from accord.core import clock
from accord.core.access import actor_for
from accord.correspondence import rules, services
from accord.correspondence.models import InformationRequest
from accord.correspondence.tests.factories import information_log, letter_draft, press_log
from accord.councils.models import ClosureDay
from accord.councils.tests.factories import UserFactory
from accord.enquiries.tests.factories import EnquiryFactory
from conftest import Roles

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.cites("D 8.3")
@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 4, 20), D(2026, 5, 19)),  # a Monday: 20 working days after, May Day skipped
        (D(2026, 3, 2), D(2026, 3, 31)),  # St Patrick's Day (a bank holiday in Northern Ireland)
        (
            D(2026, 3, 7),
            D(2026, 4, 8),
        ),  # a Saturday: Monday is day one; 17 March and Easter skipped
        (D(2026, 3, 26), D(2026, 4, 27)),  # Good Friday 3 April and Easter Monday 6 April skipped
        # Christmas Day, Boxing Day (substitute 28th), New Year and Scotland's 2 January (substitute 4th)
        (D(2026, 12, 14), D(2027, 1, 15)),
    ],
)
def test_foia_deadline_is_the_twentieth_working_day_after_receipt(
    roles: Roles, received: D, due: D
) -> None:
    """FOIA s.10(6): a bank holiday in any part of the United Kingdom is not a working day."""
    assert rules.foia_due(received) == due


@pytest.mark.cites("D 8.3")
def test_a_councils_closure_days_never_extend_a_statutory_deadline(roles: Roles) -> None:
    """A council closed between Christmas and New Year still counts those days, as the Act does."""
    for day in (D(2026, 12, 29), D(2026, 12, 30), D(2026, 12, 31)):
        ClosureDay.objects.create(council=roles.council, date=day, reason="Christmas closure")
    foi = information_log(roles.user("democratic_services"), received_on=D(2026, 11, 30))
    assert foi.due_date == D(2026, 12, 30)
    sar = information_log(
        roles.user("democratic_services"), regime="subject-access", received_on=D(2026, 11, 29)
    )
    assert sar.due_date == D(2026, 12, 29)


@pytest.mark.cites("D 8.3")
@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 3, 3), D(2026, 4, 7)),  # 3 April 2026 is Good Friday, then Easter Monday
        (D(2026, 1, 31), D(2026, 3, 2)),  # no 31 February: the last day (Saturday 28th), to Monday
        (D(2026, 6, 10), D(2026, 7, 10)),  # a Friday, nothing moves
        (D(2026, 12, 31), D(2027, 2, 1)),  # 31 January 2027 is a Sunday
    ],
)
def test_subject_access_deadline_is_one_calendar_month(roles: Roles, received: D, due: D) -> None:
    assert rules.subject_access_due(received) == due


@pytest.mark.cites("D 8.3")
def test_the_request_shows_its_deadline_and_statute_in_page_and_api(roles: Roles) -> None:
    info = information_log(
        roles.user("democratic_services"),
        received_on=D(2026, 4, 20),
        date_from=D(2025, 4, 20),
        date_to=D(2026, 4, 20),
    )
    assert info.due_date == D(2026, 5, 19)
    client = Client()
    client.force_login(roles.user("monitoring_officer"))
    page = client.get(reverse("correspondence:information-detail", args=(info.pk,))).content
    assert b"Tuesday 19 May 2026" in page and b"FOIA s.10" in page
    assert b"20 April 2025 to 20 April 2026" in page  # the period searched
    api = client.get(f"/api/v1/information-requests/{info.pk}").json()
    assert api["due_date"] == "2026-05-19"
    assert api["citations"][0]["label"] == "FOIA s.10"


def _bundle(
    client: Client, info: InformationRequest
) -> tuple[list[dict[str, str]], dict[str, str]]:
    response = client.get(reverse("correspondence:information-bundle", args=(info.pk,)))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    index = list(csv.DictReader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    records = {n: archive.read(n).decode() for n in archive.namelist() if n != "index.csv"}
    return index, records


@pytest.fixture
def confidential_source() -> Iterator[None]:
    """A source standing in for group and briefing material: one confidential hit per search."""

    def briefing(council, actor, query, date_from, date_to):  # type: ignore[no-untyped-def]
        if actor.council_id != council.pk:
            return []
        return [
            DisclosureHit(
                source="Briefings",
                reference="BRF-1",
                title="Confidential briefing about Abbey Road",
                at=clock.now(),
                text="Secret",
                confidential=True,
            )
        ]

    disclosure.disclosure_sources_register("test-briefings", briefing)
    yield
    disclosure._SOURCES.pop("test-briefings")


@pytest.mark.cites("D 8.3")
def test_the_bundle_holds_what_was_found_and_flags_confidential_material(
    roles: Roles, confidential_source: None
) -> None:
    member_user = roles.user("member")
    assert member_user is not None
    letter = letter_draft(member_user, subject="Abbey Road parking")
    press = press_log(roles.user("officer"), question="Abbey Road closures?")
    enquiry = EnquiryFactory(council=roles.council, subject="Abbey Road potholes")
    letter_draft(member_user, subject="Something else", body="Nothing.", recipients="Mrs J Smith")
    other_user = roles.user("other_council")
    assert other_user is not None
    letter_draft(other_user, subject="Abbey Road elsewhere")
    info = information_log(roles.user("democratic_services"), terms="Abbey")
    client = Client()
    client.force_login(roles.user("democratic_services"))
    index, records = _bundle(client, info)
    found = {row["reference"]: row for row in index}
    assert set(found) == {letter.reference, press.reference, enquiry.reference, "BRF-1"}
    assert found["BRF-1"]["exported"] == "no"
    assert "flagged for review" in found["BRF-1"]["note"]
    assert not any("Secret" in text for text in records.values())
    assert any("Abbey Road parking" in text for text in records.values())
    page = client.get(reverse("correspondence:information-detail", args=(info.pk,))).content
    assert b"Confidential: review first" in page


@pytest.mark.cites("D 8.3")
def test_the_search_never_widens_what_the_searcher_may_see(roles: Roles) -> None:
    """A source searches as the person searching: an officer who may not see a Member's letter does not
    find it, though democratic services do."""
    letter = letter_draft(roles.user("member"), subject="Abbey Road parking")
    today = clock.today()
    args = (roles.council, "Abbey", today - dt.timedelta(days=1), today)
    officer = actor_for(roles.user("officer"))
    dem = actor_for(roles.user("democratic_services"))
    assert letter.reference not in [
        h.reference
        for h in disclosure.disclosure_search(
            council=args[0], actor=officer, query=args[1], date_from=args[2], date_to=args[3]
        )
    ]
    assert letter.reference in [
        h.reference
        for h in disclosure.disclosure_search(
            council=args[0], actor=dem, query=args[1], date_from=args[2], date_to=args[3]
        )
    ]


def test_only_democratic_services_and_the_monitoring_officer_handle_requests(roles: Roles) -> None:
    info = information_log(roles.user("democratic_services"))
    for role in ("member", "officer", "chief_officer", "other_council"):
        client = Client()
        client.force_login(roles.user(role))
        assert (
            client.get(reverse("correspondence:information-bundle", args=(info.pk,))).status_code
            == 404
        )
        assert client.get(f"/api/v1/information-requests/{info.pk}").status_code == 404
        assert client.get("/api/v1/information-requests").json() == []


def test_a_period_backwards_or_a_receipt_in_the_future_is_refused(roles: Roles) -> None:
    client = Client()
    client.force_login(roles.user("democratic_services"))
    base = {
        "regime": "foi",
        "requester": "R",
        "request": "All of it",
        "terms": "Abbey",
        "date_from": "2026-02-01",
        "date_to": "2026-01-01",
        "received_on": "2999-01-01",
    }
    response = client.post(
        "/api/v1/information-requests", json.dumps(base), content_type="application/json"
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} >= {"received_on"}
    page = client.post(reverse("correspondence:information-new"), base)
    assert page.status_code == 400
    assert b"must be on or before the day it ends" in page.content
    assert not InformationRequest.objects.exists()


@pytest.mark.cites("D 8.3")
def test_the_answer_is_recorded_once(roles: Roles) -> None:
    dem = roles.user("democratic_services")
    info = information_log(dem)
    services.information_request_answer(actor=actor_for(dem), info=info, response="Enclosed.")
    info.refresh_from_db()
    assert info.state == "answered"
    client = Client()
    client.force_login(dem)
    again = client.post(
        f"/api/v1/information-requests/{info.pk}/answer",
        json.dumps({"response": "x"}),
        content_type="application/json",
    )
    assert again.status_code == 400


@pytest.mark.postgres
@pytest.mark.cites("D 8.3")
def test_full_text_search_on_postgresql_finds_word_forms(roles: Roles) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    letter = letter_draft(
        roles.user("member"), subject="Parking", body="The residents parked badly."
    )
    today = clock.today()
    hits = disclosure.disclosure_search(
        council=roles.council,
        actor=actor_for(roles.user("democratic_services")),
        query="parks -bins",
        date_from=today,
        date_to=today,
    )
    assert letter.reference in [h.reference for h in hits]


def test_substring_search_elsewhere_needs_every_word(roles: Roles) -> None:
    if connection.vendor == "postgresql":
        pytest.skip("the fallback is for SQLite")
    letter = letter_draft(roles.user("member"), subject="Parking on Abbey Road")
    today = clock.today()

    def refs(query: str) -> list[str]:
        return [
            h.reference
            for h in disclosure.disclosure_search(
                council=roles.council,
                actor=actor_for(roles.user("democratic_services")),
                query=query,
                date_from=today,
                date_to=today,
            )
        ]

    assert letter.reference in refs("abbey parking")
    assert letter.reference not in refs("abbey bins")


def test_a_user_without_a_council_gets_nothing(roles: Roles) -> None:
    user = UserFactory(council=None)
    client = Client()
    client.force_login(user)
    assert client.get(reverse("correspondence:information-list")).status_code == 404


@pytest.mark.cites("D 8.3")
def test_a_search_that_finds_more_than_it_lists_says_so_in_page_api_and_bundle(
    roles: Roles, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source lists at most SOURCE_LIMIT records of a kind; finding more is never silent."""
    monkeypatch.setattr(disclosure, "SOURCE_LIMIT", 3)

    def many(council, actor, query, date_from, date_to):  # type: ignore[no-untyped-def]
        return [
            DisclosureHit(
                source="Minutes",
                reference=f"MIN-{n}",
                title=f"Abbey Road minute {n}",
                at=clock.now(),
                text="Minute",
            )
            for n in range(4)
        ]

    disclosure.disclosure_sources_register("test-minutes", many)
    try:
        info = information_log(roles.user("democratic_services"))
        client = Client()
        client.force_login(roles.user("democratic_services"))
        page = client.get(reverse("correspondence:information-detail", args=(info.pk,)))
        text = page.content.decode()
        assert "More than 3 records of Minutes match" in text and "MIN-3" not in text
        api = client.get(f"/api/v1/information-requests/{info.pk}").json()
        assert api["incomplete"] == ["Minutes"]
        assert [h["reference"] for h in api["hits"]] == ["MIN-0", "MIN-1", "MIN-2"]
        index, records = _bundle(client, info)
        assert len(records) == 3
        assert index[-1]["note"].startswith("incomplete")
        assert "More than 3 records of Minutes" in index[-1]["title"]
    finally:
        disclosure._SOURCES.pop("test-minutes")
