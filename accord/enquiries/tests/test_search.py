"""Search by reference, subject and text, only within what the searcher may see (pages, API, CSV)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from accord.core import clock
from accord.enquiries import services
from accord.enquiries.models import Enquiry
from accord.enquiries.search import enquiry_search, reference_of

from .conftest import Scene, at


def _cases(scene: Scene) -> tuple[Enquiry, Enquiry, Enquiry]:
    """Ada's bench (answered about gravel), Ada's hedge, and Ben's bench: the word "bench" in two Members' cases."""
    with clock.frozen(at(2026, 3, 2)):
        bench = scene.submit(subject="Broken bench", details="The bench by the pond is broken.")
        hedge = scene.submit(subject="Overgrown hedge", details="The hedge blocks the path.")
        bens = scene.submit(
            who="other_member",
            member=scene.other_member,
            subject="Another bench",
            details="A second bench is broken too.",
        )
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=bench.pk)
        bench.refresh_from_db()
        services.enquiry_answer(
            actor=scene.actor("officer"), enquiry=bench, answer="New gravel was laid."
        )
    return bench, hedge, bens


def test_a_reference_is_named_in_full_or_short() -> None:
    assert reference_of("enq-2026-123") == "ENQ-2026-000123"
    assert reference_of(" 2026-000123 ") == "ENQ-2026-000123"
    assert reference_of("bench") is None


def test_member_finds_their_own_by_subject_text_answer_and_reference_never_anothers(
    scene: Scene,
) -> None:
    bench, hedge, bens = _cases(scene)
    ada = scene.client("member")

    def found(q: str) -> list[str]:
        return [e["reference"] for e in ada.get("/api/v1/enquiries", {"q": q}).json()["results"]]

    assert found("bench") == [bench.reference]
    assert found("pond") == [bench.reference]
    assert found("gravel") == [bench.reference]
    assert found(hedge.reference) == [hedge.reference]
    assert found(bens.reference) == []
    page = ada.get(reverse("enquiries:mine"), {"q": "bench"}).content.decode()
    assert bench.reference in page and hedge.reference not in page
    assert bens.reference not in page and "Another bench" not in page


def test_officer_queue_and_council_list_search_within_their_scope(scene: Scene) -> None:
    bench, hedge, bens = _cases(scene)
    with clock.frozen(at(2026, 3, 3)):
        services.enquiry_claim(actor=scene.actor("colleague"), enquiry_id=bens.pk)
    olu = scene.client("colleague").get(reverse("enquiries:queue"), {"q": "bench"})
    body = olu.content.decode()
    assert bens.reference in body and bench.reference not in body  # Cleo's own open cases only
    dem = scene.client("dem")
    listed = dem.get(reverse("enquiries:all", args=[scene.council.slug]), {"q": "bench"})
    body = listed.content.decode()
    assert bench.reference in body and bens.reference in body and hedge.reference not in body
    export = dem.get(reverse("enquiries:export", args=[scene.council.slug]), {"q": "hedge"})
    rows = b"".join(export.streaming_content).decode().splitlines()  # type: ignore[attr-defined]
    assert len(rows) == 2 and hedge.reference in rows[1]


def test_a_search_too_long_is_refused_naming_the_field(scene: Scene) -> None:
    ada = scene.client("member")
    response = ada.get("/api/v1/enquiries", {"q": "x" * 201})
    assert response.status_code == 422 and response.json()["detail"].startswith("q:")
    page = ada.get(reverse("enquiries:mine"), {"q": "x" * 201})
    assert page.status_code == 200
    assert "Search for at most 200 characters" in page.content.decode()


@pytest.mark.postgres
def test_postgresql_searches_words_by_their_stem_through_the_index(scene: Scene) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://...")
    bench, hedge, _ = _cases(scene)
    mine = Enquiry.objects.filter(member=scene.member)
    assert list(enquiry_search(mine, "benches")) == [bench]  # the stem, not the letters
    assert list(enquiry_search(mine, "hedges")) == [hedge]
    assert list(enquiry_search(mine, "hedge -path")) == []  # websearch syntax
    assert list(enquiry_search(mine, '"broken bench"')) == [bench]
    assert list(enquiry_search(mine, "enq" + bench.reference[3:].lower())) == [bench]
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        sql, params = enquiry_search(Enquiry.objects.all(), "bench").query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "enquiry_search" in plan, plan
