"""Files on an enquiry: size- and type-checked, stored under MEDIA_ROOT (outside the web root)."""

from __future__ import annotations

from pathlib import Path

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.enquiries.models import Attachment, Enquiry
from accord.enquiries.services._common import enquiry_lock, event_add

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {
    ".pdf": {"application/pdf"},
    ".jpg": {"image/jpeg"},
    ".jpeg": {"image/jpeg"},
    ".png": {"image/png"},
    ".txt": {"text/plain"},
    ".csv": {"text/csv", "text/plain", "application/vnd.ms-excel"},
    ".doc": {"application/msword"},
    ".docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    ".xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    ".odt": {"application/vnd.oasis.opendocument.text"},
}
_MAGIC = {".pdf": b"%PDF", ".png": b"\x89PNG", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}


def attachment_check(upload: UploadedFile) -> str:
    """Refuse a file that is too big or not a document or picture; returns its cleaned name."""
    name = Path(upload.name or "attachment").name[-200:]
    suffix = Path(name).suffix.lower()
    if upload.size is None or upload.size > MAX_ATTACHMENT_BYTES:
        raise AccordError(f"{name} is larger than 10 MB.", field="attachments")
    if suffix not in ALLOWED_TYPES or (
        upload.content_type and upload.content_type not in ALLOWED_TYPES[suffix]
    ):
        kinds = ", ".join(sorted(ALLOWED_TYPES))
        raise AccordError(
            f"{name} is not a file type Accord accepts ({kinds}).", field="attachments"
        )
    magic = _MAGIC.get(suffix)
    if magic is not None:
        upload.seek(0)
        head = upload.read(len(magic))
        upload.seek(0)
        if head != magic:
            raise AccordError(
                f"{name} is not really a {suffix[1:].upper()} file.", field="attachments"
            )
    return name


def _attachment_store(
    actor: Actor, enquiry: Enquiry, upload: UploadedFile, name: str
) -> Attachment:
    assert actor.user is not None
    attachment = Attachment(
        enquiry=enquiry,
        name=name,
        content_type=upload.content_type or "application/octet-stream",
        size=upload.size or 0,
        uploaded_at=clock.now(),
        uploaded_by=actor.user,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def enquiry_attachment_add(*, actor: Actor, enquiry: Enquiry, upload: UploadedFile) -> Attachment:
    enquiry = enquiry_lock(actor, enquiry, "attachment-add", "add a file to")
    attachment = _attachment_store(actor, enquiry, upload, attachment_check(upload))
    event_add(
        enquiry, actor=actor, kind="attachment", description=f"File added: {attachment.name}."
    )
    return attachment
