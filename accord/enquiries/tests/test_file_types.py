"""Every attachment type is checked by its content: a program or a web page renamed `.docx` or `.txt` is refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accord.core.errors import AccordError
from accord.enquiries.models import Enquiry
from accord.enquiries.services.attachments import attachment_check
from accord.enquiries.services.file_types import FILE_TYPES
from accord.enquiries.tests.factories import CategoryFactory
from conftest import Roles

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def zipped(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


GOOD = {
    ".pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    ".png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32,
    ".jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32,
    ".jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32,
    ".txt": "Seán's bins were missed,\r\n\tagain.\n".encode(),
    ".csv": b"\xef\xbb\xbfname,ward\r\nJo,Abbey\r\n",
    ".doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
    ".docx": zipped(("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")),
    ".xlsx": zipped(("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<workbook/>")),
    ".odt": zipped(
        ("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>")
    ),
}


def upload(suffix: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"file{suffix}", content, content_type=FILE_TYPES[suffix].declared[0])


@pytest.mark.parametrize("suffix", sorted(FILE_TYPES))
def test_a_real_file_of_each_type_is_taken(suffix: str) -> None:
    file = upload(suffix, GOOD[suffix])
    assert attachment_check(file) == f"file{suffix}"
    assert file.read() == GOOD[suffix]  # left at its start for storing


@pytest.mark.parametrize("claimed", ["application/octet-stream", "text/html", ""])
@pytest.mark.parametrize("suffix", sorted(FILE_TYPES))
def test_the_claimed_type_is_never_the_judge(suffix: str, claimed: str) -> None:
    # Judged by name and content (docs/api.md): a real .csv sent as application/octet-stream is taken,
    # and a claimed type never lets wrong content through.
    file = SimpleUploadedFile(f"file{suffix}", GOOD[suffix], content_type=claimed)
    assert attachment_check(file) == f"file{suffix}"
    fake = SimpleUploadedFile(f"file{suffix}", EXE, content_type=FILE_TYPES[suffix].declared[0])
    with pytest.raises(AccordError, match="is not really"):
        attachment_check(fake)


BAD = [
    (".docx", EXE),
    (".txt", EXE),
    (".docx", HTML),
    (".pdf", HTML),
    (".docx", GOOD[".xlsx"]),
    (".xlsx", GOOD[".docx"]),
    (".odt", GOOD[".docx"]),
    (".docx", zipped(("notes.txt", b"hello"))),
    (".doc", EXE),
    (".png", GOOD[".jpg"]),
    (".txt", b"caf\xe9"),  # Latin-1, not UTF-8
    (".csv", b"name\x00,ward\r\n"),
    (".txt", HTML),
    (".txt", b"<html><script>alert(1)</script></html>"),
    (".txt", b"\r\n  <!doctype html>\n<title>x</title>"),
    (".txt", b'<?xml version="1.0"?><note/>'),
    (".txt", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    (".txt", b"Dear Cllr,\n<script>alert(1)</script>\n"),
    (".csv", b"<html><body>name,ward</body></html>"),
]


@pytest.mark.parametrize(
    "text", ["Ward <Abbey> is 3 < 4 and 5 > 2.\n", "See <https://example.org/bins>\n"]
)
def test_text_that_mentions_angle_brackets_is_taken(text: str) -> None:
    assert attachment_check(upload(".txt", text.encode())) == "file.txt"


@pytest.mark.parametrize(("suffix", "content"), BAD)
def test_content_that_is_not_what_the_name_says_is_refused(suffix: str, content: bytes) -> None:
    with pytest.raises(AccordError, match=f"file{suffix} is not really a") as refused:
        attachment_check(upload(suffix, content), field="upload")
    assert refused.value.field == "upload"


def test_the_raise_page_names_the_file_field(roles: Roles) -> None:
    """A program renamed `.docx` is refused on the raise page, the error beside the file field."""
    officer = roles.user("officer").officer  # type: ignore[union-attr]
    bins = CategoryFactory(council=roles.council, service=officer.service)
    client = Client()
    client.force_login(roles.user("member"))  # type: ignore[arg-type]
    response = client.post(
        reverse("enquiries:raise"),
        {
            "subject": "Bins",
            "details": "Missed",
            "category": bins.pk,
            "capacity": "casework",
            "urgency": "normal",
            "attachment": SimpleUploadedFile("letter.docx", EXE, content_type=DOCX),
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_attachment-error"' in body
    assert "letter.docx is not really a DOCX file" in body
    assert not Enquiry.objects.exists()
