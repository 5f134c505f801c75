"""The enquiries API: create, list with filters and paging, detail with history, transitions, the KPI."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from accord.core import clock
from accord.enquiries.models import Enquiry
from accord.enquiries.tests.factories import (
    AnsweredEnquiryFactory,
    CategoryFactory,
    EnquiryFactory,
)
from conftest import Roles

NOW = dt.datetime(2026, 3, 18, 10, 0, tzinfo=clock.LONDON)


def client_for(roles: Roles, role: str) -> Client:
    client = Client()
    client.force_login(roles.user(role))  # type: ignore[arg-type]
    return client


def post(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, data or {}, content_type="application/json")


@pytest.fixture
def bins(roles: Roles):  # type: ignore[no-untyped-def]
    service = roles.user("officer").officer.service  # type: ignore[union-attr]
    return CategoryFactory(council=roles.council, name="Bins", service=service)


@pytest.mark.cites("D 6.3")
def test_create_claim_answer_close(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    member, officer = client_for(roles, "member"), client_for(roles, "officer")
    with clock.frozen(NOW):
        created = post(
            member,
            "/api/v1/enquiries",
            {
                "subject": "Bins",
                "details": "Missed",
                "category_id": bins.pk,
                "capacity": "casework",
            },
        )
        assert created.status_code == 201, created.content
        body = created.json()
        assert body["due_date"] == "2026-03-25"
        assert body["history"][0]["kind"] == "received"
        assert body["history"][0]["citations"][0]["label"] == "D 6.3"
        pk = body["id"]
        assert post(officer, f"/api/v1/enquiries/{pk}/claim").json()["state"] == "assigned"
        answered = post(officer, f"/api/v1/enquiries/{pk}/answer", {"answer": "Collected."})
        assert answered.status_code == 200
        assert answered.json()["answered_on_time"] is True
        closed = post(member, f"/api/v1/enquiries/{pk}/close")
    assert closed.json()["state"] == "closed"


def test_refusal_is_400_with_citations(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    """A Member cannot answer their own enquiry: refused with the reason, never a crash."""
    own = EnquiryFactory(
        council=roles.council,
        category=bins,
        member=roles.user("member").member,  # type: ignore[union-attr]
    )
    response = post(
        client_for(roles, "member"), f"/api/v1/enquiries/{own.pk}/answer", {"answer": "x"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "citations"}
    assert response.json()["detail"]


def test_another_council_is_404(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    enquiry = EnquiryFactory(council=roles.council, category=bins)
    other = client_for(roles, "other_council")
    assert other.get(f"/api/v1/enquiries/{enquiry.pk}").status_code == 404
    assert post(other, f"/api/v1/enquiries/{enquiry.pk}/chase").status_code == 404
    assert other.get("/api/v1/enquiries").json()["count"] == 0


def test_list_filters_and_pages(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    planning = CategoryFactory(council=roles.council, name="Planning")
    with clock.frozen(NOW):
        EnquiryFactory.create_batch(52, council=roles.council, category=bins)
        late = EnquiryFactory(
            council=roles.council, category=planning, due_date=dt.date(2026, 3, 2)
        )
        client = client_for(roles, "democratic_services")
        first = client.get("/api/v1/enquiries").json()
        assert (first["count"], first["pages"], len(first["results"])) == (53, 2, 50)
        assert first["results"][0]["reference"] == late.reference  # overdue first
        assert first["results"][0]["overdue"] is True
        assert len(client.get("/api/v1/enquiries?page=2").json()["results"]) == 3
        overdue = client.get("/api/v1/enquiries?overdue=true").json()
        assert [r["id"] for r in overdue["results"]] == [late.pk]
        by_service = client.get(f"/api/v1/enquiries?service={planning.service_id}").json()
        assert by_service["count"] == 1
        # Still at the frozen time: the session started then (sessions end by the clock).
        assert client.get("/api/v1/enquiries?state=nonsense").status_code == 422


def test_member_sees_only_their_own(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    EnquiryFactory(council=roles.council, category=bins)
    own = EnquiryFactory(
        council=roles.council,
        category=bins,
        member=roles.user("member").member,  # type: ignore[union-attr]
    )
    listed = client_for(roles, "member").get("/api/v1/enquiries").json()
    assert [r["id"] for r in listed["results"]] == [own.pk]


@pytest.mark.cites("D 6.3")
def test_kpi_json(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    with clock.frozen(NOW):
        for on_time in (True, True, True, False):
            AnsweredEnquiryFactory(council=roles.council, category=bins, answered_on_time=on_time)
        report = client_for(roles, "officer").get(
            f"/api/v1/councils/{roles.council.slug}/enquiries/report"
        )
    assert report.status_code == 200
    total = report.json()["total"]
    assert (total["answered"], total["answered_on_time"], total["share_on_time"]) == (4, 3, 75.0)
    assert Enquiry.objects.count() == 4


@pytest.mark.cites("D 6.1")
def test_detail_lists_the_members_emails_with_the_paragraph_but_never_their_bodies(
    roles: Roles,
    bins,  # type: ignore[no-untyped-def]
) -> None:
    member, officer = client_for(roles, "member"), client_for(roles, "officer")
    with clock.frozen(NOW):
        body = post(
            member,
            "/api/v1/enquiries",
            {
                "subject": "Bins",
                "details": "Missed",
                "category_id": bins.pk,
                "capacity": "casework",
                "constituent_name": "Pat Resident",
            },
        ).json()
        assert [m["status"] for m in body["member_messages"]["messages"]] == ["queued"]
        post(officer, f"/api/v1/enquiries/{body['id']}/claim")
        detail = officer.get(f"/api/v1/enquiries/{body['id']}").json()
    messages = detail["member_messages"]
    assert [c["label"] for c in messages["citations"]] == ["D 6.1"]
    assert len(messages["messages"]) == 2  # acknowledged, then who is dealing with it
    assert all(
        m["recipient_name"] == str(roles.user("member").member) for m in messages["messages"]
    )  # type: ignore[union-attr]
    assert "Pat Resident" not in str(messages)
    assert "body" not in messages["messages"][0]
