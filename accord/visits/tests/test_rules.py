"""The visit rules as a table, on Norfolk's profile: each row's outcome and the paragraph behind it."""

from __future__ import annotations

import pytest

from accord.protocol import Outcome, load_profile
from accord.visits.rules import visit_decide

NORFOLK = load_profile("norfolk")
DISTRICT = load_profile("district")


def decide(kind: str = "office", tenure: str = "owned", purpose: str = "duties", **kw: object):
    return visit_decide(
        NORFOLK,
        kind=kind,
        tenure=tenure,
        purpose=purpose,
        premises_area_id=int(kw.get("area", 1)),  # type: ignore[call-overload]
        member_area_ids=[1],
        member_is_office_holder=bool(kw.get("office_holder", False)),
    )


def labels(decision) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.label for c in decision.decision.citations]


@pytest.mark.cites("N 25")
def test_part_of_their_duties_a_member_is_welcome() -> None:
    d = decide()
    assert d.decision.outcome is Outcome.ALLOWED
    assert d.permission_from == ""
    assert labels(d) == ["N 25"]


@pytest.mark.cites("N 25")
@pytest.mark.parametrize("purpose", ["personal", "governor"])
def test_a_personal_or_employment_need_or_as_governor_is_agreed_with_the_local_manager(
    purpose: str,
) -> None:
    d = decide(purpose=purpose)
    assert d.decision.outcome is Outcome.NEEDS_ACTION
    assert d.permission_from == "local-manager"
    assert labels(d) == ["N 25"]


@pytest.mark.cites("N 26")
@pytest.mark.parametrize(
    ("kind", "who", "words"),
    [
        ("school", "head-teacher", "head teacher's permission"),
        ("academy", "head-teacher", "no right to visit an academy"),
        ("care-home", "local-manager", "residential establishment"),
        ("residential", "local-manager", "residential establishment"),
    ],
)
def test_schools_academies_and_residential_establishments_need_permission(
    kind: str, who: str, words: str
) -> None:
    d = decide(kind=kind)
    assert d.decision.outcome is Outcome.NEEDS_ACTION
    assert d.permission_from == who
    assert words in d.decision.message
    assert labels(d) == ["N 26"]


@pytest.mark.cites("N 27")
@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"purpose": "unrelated"}, "unrelated to their duties"),
        ({"tenure": "let"}, "let to or legally occupied by other persons"),
        ({"tenure": "not-held"}, "not owned or leased"),
        ({"purpose": "unrelated", "kind": "school"}, "unrelated to their duties"),
    ],
)
def test_no_right_is_refused(fields: dict[str, str], words: str) -> None:
    d = decide(**fields)  # type: ignore[arg-type]
    assert d.decision.outcome is Outcome.REFUSED
    assert words in d.decision.message
    assert labels(d) == ["N 27"]


@pytest.mark.cites("N 27")
def test_a_companys_premises_need_the_companys_permission() -> None:
    d = decide(tenure="company", kind="school")
    assert d.permission_from == "company"
    assert labels(d) == ["N 27"]


@pytest.mark.cites("N 26")
def test_outside_the_division_the_divisions_member_cabinet_member_and_chair_are_informed() -> None:
    inside, outside = decide(), decide(area=2)
    assert not inside.outside_division and inside.informs == ()
    assert outside.outside_division
    assert outside.informs == ("division-member", "cabinet-member", "committee-chair")
    assert "N 26" in [c.label for c in outside.citations]


@pytest.mark.cites("N 26")
def test_a_cabinet_member_or_chair_informs_the_divisions_member() -> None:
    assert decide(area=2, office_holder=True).informs == ("division-member",)


@pytest.mark.cites("N 26")
def test_the_safety_rules_are_cited_with_every_decision() -> None:
    assert [c.label for c in decide().safety_citations] == ["N 26"]


def test_a_district_council_has_no_visit_procedure() -> None:
    d = visit_decide(
        DISTRICT,
        kind="office",
        tenure="owned",
        purpose="duties",
        premises_area_id=1,
        member_area_ids=[1],
        member_is_office_holder=False,
    )
    assert d.decision.outcome is Outcome.REFUSED
    assert "no procedure" in d.decision.message
