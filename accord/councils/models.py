"""The council model: councils and their areas, political groups, Members, committees, services and officers.

Names follow the protocols' own words (D 2, N 4-6, N 18): ward or division, Group Leader, Chief Officer,
Monitoring Officer.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.db.models import Q

from accord.protocol import ProfileError, available_profiles, load_profile


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern-ireland", "Northern Ireland"


class AreaNoun(models.TextChoices):
    WARD = "ward", "ward"
    DIVISION = "division", "division"


def installed_profile_choices() -> list[tuple[str, str]]:
    """The council's profile is one of the installed profiles: [(key, "Title (key)"), ...].

    Installed means shipped with Accord or found in ACCORD_PROFILE_DIRS (`accord protocol list`); a council
    file that does not load is offered by its key alone, so the admin still opens.
    """
    choices = []
    for key in available_profiles():
        try:
            choices.append((key, f"{load_profile(key).title} ({key})"))
        except ProfileError:
            choices.append((key, key))
    return choices


class Council(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    nation = models.CharField(max_length=20, choices=Nation.choices)
    profile = models.CharField(
        max_length=100,
        choices=installed_profile_choices,
        help_text="The protocol profile the council runs: one of the installed profiles "
        "(`accord protocol list`).",
    )
    area_noun = models.CharField(max_length=10, choices=AreaNoun.choices, default=AreaNoun.WARD)
    settings_version = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        help_text="A new value whenever the council's closure days or enquiry settings change; what is "
        "computed from them is kept in memory only as long as this value stays the same.",
    )
    boundaries_version = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        help_text="A new value whenever the council's area boundaries change; a process keeps its "
        "index of the boundaries in memory only while this value stays the same (D 5.3, N 21).",
    )
    calendar_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="The fingerprint of the working-day calendar the open enquiries were last dated by "
        "(bank holidays and closure days); a different one means they must be re-dated (D 6.3).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClosureDay(models.Model):
    """A day the council's offices are closed beyond bank holidays; not a working day for any deadline."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="closure_days")
    date = models.DateField()
    reason = models.CharField(max_length=200, default="Council closure day")

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["council", "date"], name="closure_day_once")]

    def __str__(self) -> str:
        return f"{self.date:%d %B %Y}: {self.reason}"


class Area(models.Model):
    """A ward (district) or an electoral division (county)."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(max_length=200)
    code = models.CharField(max_length=50, blank=True, help_text="ONS or modern.gov identifier.")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["council", "name"], name="area_name_unique")]

    def __str__(self) -> str:
        return self.name


class AreaPostcode(models.Model):
    """A postcode and the ward or division it lies in, so an enquiry's area can be found from a postcode.

    `postcode` is stored normalised (`accord.councils.postcodes.postcode_normalise`): "AC1 2AB". With
    `latitude`/`longitude` (WGS84) the postcode is also a point, which may touch more than one area.
    """

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="postcodes")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="postcodes")
    postcode = models.CharField(max_length=8, help_text="For example AC1 2AB.")
    latitude = models.FloatField(null=True, blank=True, help_text="WGS84 degrees, when known.")
    longitude = models.FloatField(null=True, blank=True, help_text="WGS84 degrees, when known.")

    class Meta:
        ordering = ["postcode"]
        constraints = [
            models.UniqueConstraint(fields=["council", "postcode"], name="area_postcode_unique")
        ]

    def __str__(self) -> str:
        return self.postcode


class AreaBoundary(models.Model):
    """The shape of one ward or division, so a place (a point or a drawn area) finds the areas it affects
    (D 5.3, N 21). `geometry` is a Polygon or MultiPolygon in WGS84 longitude/latitude as WKB; the source
    feature's code and name are kept as the file gave them."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="boundaries")
    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="boundary")
    geometry = models.BinaryField(help_text="WKB, WGS84 (EPSG:4326) longitude/latitude.")
    source_code = models.CharField(max_length=50, blank=True)
    source_name = models.CharField(max_length=200, blank=True)
    imported_at = models.DateTimeField()
    imported_by = models.CharField(
        max_length=200, help_text="Who imported it: the person, or the command line's user."
    )

    class Meta:
        ordering = ["area__name"]

    def __str__(self) -> str:
        return f"Boundary of {self.area_id}"


class PoliticalGroup(models.Model):
    class Status(models.TextChoices):
        ADMINISTRATION = "administration", "Administration"
        OPPOSITION = "opposition", "Opposition"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPPOSITION)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="group_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Committee(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Full Council"
        CABINET = "cabinet", "Cabinet"
        COMMITTEE = "committee", "Committee"
        SCRUTINY = "scrutiny", "Overview and scrutiny committee"
        WORKING_GROUP = "working-group", "Steering / working group"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="committees")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMMITTEE)
    members: models.ManyToManyField[Member, Any] = models.ManyToManyField(
        "Member", blank=True, related_name="committees"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="committee_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    """An elected councillor. A Member with no group sits as an independent."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    group = models.ForeignKey(
        PoliticalGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    areas = models.ManyToManyField(Area, blank=True, related_name="members")
    external_id = models.CharField(
        max_length=50,
        blank=True,
        help_text="The councillor's id in the source system (modern.gov).",
    )
    is_active = models.BooleanField(default=True)
    other_posts = models.TextField(
        blank=True,
        help_text="Posts an import named that are not offices Accord knows (e.g. 'Leader of the "
        "Opposition'), kept as the file gave them, separated by ';'.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "external_id"],
                condition=~Q(external_id=""),
                name="member_external_id_unique",
            )
        ]

    def __str__(self) -> str:
        return f"Cllr {self.name}"


class Office(models.Model):
    """An office a Member holds (D 2.8, N 14): Cabinet Member, Chair of a committee, Group Leader..."""

    class Kind(models.TextChoices):
        LEADER = "leader", "Leader of the Council"
        CABINET_MEMBER = "cabinet-member", "Cabinet Member"
        GROUP_LEADER = "group-leader", "Group Leader"
        GROUP_SPOKESPERSON = "group-spokesperson", "Group Spokesperson"
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice-chair", "Vice-Chair"
        SCRUTINY_CHAIR = "scrutiny-chair", "Scrutiny Chair"
        CHAIR_OF_COUNCIL = "chair-of-council", "Chair of Council"

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="offices")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    portfolio = models.CharField(
        max_length=200, blank=True, help_text="Cabinet portfolio or spokesperson brief."
    )
    committee = models.ForeignKey(
        Committee, null=True, blank=True, on_delete=models.CASCADE, related_name="offices"
    )

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        label = self.get_kind_display()
        if self.committee_id:
            return f"{label}, {self.committee}"
        if self.portfolio:
            return f"{label} for {self.portfolio}"
        return label


class Service(models.Model):
    """A service or directorate. D 6.2: its Head of Service / Service Manager owns its Members' enquiries."""

    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", "Directorate"
        SERVICE = "service", "Service"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    directorate = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )
    head = models.ForeignKey(
        "Officer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services_headed",
        help_text="The Head of Service / Service Manager accountable for the service (D 6.2).",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="service_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Officer(models.Model):
    class Grade(models.TextChoices):
        OFFICER = "officer", "Officer"
        SERVICE_MANAGER = "service-manager", "Service Manager"
        HEAD_OF_SERVICE = "head-of-service", "Head of Service"
        CHIEF_OFFICER = "chief-officer", "Chief Officer"

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="officers")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    job_title = models.CharField(max_length=200)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="officers"
    )
    line_manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    grade = models.CharField(max_length=20, choices=Grade.choices, default=Grade.OFFICER)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.job_title}"


class StatutoryRole(models.Model):
    """A statutory post (D 2.11, N 4). The role keys and titles come from the council's profile."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="statutory_roles")
    role = models.CharField(
        max_length=60, help_text="Key from the profile, e.g. 'monitoring-officer'."
    )
    title = models.CharField(max_length=200)
    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="statutory_roles")

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["council", "role"], name="statutory_role_once")
        ]

    def __str__(self) -> str:
        return f"{self.title}: {self.officer.name}"
