"""D 6.5 from the outside: a Member an answer is shared with gets the information provided, never the casework."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.core import clock
from accord.enquiries import services
from accord.enquiries.models import Enquiry

from .conftest import Scene, at

DETAILS = "Mrs Jones, who has a heart condition, cannot reach the footpath."
QUESTION = "Which end of the footpath is blocked?"
REPLY = "The end by the school gate."
ANSWER = "The footpath will be cleared on Friday."


def _shared_case(scene: Scene) -> Enquiry:
    """Ada asks about Brook, Cal's ward; the answer is shared with Cal (D 6.5)."""
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit(
            area=scene.other_ward,
            details=DETAILS,
            constituent_name="Mrs Jones",
            constituent_contact="01234 567890",
        )
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
        enquiry.refresh_from_db()
        services.enquiry_attachment_add(
            actor=scene.actor("officer"),
            enquiry=enquiry,
            upload=SimpleUploadedFile("letter.txt", b"medical letter", content_type="text/plain"),
        )
        services.enquiry_wait_for_member(
            actor=scene.actor("officer"), enquiry=enquiry, question=QUESTION
        )
        enquiry.refresh_from_db()
        services.enquiry_member_reply(actor=scene.actor("member"), enquiry=enquiry, reply=REPLY)
        enquiry.refresh_from_db()
        services.enquiry_answer(actor=scene.actor("officer"), enquiry=enquiry, answer=ANSWER)
    return enquiry


CASEWORK = (DETAILS, "Mrs Jones", "01234 567890", QUESTION, REPLY, "letter.txt")


@pytest.mark.cites("D 6.5")
def test_shared_with_member_gets_the_answer_page_and_list_but_no_casework(scene: Scene) -> None:
    enquiry = _shared_case(scene)
    cal = scene.client("neighbour")
    listed = cal.get(reverse("enquiries:shared"))
    assert listed.status_code == 200
    assert enquiry.reference in listed.content.decode()
    page = cal.get(reverse("enquiries:shared-detail", args=[enquiry.pk]))
    body = page.content.decode()
    assert page.status_code == 200
    assert ANSWER in body and "Brook" in body and enquiry.reference in body
    assert "D 6.5" in body
    for text in CASEWORK:
        assert text not in body


@pytest.mark.cites("D 6.5")
def test_shared_with_member_cannot_open_the_case_its_files_or_its_api(scene: Scene) -> None:
    enquiry = _shared_case(scene)
    cal = scene.client("neighbour")
    attachment = enquiry.attachments.get()
    assert cal.get(reverse("enquiries:detail", args=[enquiry.pk])).status_code == 404
    assert (
        cal.get(reverse("enquiries:attachment", args=[enquiry.pk, attachment.pk])).status_code
        == 404
    )
    assert cal.get(f"/api/v1/enquiries/{enquiry.pk}").status_code == 404
    assert cal.get("/api/v1/enquiries").json()["count"] == 0
    assert cal.get("/api/v1/enquiries", {"q": "footpath"}).json()["count"] == 0
    assert (
        enquiry.reference
        not in cal.get(reverse("enquiries:mine"), {"q": "footpath"}).content.decode()
    )
    export = cal.get(reverse("enquiries:export", args=[scene.council.slug]))
    assert export.status_code in (403, 404)
    assert DETAILS not in b"".join(getattr(export, "streaming_content", [export.content])).decode()


@pytest.mark.cites("D 6.5")
def test_shared_answer_api_gives_only_the_information_provided(scene: Scene) -> None:
    enquiry = _shared_case(scene)
    cal = scene.client("neighbour")
    listed = cal.get("/api/v1/shared-answers").json()
    assert [a["reference"] for a in listed] == [enquiry.reference]
    one = cal.get(f"/api/v1/shared-answers/{enquiry.pk}").json()
    assert one["answer"] == ANSWER and one["area"] == "Brook"
    assert [c["label"] for c in one["citations"]] == ["D 6.5"]
    for text in CASEWORK:
        assert text not in str(one) and text not in str(listed)
    # The asking Member's own case is theirs in full, and not a "shared" answer.
    ada = scene.client("member")
    assert ada.get(f"/api/v1/shared-answers/{enquiry.pk}").status_code == 404
    assert ada.get(f"/api/v1/enquiries/{enquiry.pk}").json()["details"] == DETAILS
    # A Member the answer was not shared with gets nothing.
    other = scene.client("other_member")
    assert other.get(f"/api/v1/shared-answers/{enquiry.pk}").status_code == 404
    assert other.get("/api/v1/shared-answers").json() == []
