"""An information request (D 8.3) searches what every capability holds: local matters are found as records,
while a political group's meeting and a confidential briefing are only flagged for review, with nothing a
group said or a briefing held in the page, the API or the bundle (D 7.3, N 14, N 19(h))."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from accord.correspondence.tests.factories import information_log
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.groups.tests.factories import make_scene
from accord.matters.tests.factories import make_scene as matters_scene

pytestmark = pytest.mark.django_db

SECRETS = (
    "Abbey Road depot sale",
    "sell the Abbey Road depot",
    "ABBEY-NOTE",
    "Abbey briefing words",
)


@pytest.mark.cites("D 8.3", "D 7.3", "N 19(h)")
def test_group_material_is_flagged_never_shown_and_matters_are_found() -> None:
    s = make_scene("district", slug="disclosure")
    meeting = s.request(subject=SECRETS[0])
    ms.meeting_approve(actor=s.actor("chief"), meeting=meeting)
    ms.meeting_advice_record(actor=s.actor("chief"), meeting=meeting, advice=SECRETS[1])
    ms.meeting_note_add(actor=s.actor("red_leader"), meeting=meeting, text=SECRETS[2], kind="note")
    bs.briefing_request(
        actor=s.actor("red_leader"),
        officer=s.people["chief"],
        subject="Abbey Road",
        details=SECRETS[3],
        confidential=True,
        decision_pending=False,
    )
    info = information_log(s.users["monitoring"], terms="Abbey")
    client = s.client("monitoring")

    page = client.get(reverse("correspondence:information-detail", args=(info.pk,))).content
    api = client.get(f"/api/v1/information-requests/{info.pk}").content
    bundle = client.get(reverse("correspondence:information-bundle", args=(info.pk,)))
    archive = zipfile.ZipFile(io.BytesIO(bundle.content))
    index = list(csv.DictReader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    everything = page + api + b"".join(archive.read(n) for n in archive.namelist())

    flagged = {row["reference"]: row["exported"] for row in index}
    assert flagged[f"GM-{meeting.pk}"] == "no"
    assert any(ref.startswith("BR-") and v == "no" for ref, v in flagged.items())
    assert b"Confidential: review first" in page
    for secret in SECRETS:
        assert secret.encode() not in everything, secret


@pytest.mark.cites("D 8.3")
def test_a_local_matter_is_found_and_goes_into_the_bundle_with_its_views() -> None:
    s = matters_scene("district", slug="disclosure-matters")
    matter = s.record(title="Abbey Road resident parking", summary="Zones around the Abbey.")
    s.record(title="Something else entirely", summary="Nothing to find here.")
    info = information_log(s.users["dem"], terms="Abbey")
    bundle = s.client("dem").get(reverse("correspondence:information-bundle", args=(info.pk,)))
    archive = zipfile.ZipFile(io.BytesIO(bundle.content))
    index = list(csv.DictReader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    assert [(row["reference"], row["exported"]) for row in index] == [(matter.reference, "yes")]
    records = b"".join(archive.read(n) for n in archive.namelist() if n != "index.csv")
    assert b"Zones around the Abbey." in records and b"Ann Able" in records
