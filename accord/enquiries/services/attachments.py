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
from accord.enquiries.services.file_types import FILE_TYPES, file_content_matches

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def attachment_check(upload: UploadedFile, field: str = "attachments") -> str:
    """Refuse a file that is too big, of a type Accord does not take, or whose content is not what its
    name says (checked by content for every type: `file_types`), whatever type the client declared;
    returns its cleaned name. Refusals are
    AccordErrors on `field` naming the file."""
    name = Path(upload.name or "attachment").name[-200:]
    suffix = Path(name).suffix.lower()
    if upload.size is None or upload.size > MAX_ATTACHMENT_BYTES:
        raise AccordError(f"{name} is larger than 10 MB.", field=field)
    file_type = FILE_TYPES.get(suffix)
    # The type a client claims (application/octet-stream for a .csv, say) is never the judge: the name
    # and the content are.
    if file_type is None:
        kinds = ", ".join(sorted(FILE_TYPES))
        raise AccordError(f"{name} is not a file type Accord accepts ({kinds}).", field=field)
    if not file_content_matches(upload, suffix):
        raise AccordError(
            f"{name} is not really a {suffix[1:].upper()} file: its content is not a {file_type.words}.",
            field=field,
        )
    return name


def _attachment_store(
    actor: Actor, enquiry: Enquiry, upload: UploadedFile, name: str
) -> Attachment:
    assert actor.user is not None
    attachment = Attachment(
        enquiry=enquiry,
        name=name,
        content_type=FILE_TYPES[Path(name).suffix.lower()].stored_as,
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
