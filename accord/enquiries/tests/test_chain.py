"""The tamper-evident history: each council's events form one hash chain, and `accord audit verify` names
the first link broken by an edit, deletion, reordering or insertion made in SQL behind Accord's back."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from accord.core import clock
from accord.councils.models import Council
from accord.demo.services import demo_load
from accord.enquiries.chain import chain_verify
from accord.enquiries.models import Enquiry, EnquiryEvent, EventChainHead
from accord.enquiries.services import enquiry_answer, enquiry_chase, enquiry_claim

from .conftest import Scene, at, make_scene

TABLE = "enquiries_enquiryevent"


def history(scene: Scene) -> Enquiry:
    """Two cases with a few events each, interleaved in the council's chain."""
    with clock.frozen(at(2026, 3, 3)):
        first = enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)
        second = scene.submit()
        enquiry_chase(actor=scene.actor("member"), enquiry=first, note="Any news?")
        enquiry_answer(actor=scene.actor("officer"), enquiry=first, answer="Mended.")
        enquiry_chase(actor=scene.actor("member"), enquiry=second)
    return first


def sql(statement: str, params: list[object] | None = None) -> None:
    """A change made directly in the database; on PostgreSQL as a superuser who switches triggers off."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        cursor.execute(statement, params or [])
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


def verify(*args: str) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("audit", "verify", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def event_at(scene: Scene, seq: int) -> EnquiryEvent:
    return EnquiryEvent.objects.get(council=scene.council, seq=seq)


def test_services_write_one_whole_chain_per_council(scene: Scene) -> None:
    history(scene)
    other = make_scene("norfolk")
    history(other)
    report = chain_verify(scene.council)
    assert (
        report.is_whole
        and report.events == EnquiryEvent.objects.filter(enquiry__council=scene.council).count()
    )
    seqs = list(
        EnquiryEvent.objects.filter(council=other.council)
        .order_by("seq")
        .values_list("seq", flat=True)
    )
    assert seqs == list(range(1, len(seqs) + 1))
    out, error = verify()
    assert error is None
    assert f"{scene.council.slug} enquiries: {report.events} event(s), chain whole." in out


def test_an_event_edited_in_sql_is_reported(scene: Scene) -> None:
    history(scene)
    target = event_at(scene, 4)
    sql(f"UPDATE {TABLE} SET description = %s WHERE id = %s", ["Nothing happened.", target.pk])
    out, error = verify("--council", scene.council.slug)
    assert error is not None and error.returncode == 1
    assert f"event 4 (id {target.pk}, {target.enquiry.reference}, {target.kind})" in out
    assert "does not match its hash: edited or moved" in out
    assert chain_verify(scene.council).events == 3


def test_an_answer_rewritten_in_its_data_is_reported(scene: Scene) -> None:
    history(scene)
    answered = EnquiryEvent.objects.get(kind="answered")
    sql(f"UPDATE {TABLE} SET data = %s WHERE id = %s", ['{"text": "Something else."}', answered.pk])
    assert f"event {answered.seq} " in chain_verify(scene.council).broken


def test_an_event_deleted_in_sql_is_reported(scene: Scene) -> None:
    history(scene)
    sql(f"DELETE FROM {TABLE} WHERE id = %s", [event_at(scene, 3).pk])
    broken = chain_verify(scene.council).broken
    assert broken.startswith("event(s) 3 missing before event 4 ")
    assert broken.endswith(": deleted")


def test_the_last_events_deleted_in_sql_are_reported(scene: Scene) -> None:
    history(scene)
    last = EventChainHead.objects.get(council=scene.council).seq
    sql(f"DELETE FROM {TABLE} WHERE council_id = %s AND seq >= %s", [scene.council.pk, last - 1])
    assert chain_verify(scene.council).broken == (
        f"the chain ends at event {last - 2} but its head is event {last}: the last 2 event(s) deleted"
    )


def test_events_reordered_in_sql_are_reported(scene: Scene) -> None:
    history(scene)
    a, b = event_at(scene, 2), event_at(scene, 3)
    sql(f"UPDATE {TABLE} SET seq = 1000000 WHERE id = %s", [a.pk])
    sql(f"UPDATE {TABLE} SET seq = 2 WHERE id = %s", [b.pk])
    sql(f"UPDATE {TABLE} SET seq = 3 WHERE id = %s", [a.pk])
    assert chain_verify(scene.council).broken.startswith(f"event 2 (id {b.pk}, ")


def test_an_event_backdated_in_sql_is_reported(scene: Scene) -> None:
    history(scene)
    target = event_at(scene, 5)
    sql(f"UPDATE {TABLE} SET at = %s WHERE id = %s", [at(2026, 3, 1), target.pk])
    assert chain_verify(scene.council).broken.startswith("event 5 ")


def test_an_event_inserted_in_sql_is_reported(scene: Scene) -> None:
    enquiry = history(scene)
    sql(
        f"INSERT INTO {TABLE} (enquiry_id, at, kind, description, citations, data, hash) "
        "VALUES (%s, %s, 'answered', 'Answered on time.', '[]', '{}', '')",
        [enquiry.pk, at(2026, 3, 3, 11)],
    )
    assert chain_verify(scene.council).broken.endswith("is not in the chain: added in SQL")


def test_the_upgrade_chains_the_history_written_before_it(scene: Scene) -> None:
    history(scene)
    make_scene("norfolk").submit()
    sql(f"UPDATE {TABLE} SET council_id = NULL, seq = NULL, hash = ''")
    EventChainHead.objects.all().delete()
    assert chain_verify(scene.council).broken.endswith("is not in the chain: added in SQL")
    migration = importlib.import_module("accord.enquiries.migrations.0008_event_history_chain")
    with connection.cursor() as cursor:  # before the trigger exists, as in the real upgrade
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        migration.chain_existing(django_apps, None)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")
    for council in Council.objects.all():
        assert chain_verify(council).is_whole
    assert EventChainHead.objects.count() == 2


def test_an_unknown_council_is_a_clear_error(scene: Scene) -> None:
    with pytest.raises(CommandError, match="No council with the slug 'nowhere'"):
        call_command("audit", "verify", "--council", "nowhere", stdout=StringIO())


@pytest.mark.django_db
def test_the_demo_history_is_chained() -> None:
    demo_load()
    out, error = verify()
    assert error is None
    # Every chain of every capability, in both demo councils, is whole; enquiries' among them.
    assert out.count("enquiries:") == 2
    assert "BROKEN" not in out
    assert not EnquiryEvent.objects.filter(seq__isnull=True).exists()


def _postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")


@pytest.mark.postgres
@pytest.mark.parametrize(
    "statement", [f"UPDATE {TABLE} SET description = 'x'", f"DELETE FROM {TABLE}"]
)
def test_the_database_refuses_to_change_history(scene: Scene, statement: str) -> None:
    _postgres()
    history(scene)
    refused = pytest.raises(DatabaseError, match="enquiry history is append-only")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert chain_verify(scene.council).is_whole


@pytest.fixture
def threads_db(transactional_db: None) -> Iterator[None]:
    yield


@pytest.mark.postgres
def test_parallel_writers_keep_one_valid_chain(threads_db: None) -> None:
    _postgres()
    scene = make_scene()
    cases = [enquiry_claim(actor=scene.actor("officer"), enquiry_id=scene.submit().pk)]
    cases.append(scene.submit())
    barrier = threading.Barrier(12)
    errors: list[BaseException] = []

    def write(index: int) -> None:
        try:
            barrier.wait()
            if index % 3 == 2:
                scene.submit()
            else:
                enquiry_chase(actor=scene.actor("member"), enquiry=cases[index % 2])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = chain_verify(scene.council)
    assert report.is_whole, report.broken
    assert report.events == EnquiryEvent.objects.count()
