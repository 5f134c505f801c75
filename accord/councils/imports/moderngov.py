"""Members from a modern.gov `GetCouncillorsByWard` XML file.

The shape: <councillorsbyward><wards><ward><wardtitle/><councillors><councillor><councillorid/>
<fullusername/><politicalgrouptitle/><keyposts/>... A councillor listed under several wards represents each
of them. Elements Accord does not use (photos, postal addresses) are ignored.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from accord.core.errors import AccordError

from .names import name_display
from .posts import posts_split
from .records import MembersFile, check_row_count, check_size, group_named, record_build

LABELS = {
    "name": "<fullusername>",
    "email": "<email>",
    "group": "<politicalgrouptitle>",
    "areas": "<wardtitle>",
    "external_id": "<councillorid>",
    "posts": "<keyposts>",
}


def _text(element: Element | None, tag: str) -> str:
    child = element.find(tag) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _parse(data: bytes) -> Element:
    """The root element; a byte-order mark or blank lines before the XML declaration are ignored."""
    try:
        return fromstring(data.removeprefix(b"\xef\xbb\xbf").lstrip())
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise AccordError(
            f"The file is not well-formed XML (line {line}, column {column})."
        ) from exc
    except DefusedXmlException as exc:
        raise AccordError(
            "The file declares XML entities or a DTD, which are not accepted for safety."
        ) from exc


def _councillor(members: MembersFile, element: Element, where: str, ward: str) -> None:
    email = _text(element, "email")
    for address in ("workaddress", "homeaddress"):
        email = email or _text(element.find(address), "email")
    group = _text(element, "politicalgrouptitle")
    if not group_named(group):
        group = _text(element, "politicalpartytitle") or group
    record = record_build(
        members,
        source=where,
        labels=LABELS,
        values={
            "name": _text(element, "fullusername"),
            "email": email,
            "group": group,
            "external_id": _text(element, "councillorid"),
        },
        areas=[ward],
        posts=posts_split(_text(element, "keyposts")),
    )
    if record is not None:
        members.add(record, wards_merge=True)


def records_from_moderngov(data: bytes) -> MembersFile:
    """Parses and checks the whole file. A file that is not this XML raises an AccordError; each
    councillor's problems are noted in the result's `problems`, naming the ward and councillor."""
    check_size(data)
    root = _parse(data)
    if root.tag != "councillorsbyward":
        raise AccordError(f"The root element is <{root.tag}>, not <councillorsbyward>.")
    wards = root.findall("./wards/ward")
    if not wards:
        raise AccordError(
            "<councillorsbyward> has no <wards>/<ward> elements: no Members to import."
        )
    check_row_count(len(root.findall("./wards/ward/councillors/councillor")), "councillors")
    members = MembersFile()
    for w, ward_el in enumerate(wards, start=1):
        ward = _text(ward_el, "wardtitle")
        if not ward:
            members.problems.add(f"Ward {w}: <wardtitle> is empty.")
            continue
        for c, element in enumerate(ward_el.findall("./councillors/councillor"), start=1):
            where = f"ward {w} ({name_display(ward)[:60]}), councillor {c}"
            _councillor(members, element, where, ward)
    if not members.records and not members.problems and not members.skipped:
        raise AccordError("The file lists wards but no councillors.")
    return members
