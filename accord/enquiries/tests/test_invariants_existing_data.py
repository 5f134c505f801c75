"""Data written before the constraints existed: the migration names the breaches, and so does the check."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.management.base import CommandError
from django.db import connection

from accord.core import clock
from accord.core.invariants import invariants_check
from accord.enquiries.models import Enquiry

from . import factories

f: Any = factories
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="SQLite can be told to skip CHECK constraints"
    ),
]

MIGRATION = importlib.import_module(
    "accord.enquiries.migrations.0010_enquiry_invariants_constraints"
)


@pytest.fixture
def unchecked() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA ignore_check_constraints = ON")
    yield
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA ignore_check_constraints = OFF")


@pytest.mark.cites("D 6.3")
def test_existing_breaches_are_named_by_the_migration_and_the_check(unchecked: None) -> None:
    received = dt.datetime(2026, 3, 2, 10, tzinfo=clock.LONDON)
    with clock.frozen(received + dt.timedelta(days=5)):
        enquiry = f.AnsweredEnquiryFactory(
            reference="ENQ-2026-000042",
            received_at=received,
            answered_at=received - dt.timedelta(hours=1),
        )
        f.AnsweredEnquiryFactory(council=enquiry.council, received_at=received)
        with pytest.raises(CommandError) as raised:
            MIGRATION.verify_existing_enquiries(apps, None)
        breaches = [str(b) for b in invariants_check()]
    slug = enquiry.council.slug
    assert f"enquiry_answered_after_received: 1 case(s), e.g. {slug} ENQ-2026-000042" in str(
        raised.value
    )
    assert "accord check-invariants" in str(raised.value)
    assert breaches == [
        f"{slug} ENQ-2026-000042: enquiry.answered-after-received: answered 2026-03-02 09:00, "
        "before it was received 2026-03-02 10:00"
    ]
    assert Enquiry.objects.count() == 2
