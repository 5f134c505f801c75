"""Which format a Members file is in, read from its contents: the command and the admin page ask here."""

from __future__ import annotations

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def file_format_detect(data: bytes) -> str:
    """ "moderngov" for XML (the first thing after any byte-order mark and whitespace is "<"), else "csv".

    The name of a file says little (a saved web-service answer is often ".txt" or has no suffix, and
    a CSV may be named ".xml"), so only the contents decide."""
    head = data[:1024]
    for bom in _BOMS:
        head = head.removeprefix(bom)
    return "moderngov" if head.lstrip().startswith(b"<") else "csv"
