"""The demo councils' postcode data: a few invented postcodes for every ward and division.

The postcode areas "AC" (Ashcombe) and "WX" (Westshire) are not used by Royal Mail, so no demo postcode is
anyone's real address. Each area gets its own outward code, numbered in the order of the spec's areas:
Ashcombe's first ward is AC1, Westshire's first division WX1.
"""

from __future__ import annotations

from accord.councils.models import Area, AreaPostcode, Council

from .specs import CouncilSpec

POSTCODE_AREAS = {"ashcombe": "AC", "westshire": "WX"}
INWARD_CODES = ("1AB", "1AD", "2AF", "2BH", "3BJ")


def demo_postcodes(spec: CouncilSpec) -> dict[str, list[str]]:
    """Each area's demo postcodes, by area name."""
    prefix = POSTCODE_AREAS[spec.slug]
    names = list(dict.fromkeys(name for name, _ in spec.areas))
    return {
        name: [f"{prefix}{number} {inward}" for inward in INWARD_CODES]
        for number, name in enumerate(names, start=1)
    }


def demo_postcodes_load(*, spec: CouncilSpec, council: Council) -> None:
    """Adds the postcodes that are missing; a postcode already held (perhaps moved in the admin) is kept."""
    areas = {a.name: a for a in Area.objects.filter(council=council)}
    held = set(AreaPostcode.objects.filter(council=council).values_list("postcode", flat=True))
    AreaPostcode.objects.bulk_create(
        AreaPostcode(council=council, area=areas[name], postcode=postcode)
        for name, postcodes in demo_postcodes(spec).items()
        if name in areas
        for postcode in postcodes
        if postcode not in held
    )
