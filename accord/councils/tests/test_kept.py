"""The council's calendar and enquiry settings are kept in the process until its settings change (D 6.3)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from accord.councils.calendars import calendar_for
from accord.councils.models import ClosureDay, Council
from accord.enquiries.services._common import settings_for
from accord.enquiries.tests.factories import EnquirySettingsFactory

from .factories import CouncilFactory

DAY = dt.date(2026, 12, 29)  # a Tuesday, not a bank holiday in England


def _fresh(council: Council) -> Council:
    return Council.objects.get(pk=council.pk)


@pytest.mark.django_db
def test_a_closure_day_saved_or_deleted_gives_the_council_a_new_settings_version() -> None:
    council = CouncilFactory.create()
    before = _fresh(council).settings_version
    day = ClosureDay.objects.create(council=council, date=DAY)
    added = _fresh(council).settings_version
    day.delete()
    removed = _fresh(council).settings_version
    assert len({before, added, removed}) == 3


@pytest.mark.django_db
def test_the_calendar_is_read_once_and_then_kept(django_assert_num_queries: Any) -> None:
    council = CouncilFactory.create()
    calendar_for(council)
    with django_assert_num_queries(0):
        assert calendar_for(council).is_working_day(DAY)


@pytest.mark.cites("D 6.3")
@pytest.mark.django_db
def test_a_new_closure_day_counts_at_once_even_for_a_council_read_before_it() -> None:
    council = CouncilFactory.create()
    assert calendar_for(council).is_working_day(DAY)
    ClosureDay.objects.create(council=council, date=DAY, reason="Christmas closure")
    assert calendar_for(_fresh(council)).reason(DAY) == "Christmas closure"
    assert (
        calendar_for(council).reason(DAY) == "Christmas closure"
    )  # the row read before the change


@pytest.mark.cites("D 6.3")
@pytest.mark.django_db
def test_a_change_made_by_another_process_counts_once_the_council_is_read_again() -> None:
    council = CouncilFactory.create()
    assert calendar_for(council).is_working_day(DAY)
    # Another process writes the day and the new version; this process keeps its old calendar meanwhile.
    ClosureDay.objects.bulk_create([ClosureDay(council=council, date=DAY)])
    Council.objects.filter(pk=council.pk).update(settings_version=uuid.uuid4())
    assert calendar_for(council).is_working_day(DAY), "kept under the version it was read with"
    assert not calendar_for(_fresh(council)).is_working_day(DAY)


@pytest.mark.django_db
def test_enquiry_settings_are_kept_until_they_change(django_assert_num_queries: Any) -> None:
    council = CouncilFactory.create(profile="norfolk")
    assert settings_for(council).response_working_days is None
    with django_assert_num_queries(0):
        settings_for(council)
    EnquirySettingsFactory.create(council=council, response_working_days=7)
    assert settings_for(_fresh(council)).response_working_days == 7
