"""The council's profile is a choice of the installed profiles, in the admin and in the model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from accord.accounts.models import User
from accord.councils.models import Council
from accord.protocol.loader import PROFILES_DIR

pytestmark = pytest.mark.django_db


def _council(**fields: Any) -> Council:
    values = {"slug": "ashcombe", "name": "Ashcombe", "nation": "england", "profile": "district"}
    return Council(**{**values, **fields})


def test_the_model_refuses_a_profile_that_is_not_installed() -> None:
    with pytest.raises(ValidationError) as raised:
        _council(profile="distrct").full_clean()
    assert list(raised.value.message_dict) == ["profile"]
    assert raised.value.message_dict["profile"] == ["Value 'distrct' is not a valid choice."]
    _council(profile="norfolk").full_clean()


def _admin_add(client: Client, profile: str) -> Any:
    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    return client.post(
        reverse("admin:councils_council_add"),
        {
            "slug": "ashcombe",
            "name": "Ashcombe District Council",
            "nation": "england",
            "profile": profile,
            "area_noun": "ward",
            "closure_days-TOTAL_FORMS": "0",
            "closure_days-INITIAL_FORMS": "0",
        },
    )


def test_the_admin_offers_the_installed_profiles_and_refuses_a_typo(client: Client) -> None:
    page = _admin_add(client, "distrct")
    assert page.status_code == 200
    assert "Select a valid choice. distrct is not one of the available choices." in page.text
    assert '<option value="district">' in page.text and '<option value="norfolk">' in page.text
    assert not Council.objects.filter(slug="ashcombe").exists()


def test_a_profile_from_the_councils_directory_is_a_choice(
    client: Client, tmp_path: Path, settings: Any
) -> None:
    text = (PROFILES_DIR / "district.yaml").read_text(encoding="utf-8")
    (tmp_path / "ashcombe.yaml").write_text(text.replace("key: district", "key: ashcombe", 1))
    settings.ACCORD_PROFILE_DIRS = [tmp_path]
    page = _admin_add(client, "ashcombe")
    assert page.status_code == 302, page.text
    assert Council.objects.get(slug="ashcombe").profile == "ashcombe"
