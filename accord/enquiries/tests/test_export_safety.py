"""Exports cannot attack their reader: formula cells from an enquiry or a service name are neutralised (D 8.3)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.councils.tests import factories as cf
from accord.enquiries.tests.factories import AnsweredEnquiryFactory, CategoryFactory
from conftest import Roles

NOW = dt.datetime(2026, 3, 18, 10, 0, tzinfo=clock.LONDON)
PAYLOAD = json.loads(
    (Path(__file__).parent / "fixtures" / "csv-injection-enquiry.json").read_text(encoding="utf-8")
)


def client_for(roles: Roles, role: str) -> Client:
    client = Client()
    client.force_login(roles.user(role))  # type: ignore[arg-type]
    return client


def download(client: Client, url: str) -> tuple[bytes, list[list[str]]]:
    body = b"".join(client.get(url).streaming_content)  # type: ignore[attr-defined]
    return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.cites("D 8.3")
def test_the_enquiries_export_neutralises_formulae(roles: Roles) -> None:
    """The OWASP payloads raised through the API come out of the export as text, never as formulae."""
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    bins = CategoryFactory(council=roles.council, name="Bins", service=officer.service)
    dem = client_for(roles, "democratic_services")
    payload: dict[str, Any] = {
        **PAYLOAD,
        "category_id": bins.pk,
        "member_id": roles.user("member").member.pk,  # type: ignore[union-attr]
    }
    with clock.frozen(NOW):
        created = dem.post("/api/v1/enquiries", payload, content_type="application/json")
        assert created.status_code == 201, created.content
        body, rows = download(dem, reverse("enquiries:export", args=[roles.council.slug]))
    assert body.startswith(b"\xef\xbb\xbf")
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["subject"] == "'" + PAYLOAD["subject"]
    assert cells["constituent_name (personal data)"] == "'" + PAYLOAD["constituent_name"]
    assert cells["constituent_contact (personal data)"] == "'" + PAYLOAD["constituent_contact"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


@pytest.mark.cites("D 6.3")
def test_the_kpi_csv_neutralises_a_service_name_and_keeps_accents(roles: Roles) -> None:
    """A service named in the admin flows into the KPI CSV as text; accented names survive Excel."""
    service = cf.ServiceFactory(council=roles.council, name='=HYPERLINK("http://x.invalid")')
    accented = cf.ServiceFactory(council=roles.council, name="Gwasanaethau Seán")
    with clock.frozen(NOW):
        for s in (service, accented):
            AnsweredEnquiryFactory(
                council=roles.council, category=CategoryFactory(council=roles.council, service=s)
            )
        body, rows = download(
            client_for(roles, "member"), reverse("enquiries:report-csv", args=[roles.council.slug])
        )
    assert body.startswith(b"\xef\xbb\xbf")
    labels = {row[1] for row in rows if row and row[0] == "service"}
    assert '\'=HYPERLINK("http://x.invalid")' in labels
    assert "Gwasanaethau Seán" in labels
