"""D 6.3: an enquiry a Member made by phone, letter or e-mail, logged by democratic services afterwards: its
deadline counts from when it was received, which may be neither in the future nor before the council's limit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.core.errors import AccordError
from accord.enquiries import services
from accord.enquiries.models import Enquiry, EnquirySettings

from .conftest import Scene, at, make_scene

pytestmark = pytest.mark.django_db
MONDAY = at(2026, 3, 9, 11, 0)
LAST_THURSDAY = at(2026, 3, 5, 16, 0)


@pytest.fixture
def logged() -> Any:
    with clock.frozen(MONDAY):
        yield make_scene()


def _client(scene: Scene, who: str) -> Client:
    client = Client()
    client.force_login(scene.users[who])
    return client


@pytest.mark.cites("D 6.3")
def test_a_phone_enquiry_logged_on_monday_counts_from_thursday(logged: Scene) -> None:
    with clock.frozen(MONDAY):
        enquiry = logged.submit(who="dem", channel="phone", received_at=LAST_THURSDAY)
        today = logged.submit(who="dem", channel="phone")
    assert enquiry.channel == Enquiry.Channel.PHONE
    assert enquiry.received_at == LAST_THURSDAY
    assert enquiry.day_zero == dt.date(2026, 3, 5)
    assert enquiry.due_date == dt.date(2026, 3, 12)  # 5 working days after Thursday
    assert today.due_date == dt.date(2026, 3, 16)  # 5 working days after Monday
    received = enquiry.events.get(kind="received")
    assert "by phone on Thursday 5 March 2026 at 16:00" in received.description
    assert received.data["channel"] == "phone"
    assert received.citations[0]["label"] == "D 6.3"


@pytest.mark.cites("D 6.3")
@pytest.mark.parametrize(
    ("received_at", "words"),
    [
        (at(2026, 3, 9, 11, 1), "cannot be in the future"),
        (dt.datetime(2026, 3, 5, 16, 0), "its time zone"),  # noqa: DTZ001 - the naive input refused
        (dt.datetime(1, 1, 1, tzinfo=dt.UTC), "between 1 January 2000 and 31 December 2100"),
        (at(2026, 2, 20, 10, 0), "on or after 23 February 2026"),  # 10 working days before Monday
    ],
)
def test_a_received_time_out_of_bounds_is_refused_naming_the_field(
    logged: Scene, received_at: dt.datetime, words: str
) -> None:
    with clock.frozen(MONDAY), pytest.raises(AccordError, match=words) as refused:
        logged.submit(who="dem", channel="letter", received_at=received_at)
    assert refused.value.field == "received_at"
    assert not Enquiry.objects.exists()


@pytest.mark.cites("D 6.3")
def test_the_councils_limit_bounds_the_received_time_and_the_refusal_cites_d63(
    logged: Scene,
) -> None:
    EnquirySettings.objects.create(council=logged.council, backdate_limit_working_days=2)
    with clock.frozen(MONDAY):
        with pytest.raises(AccordError, match="on or after 5 March 2026") as refused:
            logged.submit(who="dem", channel="email", received_at=at(2026, 3, 4, 17, 0))
        assert refused.value.citations[0].label == "D 6.3"
        assert logged.submit(who="dem", channel="email", received_at=LAST_THURSDAY).pk


def test_only_democratic_services_log_a_phone_enquiry(logged: Scene) -> None:
    with clock.frozen(MONDAY):
        with pytest.raises(AccordError, match="Democratic services log") as refused:
            logged.submit(channel="phone", received_at=LAST_THURSDAY)
        assert refused.value.field == "channel"
        with pytest.raises(AccordError, match="received when it is raised"):
            logged.submit(received_at=LAST_THURSDAY)


def _log_form(scene: Scene, **over: str) -> dict[str, str]:
    form = {
        "member": str(scene.member.pk),
        "channel": "phone",
        "received_day": "5",
        "received_month": "3",
        "received_year": "2026",
        "received_time": "16:00",
        "subject": "Fly-tipping in Mill Lane",
        "details": "Rang on Thursday about fly-tipping.",
        "category": str(scene.category.pk),
        "capacity": Enquiry.Capacity.WARD_CASEWORK,
        "urgency": Enquiry.Urgency.NORMAL,
    }
    form.update(over)
    return form


@pytest.mark.cites("D 6.3")
def test_democratic_services_log_a_phone_enquiry_in_the_page(logged: Scene) -> None:
    client = _client(logged, "dem")
    with clock.frozen(MONDAY):
        raise_link = f'href="{reverse("enquiries:raise")}"'
        assert raise_link in client.get(reverse("web:home")).content.decode()
        everything = reverse("enquiries:all", args=[logged.council.slug])
        assert "Log an enquiry a Member made by phone" in client.get(everything).content.decode()
        page = client.get(reverse("enquiries:raise")).content.decode()
        assert "How did the Member make the enquiry?" in page and "By letter" in page
        response = client.post(reverse("enquiries:raise"), _log_form(logged))
    assert response.status_code == 302, response.content.decode()[:2000]
    enquiry = Enquiry.objects.get()
    assert (enquiry.channel, enquiry.received_at) == ("phone", LAST_THURSDAY)
    assert enquiry.due_date == dt.date(2026, 3, 12)


@pytest.mark.parametrize(
    ("over", "words"),
    [
        ({"received_day": "31", "received_month": "2"}, "Enter a real date"),
        ({"received_time": "25:00"}, "Enter the time received as hours and minutes"),
        ({"channel": ""}, "Select how the Member made the enquiry"),
        ({"received_day": "10"}, "cannot be in the future"),
        ({"received_month": ""}, "Enter the day, month and year it was received"),
    ],
)
def test_a_logged_enquiry_with_a_bad_received_time_gets_a_clear_message(
    logged: Scene, over: dict[str, str], words: str
) -> None:
    with clock.frozen(MONDAY):
        response = _client(logged, "dem").post(
            reverse("enquiries:raise"), _log_form(logged, **over)
        )
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize("year", ["1", "99999", "1999", "2101"])
def test_a_received_year_out_of_range_gets_one_message_naming_the_field(
    logged: Scene, year: str
) -> None:
    with clock.frozen(MONDAY):
        response = _client(logged, "dem").post(
            reverse("enquiries:raise"), _log_form(logged, received_year=year)
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count("Enter the year it was received as a year from 2000 to 2100") >= 1
    assert "Ensure this value" not in page
    assert "Enter the day, month and year it was received" not in page
    assert not Enquiry.objects.exists()


@pytest.mark.cites("D 6.3")
def test_the_api_logs_an_e_mailed_enquiry_with_its_received_time(logged: Scene) -> None:
    body: dict[str, Any] = {
        "member_id": logged.member.pk,
        "subject": "Streetlight out",
        "details": "E-mailed on Thursday.",
        "category_id": logged.category.pk,
        "capacity": "casework",
        "channel": "email",
        "received_at": "2026-03-05T16:00:00+00:00",
    }
    client = _client(logged, "dem")
    with clock.frozen(MONDAY):
        created = client.post("/api/v1/enquiries", body, content_type="application/json")
        future = client.post(
            "/api/v1/enquiries",
            {**body, "received_at": "2026-03-10T09:00:00+00:00"},
            content_type="application/json",
        )
        naive = client.post(
            "/api/v1/enquiries",
            {**body, "received_at": "2026-03-05T16:00:00"},
            content_type="application/json",
        )
    assert created.status_code == 201, created.content
    assert created.json()["channel"] == "email"
    assert created.json()["due_date"] == "2026-03-12"
    assert future.status_code == 400 and "future" in future.json()["detail"]
    assert naive.status_code == 422 and "received_at" in naive.json()["detail"]
    assert "time zone" in naive.json()["detail"]
    for far in ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00"):
        with clock.frozen(MONDAY):
            refused = client.post(
                "/api/v1/enquiries", {**body, "received_at": far}, content_type="application/json"
            )
        assert refused.status_code == 422, refused.content
        assert "received_at" in refused.json()["detail"] and "2100" in refused.json()["detail"]


@pytest.mark.cites("D 6.3")
def test_people_are_named_by_name_never_by_username(logged: Scene) -> None:
    dem = logged.users["dem"]
    dem.first_name, dem.last_name = "Dana", "Clerk"
    dem.save(update_fields=["first_name", "last_name"])
    with clock.frozen(MONDAY):
        enquiry = logged.submit(who="dem", channel="phone", received_at=LAST_THURSDAY)
        claimed = services.enquiry_claim(actor=logged.actor("officer"), enquiry_id=enquiry.pk)
        services.enquiry_answer(actor=logged.actor("officer"), enquiry=claimed, answer="Cleared.")
        body = _client(logged, "dem").get(f"/api/v1/enquiries/{enquiry.pk}").json()
    received = enquiry.events.get(kind="received").description
    assert "raised for the Member by Dana Clerk" in received and dem.username not in received
    officer = logged.users["officer"]
    assert [a["actor"] for a in body["answers"]] == [officer.officer.name]
