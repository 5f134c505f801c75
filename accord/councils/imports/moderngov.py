"""Members from a modern.gov `GetCouncillorsByWard` XML file.

The shape: <councillorsbyward><wards><ward><wardtitle/><councillors><councillor><councillorid/>
<fullusername/><politicalgrouptitle/>... A councillor listed under several wards represents each of them.
Elements Accord does not use (photos, addresses other than email, keyposts) are ignored.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from accord.core.errors import AccordError

from .records import MemberRecord, check_row_count, check_size

_TITLE = re.compile(r"^(councillor|cllr\.?)\s+", re.IGNORECASE)
_NONE = {"", "none", "n/a"}


def _text(element: Element | None, tag: str) -> str:
    child = element.find(tag) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _parse(data: bytes) -> Element:
    try:
        return fromstring(data)
    except ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        raise AccordError(
            f"The file is not well-formed XML (line {line}, column {column})."
        ) from exc
    except DefusedXmlException as exc:
        raise AccordError(
            "The file declares XML entities or a DTD, which are not accepted for safety."
        ) from exc


def _councillor(element: Element, where: str, ward: str) -> MemberRecord:
    name = _TITLE.sub("", _text(element, "fullusername"))
    if not name:
        raise AccordError(f"{where}: <fullusername> is empty.")
    email = _text(element, "email")
    for address in ("workaddress", "homeaddress"):
        email = email or _text(element.find(address), "email")
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise AccordError(f"{where}: <email> '{email}' is not a valid email address.") from exc
    group = _text(element, "politicalgrouptitle")
    if group.lower() in _NONE:
        group = _text(element, "politicalpartytitle")
    if group.lower() in _NONE:
        group = ""
    return MemberRecord(
        source=where,
        name=name,
        email=email,
        group=group,
        areas=[ward],
        external_id=_text(element, "councillorid"),
    )


def records_from_moderngov(data: bytes) -> list[MemberRecord]:
    """Parses and checks the whole file; a problem raises an AccordError naming the ward and councillor."""
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
    by_key: dict[str, MemberRecord] = {}
    for w, ward_el in enumerate(wards, start=1):
        ward = _text(ward_el, "wardtitle")
        if not ward:
            raise AccordError(f"ward {w}: <wardtitle> is empty.")
        for c, element in enumerate(ward_el.findall("./councillors/councillor"), start=1):
            where = f"ward {w} ({ward}), councillor {c}"
            record = _councillor(element, where, ward)
            earlier = by_key.get(record.key)
            if earlier is None:
                by_key[record.key] = record
                continue
            if ward in earlier.areas:
                raise AccordError(
                    f"{where} repeats {earlier.source.split(', ', 1)[1]} of the same ward "
                    f"({record.name})."
                )
            if earlier.name != record.name:
                raise AccordError(
                    f"{where}: <councillorid> {record.external_id} is '{record.name}' here "
                    f"but '{earlier.name}' at {earlier.source}."
                )
            earlier.areas.append(ward)
    if not by_key:
        raise AccordError("The file lists wards but no councillors.")
    return list(by_key.values())
