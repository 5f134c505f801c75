"""The county demo council on the `norfolk` profile: divisions and the seven statutory posts of N 4."""

from __future__ import annotations

from accord.councils.models import Committee

from .names import DIVISIONS
from .specs import (
    CHIEF,
    HEAD,
    MANAGER,
    OFFICER,
    CommitteeSpec,
    CouncilSpec,
    GroupSpec,
    OfficerSpec,
    _post,
)

NORFOLK_STATUTORY = (
    ("head-of-paid-service", "Head of Paid Service"),
    (
        "section-151-officer",
        "Executive Director Finance & Commercial Services and Commercial Services "
        "(Section 151 Officer)",
    ),
    ("monitoring-officer", "Director of Governance (Monitoring Officer)"),
    ("childrens-services-director", "Executive Director of Children's Services"),
    ("adult-social-services-director", "Executive Director of Adult Social Services"),
    ("chief-fire-officer", "Chief Fire Officer"),
    ("director-of-public-health", "Director of Public Health (DPH)"),
)
_N4 = dict(NORFOLK_STATUTORY)
CES = "Executive Director of Community and Environmental Services"


def _statutory(title: str, key: str, service: str, manager: str | None) -> OfficerSpec:
    return OfficerSpec(title, CHIEF, service, manager, ((key, _N4[key]),), (service,))


WESTSHIRE = CouncilSpec(
    slug="westshire",
    name="Westshire County Council",
    profile="norfolk",
    area_noun="division",
    email_domain="westshire.example.org",
    areas=tuple((division, 2 if i < 5 else 1) for i, division in enumerate(DIVISIONS)),
    groups=(
        GroupSpec("Shire Alliance Group", True, 19),
        GroupSpec("Progress Group", False, 9),
        GroupSpec("Green Alliance Group", False, 4),
        GroupSpec("Independent Group", False, 3),
    ),
    portfolios=(
        "Finance",
        "Children's Services",
        "Adult Social Care",
        "Highways, Infrastructure and Transport",
        "Environment and Waste",
        "Public Health and Wellbeing",
        "Communities and Fire",
        "Economic Growth",
    ),
    committees=(
        CommitteeSpec("Full Council", Committee.Kind.COUNCIL),
        CommitteeSpec("Cabinet", Committee.Kind.CABINET),
        CommitteeSpec("Scrutiny Committee", Committee.Kind.SCRUTINY, 12),
        CommitteeSpec("People and Communities Select Committee", Committee.Kind.COMMITTEE, 10),
        CommitteeSpec(
            "Infrastructure and Development Select Committee", Committee.Kind.COMMITTEE, 10
        ),
        CommitteeSpec("Corporate Select Committee", Committee.Kind.COMMITTEE, 10),
        CommitteeSpec("Planning (Regulatory) Committee", Committee.Kind.COMMITTEE, 10),
        CommitteeSpec("Audit and Governance Committee", Committee.Kind.COMMITTEE, 8),
    ),
    directorates={
        "Finance and Commercial Services": ("Finance", "Customer Services"),
        "Governance": ("Democratic Services", "Legal Services"),
        "Children's Services": ("Education", "Children's Social Care"),
        "Adult Social Services": ("Adult Social Care", "Commissioning"),
        "Fire and Rescue": ("Fire Prevention",),
        "Public Health": ("Health Improvement",),
        "Community and Environmental Services": ("Highways", "Waste", "Libraries"),
    },
    officers=(
        OfficerSpec(
            "Chief Executive",
            CHIEF,
            None,
            None,
            (("head-of-paid-service", _N4["head-of-paid-service"]),),
        ),
        _statutory(
            "Executive Director Finance & Commercial Services",
            "section-151-officer",
            "Finance and Commercial Services",
            "Chief Executive",
        ),
        _statutory("Director of Governance", "monitoring-officer", "Governance", "Chief Executive"),
        _statutory(
            "Executive Director of Children's Services",
            "childrens-services-director",
            "Children's Services",
            "Chief Executive",
        ),
        _statutory(
            "Executive Director of Adult Social Services",
            "adult-social-services-director",
            "Adult Social Services",
            "Chief Executive",
        ),
        _statutory(
            "Chief Fire Officer", "chief-fire-officer", "Fire and Rescue", "Chief Executive"
        ),
        _statutory(
            "Director of Public Health",
            "director-of-public-health",
            "Public Health",
            "Chief Executive",
        ),
        _post(
            CES,
            CHIEF,
            "Community and Environmental Services",
            "Chief Executive",
            "Community and Environmental Services",
        ),
        _post("Head of Highways", HEAD, "Highways", CES, "Highways"),
        _post("Head of Waste and Libraries", HEAD, "Waste", CES, "Waste", "Libraries"),
        _post(
            "Head of Democratic Services",
            HEAD,
            "Democratic Services",
            "Director of Governance",
            "Democratic Services",
        ),
        _post(
            "Head of Legal Services",
            HEAD,
            "Legal Services",
            "Director of Governance",
            "Legal Services",
        ),
        _post(
            "Head of Finance",
            HEAD,
            "Finance",
            "Executive Director Finance & Commercial Services",
            "Finance",
            "Customer Services",
        ),
        _post(
            "Head of Education",
            HEAD,
            "Education",
            "Executive Director of Children's Services",
            "Education",
            "Children's Social Care",
        ),
        _post(
            "Head of Adult Social Care",
            HEAD,
            "Adult Social Care",
            "Executive Director of Adult Social Services",
            "Adult Social Care",
            "Commissioning",
        ),
        _post(
            "Head of Fire Prevention",
            HEAD,
            "Fire Prevention",
            "Chief Fire Officer",
            "Fire Prevention",
        ),
        _post(
            "Health Improvement Manager",
            MANAGER,
            "Health Improvement",
            "Director of Public Health",
            "Health Improvement",
        ),
        _post("Highways Area Manager", MANAGER, "Highways", "Head of Highways"),
        _post("Highways Engineer", OFFICER, "Highways", "Highways Area Manager"),
        _post("Waste Contracts Officer", OFFICER, "Waste", "Head of Waste and Libraries"),
        _post("Libraries Officer", OFFICER, "Libraries", "Head of Waste and Libraries"),
        _post(
            "Democratic Support Officer",
            OFFICER,
            "Democratic Services",
            "Head of Democratic Services",
        ),
        _post("Solicitor", OFFICER, "Legal Services", "Head of Legal Services"),
        _post("Finance Business Partner", OFFICER, "Finance", "Head of Finance"),
        _post("Customer Services Advisor", OFFICER, "Customer Services", "Head of Finance"),
        _post("School Place Planning Officer", OFFICER, "Education", "Head of Education"),
        _post("Social Worker", OFFICER, "Children's Social Care", "Head of Education"),
        _post("Care Commissioning Officer", OFFICER, "Commissioning", "Head of Adult Social Care"),
        _post("Fire Safety Inspector", OFFICER, "Fire Prevention", "Head of Fire Prevention"),
    ),
    logins={
        "officer": "Highways Engineer",
        "chief": CES,
        "monitoring": "Director of Governance",
        "demservices": "Democratic Support Officer",
    },
)
