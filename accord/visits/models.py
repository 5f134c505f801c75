"""Premises visits (N 25-27) and appointments with officers (D 4.7): the register, the cases and their history.

A visit records the decision the profile's rules gave when it was requested (its message and citations), the
profile's version, and, where someone must give permission, only the SHA-256 of the link sent to them with its
expiry and the moment it was used: the link is single-use and the token itself is never stored. An appointment
keeps its iCalendar UID and SEQUENCE, so each change reaches both calendars as an update of the one entry.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Area, Committee, Council, Member, Officer
from accord.visits import invariants


class Premises(models.Model):
    """One of the council's premises, in its register: where it is (its division found from the postcode),
    what it is and on what terms the council holds it (N 25-27)."""

    class Kind(models.TextChoices):
        OFFICE = "office", "Office"
        LIBRARY = "library", "Library"
        CARE_HOME = "care-home", "Care home"
        RESIDENTIAL = "residential", "Other residential establishment"
        SCHOOL = "school", "School"
        ACADEMY = "academy", "Academy"
        DEPOT = "depot", "Depot"
        OTHER = "other", "Other"

    class Tenure(models.TextChoices):
        OWNED = "owned", "Owned by the Council"
        LEASED = "leased", "Leased by the Council"
        LET = "let", "Owned by the Council but let to or occupied by others"
        COMPANY = "company", "Operated by a company in which the Council has an interest"
        NOT_HELD = "not-held", "Not owned or leased by the Council"

    RESIDENTIAL_KINDS = (Kind.CARE_HOME, Kind.RESIDENTIAL)

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="premises")
    name = models.CharField(max_length=200)
    address = models.CharField(max_length=300)
    postcode = models.CharField(max_length=8)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="premises")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    tenure = models.CharField(max_length=20, choices=Tenure.choices)
    manager_name = models.CharField(
        "Local manager or head teacher",
        max_length=200,
        help_text="Who agrees a visit (N 25, N 26).",
    )
    manager_email = models.EmailField("Their e-mail address", max_length=254)
    cabinet_member = models.ForeignKey(
        Member,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The relevant Cabinet Member, informed of a visit from outside the division (N 26).",
    )
    committee = models.ForeignKey(
        Committee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The relevant committee, whose Chair is informed of such a visit (N 26).",
    )
    added_at = models.DateTimeField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name_plural = "premises"

    def __str__(self) -> str:
        return self.name


class Visit(models.Model):
    """A Member's request to visit premises, decided by the council's profile when it is made (N 25-27)."""

    class State(models.TextChoices):
        REQUESTED = "requested", "Waiting for permission"
        AGREED = "agreed", "Agreed"
        REFUSED = "refused", "Permission refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Purpose(models.TextChoices):
        DUTIES = "duties", "Part of my duties as a Member of the Council"
        PERSONAL = "personal", "A personal or employment need"
        GOVERNOR = "governor", "As a governor or trustee"
        UNRELATED = "unrelated", "Unrelated to my duties as a Member"

    class Permission(models.TextChoices):
        NONE = "", "None needed"
        LOCAL_MANAGER = "local-manager", "The local manager"
        HEAD_TEACHER = "head-teacher", "The head teacher"
        COMPANY = "company", "The company"

    OPEN_STATES = (State.REQUESTED, State.AGREED)

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="visits")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="visits")
    premises = models.ForeignKey(Premises, on_delete=models.PROTECT, related_name="visits")
    visit_on = models.DateField()
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    details = models.TextField(max_length=2000, blank=True)
    state = models.CharField(max_length=20, choices=State.choices)
    permission_from = models.CharField(
        max_length=20, choices=Permission.choices, blank=True, default=""
    )
    outside_division = models.BooleanField(default=False)
    decision = models.TextField()
    citations = models.JSONField(default=list)
    profile = models.CharField(max_length=50)
    profile_version = models.DateField()
    safety_acknowledged_at = models.DateTimeField()
    # The permission link: only its SHA-256 is kept; single use (used_at) and expiring.
    link_hash = models.CharField(max_length=64, blank=True, default="")
    link_expires_at = models.DateTimeField(null=True, blank=True)
    link_used_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(max_length=2000, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-visit_on", "-id"]
        constraints = invariants.VISIT_CONSTRAINTS
        indexes = [models.Index(fields=["link_hash"], name="visit_link_hash")]

    def __str__(self) -> str:
        return f"Visit {self.pk} to {self.premises}"

    @property
    def reference(self) -> str:
        return f"V{self.pk}"


class VisitEvent(CaseEvent):
    """One change on a visit's history (append-only, in its council's hash chain)."""

    CASE_FIELD = "visit"

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="visit_event_chain_place")
        ]


class VisitChainHead(ChainHead):
    """The last link of a council's visit history chain."""


class Appointment(models.Model):
    """A meeting a Member books with an officer (D 4.7): the officer confirms it or proposes another time.

    `uid` and `sequence` are the meeting's iCalendar identity: every change raises `sequence` in the same
    locked transaction, so both calendars update the one entry."""

    class State(models.TextChoices):
        REQUESTED = "requested", "Waiting for the officer"
        COUNTERED = "countered", "Another time proposed"
        CONFIRMED = "confirmed", "Confirmed"
        CANCELLED = "cancelled", "Cancelled"

    class Mode(models.TextChoices):
        IN_PERSON = "in-person", "In person"
        ONLINE = "online", "Online"

    OPEN_STATES = (State.REQUESTED, State.COUNTERED, State.CONFIRMED)

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="appointments")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="appointments")
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="appointments")
    subject = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    mode = models.CharField(max_length=20, choices=Mode.choices)
    location = models.CharField(max_length=200, blank=True)
    meeting_link = models.URLField(max_length=500, blank=True)
    state = models.CharField(max_length=20, choices=State.choices)
    uid = models.CharField(max_length=200, unique=True)
    sequence = models.PositiveIntegerField(default=0)
    was_confirmed = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-starts_at", "-id"]
        constraints = invariants.APPOINTMENT_CONSTRAINTS

    def __str__(self) -> str:
        return f"Appointment {self.pk}: {self.subject}"

    @property
    def reference(self) -> str:
        return f"A{self.pk}"


class AppointmentEvent(CaseEvent):
    """One change on an appointment's history (append-only, in its council's hash chain)."""

    CASE_FIELD = "appointment"

    appointment = models.ForeignKey(Appointment, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="appointment_event_chain_place")
        ]


class AppointmentChainHead(ChainHead):
    """The last link of a council's appointment history chain."""
