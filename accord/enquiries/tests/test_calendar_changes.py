"""D 6.3: any change to a council's working-day calendar re-dates its open enquiries, with an event and the
e-mails (D 6.1): closure days added or removed in the admin or a service, new bank holidays in the data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from accord.core import clock
from accord.core.errors import AccordError
from accord.councils.kept import council_kept_forget
from accord.enquiries import jobs
from accord.enquiries.models import Enquiry, EnquirySettings
from accord.enquiries.services import (
    council_closure_day_add,
    council_closure_day_remove,
    councils_calendar_check,
    enquiries_overdue_escalate,
    enquiries_reminders_send,
    enquiry_claim,
)
from accord.enquiries.services import deadlines as deadlines_module
from accord.notifications.models import OutboxMessage
from accord.notifications.schedule import periodic_jobs
from accord.protocol import calendar as calendar_module

from .conftest import Scene, at

pytestmark = pytest.mark.django_db


def _admin_client(scene: Scene) -> Client:
    user = scene.users["dem"]
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="councils"))
    client = Client()
    client.force_login(user)
    return client


def _moved_to(recipient: str) -> list[str]:
    return list(
        OutboxMessage.objects.filter(template="enquiry_due_date_moved", recipient=recipient)
        .order_by("id")
        .values_list("subject", flat=True)
    )


@pytest.mark.cites("D 6.3", "D 6.1")
def test_a_closure_day_added_in_the_admin_re_dates_open_cases(scene: Scene) -> None:
    """Two enquiries a minute apart, either side of the change, end with one due date; the first is not
    escalated a day early."""
    with clock.frozen(at(2026, 3, 2, 9, 0)):
        first = scene.submit()
        enquiry_claim(actor=scene.actor("officer"), enquiry_id=first.pk)
    assert first.due_date == dt.date(2026, 3, 9)
    client = _admin_client(scene)
    council = scene.council
    with clock.frozen(at(2026, 3, 2, 9, 0) + dt.timedelta(seconds=30)):
        response = client.post(
            reverse("admin:councils_council_change", args=[council.pk]),
            {
                "name": council.name,
                "area_noun": council.area_noun,
                "closure_days-TOTAL_FORMS": "1",
                "closure_days-INITIAL_FORMS": "0",
                "closure_days-0-date": "2026-03-04",
                "closure_days-0-reason": "Office move",
            },
        )
    assert response.status_code == 302, response.context["adminform"].form.errors
    with clock.frozen(at(2026, 3, 2, 9, 1)):
        second = scene.submit()
    first.refresh_from_db()
    assert first.due_date == second.due_date == dt.date(2026, 3, 10)
    moved = first.events.get(kind="due-date-moved")
    assert "was 09 March 2026" in moved.description
    assert moved.citations[0]["label"] == "D 6.3"
    assert len(_moved_to(scene.member.email)) == 1
    assert len(_moved_to(scene.officer.email)) == 1
    # Tuesday 10 March is the due date, not a day past it: nobody is escalated.
    assert enquiries_overdue_escalate(now=at(2026, 3, 10, 17)) == 0
    council.refresh_from_db()
    assert council.calendar_fingerprint  # the periodic check now has nothing to do
    assert councils_calendar_check() == 0


@pytest.mark.cites("D 6.3")
def test_a_closure_day_removed_in_a_service_re_dates_open_cases(scene: Scene) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
        moved = council_closure_day_add(
            actor=scene.actor("dem"), council=scene.council, date=dt.date(2026, 3, 4)
        )
    assert moved == 1
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 10)
    with clock.frozen(at(2026, 3, 3)):
        with pytest.raises(AccordError, match="already a closure day") as twice:
            council_closure_day_add(
                actor=scene.actor("dem"), council=scene.council, date=dt.date(2026, 3, 4)
            )
        assert twice.value.field == "date"
        with pytest.raises(AccordError, match="Only democratic services"):
            council_closure_day_remove(
                actor=scene.actor("member"), council=scene.council, date=dt.date(2026, 3, 4)
            )
        assert (
            council_closure_day_remove(
                actor=scene.actor("dem"), council=scene.council, date=dt.date(2026, 3, 4)
            )
            == 1
        )
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 9)
    assert enquiry.events.filter(kind="due-date-moved").count() == 2
    assert scene.council.closure_days.count() == 0


@pytest.mark.cites("D 6.3")
def test_new_bank_holidays_in_the_data_re_date_open_cases(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
        assert councils_calendar_check() == 0  # records the calendar the open cases follow
    original = calendar_module.bank_holidays

    def upgraded(nation: str) -> Mapping[dt.date, str]:
        return {**original(nation), dt.date(2026, 3, 5): "A new bank holiday"}

    monkeypatch.setattr(calendar_module, "bank_holidays", upgraded)
    council_kept_forget(scene.council.pk)
    with clock.frozen(at(2026, 3, 3)):
        assert councils_calendar_check() == 1
        assert councils_calendar_check() == 0
    enquiry.refresh_from_db()
    assert enquiry.due_date == dt.date(2026, 3, 10)
    event = enquiry.events.get(kind="due-date-moved")
    assert "bank holidays or closure days" in event.description
    assert event.actor is None
    assert len(_moved_to(scene.member.email)) == 1
    assert {job.name for job in periodic_jobs()} >= {jobs.CALENDAR}


@pytest.mark.cites("D 6.3")
def test_a_job_that_cannot_handle_one_case_logs_it_and_carries_on(
    scene: Scene, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case the job cannot handle (here its history cannot be written; before the bound on dates, a
    holding reply of 9999-12-31 did this to every run) no longer stops the reminders and escalation of
    every other case: it is logged with its id and rolled back."""
    with clock.frozen(at(2026, 3, 2)):
        broken_reminder = scene.submit()
        broken_escalation = scene.submit()
        good = scene.submit()
        for enquiry in (broken_reminder, broken_escalation, good):
            enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    broken = {broken_reminder.pk: "reminder", broken_escalation.pk: "escalated-overdue"}
    real_event_add = deadlines_module.event_add

    def event_add_failing(enquiry: Enquiry, **fields: object) -> object:
        if broken.get(enquiry.pk) == fields.get("kind"):
            raise RuntimeError("the history could not be written")
        return real_event_add(enquiry, **fields)  # type: ignore[arg-type]

    monkeypatch.setattr(deadlines_module, "event_add", event_add_failing)
    assert enquiries_reminders_send(now=at(2026, 3, 6)) == 2
    assert enquiries_overdue_escalate(now=at(2026, 3, 10)) == 2
    assert good.events.filter(kind="reminder").exists()
    assert good.events.filter(kind="escalated-overdue").exists()
    assert not broken_reminder.events.filter(kind="reminder").exists()
    assert not broken_escalation.events.filter(kind="escalated-overdue").exists()
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert f"enquiries.reminders_send: enquiry {broken_reminder.pk} could not be handled" in logged
    assert (
        f"enquiries.overdue_escalate: enquiry {broken_escalation.pk} could not be handled" in logged
    )


@pytest.mark.cites("D 6.3", "N 16")
def test_the_council_settings_that_move_deadlines_are_bounded(scene: Scene) -> None:
    """A response time of 30000 working days would date cases past the calendar's end: refused by field."""
    admin_user = scene.users["dem"]
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:enquiries_enquirysettings_add"),
        {
            "council": scene.council.pk,
            "response_working_days": "30000",
            "reopen_working_days": "10",
            "reminder_working_days": "1",
            "complaints_contact": "Complaints",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "less than or equal to 60" in str(errors["response_working_days"])
    assert not EnquirySettings.objects.exists()
