"""Each role's home page is a task list: what needs them now, within what they may see (D 6.2, D 6.3, D 6.5)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.enquiries import services

from .conftest import Scene, at


def tasks(scene: Scene, who: str) -> dict[str, str]:
    """The home page's task sections by key, each section's text."""
    client = Client()
    client.force_login(scene.users[who])
    page = client.get(reverse("web:home")).content.decode()
    return dict(re.findall(r'data-task="([^"]+)">(.*?)</section>', page, re.S))


@pytest.mark.cites("D 6.3", "D 6.5")
def test_home_pages_list_what_needs_each_person_now(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        late = scene.submit(subject="Late one")
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=late.pk)
        untaken = scene.submit(subject="Nobody has it")
        shared = scene.submit(subject="About Brook", area=scene.other_ward)
        services.enquiry_claim(actor=scene.actor("colleague"), enquiry_id=shared.pk)
        shared.refresh_from_db()
        services.enquiry_answer(actor=scene.actor("colleague"), enquiry=shared, answer="Done.")
    with clock.frozen(at(2026, 3, 5)):
        soon = scene.submit(subject="Due soon")
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=soon.pk)
        asked = scene.submit(subject="A question for Ada")
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=asked.pk)
        asked.refresh_from_db()
        services.enquiry_wait_for_member(
            actor=scene.actor("officer"), enquiry=asked, question="Which house?"
        )
        routed = scene.submit(subject="About a member of staff", constituent_is_employee=True)
    with clock.frozen(at(2026, 3, 12)):  # late (due 9 March) is overdue; soon is due 12 March
        olu = tasks(scene, "officer")
        ada = tasks(scene, "member")
        cal = tasks(scene, "neighbour")
        mo = tasks(scene, "monitoring")
        dem = tasks(scene, "dem")
    assert late.reference in olu["officer-overdue"] and soon.reference not in olu["officer-overdue"]
    assert soon.reference in olu["officer-due"]
    assert asked.reference in olu["officer-waiting"]
    assert untaken.reference in olu["service-unassigned"]
    assert "monitoring-officer" not in olu and routed.reference not in str(olu)
    assert asked.reference in ada["member-waiting"]
    assert late.reference in ada["member-overdue"]
    assert shared.reference in cal["member-shared"] and "About Brook" not in cal["member-shared"]
    assert set(cal) == {"member-shared"}  # nothing of Ada's casework
    assert routed.reference in mo["monitoring-officer"]
    assert late.reference in dem["council-overdue"] and untaken.reference in dem["council-overdue"]


def test_a_home_page_with_nothing_to_do_says_so(scene: Scene) -> None:
    client = Client()
    client.force_login(scene.users["other_member"])
    assert "Nothing needs you now." in client.get(reverse("web:home")).content.decode()
