"""An e-mail to the council's enquiries address becomes a case, a reply on a case, or waits for democratic
services (D 6.3: an e-mailed enquiry is received when the mailbox got it; its deadline counts from then).

- From a Member's address, with no case reference in the subject: a new enquiry for that Member, in the
  mailbox's category, with the files that pass the attachment checks.
- With a case's reference (`ENQ-2026-000123`) in the subject: from the case's Member, their further
  information on the case (their reply, when the officer is waiting for them); from an officer of the council,
  kept on the case's history as the officer's e-mail (a substantive response is still given in Accord, so
  that the deadline and the figures stay true).
- Anything else, from an unknown address or one shared by two Members: held for democratic services, who
  assign it to a Member or discard it with a reason.

A message is recorded once by its Message-ID: delivered twice, it is one case. Too large a message is
refused and recorded with its sender.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.core.errors import AccordError
from accord.councils.models import Member, Officer
from accord.enquiries import services
from accord.enquiries.intake.models import EnquiryMailbox, IncomingMail
from accord.enquiries.intake.parse import ParsedMail, mail_parse
from accord.enquiries.models import Category, Enquiry
from accord.enquiries.services._common import event_add
from accord.enquiries.services.attachments import _attachment_store, attachment_check

State = IncomingMail.State
SUBJECT_NONE = "(no subject)"


@dataclass(frozen=True)
class Accepted:
    uploads: list[SimpleUploadedFile]
    refused: list[str]  # why each refused file was refused


def attachments_accepted(parsed: ParsedMail) -> Accepted:
    """The message's files through the same checks as an upload; the refused ones with their reason."""
    uploads, refused = [], []
    for part in parsed.attachments:
        upload = SimpleUploadedFile(part.name, part.content, part.content_type)
        try:
            attachment_check(upload)
        except AccordError as error:
            refused.append(error.message)
        else:
            uploads.append(upload)
    return Accepted(uploads, refused)


def _user_of(member: Member) -> User | None:
    return User.objects.filter(member=member, is_active=True).first()


def _record(
    mailbox: EnquiryMailbox, parsed: ParsedMail, raw: bytes, received_at: dt.datetime, size: int
) -> IncomingMail | None:
    """The message's row, new; None when this Message-ID is already recorded (a duplicate delivery)."""
    mail = IncomingMail(
        council=mailbox.council,
        message_id=parsed.message_id,
        sender=parsed.sender,
        sender_name=parsed.sender_name,
        subject=parsed.subject,
        text=parsed.text,
        received_at=received_at,
        size=size,
        state=State.HELD,
        created=clock.now(),
    )
    try:
        with transaction.atomic():
            mail.save(force_insert=True)
    except IntegrityError:
        return None
    return mail


def mail_receive(
    *, mailbox: EnquiryMailbox, raw: bytes, received_at: dt.datetime, size: int | None = None
) -> tuple[IncomingMail, bool]:
    """Take one message the mailbox received at `received_at` (aware; capped at now). Returns its record and
    whether it is new (False: the same Message-ID was recorded before, and nothing else was done).

    `raw` is the whole message, or only its header when `size` (bytes) is over the mailbox's `max_bytes`:
    such a message is refused and recorded without its body.
    """
    size = len(raw) if size is None else size
    received_at = min(received_at, clock.now())
    parsed = mail_parse(raw)
    with transaction.atomic():
        mail = _record(mailbox, parsed, raw, received_at, size)
        if mail is None:
            found = IncomingMail.objects.get(council=mailbox.council, message_id=parsed.message_id)
            return found, False
        if size > mailbox.max_bytes:
            mail.state, mail.text = State.REFUSED, ""
            mail.reason = (
                f"The message is {size // 1024 // 1024} MB, over the limit of "
                f"{mailbox.max_bytes // 1024 // 1024} MB: ask the sender to send it in parts."
            )
            mail.save(update_fields=["state", "text", "reason"])
            return mail, True
        mail.raw.save(f"{mail.pk}.eml", ContentFile(raw), save=True)
        _route(mailbox, mail, parsed)
    return mail, True


def _hold(mail: IncomingMail, reason: str) -> None:
    mail.state, mail.reason = State.HELD, reason
    mail.save(update_fields=["state", "reason"])


def _route(mailbox: EnquiryMailbox, mail: IncomingMail, parsed: ParsedMail) -> None:
    council = mailbox.council
    members = (
        list(
            Member.objects.filter(council=council, is_active=True, email__iexact=parsed.sender)[:2]
        )
        if parsed.sender
        else []
    )
    if parsed.reference:
        enquiry = Enquiry.objects.filter(council=council, reference=parsed.reference).first()
        if enquiry is not None:
            _thread(mail, parsed, enquiry, members)
            return
    if not members:
        _hold(mail, "The sender's address is not the address of one of the council's Members.")
        return
    if len(members) > 1:
        _hold(mail, "More than one Member has the sender's address: choose the Member.")
        return
    user = _user_of(members[0])
    if user is None:
        _hold(mail, f"{members[0]} has no account in Accord: raise it for them.")
        return
    try:
        _raise(actor_for(user), mail, parsed, members[0], mailbox.category, mailed=True)
    except AccordError as error:
        _hold(mail, f"It could not be raised for {members[0]}: {error.message}")


def _raise(
    actor: Actor,
    mail: IncomingMail,
    parsed: ParsedMail,
    member: Member,
    category: Category,
    *,
    mailed: bool,
    capacity: str = Enquiry.Capacity.WARD_CASEWORK,
) -> Enquiry:
    """A new enquiry from the message, received when the mailbox got it (D 6.3); refused files noted."""
    accepted = attachments_accepted(parsed)
    enquiry = services.enquiry_submit(
        actor=actor,
        member=member,
        subject=mail.subject or SUBJECT_NONE,
        details=mail.text or "(The e-mail had no text.)",
        category=category,
        capacity=capacity,
        attachments=accepted.uploads,
        channel=Enquiry.Channel.EMAIL,
        received_at=mail.received_at,
        mailed=mailed,
    )
    if accepted.refused:
        event_add(
            enquiry,
            actor=None,
            kind="mail-attachments-refused",
            description="Files in the e-mail not added: " + " ".join(accepted.refused),
        )
    mail.state, mail.enquiry, mail.member = State.CASE, enquiry, member
    mail.save(update_fields=["state", "enquiry", "member"])
    return enquiry


def _thread(
    mail: IncomingMail, parsed: ParsedMail, enquiry: Enquiry, members: list[Member]
) -> None:
    """A reply naming the case: the Member's further information, or an officer's e-mail, on its history."""
    officer = (
        Officer.objects.filter(council=enquiry.council, email__iexact=parsed.sender).first()
        if parsed.sender
        else None
    )
    is_member = any(m.pk == enquiry.member_id for m in members)
    if not (is_member or officer is not None):
        _hold(
            mail,
            f"It names enquiry {enquiry.reference}, but the sender is neither its Member nor an "
            "officer of the council.",
        )
        return
    user = _user_of(enquiry.member) if is_member else None
    actor = actor_for(user) if user is not None else None
    text = mail.text or "(The e-mail had no text.)"
    if is_member and actor is not None and enquiry.state == Enquiry.State.WAITING_FOR_MEMBER:
        services.enquiry_member_reply(actor=actor, enquiry=enquiry, reply=text)
    elif is_member:
        event_add(
            enquiry,
            actor=actor,
            kind="member-email",
            description=f"Further information from the Member by e-mail: {text}",
            mail=mail.pk,
        )
    else:
        assert officer is not None
        event_add(
            enquiry,
            actor=None,
            kind="officer-email",
            description=f"E-mail from {officer.name} to the enquiries address: {text}",
            mail=mail.pk,
        )
    accepted = attachments_accepted(parsed)
    refused = list(accepted.refused)
    if actor is not None:
        for upload in accepted.uploads:
            _attachment_store(actor, enquiry, upload, attachment_check(upload))
    elif accepted.uploads:
        names = ", ".join(u.name or "attachment" for u in accepted.uploads)
        refused.append(f"Not added to the case ({names}): only the Member's own files are added.")
    mail.state, mail.enquiry = State.THREADED, enquiry
    mail.reason = " ".join(refused)
    mail.save(update_fields=["state", "enquiry", "reason"])


def _locked_held(actor: Actor, mail: IncomingMail) -> IncomingMail:
    if not actor.is_democratic_services or actor.council_id != mail.council_id:
        raise AccordError("Democratic services deal with e-mails held for them.")
    locked = IncomingMail.objects.select_for_update(of=("self",)).get(pk=mail.pk)
    if locked.state != State.HELD:
        raise AccordError(f"This e-mail is no longer held: {locked.get_state_display().lower()}.")
    return locked


@transaction.atomic
def incoming_mail_assign(
    *, actor: Actor, mail: IncomingMail, member: Member, category: Category, capacity: str
) -> Enquiry:
    """Democratic services make a held e-mail an enquiry for `member`, received when the mailbox got it
    (D 6.3; within the council's backdating limit). Locks the message's row; refuses one no longer held."""
    locked = _locked_held(actor, mail)
    if member.council_id != locked.council_id:
        raise AccordError("Choose a Member of this council.", field="member")
    raw = locked.raw.read() if locked.raw else b""
    enquiry = _raise(
        actor, locked, mail_parse(raw), member, category, mailed=False, capacity=capacity
    )
    locked.state = State.ASSIGNED
    locked.handled_by, locked.handled_at = actor.user, clock.now()
    locked.save(update_fields=["state", "handled_by", "handled_at"])
    return enquiry


@transaction.atomic
def incoming_mail_discard(*, actor: Actor, mail: IncomingMail, reason: str) -> IncomingMail:
    """Democratic services discard a held e-mail (spam, not an enquiry); the reason is kept."""
    locked = _locked_held(actor, mail)
    if not reason.strip():
        raise AccordError("Say why the e-mail is discarded.", field="reason")
    locked.state, locked.discard_reason = State.DISCARDED, reason.strip()
    locked.handled_by, locked.handled_at = actor.user, clock.now()
    locked.save(update_fields=["state", "discard_reason", "handled_by", "handled_at"])
    return locked
