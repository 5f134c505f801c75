"""Real councils' feeds that Accord got wrong (files in fixtures/feeds, people invented): each kind of
fault, in every import path."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from accord.councils.imports import ImportProblems, Scope, members_import_file
from accord.councils.imports.postcodes import postcodes_import_file
from accord.councils.models import Area, AreaPostcode, Committee, Council, Member, PoliticalGroup

from . import factories

f: Any = factories

pytestmark = pytest.mark.django_db
FEEDS = Path(__file__).resolve().parent / "fixtures" / "feeds"


@pytest.fixture
def council() -> Council:
    return f.CouncilFactory(slug="testshire", name="Testshire District Council")


def _feed(council: Council, name: str, **options: Any) -> Any:
    options.setdefault("create_areas", True)
    return members_import_file(council=council, data=(FEEDS / name).read_bytes(), **options)


def _offices(member: Member) -> set[tuple[str, str, str]]:
    return {
        (o.kind, o.portfolio, o.committee.name if o.committee else "")
        for o in member.offices.select_related("committee")
    }


def test_double_encoded_entities_are_decoded_until_stable(council: Council) -> None:
    _feed(council, "f-councillorsbyward-entities-keyposts.xml")
    assert Area.objects.filter(council=council, name="Bursledon, Hamble-le-Rice & Hound").exists()
    assert Member.objects.get(external_id="211").name == "Owen O'Riordan"
    assert not Area.objects.filter(name__contains="&amp;").exists()
    assert Member.objects.get(external_id="305").name == "Tomasz Wiśniewski"


@pytest.mark.cites("N 14", "D 2.8")
def test_key_posts_become_offices_and_an_unknown_post_is_kept_as_text(council: Council) -> None:
    report = _feed(council, "f-councillorsbyward-entities-keyposts.xml")
    assert _offices(Member.objects.get(external_id="197")) == {
        ("leader", "", ""),
        ("cabinet-member", "Planning and Property", ""),
        ("group-leader", "", ""),
    }
    marlow = Member.objects.get(external_id="500000050")
    assert _offices(marlow) == {
        ("group-leader", "", ""),
        ("vice-chair", "", "Audit and Standards Committee"),
    }
    assert marlow.other_posts == "Leader of the Opposition"
    assert _offices(Member.objects.get(external_id="210")) == {
        ("scrutiny-chair", "", "Scrutiny Committee")
    }
    assert _offices(Member.objects.get(external_id="211")) == {
        ("group-spokesperson", "Housing", ""),
        ("group-leader", "", ""),
    }
    assert _offices(Member.objects.get(external_id="305")) == {("chair-of-council", "", "")}
    assert Committee.objects.get(name="Scrutiny Committee").kind == Committee.Kind.SCRUTINY
    assert "Gin Marlow ('Leader of the Opposition')" in report.posts_kept
    again = _feed(council, "f-councillorsbyward-entities-keyposts.xml")
    assert again.updated == [] and again.committees_created == []


def test_a_post_that_ends_is_removed_and_a_new_one_added(council: Council) -> None:
    data = (FEEDS / "a-councillorsbyward-vacant-seat.xml").read_bytes()
    members_import_file(council=council, data=data, create_areas=True)
    ashdown = Member.objects.get(external_id="159")
    assert _offices(ashdown) == {("leader", "", "")}
    changed = data.replace(b"Leader of the Council", b"Cabinet Member for Finance; Deputy Leader")
    report = members_import_file(council=council, data=changed)
    assert report.updated == ["Ffion Ashdown"]
    assert _offices(ashdown) == {("cabinet-member", "Finance", "")}
    assert Member.objects.get(pk=ashdown.pk).other_posts == "Deputy Leader"


def test_a_party_of_none_or_independent_is_no_group(council: Council) -> None:
    report = _feed(council, "f-councillorsbyward-entities-keyposts.xml")
    assert Member.objects.get(external_id="173").group is None
    assert not PoliticalGroup.objects.filter(name__iexact="independent").exists()
    assert not PoliticalGroup.objects.filter(name__iexact="none").exists()
    assert report.no_group == ["Jane Welland ('Independent')"]
    csv = b"name,email,group,areas\nAnn One,,none,Abbey\nBo Two,,N/A,Abbey\n"
    members_import_file(council=council, data=csv, create_areas=True)
    assert set(PoliticalGroup.objects.values_list("name", flat=True)) == {
        "Liberal Democrat Group",
        "Conservative Group",
        "Labour Group",
    }


def test_a_vacant_seat_is_reported_never_a_member(council: Council) -> None:
    report = _feed(council, "a-councillorsbyward-vacant-seat.xml")
    assert report.created == ["Ffion Ashdown"]
    assert not Member.objects.filter(external_id="714").exists()
    assert any("'Vacant seat' is a vacancy" in line for line in report.lines())
    csv = b"name,email,group,areas\nVacancy,,,Town\nCllr To be elected,,,Town\n"
    members_import_file(council=council, data=csv)
    assert list(Member.objects.values_list("name", flat=True)) == ["Ffion Ashdown"]


def test_a_shared_feed_is_limited_by_ward_title_suffix(council: Council) -> None:
    report = _feed(council, "b1-councillorsbyward-shared-install-suffix.xml", dry_run=True)
    assert any("(BDC) 1, (SNC) 1" in w for w in report.warnings)
    report = _feed(
        council, "b1-councillorsbyward-shared-install-suffix.xml", scope=Scope(ward_suffix="(BDC)")
    )
    assert report.created == ["Idris Harcastle"] and report.warnings == []
    assert list(Area.objects.values_list("name", flat=True)) == ["Aldbury"]
    assert report.skipped == ["Juno Quennell: not this council's (Fenstead (SNC))."]


def test_a_shared_feed_is_limited_by_email_domain(council: Council) -> None:
    report = _feed(council, "b2-councillorsbyward-shared-install-email-domain.xml", dry_run=True)
    assert any("adur.gov.uk (1), worthing.gov.uk (1)" in w for w in report.warnings)
    assert any("Marine Ward, Shoreham-by-Sea; Marine Ward, Worthing" in w for w in report.warnings)
    report = _feed(
        council,
        "b2-councillorsbyward-shared-install-email-domain.xml",
        scope=Scope(email_domain="adur.gov.uk"),
    )
    assert report.created == ["Kester Loxley"]
    assert not Member.objects.filter(name="Linnet Marrow").exists()


def test_a_suffix_that_matches_no_one_is_refused(council: Council) -> None:
    with pytest.raises(
        ImportProblems, match=r"No Member in the file matches the ward-title suffix"
    ):
        _feed(
            council,
            "b1-councillorsbyward-shared-install-suffix.xml",
            scope=Scope(ward_suffix="(XYZ)"),
        )
    assert not Member.objects.exists()


def test_double_spaces_and_titles_match_the_same_ward_and_member(council: Council) -> None:
    _feed(council, "c1-members-before.csv")
    postcodes_import_file(council=council, data=(FEEDS / "c1-postcodes-before.csv").read_bytes())
    report = _feed(council, "c2-councillorsbyward-double-spaces.xml", create_areas=False)
    assert report.created == [] and report.areas_created == []
    assert Area.objects.filter(council=council).count() == 1
    assert Member.objects.filter(council=council).count() == 2
    fenwick = Member.objects.get(external_id="3101")
    assert fenwick.name == "Merryn Fenwick"
    ward = Area.objects.get(council=council)
    assert ward.name == "Thatto Heath"
    assert set(AreaPostcode.objects.values_list("area__name", flat=True)) == {"Thatto Heath"}
    assert set(ward.members.values_list("external_id", flat=True)) == {"3101", "3102"}


def test_honorifics_and_civic_titles_match_in_the_csv_and_postcodes_alike(council: Council) -> None:
    f.AreaFactory(council=council, name="Castle Hill")
    f.MemberFactory(council=council, name="Merryn Fenwick", group=None)
    csv = 'name,email,group,areas\n"The Mayor, Councillor Dr Merryn  FENWICK",,,castle  hill\n'
    report = members_import_file(council=council, data=csv.encode())
    assert report.created == [] and report.updated == ["Dr Merryn FENWICK"]
    postcodes_import_file(council=council, data=b"postcode,area\nAC1 1AB,CASTLE   Hill\n")
    assert AreaPostcode.objects.get().area.name == "Castle Hill"


def test_a_csv_row_naming_an_unknown_ward_is_refused_unless_areas_are_created(
    council: Council, tmp_path: Path
) -> None:
    f.AreaFactory(council=council, name="Abbey")
    path = tmp_path / "members.csv"
    path.write_text("name,email,group,areas\nAnn One,,,Abbey\nBo Two,,,Abey\n")
    with pytest.raises(
        CommandError, match="Line 3: Testshire District Council has no ward named 'Abey'"
    ):
        call_command("import_members", str(path), council="testshire", stderr=StringIO())
    assert not Member.objects.exists() and Area.objects.count() == 1
    out = StringIO()
    call_command(
        "import_members",
        str(path),
        council="testshire",
        create_areas=True,
        stdout=out,
        stderr=StringIO(),
    )
    assert "Areas created: 1: Abey" in out.getvalue()


def test_every_bad_email_in_a_feed_is_reported_in_one_run(council: Council) -> None:
    with pytest.raises(ImportProblems) as refused:
        _feed(council, "e-councillorsbyward-bad-emails.xml")
    problems = refused.value.problems
    assert len(problems) == 4
    assert problems[0].startswith("Ward 1 (Llanishen), councillor 1: <email> 'rhodri.ormsby")
    assert "quill.jessop@example.gov." in problems[1]
    assert "vesna.illingworth@example.gov.uk;vesna.i@example.net" in problems[2]
    assert "xanthe.nettlefold@example.gov.u'" in problems[3]
    assert not Member.objects.exists()


def test_every_problem_in_a_csv_is_reported_in_one_run(council: Council, tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(
        "name,email,group,areas\nAnn,ann@,,W\nBo,bo@x,,W\nCy,cy,,W\nDi,di@example.org,,Nowhere\n"
    )
    with pytest.raises(CommandError) as refused:
        call_command("import_members", str(path), council="testshire", stderr=StringIO())
    message = str(refused.value)
    assert message.startswith("members.csv: 4 problems:\n- Line 2: email 'ann@'")
    for expected in ("Line 3: email 'bo@x'", "Line 4: email 'cy'", "Line 5: Testshire"):
        assert expected in message
    assert message.endswith("Nothing was saved.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Ann\x00One,,,Abbey", "Line 2: name contains a NUL byte."),
        ('"Ann\nOne",,,Abbey', "Line 2: name contains a line break."),
        ("Ann One,,,Abb\x1bey", r"Line 2: areas contains a control character \(U\+001B\)."),
        ("A" * 201 + ",,,Abbey", "Line 2: name is 201 characters long; at most 200"),
        ("Ann One,,G" + "x" * 200 + ",Abbey", "Line 2: group is 201 characters long"),
        ("Ann One,,,Abbey,", "Line 2 has 5 fields"),
    ],
)
def test_control_characters_and_over_long_values_are_refused_naming_the_line(
    council: Council, tmp_path: Path, text: str, message: str
) -> None:
    f.AreaFactory(council=council, name="Abbey")
    path = tmp_path / "members.csv"
    path.write_bytes(f"name,email,group,areas\n{text}\n".encode())
    with pytest.raises(CommandError, match=message):
        call_command("import_members", str(path), council="testshire", stderr=StringIO())
    assert not Member.objects.exists()


def test_an_over_long_id_or_post_in_a_feed_is_refused_naming_the_councillor(
    council: Council,
) -> None:
    xml = (
        "<councillorsbyward><wards><ward><wardtitle>Abbey</wardtitle><councillors>"
        f"<councillor><councillorid>{'9' * 51}</councillorid><fullusername>Ann</fullusername>"
        "</councillor><councillor><councillorid>2</councillorid><fullusername>Bo</fullusername>"
        f"<keyposts>Cabinet Member for {'x' * 200}</keyposts></councillor>"
        "</councillors></ward></wards></councillorsbyward>"
    )
    with pytest.raises(ImportProblems) as refused:
        members_import_file(council=council, data=xml.encode(), create_areas=True)
    assert refused.value.problems == [
        "Ward 1 (Abbey), councillor 1: <councillorid> is 51 characters long; at most 50 are "
        "accepted.",
        "Ward 1 (Abbey), councillor 2: <keyposts> is 219 characters long; at most 200 are "
        "accepted.",
    ]


COUNTY = "e-nspl-county-ced-renamed-division.csv"


def _coded(council: Council, *codes: str) -> None:
    for code in codes:
        f.AreaFactory(council=council, name=f"Area {code}", code=code)


def test_a_county_postcode_file_takes_the_division_column(council: Council) -> None:
    council.area_noun = "division"
    council.save()
    _coded(council, "E58000901", "E58000902")
    report = postcodes_import_file(council=council, data=(FEEDS / COUNTY).read_bytes())
    assert report.added == 2
    assert dict(AreaPostcode.objects.values_list("postcode", "area__code")) == {
        "AC1 1AB": "E58000901",
        "AC10 1AB": "E58000902",
    }


def test_a_district_takes_the_ward_column_of_the_same_file(council: Council) -> None:
    _coded(council, "E05009901", "E05009902")
    postcodes_import_file(council=council, data=(FEEDS / COUNTY).read_bytes())
    assert set(AreaPostcode.objects.values_list("area__code", flat=True)) == {
        "E05009901",
        "E05009902",
    }


def test_the_area_column_is_named_on_the_command_line(council: Council) -> None:
    _coded(council, "E58000901", "E58000902")
    out = StringIO()
    call_command(
        "import_postcodes",
        str(FEEDS / COUNTY),
        council="testshire",
        area_column="division",
        stdout=out,
        stderr=StringIO(),
    )
    assert "Postcodes added: 2" in out.getvalue()


def test_messages_name_the_files_own_columns(council: Council) -> None:
    council.area_noun = "division"
    council.save()
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_postcodes", str(FEEDS / COUNTY), council="testshire", stderr=StringIO()
        )
    message = str(refused.value)
    assert "appears twice" not in message
    assert "2 problems:" in message
    assert "no division named or coded 'E58000901' (column division, for AC1 1AB)" in message
    with pytest.raises(
        CommandError,
        match=r"no column for the area 'ced' \(ced\); the file's "
        r"columns are pcd, pcd2, postcode",
    ):
        call_command(
            "import_postcodes",
            str(FEEDS / COUNTY),
            council="testshire",
            area_column="ced",
            stderr=StringIO(),
        )


def test_the_ons_directory_with_a_renamed_postcode_column_still_imports(council: Council) -> None:
    _coded(council, "S13002843", "S13002842")
    report = postcodes_import_file(
        council=council, data=(FEEDS / "b-nspl-pcds-renamed-postcode.csv").read_bytes()
    )
    assert report.added == 3
    assert AreaPostcode.objects.get(postcode="AB10 1AA").area.code == "S13002842"


def test_a_control_character_in_a_postcode_file_is_refused_naming_the_line(
    council: Council,
) -> None:
    f.AreaFactory(council=council, name="Abbey")
    data = b"postcode,area\nAC1 1AB,Abbey\nAC1\x001AD,Abbey\nAC1 1AE,Abb\x07ey\n"
    with pytest.raises(ImportProblems) as refused:
        postcodes_import_file(council=council, data=data)
    assert refused.value.problems == [
        "Line 3: postcode contains a NUL byte.",
        "Line 4: area contains a control character (U+0007).",
    ]
    assert not AreaPostcode.objects.exists()


def test_a_member_left_out_of_a_shared_feed_is_in_no_other_report_line(council: Council) -> None:
    def councillor(pk: int, name: str, group: str, email: str) -> str:
        return (
            f"<councillor><councillorid>{pk}</councillorid><fullusername>{name}</fullusername>"
            f"<politicalgrouptitle>{group}</politicalgrouptitle><email>{email}</email></councillor>"
        )

    feed = (
        "<councillorsbyward><wards><ward><wardtitle>Abbey</wardtitle><councillors>"
        + councillor(1, "Ann One", "none", "ann.one@xdc.gov.uk")
        + councillor(2, "Amy &amp; Poole", "none", "amy@ydc.gov.uk")
        + "</councillors></ward></wards></councillorsbyward>"
    ).encode()
    report = members_import_file(
        council=council, data=feed, scope=Scope(email_domain="xdc.gov.uk"), create_areas=True
    )
    assert report.skipped == ["Amy & Poole: not this council's (e-mail 'amy@ydc.gov.uk')."]
    assert report.no_group == ["Ann One ('none')"]
    assert [line for line in report.lines() if "Amy & Poole" in line] == [
        "Not imported: Amy & Poole: not this council's (e-mail 'amy@ydc.gov.uk')."
    ]
