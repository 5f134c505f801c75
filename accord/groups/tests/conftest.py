from __future__ import annotations

import pytest

from accord.groups.tests.factories import Scene, make_scene


@pytest.fixture
def district(db: None) -> Scene:
    return make_scene("district", "groupton")


@pytest.fixture
def norfolk(db: None) -> Scene:
    return make_scene("norfolk", "groupshire")
