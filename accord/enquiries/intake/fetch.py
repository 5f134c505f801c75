"""Fetching a council's enquiries mailbox by IMAP with the standard library's `imaplib` (docs/adr/0016).

Each unread message is taken (by UID, without marking it read), recorded, and only then flagged `\\Seen`: a
worker stopped in between fetches it again next time, and its Message-ID makes that a no-op. A message over
the mailbox's size limit is refused from its header alone. One mailbox or message that fails is logged and
the others carry on.
"""

from __future__ import annotations

import datetime as dt
import imaplib
import logging
import os
import re
from dataclasses import dataclass

from django.conf import settings

from accord.core import clock
from accord.enquiries.intake.models import EnquiryMailbox
from accord.enquiries.intake.services import mail_receive

log = logging.getLogger(__name__)
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_DATE = re.compile(rb'INTERNALDATE "([^"]+)"')
TIMEOUT_SECONDS = 60


@dataclass
class FetchResult:
    new: int = 0
    duplicates: int = 0
    failed: int = 0


def mailbox_password(mailbox: EnquiryMailbox) -> str:
    """The password from the environment variable the mailbox names, else `ACCORD_MAILBOX_PASSWORDS`
    (a setting: {council slug: password}); `ValueError` naming the variable when neither has one."""
    found = os.environ.get(mailbox.password_env, "") if mailbox.password_env else ""
    found = found or getattr(settings, "ACCORD_MAILBOX_PASSWORDS", {}).get(mailbox.council.slug, "")
    if not found:
        raise ValueError(f"no password: set the environment variable {mailbox.password_env}")
    return str(found)


def _internal_date(meta: bytes) -> dt.datetime:
    found = _DATE.search(meta)
    if found is None:
        return clock.now()
    try:
        return dt.datetime.strptime(found.group(1).decode(), "%d-%b-%Y %H:%M:%S %z")
    except ValueError:
        return clock.now()


def _parts(data: list[object]) -> tuple[bytes, bytes]:
    """The FETCH response's metadata line and literal (imaplib returns [(meta, literal), b')'])."""
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            return bytes(item[0]), bytes(item[1])
    return b"", b""


def mailbox_fetch(mailbox: EnquiryMailbox) -> FetchResult:
    """Take every unread message in the mailbox's folder (D 6.3: each received when the server got it)."""
    result = FetchResult()
    connect = imaplib.IMAP4_SSL if mailbox.use_ssl else imaplib.IMAP4
    with connect(mailbox.host, mailbox.port, timeout=TIMEOUT_SECONDS) as imap:
        imap.login(mailbox.username, mailbox_password(mailbox))
        status, _ = imap.select(f'"{mailbox.folder}"')
        if status != "OK":
            raise ValueError(f"no folder {mailbox.folder!r} in the mailbox")
        _, found = imap.uid("SEARCH", "UNSEEN")
        for uid in (u.decode() for u in (found[0] or b"").split()):
            try:
                _, data = imap.uid("FETCH", uid, "(RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER])")
                meta, header = _parts(data)
                size_found = _SIZE.search(meta)
                size = int(size_found.group(1)) if size_found else 0
                raw = header
                if size <= mailbox.max_bytes:
                    _, data = imap.uid("FETCH", uid, "(BODY.PEEK[])")
                    raw = _parts(data)[1]
                _, is_new = mail_receive(
                    mailbox=mailbox, raw=raw, received_at=_internal_date(meta), size=size
                )
                imap.uid("STORE", uid, "+FLAGS", "(\\Seen)")
            except Exception:
                log.exception("enquiries mailbox %s: message %s not taken", mailbox.pk, uid)
                result.failed += 1
                continue
            if is_new:
                result.new += 1
            else:
                result.duplicates += 1
    return result


def mailboxes_fetch() -> dict[int, FetchResult]:
    """Fetch every active mailbox; one that fails is logged, its error kept on it, and the rest go on."""
    results: dict[int, FetchResult] = {}
    for mailbox in EnquiryMailbox.objects.filter(is_active=True).select_related("council"):
        try:
            results[mailbox.pk] = mailbox_fetch(mailbox)
            error = ""
        except (OSError, imaplib.IMAP4.error, ValueError) as exc:
            log.warning("enquiries mailbox %s not fetched: %s", mailbox.pk, exc)
            error = str(exc)[:500]
        EnquiryMailbox.objects.filter(pk=mailbox.pk).update(
            last_fetched=clock.now(), last_error=error
        )
    return results
