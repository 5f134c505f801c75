"""Local matters (D 5.1-5.4, N 20-24): a matter affecting wards or divisions, the Members informed of it,
the consultation responses and the public meeting, and the matter's history.

A matter records its responsible officer and service (D 5.2, N 20), the areas it affects (D 5.3, N 21) and
one receipt per Member per round of informing: who, when, by which channel, under which paragraph and when
they opened it in Accord. Receipts and responses are only ever added; the history keeps the text of every
change.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Area, Council, Member, Officer, Service


class Matter(models.Model):
    class Kind(models.TextChoices):
        """The kinds Accord knows; a profile may list others (`matter.inform-local-members`)."""

        POLICY = "policy", "Policy in its formative stage"
        OPERATIONAL = "operational", "Significant operational matter"
        CONSULTATION = "consultation", "Consultation"
        PUBLIC_MEETING = "public-meeting", "Public meeting"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        STARTED = "started", "Consultation started"
        CANCELLED = "cancelled", "Meeting cancelled"
        CLOSED = "closed", "Closed"

    OPEN_STATES = (State.OPEN, State.STARTED)

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="matters")
    reference = models.CharField(max_length=30)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    kind = models.CharField(max_length=60)
    kind_label = models.CharField(max_length=200)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="matters")
    responsible_officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="matters_responsible"
    )
    whole_council = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    starts_on = models.DateField(
        help_text="When the matter starts: the consultation opens, the meeting is held, the decision "
        "is taken or the work begins. A Member informed after it, or too close to it, was told late."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="matters_recorded"
    )
    recorded_at = models.DateTimeField()
    round = models.PositiveIntegerField(
        default=1,
        help_text="How many times the Members have been informed of it: 1, then each update.",
    )
    profile_key = models.CharField(max_length=100)
    profile_version = models.CharField(max_length=40)
    # A consultation (D 5.4, N 24).
    reply_by = models.DateField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # A public meeting (D 5.4, N 23): iCalendar's UID is derived from the pk; SEQUENCE counts changes.
    meeting_start = models.DateTimeField(null=True, blank=True)
    meeting_end = models.DateTimeField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    ical_sequence = models.PositiveIntegerField(default=0)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "reference"], name="matter_reference_unique"
            ),
            models.CheckConstraint(
                condition=~Q(kind="public-meeting")
                | (Q(meeting_start__isnull=False) & Q(meeting_end__isnull=False)),
                name="matter_meeting_has_times",
            ),
            models.CheckConstraint(
                condition=Q(meeting_end__isnull=True)
                | Q(meeting_end__gte=models.F("meeting_start")),
                name="matter_meeting_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["council", "recorded_at"], name="matter_recorded")]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    @property
    def ical_uid(self) -> str:
        return f"matter-meeting-{self.pk}@{self.council.slug}.accord"


class MatterArea(models.Model):
    """One ward or division a matter affects, and how it was found (chosen, postcode, point, drawn area)."""

    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="matter_areas")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="matter_areas")
    how = models.CharField(max_length=20, default="chosen")
    added_at = models.DateTimeField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["area__name"]
        constraints = [
            models.UniqueConstraint(fields=["matter", "area"], name="matter_area_once"),
        ]

    def __str__(self) -> str:
        return str(self.area)


class Receipt(models.Model):
    """One Member informed of one round of a matter (D 5.3, N 20): the proof of who was told what, when."""

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail and their home page in Accord"
        ACCORD = "accord", "Their home page in Accord (no e-mail address held)"

    class Reason(models.TextChoices):
        RECORDED = "recorded", "The matter was recorded"
        UPDATED = "updated", "The matter was updated"
        AREA_ADDED = "area-added", "Their area was added to the matter"
        OUTSTANDING = "outstanding", "Informed later (not yet informed)"
        MEETING_CHANGED = "meeting-changed", "The meeting's time or place changed"
        MEETING_CANCELLED = "meeting-cancelled", "The meeting was cancelled"

    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="receipts")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="matter_receipts")
    round = models.PositiveIntegerField()
    reason = models.CharField(max_length=20, choices=Reason.choices)
    informed_at = models.DateTimeField()
    channel = models.CharField(max_length=10, choices=Channel.choices)
    citations = models.JSONField(default=list)  # [{"label": "D 5.3", "text": ...}]
    consulted = models.BooleanField(
        default=False, help_text="Asked for their view with a reply-by date (N 24)."
    )
    invited = models.BooleanField(
        default=False, help_text="Invited to the public meeting (D 5.4, N 23)."
    )
    message_key = models.CharField(max_length=200, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["informed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "member", "round", "reason"], name="receipt_once_per_round"
            ),
        ]
        indexes = [models.Index(fields=["member", "matter"], name="receipt_member")]

    def __str__(self) -> str:
        return f"{self.member} informed of {self.matter.reference} ({self.round})"


class ConsultationResponse(models.Model):
    """A local Member's view on a consultation (N 24), kept on the matter; a later view is added, never
    written over."""

    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="responses")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="matter_responses")
    text = models.TextField()
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.member} on {self.matter.reference}"


class MatterEvent(CaseEvent):
    CASE_FIELD = "matter"
    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="matter_event_seq_unique")
        ]


class MatterChainHead(ChainHead):
    pass


class MatterCounter(models.Model):
    """The last reference number given at a council in a year (LM-2026-0001), counted with F()."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="matter_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.council_id} {self.year}: {self.last}"
