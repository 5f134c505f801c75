"""The two demo councils as data: places, groups, committees, the officer structure and the sign-ins.

A district council on the `district` profile (wards; D 1.4's three Chief Officers, D 2.11's statutory
officers) and a county council on the `norfolk` profile (divisions; the seven statutory posts of N 4).
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.councils.models import Committee, Officer

from .names import WARDS

CHIEF = Officer.Grade.CHIEF_OFFICER
HEAD = Officer.Grade.HEAD_OF_SERVICE
MANAGER = Officer.Grade.SERVICE_MANAGER
OFFICER = Officer.Grade.OFFICER


@dataclass(frozen=True)
class GroupSpec:
    name: str
    administration: bool
    seats: int


@dataclass(frozen=True)
class CommitteeSpec:
    """`size` None: every Member (Full Council) or the Cabinet, by kind."""

    name: str
    kind: str
    size: int | None = None


@dataclass(frozen=True)
class OfficerSpec:
    """One post; `manager` and `service` name another post's title and a service in the same spec."""

    title: str
    grade: str
    service: str | None
    manager: str | None
    roles: tuple[tuple[str, str], ...] = ()
    heads: tuple[str, ...] = ()


@dataclass(frozen=True)
class CouncilSpec:
    slug: str
    name: str
    profile: str
    area_noun: str
    email_domain: str
    areas: tuple[tuple[str, int], ...]
    groups: tuple[GroupSpec, ...]
    portfolios: tuple[str, ...]
    committees: tuple[CommitteeSpec, ...]
    directorates: dict[str, tuple[str, ...]]
    officers: tuple[OfficerSpec, ...]
    logins: dict[str, str]

    @property
    def seats(self) -> int:
        return sum(n for _, n in self.areas)


def _post(
    title: str, grade: str, service: str | None, manager: str | None, *heads: str
) -> OfficerSpec:
    return OfficerSpec(title, grade, service, manager, heads=heads)


ASHCOMBE = CouncilSpec(
    slug="ashcombe",
    name="Ashcombe District Council",
    profile="district",
    area_noun="ward",
    email_domain="ashcombe.example.org",
    areas=tuple((ward, 2) for ward in WARDS),
    groups=(
        GroupSpec("Community First Group", True, 22),
        GroupSpec("Progress Group", False, 12),
        GroupSpec("Green Alliance Group", False, 6),
    ),
    portfolios=(
        "Finance and Resources",
        "Environment and Climate Change",
        "Planning and Growth",
        "Housing and Communities",
        "Health and Wellbeing",
        "Customer and Digital Services",
    ),
    committees=(
        CommitteeSpec("Full Council", Committee.Kind.COUNCIL),
        CommitteeSpec("Cabinet", Committee.Kind.CABINET),
        CommitteeSpec("Planning Committee", Committee.Kind.COMMITTEE, 12),
        CommitteeSpec("Licensing Committee", Committee.Kind.COMMITTEE, 12),
        CommitteeSpec("Audit and Standards Committee", Committee.Kind.COMMITTEE, 8),
        CommitteeSpec("Overview and Scrutiny Committee", Committee.Kind.SCRUTINY, 10),
    ),
    directorates={
        "Corporate Services": (
            "Democratic Services",
            "Legal",
            "Finance",
            "Customer Services",
            "Revenues and Benefits",
        ),
        "Place and Climate Change": (
            "Waste and Recycling",
            "Planning",
            "Housing",
            "Environmental Health",
            "Leisure",
        ),
    },
    officers=(
        OfficerSpec(
            "Chief Executive",
            CHIEF,
            None,
            None,
            (("head-of-paid-service", "Head of Paid Service"),),
        ),
        _post(
            "Deputy Chief Executive",
            CHIEF,
            "Corporate Services",
            "Chief Executive",
            "Corporate Services",
        ),
        _post(
            "Director - Place and Climate Change",
            CHIEF,
            "Place and Climate Change",
            "Chief Executive",
            "Place and Climate Change",
        ),
        OfficerSpec(
            "Head of Legal and Democratic Services",
            HEAD,
            "Legal",
            "Deputy Chief Executive",
            (("monitoring-officer", "Monitoring Officer"),),
            ("Legal", "Democratic Services"),
        ),
        OfficerSpec(
            "Head of Finance",
            HEAD,
            "Finance",
            "Deputy Chief Executive",
            (("section-151-officer", "Section 151 Officer (Chief Finance Officer)"),),
            ("Finance", "Revenues and Benefits"),
        ),
        _post(
            "Head of Customer Services",
            HEAD,
            "Customer Services",
            "Deputy Chief Executive",
            "Customer Services",
        ),
        _post(
            "Head of Environment",
            HEAD,
            "Waste and Recycling",
            "Director - Place and Climate Change",
            "Waste and Recycling",
            "Environmental Health",
        ),
        _post(
            "Head of Planning and Housing",
            HEAD,
            "Planning",
            "Director - Place and Climate Change",
            "Planning",
            "Housing",
        ),
        _post("Head of Leisure", HEAD, "Leisure", "Director - Place and Climate Change", "Leisure"),
        _post("Waste and Recycling Manager", MANAGER, "Waste and Recycling", "Head of Environment"),
        _post(
            "Environmental Health Manager", MANAGER, "Environmental Health", "Head of Environment"
        ),
        _post(
            "Development Management Manager", MANAGER, "Planning", "Head of Planning and Housing"
        ),
        _post("Housing Services Manager", MANAGER, "Housing", "Head of Planning and Housing"),
        _post("Leisure Services Manager", MANAGER, "Leisure", "Head of Leisure"),
        _post(
            "Democratic Services Manager",
            MANAGER,
            "Democratic Services",
            "Head of Legal and Democratic Services",
        ),
        _post("Legal Services Manager", MANAGER, "Legal", "Head of Legal and Democratic Services"),
        _post("Finance Manager", MANAGER, "Finance", "Head of Finance"),
        _post("Revenues and Benefits Manager", MANAGER, "Revenues and Benefits", "Head of Finance"),
        _post(
            "Customer Services Manager", MANAGER, "Customer Services", "Head of Customer Services"
        ),
        _post(
            "Waste and Recycling Officer",
            OFFICER,
            "Waste and Recycling",
            "Waste and Recycling Manager",
        ),
        _post("Recycling Advisor", OFFICER, "Waste and Recycling", "Waste and Recycling Manager"),
        _post(
            "Environmental Health Officer",
            OFFICER,
            "Environmental Health",
            "Environmental Health Manager",
        ),
        _post("Senior Planning Officer", OFFICER, "Planning", "Development Management Manager"),
        _post("Planning Officer", OFFICER, "Planning", "Development Management Manager"),
        _post("Housing Officer", OFFICER, "Housing", "Housing Services Manager"),
        _post("Leisure Development Officer", OFFICER, "Leisure", "Leisure Services Manager"),
        _post(
            "Democratic Services Officer",
            OFFICER,
            "Democratic Services",
            "Democratic Services Manager",
        ),
        _post("Committee Officer", OFFICER, "Democratic Services", "Democratic Services Manager"),
        _post("Solicitor", OFFICER, "Legal", "Legal Services Manager"),
        _post("Accountant", OFFICER, "Finance", "Finance Manager"),
        _post(
            "Benefits Officer", OFFICER, "Revenues and Benefits", "Revenues and Benefits Manager"
        ),
        _post(
            "Customer Services Advisor", OFFICER, "Customer Services", "Customer Services Manager"
        ),
    ),
    logins={
        "officer": "Waste and Recycling Officer",
        "chief": "Director - Place and Climate Change",
        "monitoring": "Head of Legal and Democratic Services",
        "demservices": "Democratic Services Officer",
    },
)
