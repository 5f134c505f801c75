"""Every input checked at the edge: a bad value is a 422 (API) or a form error naming its field, never a 500."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.councils.tests.factories import MemberFactory
from accord.enquiries.models import Enquiry
from accord.enquiries.tests.factories import AssignedEnquiryFactory, CategoryFactory
from conftest import Roles

NOW = dt.datetime(2026, 3, 18, 10, 0, tzinfo=clock.LONDON)
NUL, SURROGATE = "\x00", "\ud800"


def client_for(roles: Roles, role: str) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(roles.user(role))  # type: ignore[arg-type]
    return client


def send(client: Client, url: str, data: dict[str, Any]) -> Any:
    """POST `data` as JSON; `json.dumps` writes a lone surrogate as the escape `\\ud800`, as a client would."""
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def raise_body(roles: Roles) -> dict[str, Any]:
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    bins = CategoryFactory(council=roles.council, name="Bins", service=officer.service)
    return {"subject": "Bins", "details": "Missed", "category_id": bins.pk, "capacity": "casework"}


def assert_names(response: Any, field: str) -> None:
    assert response.status_code == 422, response.content
    body = response.json()
    assert field in [e["field"] for e in body["errors"]], body
    assert body["detail"].startswith(field) or f"; {field}:" in body["detail"]


@pytest.mark.cites("D 6.3")
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subject", "x" * 201),
        ("constituent_name", "x" * 201),
        ("constituent_contact", "x" * 201),
        ("subject", f"Bins{NUL}"),
        ("details", f"Missed{NUL}"),
        ("constituent_name", f"Jo{NUL}"),
        ("subject", f"Bins{SURROGATE}"),
        ("details", f"Missed{SURROGATE}"),
        ("urgency_justification", SURROGATE),
        ("subject", "Bins\nmissed"),
        ("constituent_name", "Jo\x1b[31m"),
    ],
)
def test_raising_refuses_text_that_does_not_fit(
    roles: Roles, raise_body: dict[str, Any], field: str, value: str
) -> None:
    with clock.frozen(NOW):
        response = send(
            client_for(roles, "member"), "/api/v1/enquiries", {**raise_body, field: value}
        )
    assert_names(response, field)
    assert not Enquiry.objects.exists()


def test_multi_line_text_keeps_line_breaks_and_tabs(
    roles: Roles, raise_body: dict[str, Any]
) -> None:
    with clock.frozen(NOW):
        response = send(
            client_for(roles, "member"),
            "/api/v1/enquiries",
            {**raise_body, "details": "Line one\r\n\tLine two", "subject": "Seán's bins"},
        )
    assert response.status_code == 201, response.content
    assert response.json()["details"] == "Line one\r\n\tLine two"


@pytest.mark.parametrize("field", ["category_id", "area_id"])
def test_an_id_naming_nothing_is_a_422_for_its_field(
    roles: Roles, raise_body: dict[str, Any], field: str
) -> None:
    """A ward or category that does not exist (or is another council's) is the request's fault: 422."""
    other = CategoryFactory(council=roles.other_council) if field == "category_id" else None
    for value in (999_999, *([other.pk] if other else [])):
        with clock.frozen(NOW):
            response = send(
                client_for(roles, "member"), "/api/v1/enquiries", {**raise_body, field: value}
            )
        assert_names(response, field)
        assert "at this council" in response.json()["detail"]


def test_member_id_naming_nothing_is_a_422(roles: Roles, raise_body: dict[str, Any]) -> None:
    with clock.frozen(NOW):
        response = send(
            client_for(roles, "democratic_services"),
            "/api/v1/enquiries",
            {**raise_body, "member_id": 999_999},
        )
    assert_names(response, "member_id")


@pytest.mark.cites("D 6.3")
def test_a_member_giving_another_member_id_is_a_422(
    roles: Roles, raise_body: dict[str, Any]
) -> None:
    """A Member raises as themselves: another Member's id, or another council's, is refused, not ignored."""
    me = roles.user("member").member  # type: ignore[union-attr]
    other = MemberFactory(council=roles.council)
    elsewhere = MemberFactory()
    client = client_for(roles, "member")
    with clock.frozen(NOW):
        for member_id in (other.pk, elsewhere.pk, 999_999):
            assert_names(
                send(client, "/api/v1/enquiries", {**raise_body, "member_id": member_id}),
                "member_id",
            )
        assert not Enquiry.objects.exists()
        own = send(client, "/api/v1/enquiries", {**raise_body, "member_id": me.pk})
    assert own.status_code == 201, own.content
    assert Enquiry.objects.get().member == me


def test_the_holding_reply_note_and_date_are_checked(roles: Roles) -> None:
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    with clock.frozen(NOW):
        enquiry = AssignedEnquiryFactory(
            council=roles.council,
            category=CategoryFactory(council=roles.council, service=officer.service),
            assigned_to=officer,
        )
        url = f"/api/v1/enquiries/{enquiry.pk}/holding-reply"
        client = client_for(roles, "officer")
        good = {"reason": "Waiting", "new_due_date": "2026-04-30"}
        assert_names(send(client, url, {**good, "agreement_note": "x" * 301}), "agreement_note")
        assert_names(send(client, url, {**good, "reason": f"Wait{NUL}"}), "reason")
        assert_names(send(client, url, {**good, "new_due_date": "9999-12-31"}), "new_due_date")
        assert_names(send(client, url, {**good, "agreement_note": SURROGATE}), "agreement_note")
        assert_names(
            send(client, f"/api/v1/enquiries/{enquiry.pk}/answer", {"answer": NUL}), "answer"
        )
        assert_names(
            send(client, f"/api/v1/enquiries/{enquiry.pk}/assign", {"officer_id": 999_999}),
            "officer_id",
        )


@pytest.mark.parametrize(
    ("url", "query", "field"),
    [
        ("/api/v1/enquiries", "received_to=9999-12-31", "received_to"),
        ("/api/v1/enquiries", "received_from=0001-01-01", "received_from"),
        ("/api/v1/councils/testshire/enquiries/report", "end=9999-12-31", "end"),
        ("/api/v1/councils/testshire/enquiries/report", "start=1999-12-31", "start"),
        ("/api/v1/enquiries", "service=99999999999999999999", "service"),
        ("/api/v1/enquiries/99999999999999999999", "", "enquiry_id"),
        ("/api/v1/councils/testshire/enquiries/report", "start=2026-12-01&end=2026-01-01", "start"),
        ("/api/v1/enquiries", "received_from=2026-12-01&received_to=2026-01-01", "received_from"),
        ("/api/v1/disputes", "state=zzz", "state"),
        ("/api/v1/enquiries", "state=zzz", "state"),
    ],
)
def test_filter_dates_and_ids_are_bounded(roles: Roles, url: str, query: str, field: str) -> None:
    response = client_for(roles, "democratic_services").get(f"{url}?{query}")
    assert_names(response, field)


@pytest.mark.parametrize("name", ["enquiries:all", "enquiries:export"])
def test_the_list_page_and_csv_refuse_a_date_out_of_range(roles: Roles, name: str) -> None:
    """9999-12-31 overflowed when a day was added to it; the form now refuses it and lists everything."""
    with clock.frozen(NOW):
        response = client_for(roles, "democratic_services").get(
            reverse(name, args=[roles.council.slug]), {"received_to": "9999-12-31"}
        )
    assert response.status_code == 200
    if name == "enquiries:all":
        assert (
            "Received to must be between 1 January 2000 and 31 December 2100"
            in response.content.decode()
        )


def test_the_raise_page_names_a_control_character(roles: Roles, raise_body: dict[str, Any]) -> None:
    with clock.frozen(NOW):
        response = client_for(roles, "member").post(
            reverse("enquiries:raise"),
            {
                "subject": "Bins\x07",
                "details": "Missed\r\nagain",
                "category": raise_body["category_id"],
                "capacity": "casework",
                "urgency": "normal",
            },
        )
    assert response.status_code == 400
    assert "Subject contains a control character (U+0007)" in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [("[null, null]", "body"), ('{"note": "Any news?", "notes": "typo"}', "notes")],
)
def test_a_body_is_an_object_of_the_named_fields(roles: Roles, body: str, field: str) -> None:
    """`[null, null]` was read as "no note" and a misspelt field was ignored: both are refused."""
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    with clock.frozen(NOW):
        enquiry = AssignedEnquiryFactory(
            council=roles.council,
            category=CategoryFactory(council=roles.council, service=officer.service),
            member=roles.user("member").member,  # type: ignore[union-attr]
        )
        response = client_for(roles, "member").post(
            f"/api/v1/enquiries/{enquiry.pk}/chase", body, content_type="application/json"
        )
    assert response.status_code == 422, response.content
    assert field in response.json()["detail"]
    enquiry.refresh_from_db()
    assert enquiry.chaser_count == 0
