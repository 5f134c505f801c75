"""The small steps councils need on a case: who has it after a lost claim, names in the history, links in every
e-mail, telling the officer taken off a case, the service's officers first, the Monitoring Officer's queue and
a print view."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from accord.core import clock
from accord.enquiries import services
from accord.enquiries.models import Enquiry
from accord.notifications.models import OutboxMessage

from .conftest import Scene, at


@pytest.mark.cites("D 6.2")
def test_losing_a_claim_race_in_the_browser_says_who_has_the_case(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
        cleo = scene.client("colleague")
        assert (
            "Take this enquiry"
            in cleo.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
        )
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
        lost = cleo.post(reverse("enquiries:action", args=[enquiry.pk, "claim"]))
    assert lost.status_code == 400
    assert (
        f"Enquiry {enquiry.reference} is already assigned to Olu Officer." in lost.content.decode()
    )


def test_the_history_names_people_not_usernames(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    olu = scene.client("officer")
    history = olu.get(f"/api/v1/enquiries/{enquiry.pk}").json()["history"]
    assert [h["actor"] for h in history if h["actor"]] == ["Ada Member", "Olu Officer"]
    page = olu.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    section = page.split("History</h2>", 1)[1]
    assert "— Olu Officer" in section and "— Ada Member" in section
    assert scene.users["officer"].username not in section


@override_settings(ACCORD_BASE_URL="https://accord.example.gov.uk")
@pytest.mark.cites("D 6.5")
def test_every_enquiry_email_links_to_its_case(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit(area=scene.other_ward)
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
        enquiry.refresh_from_db()
        services.enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer="Fixed.")
    case_url = f"https://accord.example.gov.uk/enquiries/{enquiry.pk}/"
    messages = OutboxMessage.objects.filter(subject_type="enquiry", subject_id=str(enquiry.pk))
    assert messages.count() >= 4
    for message in messages.exclude(template="enquiry_shared"):
        assert case_url in message.body, message.template
    shared = messages.get(template="enquiry_shared")
    assert f"https://accord.example.gov.uk/enquiries/shared/{enquiry.pk}/" in shared.body
    assert case_url not in shared.body


@pytest.mark.cites("D 6.2")
def test_reassigning_tells_the_officer_taken_off_the_case(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
        services.enquiry_assign(actor=scene.actor("head"), enquiry=enquiry, officer=scene.officer)
        services.enquiry_assign(actor=scene.actor("head"), enquiry=enquiry, officer=scene.colleague)
    told = OutboxMessage.objects.get(template="enquiry_unassigned")
    assert told.recipient == scene.officer.email
    assert "now with Cleo Colleague" in told.body
    assert told.subject == f"Enquiry {enquiry.reference} is reassigned to Cleo Colleague"


def test_the_assign_list_offers_the_services_officers_first(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
    page = scene.client("head").get(reverse("enquiries:detail", args=[enquiry.pk]))
    select = page.content.decode().split('name="assign-officer"', 1)[1].split("</select>", 1)[0]
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)
    assert [g for g, _ in groups] == ["Parks officers", "Other officers of the council"]
    assert "Olu Officer" in groups[0][1] and "Cleo Colleague" in groups[0][1]
    assert "Morgan Monitoring" in groups[1][1] and "Morgan Monitoring" not in groups[0][1]


@pytest.mark.cites("D 4.2", "D 2.4")
def test_the_monitoring_officer_has_a_queue_of_the_cases_routed_to_them(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        routed = scene.submit(subject="About a member of staff", constituent_is_employee=True)
        ordinary = scene.submit()
    assert routed.state == Enquiry.State.MONITORING_OFFICER
    morgan = scene.client("monitoring")
    url = reverse("enquiries:monitoring-officer-queue")
    page = morgan.get(url).content.decode()
    assert routed.reference in page and ordinary.reference not in page
    assert ">D 4.2<" in page or "D 4.2" in page
    assert f'href="{url}"' in morgan.get(reverse("web:home")).content.decode()
    assert scene.client("officer").get(url).status_code == 404


def test_the_print_view_shows_what_the_viewer_may_see_without_actions(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit(constituent_name="Jo Resident")
    url = reverse("enquiries:print", args=[enquiry.pk])
    detail = scene.client("officer").get(reverse("enquiries:detail", args=[enquiry.pk]))
    assert f'href="{url}"' in detail.content.decode()
    printed = scene.client("officer").get(url).content.decode()
    assert "Jo Resident" in printed and "Broken bench on the green" in printed
    assert (
        "Take this enquiry" not in printed
        and '<form method="post" action="/enquiries' not in printed
    )
    assert scene.client("neighbour").get(url).status_code == 404
