"""A diverted (D 6.7) or Monitoring Officer (D 4.2, D 2.4) case shows the route it took, not a due date it no
longer has: on the case page, in the lists, in the API and in the CSV export."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.enquiries.models import Enquiry
from accord.notifications.models import OutboxMessage

from .conftest import Scene, at

pytestmark = pytest.mark.django_db


def _client(scene: Scene, who: str) -> Client:
    client = Client()
    client.force_login(scene.users[who])
    return client


@pytest.fixture
def routed(scene: Scene) -> tuple[Enquiry, Enquiry]:
    with clock.frozen(at(2026, 3, 2)):
        diverted = scene.submit(subject="Rude bin crew", is_complaint=True)
        monitoring = scene.submit(subject="Staff matter", constituent_is_employee=True)
    assert diverted.state == Enquiry.State.DIVERTED
    assert monitoring.state == Enquiry.State.MONITORING_OFFICER
    return diverted, monitoring


@pytest.mark.cites("D 6.7", "D 4.2")
def test_the_api_gives_the_route_and_no_due_date(
    scene: Scene, routed: tuple[Enquiry, Enquiry]
) -> None:
    diverted, monitoring = routed
    client = _client(scene, "dem")
    with clock.frozen(at(2026, 3, 20)):
        one: Any = client.get(f"/api/v1/enquiries/{diverted.pk}").json()
        listed: Any = client.get("/api/v1/enquiries").json()["results"]
    assert one["due_date"] is None
    assert one["route"]["route_to"] == "corporate-complaints"
    assert diverted.complaint_reference in one["route"]["message"]
    assert one["route"]["citations"][0]["label"] == "D 6.7"
    assert not one["overdue"]
    by_id = {row["id"]: row for row in listed}
    assert by_id[monitoring.pk]["due_date"] is None
    assert by_id[monitoring.pk]["route"]["route_to"] == "monitoring-officer"
    assert by_id[monitoring.pk]["route"]["citations"][0]["label"] == "D 4.2"


@pytest.mark.cites("D 6.7", "D 4.2")
def test_the_pages_show_the_route_and_no_due_date(
    scene: Scene, routed: tuple[Enquiry, Enquiry]
) -> None:
    diverted, monitoring = routed
    member = _client(scene, "member")
    with clock.frozen(at(2026, 3, 20)):
        page = member.get(reverse("enquiries:detail", args=[diverted.pk])).content.decode()
        mine = member.get(reverse("enquiries:mine")).content.decode()
        mo_page = (
            _client(scene, "monitoring")
            .get(reverse("enquiries:detail", args=[monitoring.pk]))
            .content.decode()
        )
    assert "Route taken" in page
    assert "Diverted to the Corporate Complaints Procedure" in page
    assert "Due by the end of" not in page
    assert "With the Monitoring Officer for advice" in mo_page
    assert "Due by the end of" not in mo_page
    assert "Corporate Complaints" in mine
    assert "9 Mar 2026" not in mine
    notices = OutboxMessage.objects.filter(
        template__in=["enquiry_diverted", "enquiry_monitoring_officer"]
    )
    assert notices.count() >= 2
    assert all("Substantive response due" not in n.body for n in notices)


@pytest.mark.cites("D 6.7", "D 4.2")
def test_the_csv_export_gives_the_route_and_no_due_date(
    scene: Scene, routed: tuple[Enquiry, Enquiry]
) -> None:
    diverted, monitoring = routed
    with clock.frozen(at(2026, 3, 3)):
        normal = scene.submit()
        response: Any = _client(scene, "dem").get(
            reverse("enquiries:export", args=[scene.council.slug])
        )
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    by_ref = {row["reference"]: row for row in rows}
    assert by_ref[diverted.reference]["due_date"] == ""
    assert by_ref[diverted.reference]["route"].startswith("Diverted to the Corporate Complaints")
    assert by_ref[monitoring.reference]["due_date"] == ""
    assert by_ref[monitoring.reference]["route"].startswith("With the Monitoring Officer")
    assert by_ref[normal.reference]["due_date"] == normal.due_date.isoformat()
    assert by_ref[normal.reference]["route"] == ""
