"""The enquiry pages through the Django client: raise, see, claim, answer, lists, export and the KPI page."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.enquiries.models import Enquiry
from accord.enquiries.tests.factories import (
    AnsweredEnquiryFactory,
    AssignedEnquiryFactory,
    CategoryFactory,
    EnquiryFactory,
)
from conftest import Roles

NOW = dt.datetime(2026, 3, 18, 10, 0, tzinfo=clock.LONDON)  # a Wednesday


def client_for(roles: Roles, role: str) -> Client:
    client = Client()
    client.force_login(roles.user(role))  # type: ignore[arg-type]
    return client


@pytest.fixture
def bins(roles: Roles):  # type: ignore[no-untyped-def]
    service = roles.user("officer").officer.service  # type: ignore[union-attr]
    return CategoryFactory(council=roles.council, name="Bins", service=service)


def raise_data(bins, **extra: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "subject": "Missed bins on Abbey Road",
        "details": "Three houses missed on Monday.",
        "category": bins.pk,
        "area": "",
        "capacity": "casework",
        "urgency": "normal",
        "constituent_name": "Jo Resident",
        **extra,
    }


@pytest.mark.cites("D 6.3")
def test_member_raises_and_officer_answers(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    member = client_for(roles, "member")
    with clock.frozen(NOW):
        page = member.get(reverse("enquiries:raise"))
        assert page.status_code == 200
        assert (
            'name="member"' not in page.content.decode()
        )  # only democratic services pick a Member
        response = member.post(reverse("enquiries:raise"), raise_data(bins))
        enquiry = Enquiry.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse("enquiries:detail", args=[enquiry.pk])
        case = member.get(response["Location"]).content.decode()
        assert "Missed bins on Abbey Road" in case
        assert "Due by the end of Wednesday 25 March 2026" in case
        assert "Day zero is Wednesday 18 March 2026, the day of receipt." in case
        assert "Not counted: Saturday 21 March 2026" in case
        assert ">D 6.3<" in case

        mine = member.get(reverse("enquiries:mine")).content.decode()
        assert enquiry.reference in mine

        officer = client_for(roles, "officer")
        queue = officer.get(reverse("enquiries:service-queue")).content.decode()
        assert enquiry.reference in queue
        assert (
            officer.post(reverse("enquiries:action", args=[enquiry.pk, "claim"])).status_code == 302
        )
        assert enquiry.reference in officer.get(reverse("enquiries:queue")).content.decode()
        answered = officer.post(
            reverse("enquiries:action", args=[enquiry.pk, "answer"]),
            {"answer-text": "Collected this morning."},
        )
        assert answered.status_code == 302
        # Still at the frozen time: the Member's session started then (sessions end by the clock).
        case = member.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    enquiry.refresh_from_db()
    assert enquiry.state == Enquiry.State.ANSWERED and enquiry.answered_on_time is True
    assert "Collected this morning." in case
    assert "Answered on time" in case


def test_democratic_services_raise_for_a_member(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    client = client_for(roles, "democratic_services")
    member = roles.user("member").member  # type: ignore[union-attr]
    assert 'name="member"' in client.get(reverse("enquiries:raise")).content.decode()
    response = client.post(
        reverse("enquiries:raise"), raise_data(bins, member=member.pk, channel="letter")
    )
    assert response.status_code == 302
    assert Enquiry.objects.get().member == member


def test_raise_form_errors_are_shown(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    response = client_for(roles, "member").post(
        reverse("enquiries:raise"), raise_data(bins, subject="")
    )
    assert response.status_code == 400
    assert "Enter a subject" in response.content.decode()
    assert not Enquiry.objects.exists()


@pytest.mark.cites("D 6.6")
def test_a_refusal_shows_its_citation(roles: Roles) -> None:
    service = roles.user("officer").officer.service  # type: ignore[union-attr]
    missed = CategoryFactory(
        council=roles.council, name="Missed bin", service=service, is_service_failure=True
    )
    response = client_for(roles, "member").post(
        reverse("enquiries:raise"),
        raise_data(missed, urgency="out-of-hours", urgency_justification="Bins not collected"),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "This cannot be done" in body
    assert "D 6.6" in body
    assert not Enquiry.objects.exists()


def test_attachment_is_downloaded_through_the_case(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    member = client_for(roles, "member")
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    member.post(reverse("enquiries:raise"), raise_data(bins, attachment=upload))
    enquiry = Enquiry.objects.get()
    attachment = enquiry.attachments.get()
    url = reverse("enquiries:attachment", args=[enquiry.pk, attachment.pk])
    assert url in member.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    response = member.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]
    assert client_for(roles, "other_council").get(url).status_code == 404


@pytest.mark.cites("D 6.3")
def test_queue_shows_overdue_first_with_a_tag(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    with clock.frozen(NOW):
        later = AssignedEnquiryFactory(
            council=roles.council, category=bins, assigned_to=officer, due_date=dt.date(2026, 3, 25)
        )
        late = AssignedEnquiryFactory(
            council=roles.council, category=bins, assigned_to=officer, due_date=dt.date(2026, 3, 11)
        )
        body = client_for(roles, "officer").get(reverse("enquiries:queue")).content.decode()
    assert body.index(late.reference) < body.index(later.reference)
    assert body.count(">Overdue<") == 1


def test_all_enquiries_filters_pages_and_exports(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    other = CategoryFactory(council=roles.council, name="Planning")
    with clock.frozen(NOW):
        EnquiryFactory.create_batch(
            51, council=roles.council, category=bins, constituent_name="Jo Resident"
        )
        planning = EnquiryFactory(council=roles.council, category=other)
        url = reverse("enquiries:all", args=[roles.council.slug])
        dem = client_for(roles, "democratic_services")
        first = dem.get(url).content.decode()
        assert "Showing 1 to 50 of 52 enquiries" in first
        assert "page=2" in first
        filtered = dem.get(url, {"service": other.service_id}).content.decode()
        assert str(planning.reference) in filtered and "of 1 enquiry" in filtered

        export = reverse("enquiries:export", args=[roles.council.slug])
        rows = list(csv.reader(io.StringIO(b"".join(dem.get(export).streaming_content).decode())))  # type: ignore[attr-defined]
        assert len(rows) == 53
        assert "constituent_name (personal data)" in rows[0]
        assert rows[1][0] == planning.reference  # newest first
        assert "Jo Resident" in rows[2]
        chief_rows = list(
            csv.reader(
                io.StringIO(
                    b"".join(
                        client_for(roles, "chief_officer")
                        .get(export, {"service": bins.service_id})
                        .streaming_content  # type: ignore[attr-defined]
                    ).decode()
                )
            )
        )
        assert len(chief_rows) == 52
        assert all("Jo Resident" not in row for row in chief_rows)


@pytest.mark.cites("D 6.3")
def test_kpi_page_and_csv(roles: Roles, bins) -> None:  # type: ignore[no-untyped-def]
    with clock.frozen(NOW):
        for on_time, days in ((True, 2), (True, 3), (True, 4), (False, 9)):
            AnsweredEnquiryFactory(
                council=roles.council,
                category=bins,
                answered_on_time=on_time,
                working_days_to_answer=days,
            )
        client = client_for(roles, "member")
        body = client.get(reverse("enquiries:report", args=[roles.council.slug])).content.decode()
        assert "75.0% (3 of 4)" in body
        assert '<figure class="accord-chart"' in body and "<figcaption" in body
        assert "Hillingdon" in body and "Haringey" in body
        assert "style=" not in body
        csv_body = b"".join(
            client.get(reverse("enquiries:report-csv", args=[roles.council.slug])).streaming_content  # type: ignore[attr-defined]
        ).decode()
    assert "total,All services,4,3,75.0,3.5" in csv_body
