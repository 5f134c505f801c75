"""Races on PostgreSQL with real threads: each transition re-reads its case under the row lock and re-checks
the state, so of two people acting at once exactly one succeeds and the history records it once."""

from __future__ import annotations

import pytest
from django.db import connection

from accord.core.access import actor_for
from accord.correspondence import rules, services
from accord.correspondence.models import CommsEvent, Correspondence, PressEnquiry, PublicityRequest
from accord.correspondence.tests.factories import letter_draft, press_log, publicity_ask
from accord.enquiries.tests.threads import DONE, at_once
from conftest import make_roles

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.mark.cites("D 8.1")
def test_a_letter_sent_twice_at_once_is_sent_once() -> None:
    roles = make_roles()
    officer = roles.user("officer")
    letter = letter_draft(officer, audience="all-members", audience_reason="Every ward.")
    actor = actor_for(officer)
    results = at_once(
        [lambda: services.correspondence_send(actor=actor, correspondence=letter)] * 4
    )
    assert results.count(DONE) == 1
    assert Correspondence.objects.get(pk=letter.pk).state == "sent"
    assert CommsEvent.objects.filter(correspondence=letter, kind="sent").count() == 1


@pytest.mark.cites("D 10.7")
def test_a_press_enquiry_answered_and_closed_at_once_has_one_outcome() -> None:
    roles = make_roles()
    press = press_log(roles.user("officer"))
    team = actor_for(roles.user("democratic_services"))
    results = at_once(
        [
            lambda: services.press_enquiry_answer(actor=team, press=press, response="Statement."),
            lambda: services.press_enquiry_close(actor=team, press=press, reason="Duplicate."),
        ]
        * 2
    )
    assert results.count(DONE) == 1
    assert PressEnquiry.objects.get(pk=press.pk).state in ("answered", "closed")
    assert CommsEvent.objects.filter(press_enquiry=press).exclude(kind="logged").count() == 1


@pytest.mark.cites("D 10.4")
def test_publicity_reviewed_and_withdrawn_at_once_has_one_outcome() -> None:
    roles = make_roles()
    member = roles.user("member")
    request = publicity_ask(member)
    team = actor_for(roles.user("democratic_services"))
    checks = [key for key, _ in rules.PUBLICITY_CODE]
    results = at_once(
        [
            lambda: services.publicity_review(
                actor=team, publicity=request, approve=True, checks=checks, note=""
            ),
            lambda: services.publicity_withdraw(
                actor=actor_for(member), publicity=request, reason="No longer needed."
            ),
        ]
        * 2
    )
    assert results.count(DONE) == 1
    assert PublicityRequest.objects.get(pk=request.pk).state in ("approved", "withdrawn")


@pytest.mark.cites("D 8.3")
def test_the_history_refuses_update_and_delete_on_postgresql() -> None:
    from django.db import DatabaseError, transaction

    roles = make_roles()
    letter = letter_draft(roles.user("member"))
    event = CommsEvent.objects.get(correspondence=letter)
    with pytest.raises(DatabaseError), transaction.atomic():
        CommsEvent.objects.filter(pk=event.pk).update(description="changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        CommsEvent.objects.filter(pk=event.pk).delete()
