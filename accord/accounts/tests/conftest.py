"""Sign-in tests start with no counted attempts (the limits live in the cache)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def no_counted_attempts() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()
