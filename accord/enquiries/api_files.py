"""The substantive response with files, in the v1 API: a multipart form (the JSON `answer` takes no files)."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import File, Form, Router
from ninja.files import UploadedFile

from accord.api.auth import api_actor
from accord.api.inputs import fits
from accord.api.schemas import ErrorOut
from accord.enquiries.access import enquiry_for
from accord.enquiries.api import EnquiryDetailOut, _detail
from accord.enquiries.models import Enquiry
from accord.enquiries.services.answer_files import enquiry_answer_with_attachments

router = Router(tags=["enquiries"])


@router.post(
    "/enquiries/{enquiry_id}/answer-with-attachments",
    response={200: EnquiryDetailOut, 400: ErrorOut, 404: ErrorOut},
)
def enquiry_answer_with_files(
    request: HttpRequest,
    enquiry_id: int,
    answer: Form[Annotated[str, fits(Enquiry, "answer")]],
    attachments: File[list[UploadedFile]],
) -> dict[str, Any]:
    """The substantive response (D 6.3) with up to five files, each through the attachment checks; a
    refused file refuses the whole answer (400 naming the file)."""
    actor = api_actor(request)
    enquiry_answer_with_attachments(
        actor=actor, enquiry=enquiry_for(actor, enquiry_id), answer=answer, uploads=attachments
    )
    return _detail(actor, enquiry_id)
