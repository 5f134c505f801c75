"""Importing Members and areas: both formats, idempotent, and all-or-nothing on every error."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from accord.core.errors import AccordError
from accord.councils.imports import ImportReport, members_import_file
from accord.councils.imports.problems import ImportProblems
from accord.councils.imports.records import MAX_ROWS
from accord.councils.models import Area, Council, Member, PoliticalGroup

from . import factories

f: Any = factories  # factory calls return model instances

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parent.parent / "imports" / "samples"
HEADER = "name,email,group,areas\n"


@pytest.fixture
def council() -> Council:
    return f.CouncilFactory(slug="testshire")


def _counts() -> tuple[int, ...]:
    return (
        Member.objects.count(),
        Area.objects.count(),
        PoliticalGroup.objects.count(),
        Member.areas.through.objects.count(),
        Member.objects.filter(is_active=False).count(),
    )


def _csv(
    council: Council, text: str, *, dry_run: bool = False, deactivate_missing: bool = False
) -> ImportReport:
    return members_import_file(
        council=council,
        data=text.encode(),
        file_format="csv",
        dry_run=dry_run,
        deactivate_missing=deactivate_missing,
        create_areas=True,
    )


def test_csv_sample_creates_members_areas_and_groups(council: Council) -> None:
    report = members_import_file(
        council=council,
        data=(SAMPLES / "members.csv").read_bytes(),
        file_format="csv",
        create_areas=True,
    )
    assert len(report.created) == 6
    assert sorted(report.areas_created) == ["Abbey", "Brookside", "Castle Hill", "Dunmere"]
    tobias = Member.objects.get(council=council, name="Tobias Penhaligon")
    assert {a.name for a in tobias.areas.all()} == {"Abbey", "Brookside"}
    assert tobias.group is not None
    assert tobias.group.status == PoliticalGroup.Status.ADMINISTRATION
    assert PoliticalGroup.objects.get(name="Green Lanes Group").status == "opposition"
    assert Member.objects.get(name="Wilfred Oakhanger").group is None


def test_moderngov_sample_merges_a_councillor_in_two_wards(council: Council) -> None:
    data = (SAMPLES / "councillors-by-ward.xml").read_bytes()
    report = members_import_file(
        council=council, data=data, file_format="moderngov", create_areas=True
    )
    assert sorted(report.created) == [
        "Ferdinand Ostley",
        "Jessamy Quarrell",
        "Marigold Tresillian",
        "Osric Blackmore",
    ]
    osric = Member.objects.get(external_id="2002")
    assert {a.name for a in osric.areas.all()} == {"Abbey", "Brookside"}
    assert Member.objects.get(external_id="2001").email == "marigold.tresillian@example.org"
    assert Member.objects.get(external_id="2004").email == "ferdinand.ostley@example.org"
    assert str(Member.objects.get(external_id="2003").group) == "Green Lanes Group"
    assert PoliticalGroup.objects.get(name="Riverside Alliance").status == "opposition"


@pytest.mark.parametrize(
    ("name", "file_format"), [("members.csv", "csv"), ("councillors-by-ward.xml", "moderngov")]
)
def test_reimport_changes_nothing(council: Council, name: str, file_format: str) -> None:
    data = (SAMPLES / name).read_bytes()
    members_import_file(council=council, data=data, file_format=file_format, create_areas=True)
    before = _counts()
    again = members_import_file(
        council=council, data=data, file_format=file_format, create_areas=True
    )
    assert again.created == [] and again.updated == [] and again.areas_created == []
    assert again.groups_created == [] and len(again.unchanged) == before[0]
    assert _counts() == before


def test_upsert_by_external_id_updates_and_reports_missing(council: Council) -> None:
    _csv(
        council,
        "name,email,group,areas,external_id\nAnn One,,Reds,Abbey,7\nBob Two,,Reds,Abbey,8\n",
    )
    report = _csv(
        council, "name,email,group,areas,external_id\nAnn Renamed,a@example.org,Blues,Moor,7\n"
    )
    ann = Member.objects.get(external_id="7")
    assert ann.name == "Ann Renamed" and str(ann.group) == "Blues"
    assert report.updated == ["Ann Renamed"]
    assert report.missing == ["Bob Two"]
    assert Member.objects.get(external_id="8").is_active


def test_deactivate_missing_marks_inactive_never_deletes(council: Council) -> None:
    _csv(council, HEADER + "Ann One,,Reds,Abbey\nBob Two,,Reds,Abbey\n")
    report = _csv(council, HEADER + "Ann One,,Reds,Abbey\n", deactivate_missing=True)
    assert report.deactivated == ["Bob Two"]
    assert Member.objects.filter(name="Bob Two", is_active=False).exists()


def test_dry_run_reports_but_saves_nothing(council: Council) -> None:
    before = _counts()
    report = _csv(council, HEADER + "Ann One,,Reds,Abbey\n", dry_run=True)
    assert report.created == ["Ann One"]
    assert _counts() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty"),
        (HEADER, "header row but no Members"),
        ("name,email,grp,areas\nA,,R,W\n", "unknown column 'grp'"),
        ("name,group,areas\nA,R,W\n", "no column email"),
        (HEADER + "Ann One,,Reds,Abbey\n,,Reds,Abbey\n", "Line 3: name is empty"),
        (
            HEADER + "Ann One,,Reds,Abbey\nBob,not-an-email,Reds,Abbey\n",
            "Line 3: email 'not-an-email'",
        ),
        (HEADER + "Ann One,,Reds,Abbey\nBob,,Reds,\n", "Line 3: areas is empty"),
        (HEADER + "Ann One,,Reds,Abbey\nBob,,Reds\n", "Line 3 has 3 fields"),
        (HEADER + "Ann One,,Reds,Abbey\nBob,,R,W\nann one,,Reds,Moor\n", "Line 4 repeats line 2"),
        (
            "name,email,group,areas,group_status\nA,,Reds,W,administration\nB,,Reds,W,opposition\n",
            "Line 2 gives group 'Reds' the status administration but line 3",
        ),
        ("name,email,group,areas,group_status\nA,,Reds,W,ruling\n", "Line 2: group_status"),
    ],
)
def test_csv_errors_name_the_line_and_save_nothing(
    council: Council, text: str, message: str
) -> None:
    _csv(council, HEADER + "Zed Existing,,Old,Abbey\n")
    before = _counts()
    with pytest.raises(AccordError, match=message):
        _csv(council, text, deactivate_missing=True)
    assert _counts() == before


def test_error_late_in_file_rolls_back_earlier_rows(council: Council) -> None:
    f.MemberFactory(council=council, name="Twin", group=None)
    f.MemberFactory(council=council, name="Twin", group=None)
    before = _counts()
    with pytest.raises(AccordError, match="Line 3: the council has 2 Members named 'Twin'"):
        _csv(council, HEADER + "New Person,,Brand New Group,New Ward\nTwin,,G,W\n")
    assert _counts() == before
    assert not Area.objects.filter(name="New Ward").exists()


def test_bad_encoding_is_a_clear_message(council: Council) -> None:
    data = (HEADER + "Zoë Café,,Reds,Abbey\n").encode("latin-1")
    with pytest.raises(AccordError, match="not UTF-8 text \\(line 2"):
        members_import_file(council=council, data=data, file_format="csv")
    assert Member.objects.count() == 0


def test_too_many_rows_is_refused(council: Council) -> None:
    rows = "".join(f"Person {i},,G,W\n" for i in range(MAX_ROWS + 1))
    with pytest.raises(AccordError, match=f"at most {MAX_ROWS}"):
        _csv(council, HEADER + rows)
    assert Member.objects.count() == 0


def _ward_xml(*councillors: str, title: str = "Abbey") -> str:
    body = "".join(f"<councillor>{c}</councillor>" for c in councillors)
    return f"<ward><wardtitle>{title}</wardtitle><councillors>{body}</councillors></ward>"


def _xml(*wards: str) -> bytes:
    return f"<councillorsbyward><wards>{''.join(wards)}</wards></councillorsbyward>".encode()


OK = "<councillorid>1</councillorid><fullusername>Councillor Ann One</fullusername>"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<councillorsbyward><wards>", "not well-formed XML"),
        (b"<committees/>", "root element is <committees>"),
        (
            b'<!DOCTYPE x [<!ENTITY a "b">]><councillorsbyward/>',
            "entities or a DTD",
        ),
        (_xml(_ward_xml(OK), _ward_xml(OK, title="")), "Ward 2: <wardtitle> is empty"),
        (
            _xml(
                _ward_xml(OK),
                _ward_xml("<councillorid>2</councillorid><fullusername/>", OK, title="Moor"),
            ),
            r"Ward 2 \(Moor\), councillor 1: <fullusername> is empty",
        ),
        (
            _xml(
                _ward_xml(
                    OK,
                    "<councillorid>2</councillorid><fullusername>B</fullusername><email>x@</email>",
                )
            ),
            r"Ward 1 \(Abbey\), councillor 2: <email> 'x@'",
        ),
        (
            _xml(_ward_xml(OK, OK)),
            r"Ward 1 \(Abbey\), councillor 2 repeats ward 1 \(Abbey\), councillor 1",
        ),
        (
            _xml(
                _ward_xml(OK),
                _ward_xml(
                    "<councillorid>1</councillorid><fullusername>Bo</fullusername>", title="Moor"
                ),
            ),
            "is 'Bo' here but 'Ann One' at ward 1",
        ),
    ],
)
def test_moderngov_errors_name_the_element_and_save_nothing(
    council: Council, data: bytes, message: str
) -> None:
    _csv(council, HEADER + "Zed Existing,,Old,Abbey\n")
    before = _counts()
    with pytest.raises(AccordError, match=message):
        members_import_file(council=council, data=data, file_format="moderngov", create_areas=True)
    assert _counts() == before


def test_command_imports_and_prints_the_report(council: Council) -> None:
    out = StringIO()
    call_command(
        "import_members",
        str(SAMPLES / "councillors-by-ward.xml"),
        council="testshire",
        create_areas=True,
        stdout=out,
        stderr=StringIO(),
    )
    assert "Members created: 4" in out.getvalue()
    assert Member.objects.filter(council=council).count() == 4


def test_command_error_names_the_line_and_saves_nothing(council: Council, tmp_path: Path) -> None:
    bad = tmp_path / "members.csv"
    bad.write_text(HEADER + "Ann One,,Reds,Abbey\nBob,,Reds\n")
    with pytest.raises(CommandError, match=r"members.csv: Line 3 has 3 fields.*Nothing was saved"):
        call_command(
            "import_members", str(bad), council="testshire", create_areas=True, stderr=StringIO()
        )
    assert Member.objects.count() == 0


@pytest.fixture
def dem_client(client: Client, council: Council) -> Client:
    from django.contrib.auth.models import Permission

    user = f.UserFactory(
        username="dem", council=council, is_democratic_services=True, is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="councils"))
    client.force_login(user)
    return client


def test_admin_import_page_runs_the_service(dem_client: Client, council: Council) -> None:
    other = f.CouncilFactory(slug="elsewhere")
    url = reverse("admin:councils_member_import")
    with (SAMPLES / "members.csv").open("rb") as upload:
        page = dem_client.post(
            url, {"file": upload, "file_format": "csv", "council": other.pk, "create_areas": "on"}
        )
    assert "Members created: 6" in page.text
    assert Member.objects.filter(council=council).count() == 6
    assert not Member.objects.filter(council=other).exists()


def test_admin_import_page_shows_the_error(dem_client: Client, council: Council) -> None:
    upload = _upload(HEADER + "Ann,,R,W\nBob,,R\n")
    page = dem_client.post(
        reverse("admin:councils_member_import"), {"file": upload, "file_format": "csv"}
    )
    assert "Line 3 has 3 fields" in page.text
    assert Member.objects.count() == 0


def _upload(text: str) -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("members.csv", text.encode(), content_type="text/csv")


def test_admin_import_page_detects_xml_by_its_contents(
    dem_client: Client, council: Council
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    xml = (SAMPLES / "councillors-by-ward.xml").read_bytes()
    upload = SimpleUploadedFile("councillors.xml", xml, content_type="text/xml")
    page = dem_client.post(
        reverse("admin:councils_member_import"), {"file": upload, "create_areas": "on"}
    )
    assert "Members created: 4" in page.text
    assert Member.objects.filter(council=council, external_id="2002").exists()


def test_the_command_detects_xml_by_its_contents_whatever_the_name(
    council: Council, tmp_path: Path
) -> None:
    saved = tmp_path / "GetCouncillorsByWard.txt"
    saved.write_bytes(b"\xef\xbb\xbf\n  " + (SAMPLES / "councillors-by-ward.xml").read_bytes())
    out = StringIO()
    call_command(
        "import_members",
        str(saved),
        council="testshire",
        create_areas=True,
        stdout=out,
        stderr=StringIO(),
    )
    assert "(moderngov)" in out.getvalue() and "Members created: 4" in out.getvalue()


def test_admin_import_page_lists_every_problem(dem_client: Client, council: Council) -> None:
    upload = _upload(HEADER + "Ann,ann@,,W\nBob,bob@,,W\n")
    page = dem_client.post(reverse("admin:councils_member_import"), {"file": upload})
    assert "The file has 2 problems. Nothing was saved." in page.text
    assert "Line 2: email &#x27;ann@&#x27;" in page.text
    assert "Line 3: email &#x27;bob@&#x27;" in page.text
    assert Member.objects.count() == 0


def _problems(council: Council, data: bytes, file_format: str) -> list[str]:
    with pytest.raises(ImportProblems) as refused:
        members_import_file(council=council, data=data, file_format=file_format, create_areas=True)
    return refused.value.problems


def test_csv_lists_every_field_and_cross_row_problem_in_one_run(council: Council) -> None:
    text = HEADER + "A One,ann@,G,Abbey Meadows\nA One,a1@x.org,G,Abbey Meadows\n"
    problems = _problems(council, text.encode(), "csv")
    assert problems == [
        "Line 2: email 'ann@' is not a valid email address.",
        "Line 3 repeats line 2 (A One): the same Member twice.",
    ]
    assert Member.objects.count() == 0


def test_moderngov_lists_every_field_and_cross_row_problem_in_one_run(council: Council) -> None:
    bad = (
        "<councillorid>7</councillorid><fullusername>Ann\nOne</fullusername>"
        f"<email>bad@</email><keyposts>{'k' * 250}</keyposts>"
    )
    later = "<councillorid>7</councillorid><fullusername>Bob Two</fullusername>"
    problems = _problems(council, _xml(_ward_xml(bad), _ward_xml(later, title="Moor")), "moderngov")
    first = "Ward 1 (Abbey), councillor 1"
    assert problems == [
        f"{first}: <fullusername> contains a line break.",
        f"{first}: <keyposts> is 250 characters long; at most 200 are accepted.",
        f"{first}: <email> 'bad@' is not a valid email address.",
        "Ward 2 (Moor), councillor 1 is 'Bob Two' here but 'Ann One' at ward 1 (Abbey), "
        "councillor 1.",
    ]


@pytest.mark.parametrize("name", ["Cllr", "Mrs", "Cllr Mrs", "Councillor Dr."])
def test_a_name_that_is_only_a_title_is_a_problem(council: Council, name: str) -> None:
    problems = _problems(council, (HEADER + f"{name},,G,Abbey\n").encode(), "csv")
    assert problems == [f"Line 2: name '{name}' is only a title, not a name."]
