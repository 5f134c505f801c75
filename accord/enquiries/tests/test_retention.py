"""Retention (UK GDPR storage limitation): once the council's period has passed since a case closed, the
job removes constituents' personal data, deletes the files from disk, leaves a tombstone event, and the
history chain still verifies."""

from __future__ import annotations

import os
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from accord.core import clock
from accord.enquiries import jobs
from accord.enquiries.chain import chain_verify
from accord.enquiries.models import Enquiry, EnquiryEvent, EnquirySettings
from accord.enquiries.services import (
    enquiries_personal_data_remove,
    enquiry_answer,
    enquiry_attachment_add,
    enquiry_claim,
    enquiry_close,
    enquiry_wait_for_member,
)
from accord.enquiries.services.retention import REMOVED, months_before
from accord.notifications.schedule import periodic_jobs

from .conftest import Scene, at
from .test_chain import sql

pytestmark = pytest.mark.django_db
NAME, CONTACT = "Rita Resident", "rita@example.org"


def closed_case(scene: Scene) -> Enquiry:
    """A casework enquiry with a constituent, a file, a question, an answer; closed on 10 March 2026."""
    with clock.frozen(at(2026, 3, 3)):
        enquiry = scene.submit(constituent_name=NAME, constituent_contact=CONTACT)
        enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
        upload = SimpleUploadedFile(
            "rita-letter.txt", b"Dear councillor", content_type="text/plain"
        )
        enquiry_attachment_add(actor=scene.actor("member"), enquiry=enquiry, upload=upload)
        enquiry_wait_for_member(
            actor=scene.actor("officer"), enquiry=enquiry, question="Is Rita at number 12?"
        )
    with clock.frozen(at(2026, 3, 5)):
        from accord.enquiries.services import enquiry_member_reply

        enquiry_member_reply(actor=scene.actor("member"), enquiry=enquiry, reply="Yes, number 12.")
        enquiry_answer(
            actor=scene.actor("officer"), enquiry=enquiry, answer="Rita's bench is fixed."
        )
    with clock.frozen(at(2026, 3, 10)):
        enquiry_close(actor=scene.actor("member"), enquiry=enquiry)
    return Enquiry.objects.get(pk=enquiry.pk)


def keep_for(scene: Scene, months: int | None) -> None:
    EnquirySettings.objects.update_or_create(
        council=scene.council, defaults={"retention_months": months}
    )


def run_job(when: object) -> int:
    with clock.frozen(when):  # type: ignore[arg-type]
        return enquiries_personal_data_remove()


def personal_text(enquiry: Enquiry) -> str:
    events = EnquiryEvent.objects.filter(enquiry=enquiry)
    return " ".join(f"{e.description} {e.data}" for e in events)


def test_the_period_passed_removes_the_personal_data_and_leaves_a_tombstone(
    scene: Scene, django_capture_on_commit_callbacks: Any
) -> None:
    enquiry = closed_case(scene)
    path = enquiry.attachments.get().file.path
    assert os.path.exists(path) and "Rita" in personal_text(enquiry)
    keep_for(scene, 6)
    with django_capture_on_commit_callbacks(execute=True):  # the files go once the removal commits
        assert run_job(at(2026, 9, 10, 11)) == 1

    enquiry.refresh_from_db()
    assert (enquiry.constituent_name, enquiry.constituent_contact) == ("", "")
    assert enquiry.details == REMOVED and enquiry.answer == REMOVED
    assert enquiry.personal_data_removed_at == at(2026, 9, 10, 11)
    attachment = enquiry.attachments.get()
    assert not attachment.file and not os.path.exists(path)
    assert "Rita" not in personal_text(enquiry) and "number 12" not in personal_text(enquiry)
    tombstone = EnquiryEvent.objects.get(enquiry=enquiry, kind="personal-data-removed")
    assert "6 month(s) after the case closed" in tombstone.description
    assert tombstone.data["setting"] == "retention_months" and tombstone.data["months"] == 6
    assert tombstone.data["removed"] == [
        "constituent_name",
        "constituent_contact",
        "details",
        "answer",
    ]
    assert tombstone.data["attachments"] == 1
    assert len(tombstone.data["events"]) == 4  # the file, the question, the reply, the answer
    assert tombstone.citations[0]["label"] == "UK GDPR Art. 5(1)(e)"
    assert chain_verify(scene.council).is_whole
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "BROKEN" not in out.getvalue()


def test_nothing_is_removed_before_the_period_ends_or_without_a_setting(scene: Scene) -> None:
    enquiry = closed_case(scene)
    assert run_job(at(2027, 3, 10)) == 0  # no period set: kept
    keep_for(scene, 6)
    assert run_job(at(2026, 9, 10, 9)) == 0  # closed at 10:00 on 10 March: not yet six months
    with clock.frozen(at(2026, 3, 3)):
        open_case = scene.submit(constituent_name=NAME)
    assert run_job(at(2030, 1, 1)) == 1  # the closed one only
    open_case.refresh_from_db()
    assert open_case.constituent_name == NAME
    assert run_job(at(2030, 1, 2)) == 0  # done once
    assert EnquiryEvent.objects.filter(enquiry=enquiry, kind="personal-data-removed").count() == 1


def test_the_job_is_scheduled() -> None:
    jobs.register()
    assert jobs.RETENTION in {job.name for job in periodic_jobs()}


@pytest.mark.parametrize(
    ("statement", "broken"),
    [
        # A removed event's kind changed behind Accord's back.
        ("UPDATE enquiries_enquiryevent SET kind = 'closed' WHERE personal_data_removed", "hash"),
        # Another event's text "removed" in SQL, with no tombstone recording it.
        (
            "UPDATE enquiries_enquiryevent SET description = '', personal_data_removed = TRUE "
            "WHERE kind = 'received' AND NOT personal_data_removed",
            "hash",
        ),
    ],
)
def test_changes_after_the_removal_are_still_reported(
    scene: Scene, statement: str, broken: str
) -> None:
    closed_case(scene)
    with clock.frozen(at(2026, 3, 3)):
        scene.submit()  # a second case, whose events the removal does not touch
    keep_for(scene, 1)
    run_job(at(2026, 5, 1))
    sql(statement)
    assert broken in chain_verify(scene.council).broken


@pytest.mark.postgres
def test_the_database_lets_only_the_removal_change_an_event(scene: Scene) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    closed_case(scene)
    keep_for(scene, 1)
    assert run_job(at(2026, 5, 1)) == 1
    for statement in (
        "UPDATE enquiries_enquiryevent SET description = 'x' WHERE personal_data_removed",
        "UPDATE enquiries_enquiryevent SET personal_data_removed = TRUE, kind = 'x' "
        "WHERE NOT personal_data_removed",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)


@pytest.mark.parametrize("months", [0, 241])
def test_the_setting_is_bounded(scene: Scene, months: int) -> None:
    with pytest.raises(ValidationError, match="retention_months"):
        EnquirySettings(council=scene.council, retention_months=months).full_clean()


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (at(2026, 8, 31), 6, at(2026, 2, 28)),
        (at(2026, 3, 10), 12, at(2025, 3, 10)),
        (at(2026, 1, 15), 1, at(2025, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months_in_london(
    moment: object, months: int, expected: object
) -> None:
    assert months_before(moment, months) == expected  # type: ignore[arg-type]
