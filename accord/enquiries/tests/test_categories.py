"""Democratic services manage their council's categories and enquiry settings through pages, scoped to it."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accord.enquiries.models import Category, EnquirySettings
from accord.enquiries.services._common import settings_for

from .conftest import Scene, make_scene


def test_democratic_services_add_and_change_a_category(scene: Scene) -> None:
    dem = scene.client("dem")
    slug = scene.council.slug
    added = dem.post(
        reverse("enquiries:category-add", args=[slug]),
        {"name": "Potholes", "service": scene.category.service_id, "is_service_failure": "on"},
    )
    assert added.status_code == 302
    potholes = Category.objects.get(council=scene.council, name="Potholes")
    assert potholes.is_service_failure and not potholes.is_employment_matter
    changed = dem.post(
        reverse("enquiries:category-edit", args=[slug, potholes.pk]),
        {"name": "Potholes and pavements", "service": scene.category.service_id},
    )
    assert changed.status_code == 302
    potholes.refresh_from_db()
    assert potholes.name == "Potholes and pavements" and not potholes.is_service_failure
    listed = dem.get(reverse("enquiries:categories", args=[slug])).content.decode()
    assert "Potholes and pavements" in listed and "D 6.6" in listed


def test_bad_category_input_is_named_by_field_never_a_500(scene: Scene) -> None:
    dem = scene.client("dem")
    url = reverse("enquiries:category-add", args=[scene.council.slug])
    taken = dem.post(url, {"name": scene.category.name, "service": scene.category.service_id})
    assert taken.status_code == 400
    assert "already has a category called" in taken.content.decode()
    upper = dem.post(
        url, {"name": scene.category.name.upper(), "service": scene.category.service_id}
    )
    assert upper.status_code == 400
    assert f"already has a category called “{scene.category.name}”" in upper.content.decode()
    assert (
        Category.objects.filter(council=scene.council, name__iexact=scene.category.name).count()
        == 1
    )
    both = dem.post(
        url,
        {
            "name": "Staff parking",
            "service": scene.category.service_id,
            "is_service_failure": "on",
            "is_employment_matter": "on",
        },
    )
    assert both.status_code == 400 and "not both" in both.content.decode()
    too_long = dem.post(url, {"name": "x" * 201, "service": scene.category.service_id})
    assert "200 characters or fewer" in too_long.content.decode()


def test_another_councils_category_or_service_is_not_found(scene: Scene) -> None:
    other = make_scene("norfolk")
    dem = scene.client("dem")
    slug = scene.council.slug
    theirs = reverse("enquiries:category-edit", args=[slug, other.category.pk])
    assert dem.get(theirs).status_code == 404
    assert dem.get(reverse("enquiries:categories", args=[other.council.slug])).status_code == 404
    refused = dem.post(
        reverse("enquiries:category-add", args=[slug]),
        {"name": "Theirs", "service": other.category.service_id},
    )
    assert refused.status_code == 400
    assert not Category.objects.filter(name="Theirs").exists()
    for role in ("officer", "head", "member"):
        assert (
            scene.client(role).get(reverse("enquiries:categories", args=[slug])).status_code == 404
        )


@pytest.mark.cites("N 16")
def test_settings_form_sets_the_councils_own_values_within_bounds(db: None) -> None:
    norfolk = make_scene("norfolk")
    dem = norfolk.client("dem")
    url = reverse("enquiries:settings", args=[norfolk.council.slug])
    assert "N 16" in dem.get(url).content.decode()
    data = {
        "response_working_days": "12",
        "reopen_working_days": "5",
        "reminder_working_days": "2",
        "complaints_contact": "Customer Relations",
    }
    assert dem.post(url, data).status_code == 302
    saved = settings_for(norfolk.council)
    assert (saved.response_working_days, saved.reopen_working_days) == (12, 5)
    bad = dem.post(url, {**data, "response_working_days": "0", "reminder_working_days": "99"})
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "at least 1" in page and "at most 10" in page
    assert EnquirySettings.objects.get(council=norfolk.council).reminder_working_days == 2


@pytest.mark.cites("D 6.3")
def test_a_deadline_the_protocol_fixes_is_shown_not_offered(scene: Scene) -> None:
    page = scene.client("dem").get(reverse("enquiries:settings", args=[scene.council.slug]))
    body = page.content.decode()
    assert 'name="response_working_days"' not in body and "D 6.3" in body


def test_the_database_refuses_a_name_differing_only_in_case(scene: Scene) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Category.objects.create(
            council=scene.council,
            name=scene.category.name.swapcase(),
            service=scene.category.service,
        )
