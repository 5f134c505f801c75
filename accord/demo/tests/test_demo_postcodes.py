"""The demo councils' postcode data: every area has some, each council finds only its own, and loading
again adds nothing and keeps a postcode moved since."""

from __future__ import annotations

import pytest

from accord.councils.models import Area, AreaPostcode, Council
from accord.councils.selectors import area_for_postcode
from accord.demo.services import demo_load

pytestmark = pytest.mark.django_db


def test_demo_postcodes_find_each_councils_own_areas_and_survive_a_reload() -> None:
    demo_load()
    ashcombe = Council.objects.get(slug="ashcombe")
    westshire = Council.objects.get(slug="westshire")
    for council in (ashcombe, westshire):
        without = Area.objects.filter(council=council, postcodes__isnull=True)
        assert not without.exists(), f"{council}: {list(without)} have no postcodes"
    abbey = area_for_postcode(ashcombe, "ac1 1ab")
    assert abbey is not None and abbey.name == "Abbey Meadows"
    aldbury = area_for_postcode(westshire, "WX11AB")
    assert aldbury is not None and aldbury.name == "Aldbury and Fenstead"
    assert area_for_postcode(ashcombe, "WX1 1AB") is None
    assert area_for_postcode(westshire, "AC1 1AB") is None

    moved = AreaPostcode.objects.get(council=ashcombe, postcode="AC1 1AB")
    stonebridge = Area.objects.get(council=ashcombe, name="Stonebridge")
    moved.area = stonebridge
    moved.save()
    count = AreaPostcode.objects.count()
    demo_load()
    assert AreaPostcode.objects.count() == count
    assert area_for_postcode(ashcombe, "AC1 1AB") == stonebridge
