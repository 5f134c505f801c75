"""UK postcodes in one stored form, so a postcode typed any way finds the same area.

The stored form is upper case with a single space before the inward code (the last three characters):
"ac1 2ab", "AC12AB" and " AC1  2AB " are all "AC1 2AB". The check is the postcode's shape (an outward
code of A9, A99, A9A, AA9, AA99 or AA9A, then 9AA), plus the special GIR 0AA: it catches a mistyped or
partial postcode, not one that happens not to exist.
"""

from __future__ import annotations

import re

from accord.core.errors import AccordError

_SHAPE = re.compile(r"^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$")
EXAMPLE = "SW1A 2AA"


def postcode_normalise(value: str) -> str:
    """The stored form of `value`, or an AccordError naming what was given."""
    shown = " ".join(value.split())
    if not shown:
        raise AccordError("Enter a postcode", field="postcode")
    compact = shown.replace(" ", "").upper()
    if not (shown.isascii() and _SHAPE.match(compact)):
        if len(shown) > 20:
            shown = f"{shown[:20]}..."
        raise AccordError(
            f"'{shown}' is not a full UK postcode: enter it like {EXAMPLE}", field="postcode"
        )
    return f"{compact[:-3]} {compact[-3:]}"
