"""The engine's API over the shipped profiles: paragraphs, citations, rules, roles."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.protocol import Citation, available_profiles, load_profile
from accord.protocol.loader import PROFILES_DIR


def test_both_profiles_are_shipped() -> None:
    assert available_profiles() == ["district", "norfolk"]


def test_district_header() -> None:
    profile = load_profile("district")
    assert (profile.key, profile.code, profile.area_noun) == ("district", "D", "ward")
    assert profile.version == dt.date(2026, 11, 1)
    assert profile.title == "Member / Officer Protocol: Working Together for Local People"


def test_norfolk_header() -> None:
    profile = load_profile("norfolk")
    assert (profile.key, profile.code, profile.area_noun) == ("norfolk", "N", "division")


def test_paragraphs_are_in_document_order() -> None:
    ids = [p.id for p in load_profile("district").paragraphs]
    assert ids[:4] == ["1.1", "1.2", "1.3", "1.4"]
    assert ids.index("2.9") < ids.index("2.10") < ids.index("3.1") < ids.index("3.1(a)")
    assert ids[-1] == "12"
    norfolk = [p.id for p in load_profile("norfolk").paragraphs]
    assert norfolk[norfolk.index("19") + 1 : norfolk.index("20")] == [
        f"19({c})" for c in "abcdefghij"
    ]


def test_paragraph_by_id_or_label() -> None:
    profile = load_profile("district")
    assert profile.paragraph("D 6.3") == profile.paragraph("6.3")
    p = profile.paragraph("6.3")
    assert p.heading == "Members' Enquiries"
    assert p.label == "D 6.3"
    assert p.text.startswith("Officers shall aim to provide a substantive response")


@pytest.mark.parametrize("ref", ["6.9", "N 6.3", "19(e)"])
def test_unknown_paragraph_is_a_clear_key_error(ref: str) -> None:
    with pytest.raises(KeyError, match="district"):
        load_profile("district").paragraph(ref)


def test_sub_items_have_parents() -> None:
    district = load_profile("district")
    assert district.paragraph("7.4(b)(v)").parent == "7.4(b)"
    assert district.paragraph("7.4(b)").parent == "7.4"
    assert district.paragraph("7.4(b)(v)").text == (
        "inform the other political groups, offering them the right of the same information."
    )
    norfolk = load_profile("norfolk")
    assert [p.id for p in norfolk.children("19")][-1] == "19(j)"
    assert norfolk.paragraph("19(j)").text.endswith("given by an officer in any Group meeting.")


def test_page_breaks_are_mended() -> None:
    norfolk = load_profile("norfolk")
    assert "Article 2 paragraph 1.3 of the Constitution" in norfolk.paragraph("5").text
    assert "rules and regulations and not interfere" in norfolk.paragraph("26").text
    district = load_profile("district")
    assert "an appropriate senior manager or Member" in district.paragraph("11.2").text


def test_cite_gives_label_and_words() -> None:
    citation = load_profile("district").cite("6.3")
    assert citation == Citation(
        profile="district",
        paragraph="6.3",
        label="D 6.3",
        text=load_profile("district").paragraph("6.3").text,
    )
    assert str(citation).startswith('D 6.3: "Officers shall aim to provide a substantive response')
    assert str(citation).endswith('..."')
    assert citation.to_dict()["label"] == "D 6.3"


@pytest.mark.cites("D 6.3")
def test_the_response_deadline_rule() -> None:
    profile = load_profile("district")
    rule = profile.rule("enquiry.response-deadline")
    assert rule.kind == "rule"
    assert rule.params == {"working_days": 5}
    assert [c.label for c in rule.citations] == ["D 6.3", "D 3.1(e)"]
    assert rule in profile.rules_citing("D 6.3")
    assert rule in profile.rules_citing("3.1(e)")
    assert rule not in profile.rules_citing("6.4")


def test_norfolk_fixes_no_enquiry_deadline() -> None:
    with pytest.raises(KeyError, match=r"no rule 'enquiry\.response-deadline'"):
        load_profile("norfolk").rule("enquiry.response-deadline")


@pytest.mark.cites("D 2.11", "N 4")
def test_statutory_roles() -> None:
    district = load_profile("district")
    assert [r.key for r in district.statutory_roles] == [
        "head-of-paid-service",
        "monitoring-officer",
        "section-151-officer",
    ]
    assert district.statutory_roles[0].citations[0].label == "D 2.11"
    norfolk = load_profile("norfolk")
    titles = {r.key: r.title for r in norfolk.statutory_roles}
    assert len(titles) == 7
    assert titles["monitoring-officer"] == "Director of Governance (Monitoring Officer)"
    assert titles["section-151-officer"].startswith("Executive Director Finance & Commercial")
    assert "Chief Fire Officer" in titles.values()


@pytest.mark.cites("D 1.4")
def test_district_chief_officers() -> None:
    titles = [r.title for r in load_profile("district").chief_officers]
    assert titles == [
        "Chief Executive",
        "Deputy Chief Executive",
        "Director - Place and Climate Change",
    ]


def test_kinds_follow_the_protocol_map() -> None:
    district = load_profile("district")
    assert district.paragraph("3.1(e)").kind == "guidance"
    assert district.paragraph("7.1").kind == "definition"
    assert district.paragraph("6.3").kind is None
    assert load_profile("norfolk").paragraph("4").kind == "definition"


def test_load_by_path_is_the_same_profile() -> None:
    by_path = load_profile(PROFILES_DIR / "norfolk.yaml")
    assert by_path.paragraphs == load_profile("norfolk").paragraphs
    assert load_profile("district") is load_profile("district")
