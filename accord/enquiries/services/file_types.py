"""What a file really is, judged by its content: the check behind every attachment on an enquiry.

Each accepted type says how its content is recognised. PDF, PNG, JPEG and Word 97-2003 files carry a
signature that `puremagic` (a pure-Python file signature library) reads; Word, Excel and OpenDocument files
are ZIP archives (a signature puremagic reads) whose members say which document they are; a text or CSV
file must be UTF-8 holding no control characters but tabs and line breaks, and must not be markup (a web
page, XML or an SVG picture, which a browser may run). A Windows program renamed `.docx`, or a web page
named `.docx` or `.txt`, matches none of these and is refused.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

import puremagic

TEXT_BAD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Markup a browser would render or run: a text that opens with a document's tag or declaration, or holds
# a script, frame or embedded object anywhere.
_MARKUP_START = re.compile(
    r"\s*<(?:!doctype|\?xml|!--|html|head|body|svg|script|iframe|meta|style|div|a\s|img|form|link)\b",
    re.IGNORECASE,
)
_MARKUP_ANYWHERE = re.compile(r"<(?:script|iframe|object|embed|svg)\b", re.IGNORECASE)


def _signature(*extensions: str) -> Callable[[IO[bytes], bytes], bool]:
    """Content whose signature puremagic reads as one of `extensions`."""

    def check(stream: IO[bytes], head: bytes) -> bool:
        try:
            found = {m.extension for m in puremagic.magic_string(head)}
        except puremagic.PureError:
            return False
        return bool(found & set(extensions))

    return check


_is_zip = _signature(".zip", ".docx", ".xlsx")


def _zip_with(member: str, content: bytes | None = None) -> Callable[[IO[bytes], bytes], bool]:
    """A ZIP archive (by its signature) holding `member`, whose bytes start with `content` if given."""

    def check(stream: IO[bytes], head: bytes) -> bool:
        if not _is_zip(stream, head):
            return False
        try:
            with zipfile.ZipFile(stream) as archive:
                if member not in archive.namelist():
                    return False
                return content is None or archive.read(member).startswith(content)
        except (zipfile.BadZipFile, OSError, ValueError):
            return False

    return check


def _utf8_text(stream: IO[bytes], head: bytes) -> bool:
    try:
        text = stream.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if _MARKUP_START.match(text) or _MARKUP_ANYWHERE.search(text):
        return False
    return TEXT_BAD.search(text) is None


@dataclass(frozen=True)
class FileType:
    """A type Accord accepts: the MIME types a browser may declare for it, what it is stored as, and
    how its content is recognised."""

    declared: tuple[str, ...]
    content_matches: Callable[[IO[bytes], bytes], bool]
    words: str

    @property
    def stored_as(self) -> str:
        return self.declared[0]


def _type(words: str, check: Callable[[IO[bytes], bytes], bool], *declared: str) -> FileType:
    return FileType(declared=declared, content_matches=check, words=words)


_JPEG = _type("JPEG picture", _signature(".jpg", ".jpeg"), "image/jpeg")
FILE_TYPES = {
    ".pdf": _type("PDF", _signature(".pdf"), "application/pdf"),
    ".jpg": _JPEG,
    ".jpeg": _JPEG,
    ".png": _type("PNG picture", _signature(".png"), "image/png"),
    ".txt": _type("plain text file (not markup such as a web page)", _utf8_text, "text/plain"),
    ".csv": _type(
        "CSV file (plain text, not markup)",
        _utf8_text,
        "text/csv",
        "text/plain",
        "application/vnd.ms-excel",
    ),
    ".doc": _type("Word document", _signature(".doc"), "application/msword"),
    ".docx": _type(
        "Word document",
        _zip_with("word/document.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": _type(
        "Excel workbook",
        _zip_with("xl/workbook.xml"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ".odt": _type(
        "OpenDocument text",
        _zip_with("mimetype", b"application/vnd.oasis.opendocument.text"),
        "application/vnd.oasis.opendocument.text",
    ),
}
HEAD_BYTES = 8192


def file_content_matches(stream: IO[bytes], suffix: str) -> bool:
    """Whether the content of `stream` (seekable, at most 10 MB) is what `suffix` (".docx") says it is.

    The stream is read from its start and left at its start. An unknown suffix never matches."""
    file_type = FILE_TYPES.get(suffix)
    if file_type is None:
        return False
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    try:
        return file_type.content_matches(stream, head)
    finally:
        stream.seek(0)
