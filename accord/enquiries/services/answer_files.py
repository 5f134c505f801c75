"""The substantive response with files attached (D 6.3): every file is checked before anything is written, and
the answer and its files are kept together in one transaction (none kept if one is refused)."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.enquiries.models import Attachment, Enquiry
from accord.enquiries.services._common import event_add
from accord.enquiries.services.attachments import _attachment_store, attachment_check
from accord.enquiries.services.case import enquiry_answer

MAX_FILES_WITH_ANSWER = 5


@transaction.atomic
def enquiry_answer_with_attachments(
    *, actor: Actor, enquiry: Enquiry, answer: str, uploads: Sequence[UploadedFile] = ()
) -> tuple[Enquiry, list[Attachment]]:
    """Answer (through `enquiry_answer`, which decides whether the actor may) and attach up to five files,
    each through the attachment checks (type, size, content). Raises `AccordError` naming the file."""
    if len(uploads) > MAX_FILES_WITH_ANSWER:
        raise AccordError(
            f"Attach at most {MAX_FILES_WITH_ANSWER} files to an answer.", field="attachments"
        )
    names = [attachment_check(upload) for upload in uploads]
    enquiry = enquiry_answer(actor=actor, enquiry=enquiry, answer=answer)
    stored = []
    for upload, name in zip(uploads, names, strict=True):
        stored.append(_attachment_store(actor, enquiry, upload, name))
        event_add(
            enquiry,
            actor=actor,
            kind="attachment",
            description=f"File sent with the substantive response: {name}.",
        )
    return enquiry, stored
