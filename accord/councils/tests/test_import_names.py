"""The normaliser every import matches names by, the key posts reader and the format detector."""

from __future__ import annotations

import pytest

from accord.councils.imports import file_format_detect
from accord.councils.imports.names import entities_decode, name_display, name_key
from accord.councils.imports.posts import post_office, posts_split
from accord.councils.imports.records import group_named, vacancy


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("Bursledon, Hamble-le-Rice &amp;amp; Hound", "Bursledon, Hamble-le-Rice & Hound"),
        ("O&amp;#39;Riordan", "O'Riordan"),
        ("O&amp;amp;amp;#39;Riordan", "O'Riordan"),
        ("Plain & simple", "Plain & simple"),
    ],
)
def test_entities_are_decoded_until_stable(raw: str, decoded: str) -> None:
    assert entities_decode(raw) == decoded


@pytest.mark.parametrize(
    ("raw", "display", "key"),
    [
        ("Councillor Merryn  Fenwick", "Merryn Fenwick", "merryn fenwick"),
        ("Cllr. Dr Ann Lee OBE", "Dr Ann Lee OBE", "ann lee"),
        ("The Mayor, Councillor Mrs Jo Bright", "Mrs Jo Bright", "jo bright"),
        ("Deputy Mayor Cllr Sam Hale", "Sam Hale", "sam hale"),
        ("The Right Worshipful the Lord Mayor of Leeds, Councillor Al Bo", "Al Bo", "al bo"),
        ("Owen O&amp;#39;Riordan", "Owen O'Riordan", "owen o'riordan"),
        ("\u00a0Ann\u00a0One ", "Ann One", "ann one"),
    ],
)
def test_person_names(raw: str, display: str, key: str) -> None:
    assert name_display(raw, person=True) == display
    assert name_key(raw, person=True) == key


def test_area_names_keep_their_words_and_match_on_spacing_and_case() -> None:
    assert name_display("Thatto  Heath") == "Thatto Heath"
    assert name_key("THATTO\tHeath") == name_key("Thatto Heath")
    assert name_key("Dr Who Ward") == "dr who ward"


@pytest.mark.parametrize(
    "name", ["Vacant seat", "Vacancy", "VACANT", "Seat vacant", "To be elected", "Cllr TBC"]
)
def test_vacancies(name: str) -> None:
    assert vacancy(name)


@pytest.mark.parametrize("name", ["Vance Vacanti", "Tobias Penhaligon"])
def test_people_are_not_vacancies(name: str) -> None:
    assert not vacancy(name)


def test_no_group_placeholders() -> None:
    assert [group_named(g) for g in ("none", "N/A", "Independent", " - ")] == ["", "", "", ""]
    assert group_named("Independent Group") == "Independent Group"
    assert group_named("Liberal  Democrat &amp;amp; Allies") == "Liberal Democrat & Allies"


@pytest.mark.parametrize(
    ("post", "office"),
    [
        ("Leader of the Council", ("leader", "", "")),
        ("Council Leader", ("leader", "", "")),
        (
            "Cabinet Member for Planning and Property",
            ("cabinet-member", "Planning and Property", ""),
        ),
        ("Portfolio Holder - Environment", ("cabinet-member", "Environment", "")),
        ("Group Leader", ("group-leader", "", "")),
        ("Leader of the Green Group", ("group-leader", "", "")),
        ("Group Spokesperson for Housing", ("group-spokesperson", "Housing", "")),
        ("Chair of Scrutiny Committee", ("scrutiny-chair", "", "Scrutiny Committee")),
        ("Scrutiny Chair", ("scrutiny-chair", "", "")),
        ("Chair of Planning Committee", ("chair", "", "Planning Committee")),
        ("Licensing Committee Chairman", ("chair", "", "Licensing Committee")),
        (
            "Vice-Chair of Audit and Standards Committee",
            ("vice-chair", "", "Audit and Standards Committee"),
        ),
        ("Chair of Council", ("chair-of-council", "", "")),
        ("Chairman of the Council", ("chair-of-council", "", "")),
        ("Leader of the Opposition", None),
        ("Deputy Leader of the Council", None),
        ("Vice-Chair of Council", None),
        ("Mayor", None),
    ],
)
def test_posts(post: str, office: tuple[str, str, str] | None) -> None:
    found = post_office(post)
    assert (found and (found.kind, found.portfolio, found.committee)) == office


def test_posts_are_split_on_semicolons_and_lines() -> None:
    assert posts_split("Group Leader;\n  Cabinet Member for  Finance; Group Leader;") == [
        "Group Leader",
        "Cabinet Member for Finance",
    ]


@pytest.mark.parametrize(
    ("data", "found"),
    [
        (b"<councillorsbyward/>", "moderngov"),
        (b"\xef\xbb\xbf\r\n  <?xml version='1.0'?><x/>", "moderngov"),
        (b"name,email,group,areas\n", "csv"),
        (b"\xef\xbb\xbfname,email\n", "csv"),
    ],
)
def test_the_format_is_found_from_the_contents(data: bytes, found: str) -> None:
    assert file_format_detect(data) == found


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("Councillor Mayor Smith", "Mayor Smith"),
        ("Cllr Mayor", "Cllr Mayor"),
        ("The Mayor, Councillor Jo Bright", "Jo Bright"),
        ("Mayor of Thatton, Cllr Jo Bright", "Jo Bright"),
        ("The Mayor Cllr Jo Bright", "Jo Bright"),
        ("Mayor Cllr Jo Bright", "Jo Bright"),
        ("Cllr", "Cllr"),
        ("Cllr Mrs", "Cllr Mrs"),
    ],
)
def test_titles_are_stripped_only_while_a_name_remains(raw: str, display: str) -> None:
    assert name_display(raw, person=True) == display


@pytest.mark.parametrize(
    "name", ["TBC Smith", "Void Harris", "Vacanti Seat", "Tobias Elected", "Vacant Ward Smith"]
)
def test_a_vacancy_word_at_the_start_of_a_name_is_a_person(name: str) -> None:
    assert not vacancy(name)


@pytest.mark.parametrize("name", ["Vacant", "Vacant seat", "TBC", "To be elected", "Vacancy."])
def test_a_vacancy_is_the_whole_value(name: str) -> None:
    assert vacancy(name)
