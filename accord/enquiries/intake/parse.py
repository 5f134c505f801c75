"""Reading an e-mail to the enquiries address with the standard library's `email` package (policy default).

Pure functions, no database: the sender, the subject, the reference of a case it replies to, the text (the
plain part, or the text of an HTML-only message with its markup, scripts and styles removed) and the
attachments. Nothing in a message is ever run or rendered as HTML.
"""

from __future__ import annotations

import email
import hashlib
import html
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses

import nh3

REFERENCE = re.compile(r"\bENQ-\d{4}-\d{6}\b", re.IGNORECASE)
_BLOCK_END = re.compile(r"<br\s*/?>|</(?:p|div|li|tr|h[1-6]|blockquote)>", re.IGNORECASE)
_BLOCK_TAGS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
SUBJECT_MAX = 200


@dataclass(frozen=True)
class MailPart:
    name: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class ParsedMail:
    message_id: str
    sender: str  # the address, lower case; "" when the From header has none
    sender_name: str
    subject: str
    text: str
    reference: str  # "ENQ-2026-000123" when the subject names a case, else ""
    attachments: list[MailPart] = field(default_factory=list)


def html_text(markup: str) -> str:
    """The text of an HTML body: tags dropped (script and style with their content), entities decoded,
    a line break where a paragraph, line or list item ends."""
    kept = nh3.clean(markup, tags=_BLOCK_TAGS, attributes={})
    text = nh3.clean(_BLOCK_END.sub("\n", kept), tags=set())
    lines = (" ".join(html.unescape(line).split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def message_id_of(message: EmailMessage, raw: bytes) -> str:
    """The Message-ID, or one made from the message's bytes when it has none (the same bytes, the same id)."""
    found = str(message.get("Message-ID", "") or "").strip()
    if found:
        return found[:300]
    return f"<sha256-{hashlib.sha256(raw).hexdigest()}@accord.invalid>"


def _text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, UnicodeError, AssertionError):
        payload = body.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if body.get_content_type() == "text/html":
        return html_text(content)
    return str(content).replace("\r\n", "\n").strip()


def mail_parse(raw: bytes) -> ParsedMail:
    """The parts of one message an enquiry needs. Never raises for a malformed message: what cannot be read
    is left empty (the intake then holds it for democratic services)."""
    message = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    try:
        addresses = getaddresses([str(message.get("From", "") or "")])
    except (ValueError, IndexError):
        addresses = []
    name, address = addresses[0] if addresses else ("", "")
    subject = " ".join(str(message.get("Subject", "") or "").split())
    found = REFERENCE.search(subject)
    attachments = []
    for part in message.iter_attachments():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            attachments.append(
                MailPart(part.get_filename() or "attachment", part.get_content_type(), payload)
            )
    return ParsedMail(
        message_id=message_id_of(message, raw),
        sender=address.strip().lower() if "@" in address else "",
        sender_name=name.strip()[:200],
        subject=subject[:SUBJECT_MAX],
        text=_text_of(message),
        reference=found.group(0).upper() if found else "",
        attachments=attachments,
    )
