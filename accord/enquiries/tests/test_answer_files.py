"""Files go with the substantive response, on the page and in the API, through the attachment checks (D 6.3)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accord.core import clock
from accord.enquiries import services
from accord.enquiries.models import Enquiry

from .conftest import Scene, at


def _taken(scene: Scene) -> Enquiry:
    with clock.frozen(at(2026, 3, 2)):
        enquiry = scene.submit()
        services.enquiry_claim(actor=scene.actor("officer"), enquiry_id=enquiry.pk)
    return enquiry


def _file(name: str, body: bytes = b"the letter", kind: str = "text/plain") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type=kind)


@pytest.mark.cites("D 6.3")
def test_the_answer_form_sends_files_with_the_response(scene: Scene) -> None:
    enquiry = _taken(scene)
    url = reverse("enquiries:action", args=[enquiry.pk, "answer"])
    with clock.frozen(at(2026, 3, 3)):
        page = scene.client("officer").get(reverse("enquiries:detail", args=[enquiry.pk]))
        assert 'name="answer-attachments"' in page.content.decode()
        done = scene.client("officer").post(
            url,
            {
                "answer-text": "The bench is repaired; the report is attached.",
                "answer-attachments": [_file("report.txt"), _file("plan.txt")],
            },
        )
    assert done.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.state == Enquiry.State.ANSWERED
    assert sorted(enquiry.attachments.values_list("name", flat=True)) == ["plan.txt", "report.txt"]
    seen = scene.client("member").get(reverse("enquiries:detail", args=[enquiry.pk]))
    assert "report.txt" in seen.content.decode()
    assert enquiry.events.filter(kind="attachment", description__contains="report.txt").exists()


def test_a_refused_file_refuses_the_whole_answer_naming_the_file(scene: Scene) -> None:
    enquiry = _taken(scene)
    url = reverse("enquiries:action", args=[enquiry.pk, "answer"])
    refused = scene.client("officer").post(
        url,
        {
            "answer-text": "Answer",
            "answer-attachments": [
                _file("ok.txt"),
                _file("virus.exe", kind="application/x-msdownload"),
            ],
        },
    )
    assert refused.status_code == 400
    assert "virus.exe is not a file type Accord accepts" in refused.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.state == Enquiry.State.ASSIGNED and not enquiry.answer
    assert not enquiry.attachments.exists()


def test_the_api_takes_the_answer_with_files_as_a_form(scene: Scene) -> None:
    enquiry = _taken(scene)
    url = f"/api/v1/enquiries/{enquiry.pk}/answer-with-attachments"
    olu = scene.client("officer")
    fake = olu.post(
        url, {"answer": "Done", "attachments": [_file("scan.pdf", b"not a pdf", "application/pdf")]}
    )
    assert fake.status_code == 400 and "scan.pdf is not really a PDF file" in fake.json()["detail"]
    done = olu.post(
        url,
        {"answer": "Done", "attachments": [_file("scan.pdf", b"%PDF-1.4 x", "application/pdf")]},
    )
    assert done.status_code == 200 and done.json()["state"] == "answered"
    assert enquiry.attachments.get().name == "scan.pdf"
    # Someone who may not answer is refused, and nothing is kept.
    other = _taken(scene)
    member = scene.client("member").post(
        f"/api/v1/enquiries/{other.pk}/answer-with-attachments",
        {"answer": "Done", "attachments": [_file("a.txt")]},
    )
    assert member.status_code == 400 and not other.attachments.exists()
