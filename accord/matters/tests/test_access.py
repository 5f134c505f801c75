"""Another council's matter, or one a Member may not see, is a 404 everywhere: pages, API, lists, counts and
the CSV (never a 403). A Member sees the matters of their own ward or division, and only their own receipts."""

from __future__ import annotations

import pytest

from accord.councils.tests import factories as cf
from accord.matters.models import Matter

from .factories import Scene, make_scene


@pytest.fixture
def two(db: None) -> tuple[Scene, Scene]:
    return make_scene("district", "here"), make_scene("norfolk", "there")


def test_another_councils_matter_is_not_found(two: tuple[Scene, Scene]) -> None:
    here, there = two
    theirs = there.record(title="Their secret policy")
    for who in ("officer", "dem", "ann"):
        client = here.client(who)
        assert client.get(f"/matters/{theirs.pk}/").status_code == 404
        assert client.get(f"/api/v1/matters/{theirs.pk}").status_code == 404
        assert client.post(f"/matters/{theirs.pk}/actions/close/").status_code == 404
        assert (
            client.post(
                f"/api/v1/matters/{theirs.pk}/close", {}, content_type="application/json"
            ).status_code
            == 404
        )
        listed = client.get("/api/v1/matters").json()
        assert listed["count"] == 0
        assert client.get(f"/councils/{there.council.slug}/matters/report/").status_code == 404
        assert client.get(f"/councils/{there.council.slug}/matters/report.csv").status_code == 404
    csv = b"".join(
        here.client("dem")
        .get(f"/councils/{here.council.slug}/matters/report.csv")
        .streaming_content
    )  # type: ignore[attr-defined]
    assert b"Their secret policy" not in csv and csv.count(b"\n") == 1


@pytest.mark.cites("D 5.1", "D 5.3")
def test_a_member_sees_only_the_matters_of_their_ward(district: Scene) -> None:
    north = district.record(title="North only")
    whole = district.record(title="Everyone", areas=[], whole_council=True)
    cat = district.client("cat")  # South
    assert cat.get(f"/matters/{north.pk}/").status_code == 404
    assert cat.get(f"/api/v1/matters/{north.pk}").status_code == 404
    assert [m["title"] for m in cat.get("/api/v1/matters").json()["results"]] == ["Everyone"]
    page = cat.get("/matters/mine/").content.decode()
    assert "Everyone" in page and "North only" not in page
    home = cat.get("/").content.decode()
    assert "Everyone" in home and "North only" not in home
    report = cat.get(f"/api/v1/councils/{district.council.slug}/matters/report").json()
    assert sum(r["matters"] for r in report["rows"]) == 1
    assert whole.pk


def test_a_member_sees_their_own_receipts_only(district: Scene) -> None:
    matter = district.record(areas=[district.north, district.south])
    data = district.client("cat").get(f"/api/v1/matters/{matter.pk}").json()
    assert {r["member"] for r in data["receipts"]} == {"Cllr Cat Cole"}
    assert data["not_informed"] == []
    cf.MemberFactory(council=district.council, name="Nia New", areas=[district.south])
    page = district.client("cat").get(f"/matters/{matter.pk}/").content.decode()
    # Who has not been informed or has not opened it is the officers' evidence, not other Members'.
    assert "Nia New" not in page and "Not yet opened" not in page
    assert "Nia New" in district.client("officer").get(f"/matters/{matter.pk}/").content.decode()
    officer = district.client("officer").get(f"/api/v1/matters/{matter.pk}").json()
    assert len({r["member"] for r in officer["receipts"]}) == 3


def test_the_kind_filter_and_the_officers_list(district: Scene) -> None:
    district.record(title="A policy")
    district.record(title="A consultation", kind="consultation")
    client = district.client("ann")
    page = client.get("/matters/mine/?kind=consultation").content.decode()
    assert "A consultation" in page and "A policy" not in page
    api = client.get("/api/v1/matters?kind=consultation").json()
    assert [m["title"] for m in api["results"]] == ["A consultation"]
    assert client.get(f"/councils/{district.council.slug}/matters/").status_code == 404
    listing = district.client("planner").get(f"/councils/{district.council.slug}/matters/")
    assert listing.status_code == 200 and "A policy" in listing.content.decode()
    assert Matter.objects.count() == 2


def test_only_those_accountable_manage_a_matter(district: Scene) -> None:
    """D 5.2: the responsible officer, the service's head, a Chief Officer and democratic services."""
    matter = district.record()
    names = district.client("planner").get(f"/api/v1/matters/{matter.pk}").json()["actions"]
    assert names == []
    head = district.client("head").get(f"/api/v1/matters/{matter.pk}").json()["actions"]
    assert "update" in head and "close" in head


@pytest.mark.cites("D 5.2")
def test_another_officer_is_told_who_may_act_not_that_the_matter_is_open(district: Scene) -> None:
    matter = district.record()
    answer = district.client("planner").post(
        f"/api/v1/matters/{matter.pk}/close", content_type="application/json"
    )
    assert answer.status_code == 400, answer.content
    detail = answer.json()["detail"]
    assert "it is open" not in detail
    assert f"Only the responsible officer ({district.officer.name})" in detail
    assert "D 5.2" in [c["label"] for c in answer.json()["citations"]]
    matter.refresh_from_db()
    assert matter.state == Matter.State.OPEN


@pytest.mark.cites("N 22", "N 20")
def test_a_norfolk_member_sees_the_matters_of_their_division_newest_first(norfolk: Scene) -> None:
    first = norfolk.record(title="First")
    second = norfolk.record(title="Second", kind="consultation")
    norfolk.record(title="Elsewhere", areas=[norfolk.east])
    page = norfolk.client("ann").get("/matters/mine/").content.decode()
    assert page.index(second.title) < page.index(first.title)
    assert "Elsewhere" not in page and "Matters in your division" in page
