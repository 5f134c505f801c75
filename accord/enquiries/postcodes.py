"""The area an enquiry concerns, chosen or looked up from a postcode: one set of rules for the raise page
and the API.

The area decides whose ward or division an enquiry is about, and so whose Members are told of the answer
(D 6.5). Only the council's own postcode data is read.
"""

from __future__ import annotations

from accord.core.errors import AccordError
from accord.councils.models import Area, Council
from accord.councils.postcodes import postcode_normalise
from accord.councils.selectors import area_for_postcode

POSTCODE_INPUT_MAX_LENGTH = 20  # a postcode as typed, spaces and all


def enquiry_area_resolve(*, council: Council, area: Area | None, postcode: str) -> Area | None:
    """`area` when no postcode is given; otherwise the council's area for the postcode, which must agree
    with `area` when both are given. Refusals are AccordErrors on the field "postcode" naming the
    postcode: malformed, not in the council's data, or in another area than the one chosen."""
    if not postcode.strip():
        return area
    normalised = postcode_normalise(postcode)
    found = area_for_postcode(council, normalised)
    noun = council.area_noun
    if found is None:
        raise AccordError(
            f"We could not find {normalised} in {council.name}'s {noun} data: "
            f"choose the {noun} instead",
            field="postcode",
        )
    if area is not None and area.pk != found.pk:
        raise AccordError(
            f"{normalised} is in the {found.name} {noun}, not {area.name}: which is right? "
            f"Correct the postcode, or choose {found.name}",
            field="postcode",
        )
    return found
