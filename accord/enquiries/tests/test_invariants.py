"""What every real enquiry obeys: the database refuses what SQL can say, `accord check-invariants` finds the rest."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.db.models import CheckConstraint, Q

from accord.core import clock
from accord.core import invariants as registry
from accord.core.invariants import Breach, constraint_invariant, invariants_check
from accord.enquiries.models import Enquiry

from . import factories

f: Any = factories
pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=clock.LONDON)
HOUR = dt.timedelta(hours=1)


@pytest.fixture
def answered() -> Enquiry:
    with clock.frozen(NOW - dt.timedelta(days=2)):
        enquiry: Enquiry = f.AnsweredEnquiryFactory(
            reference="ENQ-2026-000007", answered_at=NOW - dt.timedelta(days=1)
        )
        f.EnquiryEventFactory(enquiry=enquiry, at=enquiry.received_at)
    return enquiry


def _check(council: str | None = None) -> tuple[list[str], str, str]:
    out, err = StringIO(), StringIO()
    with clock.frozen(NOW):
        breaches = [str(b) for b in invariants_check(council=council)]
        try:
            call_command(
                "check_invariants",
                *([f"--council={council}"] if council else []),
                stdout=out,
                stderr=err,
            )
        except CommandError as exc:
            err.write(f"\nexit 1: {exc}")
    return breaches, out.getvalue(), err.getvalue()


def test_a_real_case_breaks_nothing(answered: Enquiry) -> None:
    breaches, out, err = _check()
    assert breaches == [] and err == ""
    assert out.strip() == f"All {len(registry.invariant_list())} invariants hold in 1 council(s)."


@pytest.mark.cites("D 6.3")
@pytest.mark.parametrize(
    ("change", "constraint"),
    [
        ({"answered_at": NOW - dt.timedelta(days=3)}, "enquiry_answered_after_received"),
        ({"closed_at": NOW - dt.timedelta(days=1, hours=1)}, "enquiry_closed_after_answered"),
        ({"answered_at": None}, "enquiry_answered_has_answer"),
        ({"due_date": dt.date(2026, 3, 1)}, "enquiry_due_date_in_calendar"),
        ({"due_date": dt.date(2101, 1, 3)}, "enquiry_due_date_in_calendar"),
    ],
)
def test_the_database_refuses_a_case_that_breaks_a_constraint(
    answered: Enquiry, change: dict[str, Any], constraint: str
) -> None:
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Enquiry.objects.filter(pk=answered.pk).update(**change)


@pytest.mark.parametrize(
    ("event", "invariant", "detail"),
    [
        (
            {"kind": "chased", "at": NOW + HOUR},
            "enquiry.nothing-in-the-future",
            "'chased' event dated 2026-03-04 13:00",
        ),
        (
            {"kind": "assigned", "at": NOW - dt.timedelta(days=3)},
            "enquiry.history-after-receipt",
            "'assigned' event dated 2026-03-01 12:00, before receipt 2026-03-02 12:00",
        ),
        (
            {"kind": "answered", "at": NOW - HOUR},
            "enquiry.one-answer-per-round",
            "2 substantive responses, 0 reopening(s)",
        ),
    ],
)
def test_check_invariants_names_the_case_and_the_invariant(
    answered: Enquiry, event: dict[str, Any], invariant: str, detail: str
) -> None:
    f.EnquiryEventFactory(enquiry=answered, kind="answered", at=answered.answered_at)
    f.EnquiryEventFactory(enquiry=answered, **event)
    slug = answered.council.slug
    breaches, out, err = _check()
    line = f"{slug} ENQ-2026-000007: {invariant}: {detail}"
    assert breaches == [line]
    assert err.splitlines()[0] == line
    assert "exit 1: 1 breach(es) of 1 of" in err and out == ""
    other = f.CouncilFactory(slug="elsewhere")
    assert _check(other.slug)[0] == []
    assert _check(slug)[0] == [line]


def test_a_reopened_case_may_be_answered_again(answered: Enquiry) -> None:
    f.EnquiryEventFactory(enquiry=answered, kind="answered", at=answered.answered_at)
    f.EnquiryEventFactory(enquiry=answered, kind="reopened", at=NOW - 2 * HOUR)
    f.EnquiryEventFactory(enquiry=answered, kind="answered", at=NOW - HOUR)
    assert _check()[0] == []


def test_a_case_received_in_the_future_is_named(answered: Enquiry) -> None:
    Enquiry.objects.filter(pk=answered.pk).update(
        received_at=NOW + HOUR, answered_at=NOW + 2 * HOUR, state=Enquiry.State.ANSWERED
    )
    names = [b.split(": ")[1] for b in _check()[0]]
    assert names.count("enquiry.nothing-in-the-future") == 2  # received and answered
    assert "enquiry.history-after-receipt" in names


def test_a_constraint_is_also_a_named_check_over_existing_data(answered: Enquiry) -> None:
    """What the migration and the command rely on: exclude(condition) finds exactly the refused rows."""
    strict = CheckConstraint(condition=Q(chaser_count__lt=2), name="test_fewer_than_two_chasers")
    Enquiry.objects.filter(pk=answered.pk).update(chaser_count=2)
    f.EnquiryFactory(council=answered.council, chaser_count=1)
    inv = constraint_invariant(
        "test.fewer-than-two-chasers",
        model="enquiries.Enquiry",
        constraint=strict,
        description="A test.",
        detail=lambda e: f"{e.chaser_count} chasers",
    )
    try:
        assert list(inv.check(None)) == [
            Breach(
                "test.fewer-than-two-chasers",
                answered.council.slug,
                answered.reference,
                "2 chasers",
            )
        ]
        assert inv.constraint == "test_fewer_than_two_chasers"
    finally:
        registry._registry.pop(inv.name)


def test_an_unknown_council_is_refused_by_name() -> None:
    with pytest.raises(CommandError, match="--council: no council with the slug 'nowhere'"):
        call_command("check_invariants", "--council=nowhere", stdout=StringIO())
