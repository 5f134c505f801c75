"""Every transition of a case under parallel clients (PostgreSQL row locks, real threads).

A transition locks the case in its transaction and re-checks its action against the locked row: of several
at once, a one-step transition is taken once and the rest are refused with a clear message; counters count
in the database and every e-mail has its own idempotency key.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from accord.core import clock
from accord.core.errors import AccordError
from accord.enquiries.models import (
    BurdenReview,
    Enquiry,
    EnquiryEvent,
    HoldingReply,
    InformationDispute,
    ReferenceCounter,
)
from accord.enquiries.services import (
    enquiries_overdue_escalate,
    enquiries_reminders_send,
    enquiry_answer,
    enquiry_assign,
    enquiry_attachment_add,
    enquiry_burden_agree,
    enquiry_burden_raise,
    enquiry_burden_review,
    enquiry_chase,
    enquiry_claim,
    enquiry_close,
    enquiry_divert_to_complaints,
    enquiry_escalate,
    enquiry_holding_reply_decide,
    enquiry_holding_reply_send,
    enquiry_member_reply,
    enquiry_reopen,
    enquiry_wait_for_member,
    information_dispute_council_decide,
    information_dispute_decide,
    information_dispute_dispute,
    information_dispute_open,
    information_dispute_refer_to_council,
)
from accord.notifications.models import OutboxMessage

from .conftest import Scene, at, make_scene

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _needs_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


def at_once(count: int, call: Callable[[int], Any]) -> list[str]:
    """Run `call(i)` in `count` threads released together; each outcome is "ok" or the refusal's message."""
    barrier = threading.Barrier(count)
    results: list[str] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        try:
            barrier.wait()
            call(index)
            outcome = "ok"
        except AccordError as error:
            outcome = error.message
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def copies(obj: Any, count: int) -> list[Any]:
    """One instance per client, read from the database, as each request would have its own."""
    return [type(obj).objects.get(pk=obj.pk) for _ in range(count)]


def claimed(scene: Scene) -> Enquiry:
    enquiry = scene.submit()
    return enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)


def answered(scene: Scene) -> Enquiry:
    return enquiry_answer(actor=scene.actor("officer"), enquiry=claimed(scene), answer="Mended.")


def test_two_officers_claiming_at_once_exactly_one_wins() -> None:
    scene = make_scene()
    enquiry = scene.submit()
    actors = [scene.actor("officer"), scene.actor("colleague")]
    results = at_once(2, lambda i: enquiry_claim(actor=actors[i], enquiry_id=enquiry.pk))
    assert results.count("ok") == 1
    loser = next(r for r in results if r != "ok")
    winner = Enquiry.objects.get(pk=enquiry.pk).assigned_to
    assert winner is not None
    assert loser == f"Enquiry {enquiry.reference} is already assigned to {winner.name}."
    assert Enquiry.objects.get(pk=enquiry.pk).events.filter(kind="assigned").count() == 1


def test_references_stay_unique_when_members_submit_at_once() -> None:
    scene = make_scene()
    results = at_once(4, lambda i: scene.submit())
    assert results == ["ok"] * 4
    refs = sorted(Enquiry.objects.values_list("reference", flat=True))
    assert len(set(refs)) == 4
    assert ReferenceCounter.objects.get().last == 4


@pytest.mark.postgres
@pytest.mark.cites("D 6.3")
@pytest.mark.django_db(transaction=True)
def test_a_new_timescale_accepted_and_declined_at_once_is_answered_once() -> None:
    """The Member accepts while democratic services decline for them: one answer stands (D 6.3)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    scene = make_scene()
    enquiry = enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)
    enquiry_holding_reply_send(
        actor=scene.actor("officer"),
        enquiry=enquiry,
        reason="Waiting for a contractor.",
        new_due_date=enquiry.due_date + dt.timedelta(days=7),
    )
    calls = [(scene.actor("member"), True), (scene.actor("dem"), False)] * 3
    barrier = threading.Barrier(len(calls))
    results: list[str] = []
    lock = threading.Lock()

    def decide(index: int) -> None:
        actor, accept = calls[index]
        try:
            barrier.wait()
            enquiry_holding_reply_decide(actor=actor, enquiry=enquiry, accept=accept)
            outcome = "won"
        except AccordError:
            outcome = "refused"
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=decide, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("won") == 1
    events = Enquiry.objects.get(pk=enquiry.pk).events
    assert events.filter(kind__in=["holding-reply-accepted", "holding-reply-declined"]).count() == 1
    assert HoldingReply.objects.get(enquiry=enquiry).decision in ("accepted", "declined")


@pytest.mark.cites("D 6.3")
def test_twenty_chasers_at_once_are_all_counted_and_each_sends_its_email() -> None:
    scene = make_scene()
    with clock.frozen(at(2026, 3, 2)):  # every chaser at the same instant
        enquiry = claimed(scene)
        cases = copies(enquiry, 20)
        results = at_once(
            20,
            lambda i: enquiry_chase(actor=scene.actor("member"), enquiry=cases[i], note=f"n{i}"),
        )
    assert results == ["ok"] * 20
    enquiry.refresh_from_db()
    assert enquiry.chaser_count == 20
    counts = sorted(
        enquiry.events.filter(kind="chased").values_list("data__chaser_count", flat=True)
    )
    assert counts == list(range(1, 21))
    assert OutboxMessage.objects.filter(template="enquiry_chased").count() == 20


@pytest.mark.cites("D 6.3")
def test_ten_answers_at_once_one_is_accepted_and_no_chaser_follows_it() -> None:
    scene = make_scene()
    enquiry = claimed(scene)
    cases = copies(enquiry, 20)

    def answer_or_chase(i: int) -> None:
        if i % 2:
            enquiry_chase(actor=scene.actor("member"), enquiry=cases[i])
        else:
            enquiry_answer(actor=scene.actor("officer"), enquiry=cases[i], answer=f"Answer {i}")

    results = at_once(20, answer_or_chase)
    refused = f"You cannot answer enquiry {enquiry.reference} now (it is answered)."
    assert results.count(refused) == 9
    assert OutboxMessage.objects.filter(template="enquiry_answered").count() == 1
    events = list(EnquiryEvent.objects.filter(enquiry=enquiry).order_by("seq"))
    kinds = [e.kind for e in events]
    assert kinds.count("answered") == 1
    assert "chased" not in kinds[kinds.index("answered") :]
    enquiry.refresh_from_db()
    assert enquiry.chaser_count == kinds.count("chased")
    assert results.count("ok") == 1 + kinds.count("chased")  # one answer and the chasers before it


def _dispute(scene: Scene) -> Any:
    return information_dispute_open(
        actor=scene.actor("chief"), member=scene.member, document="Report", reason="Exempt."
    )


def _upheld(scene: Scene) -> Any:
    disputed = information_dispute_dispute(
        actor=scene.actor("member"), dispute=_dispute(scene), grounds="G"
    )
    return information_dispute_decide(
        actor=scene.actor("chief"), dispute=disputed, entitled=False, decision="Exempt."
    )


def _raised(scene: Scene) -> BurdenReview:
    return enquiry_burden_raise(actor=scene.actor("officer"), enquiry=claimed(scene), reason="Big.")


# Each one-step transition: (set the case up, take the step once, the event it records).
ONE_STEP: dict[str, tuple[Callable[[Scene], Any], Callable[[Scene, Any], Any], str]] = {
    "answer": (
        claimed,
        lambda s, e: enquiry_answer(actor=s.actor("officer"), enquiry=e, answer="Done."),
        "answered",
    ),
    "holding-reply": (
        claimed,
        lambda s, e: enquiry_holding_reply_send(
            actor=s.actor("officer"),
            enquiry=e,
            reason="Waiting for the contractor.",
            new_due_date=e.due_date + dt.timedelta(days=7),
        ),
        "holding-reply",
    ),
    "wait-for-member": (
        claimed,
        lambda s, e: enquiry_wait_for_member(actor=s.actor("officer"), enquiry=e, question="Q?"),
        "waiting-for-member",
    ),
    "member-reply": (
        lambda s: enquiry_wait_for_member(
            actor=s.actor("officer"), enquiry=claimed(s), question="Q"
        ),
        lambda s, e: enquiry_member_reply(actor=s.actor("member"), enquiry=e, reply="A."),
        "member-replied",
    ),
    "divert": (
        claimed,
        lambda s, e: enquiry_divert_to_complaints(actor=s.actor("officer"), enquiry=e, reason="C"),
        "diverted",
    ),
    "close": (answered, lambda s, e: enquiry_close(actor=s.actor("member"), enquiry=e), "closed"),
    "reopen": (
        answered,
        lambda s, e: enquiry_reopen(actor=s.actor("member"), enquiry=e, reason="More."),
        "reopened",
    ),
    "escalate": (
        answered,
        lambda s, e: enquiry_escalate(actor=s.actor("member"), enquiry=e, reason="Not enough."),
        "escalated-by-member",
    ),
    "burden-raise": (
        claimed,
        lambda s, e: enquiry_burden_raise(actor=s.actor("officer"), enquiry=e, reason="Big."),
        "burden-raised",
    ),
    "burden-review": (
        _raised,
        lambda s, r: enquiry_burden_review(actor=s.actor("head"), review=r, note="Agreed."),
        "burden-reviewed",
    ),
    "burden-agree": (
        _raised,
        lambda s, r: enquiry_burden_agree(actor=s.actor("head"), review=r, approach="In parts."),
        "burden-agreed",
    ),
    "information-dispute": (
        _dispute,
        lambda s, d: information_dispute_dispute(actor=s.actor("member"), dispute=d, grounds="G"),
        "",
    ),
    "information-dispute-decide": (
        lambda s: information_dispute_dispute(
            actor=s.actor("member"), dispute=_dispute(s), grounds="G"
        ),
        lambda s, d: information_dispute_decide(
            actor=s.actor("chief"), dispute=d, entitled=True, decision="Release it."
        ),
        "",
    ),
    "information-dispute-refer": (
        _upheld,
        lambda s, d: information_dispute_refer_to_council(
            actor=s.actor("member"), dispute=d, reason="Still disputed."
        ),
        "",
    ),
    "information-dispute-council-decide": (
        lambda s: information_dispute_refer_to_council(
            actor=s.actor("member"), dispute=_upheld(s), reason="Still disputed."
        ),
        lambda s, d: information_dispute_council_decide(
            actor=s.actor("dem"), dispute=d, entitled=True, decision="Release it."
        ),
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(ONE_STEP))
def test_a_one_step_transition_taken_five_times_at_once_is_taken_once(name: str) -> None:
    scene = make_scene("norfolk" if name.startswith("information") else "district")  # N 17
    setup, step, kind = ONE_STEP[name]
    subject = setup(scene)
    subjects = copies(subject, 5)
    results = at_once(5, lambda i: step(scene, subjects[i]))
    assert results.count("ok") == 1, results
    refusals = [r for r in results if r != "ok"]
    assert len(refusals) == 4 and all(r.strip() for r in refusals)
    if kind:
        assert EnquiryEvent.objects.filter(kind=kind).count() == 1
    if name == "burden-review":
        assert BurdenReview.objects.get().review_note == "Agreed."
    if name.startswith("information"):  # N 17: each step once in the dispute's own history
        states = [step["state"] for step in InformationDispute.objects.get().history]
        assert len(states) == len(set(states))


@pytest.mark.cites("D 6.2")
def test_two_assignments_at_once_are_both_recorded_and_the_case_ends_with_the_last() -> None:
    scene = make_scene()
    enquiry = scene.submit()
    officers = [scene.officer, scene.colleague]
    cases = copies(enquiry, 2)
    results = at_once(
        2,
        lambda i: enquiry_assign(actor=scene.actor("head"), enquiry=cases[i], officer=officers[i]),
    )
    assert results == ["ok"] * 2
    last = enquiry.events.filter(kind="assigned").order_by("seq").last()
    assert last is not None
    enquiry.refresh_from_db()
    assert enquiry.assigned_to is not None and last.data["officer"] == enquiry.assigned_to.name
    told = OutboxMessage.objects.filter(template="enquiry_assigned")
    assert sorted(
        told.exclude(recipient=scene.member.email).values_list("recipient", flat=True)
    ) == (sorted(o.email for o in officers))


def test_files_added_at_once_are_each_recorded() -> None:
    scene = make_scene()
    enquiry = claimed(scene)
    cases = copies(enquiry, 5)

    def add(i: int) -> None:
        upload = SimpleUploadedFile(f"note{i}.txt", b"text", content_type="text/plain")
        enquiry_attachment_add(actor=scene.actor("officer"), enquiry=cases[i], upload=upload)

    assert at_once(5, add) == ["ok"] * 5
    assert enquiry.attachments.count() == 5
    assert enquiry.events.filter(kind="attachment").count() == 5


def test_deadline_jobs_run_twice_at_once_record_each_step_once() -> None:
    scene = make_scene()
    with clock.frozen(at(2026, 3, 2)):
        enquiry = claimed(scene)
    due = enquiry.due_date
    with clock.frozen(at(due.year, due.month, due.day, 9)):  # the reminder is due
        assert at_once(2, lambda i: enquiries_reminders_send()) == ["ok"] * 2
    with clock.frozen(at(due.year, due.month, due.day, 9) + dt.timedelta(days=14)):  # overdue
        assert at_once(2, lambda i: enquiries_overdue_escalate()) == ["ok"] * 2
    assert enquiry.events.filter(kind="reminder").count() == 1
    levels = list(
        enquiry.events.filter(kind="escalated-overdue").values_list("data__level", flat=True)
    )
    assert sorted(levels) == list(range(1, len(levels) + 1)) and levels
