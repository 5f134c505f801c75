from __future__ import annotations

import pytest

from .factories import Scene, make_scene


@pytest.fixture
def district(db: None) -> Scene:
    return make_scene("district")


@pytest.fixture
def norfolk(db: None) -> Scene:
    return make_scene("norfolk")
