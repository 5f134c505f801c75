"""Members' enquiries (D 6, N 16-17): the case, its history, holding replies, attachments and disputes.

A case records the profile and version it opened under and its computed due date, so revising a protocol never
silently moves an old deadline; a change of closure days is applied to open cases on purpose, with an event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from accord.cases.models import CaseEvent, ChainHead
from accord.core import clock
from accord.councils.models import Area, Council, Member, Officer, Service
from accord.enquiries import invariants


class Category(models.Model):
    """What an enquiry is about; the category's service owns it (D 6.2)."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="enquiry_categories"
    )
    name = models.CharField(max_length=200)
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="enquiry_categories"
    )
    is_service_failure = models.BooleanField(
        default=False,
        help_text="A report of a service failure (e.g. a missed bin): never for the out-of-hours service (D 6.6).",
    )
    is_employment_matter = models.BooleanField(
        default=False,
        help_text="Staff, discipline or HR matters: routed to the Monitoring Officer, not a service (D 4.2, D 2.4).",
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"
        constraints = [
            # Names differ by more than case: "BINS AND RECYCLING" is "Bins and recycling".
            models.UniqueConstraint("council", Lower("name"), name="category_name_unique_any_case")
        ]

    def __str__(self) -> str:
        return self.name


class Enquiry(models.Model):
    class State(models.TextChoices):
        RECEIVED = "received", "Received"
        ASSIGNED = "assigned", "Assigned"
        HOLDING_REPLY_SENT = "holding-reply-sent", "Holding reply sent"
        WAITING_FOR_MEMBER = "waiting-for-member", "Waiting for the Member"
        ANSWERED = "answered", "Answered"
        CLOSED = "closed", "Closed"
        DIVERTED = "diverted", "Diverted"  # to the Corporate Complaints Procedure (D 6.7)
        MONITORING_OFFICER = "monitoring-officer", "With the Monitoring Officer"  # D 4.2, D 2.4

    OPEN_STATES = (
        State.RECEIVED,
        State.ASSIGNED,
        State.HOLDING_REPLY_SENT,
        State.WAITING_FOR_MEMBER,
    )

    class Capacity(models.TextChoices):
        WARD_CASEWORK = "casework", "Casework for a constituent (the Member is the data controller)"
        COUNCIL_BUSINESS = "council-business", "Council business"

    class Urgency(models.TextChoices):
        NORMAL = "normal", "Normal"
        OUT_OF_HOURS = "out-of-hours", "Out of hours: an extremely urgent event"

    class Channel(models.TextChoices):
        """How the enquiry reached the council; anything but Accord itself is logged by democratic services."""

        ACCORD = "accord", "Raised in Accord"
        PHONE = "phone", "By phone"
        LETTER = "letter", "By letter"
        EMAIL = "email", "By e-mail"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="enquiries")
    reference = models.CharField(max_length=30)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="enquiries")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enquiries_raised"
    )
    subject = models.CharField(max_length=200)
    details = models.TextField()
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="enquiries"
    )
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="enquiries")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="enquiries")
    urgency = models.CharField(max_length=20, choices=Urgency.choices, default=Urgency.NORMAL)
    urgency_justification = models.TextField(blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ACCORD)
    capacity = models.CharField(max_length=20, choices=Capacity.choices)
    constituent_name = models.CharField(max_length=200, blank=True)  # personal data
    constituent_contact = models.CharField(max_length=200, blank=True)  # personal data
    constituent_is_employee = models.BooleanField(default=False)  # D 4.2

    state = models.CharField(max_length=30, choices=State.choices, default=State.RECEIVED)
    assigned_to = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="enquiries_assigned"
    )

    # The service level (D 6.3), fixed when the case opens.
    profile_key = models.CharField(max_length=100)
    profile_version = models.CharField(max_length=40)
    received_at = models.DateTimeField()
    working_days = models.PositiveSmallIntegerField()
    day_zero = models.DateField()
    due_date = models.DateField()
    paused_working_days = models.PositiveSmallIntegerField(default=0)
    paused_since = models.DateTimeField(null=True, blank=True)
    clock_started_at = models.DateTimeField(
        null=True, blank=True, help_text="When the current clock started: receipt, or a reopening."
    )
    agreed_due_date = models.DateField(
        null=True,
        blank=True,
        help_text="A timescale agreed with the Member in a holding reply (D 6.3).",
    )

    answered_at = models.DateTimeField(null=True, blank=True)
    answered_month = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="The first day of the month, in London, the case was answered in (kept with "
        "`answered_at` on every save; the KPI report counts by it).",
    )
    answer = models.TextField(blank=True)
    answered_on_time = models.BooleanField(null=True)
    working_days_to_answer = models.PositiveSmallIntegerField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reopen_until = models.DateField(null=True, blank=True)
    chaser_count = models.PositiveIntegerField(default=0)
    escalation_level = models.PositiveSmallIntegerField(default=0)
    member_escalation_level = models.PositiveSmallIntegerField(default=0)  # D 4.3
    complaint_reference = models.CharField(max_length=50, blank=True)  # D 6.7
    personal_data_removed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the retention job removed constituents' personal data from the closed case.",
    )

    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name_plural = "enquiries"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "reference"], name="enquiry_reference_unique"
            ),
            models.CheckConstraint(
                condition=~Q(urgency="out-of-hours") | ~Q(urgency_justification=""),
                name="out_of_hours_needs_justification",
            ),
            *invariants.CONSTRAINTS,
        ]
        indexes = [
            models.Index(fields=["council", "state", "due_date"], name="enquiry_queue"),
            models.Index(fields=["service", "state", "due_date"], name="enquiry_service_queue"),
            models.Index(fields=["assigned_to", "state", "due_date"], name="enquiry_officer_queue"),
            models.Index(fields=["member", "state"], name="enquiry_member"),
            models.Index(fields=["council", "received_at"], name="enquiry_received"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.answered_month = answered_month_of(self.answered_at)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "answered_at" in update_fields:
            kwargs["update_fields"] = [*update_fields, "answered_month"]
        super().save(*args, **kwargs)


def answered_month_of(answered_at: dt.datetime | None) -> dt.date | None:
    """The first day of the month (in London) of an answer; what `Enquiry.answered_month` holds.

    Code that writes enquiries without `save()` (bulk loads) sets it with this function.
    """
    if answered_at is None:
        return None
    return answered_at.astimezone(clock.LONDON).date().replace(day=1)


class EnquiryEvent(CaseEvent):
    """One change on an enquiry's history: who, when, what, and the paragraphs behind it.

    The council's history is one hash chain (`accord.enquiries.chain`). Written once; never updated."""

    CASE_FIELD = "enquiry"

    enquiry = models.ForeignKey(Enquiry, on_delete=models.PROTECT, related_name="events")
    # Set once, by the retention job, when the event's personal text is replaced (ADR 18): the chain then
    # vouches for the event through the hash a later `personal-data-removed` event recorded for it.
    personal_data_removed = models.BooleanField(default=False, db_default=False, editable=False)

    class Meta(CaseEvent.Meta):
        indexes = [models.Index(fields=["enquiry", "at"], name="enquiry_event_order")]
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="enquiry_event_chain_place")
        ]


class HoldingReply(models.Model):
    """D 6.3: the reason a substantive response cannot be given in time, and the timescale proposed to the
    Member. The timescale moves the due date only once the Member (or democratic services for them) accepts
    it in Accord, and never when the holding reply came after the due date."""

    class Decision(models.TextChoices):
        PROPOSED = "proposed", "Proposed, waiting for the Member"
        ACCEPTED = "accepted", "Accepted by the Member"
        DECLINED = "declined", "Declined by the Member"
        SUPERSEDED = "superseded", "Replaced by a later holding reply"

    enquiry = models.ForeignKey(Enquiry, on_delete=models.PROTECT, related_name="holding_replies")
    sent_at = models.DateTimeField()
    sent_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    new_due_date = models.DateField()
    is_late = models.BooleanField(default=False)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PROPOSED)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_note = models.CharField(
        max_length=300, blank=True, help_text="What the Member said with their answer (optional)."
    )

    class Meta:
        ordering = ["sent_at"]

    def __str__(self) -> str:
        return f"Holding reply on {self.enquiry}: new date {self.new_due_date}"

    @property
    def agreed_with_member(self) -> bool:
        return self.decision == self.Decision.ACCEPTED


class BurdenReview(models.Model):
    """D 6.4: an enquiry that would impose a disproportionate burden, raised with the line manager / Head of Service."""

    class State(models.TextChoices):
        RAISED = "raised", "Raised with the line manager / Head of Service"
        REVIEWED = "reviewed", "Reviewed"
        AGREED = "agreed", "Approach agreed with the Member"

    enquiry = models.ForeignKey(Enquiry, on_delete=models.PROTECT, related_name="burden_reviews")
    raised_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField()
    reason = models.TextField()
    reviewer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="burden_reviews")
    state = models.CharField(max_length=20, choices=State.choices, default=State.RAISED)
    review_note = models.TextField(blank=True)
    agreed_approach = models.TextField(blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Burden review on {self.enquiry}: {self.get_state_display()}"


class Attachment(models.Model):
    """A file on a case, stored under MEDIA_ROOT (outside the web root) and served only through access checks."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to="enquiries/%Y/%m/")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return self.name


class SharedWith(models.Model):
    """D 6.5: the answer to an enquiry about another area, shared with that area's Members."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.PROTECT, related_name="shares")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="enquiries_shared")
    shared_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enquiry", "member"], name="share_once")]

    def __str__(self) -> str:
        return f"{self.enquiry} shared with {self.member}"


class InformationDispute(models.Model):
    """N 17: a Chief Officer declines a document; the Member disputes; the Head of Paid Service decides; else Council."""

    class State(models.TextChoices):
        DECLINED = "declined", "Declined by the Chief Officer"
        DISPUTED = "disputed", "Disputed: with the Head of Paid Service"
        RELEASED = "released", "Decided: the Member is entitled"
        UPHELD = "upheld", "Decided: the Member is not entitled"
        REFERRED = "referred", "Referred to the Council"
        COUNCIL_DECIDED = "council-decided", "Decided by the Council"

    council = models.ForeignKey(
        Council, on_delete=models.PROTECT, related_name="information_disputes"
    )
    enquiry = models.ForeignKey(
        Enquiry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="information_disputes",
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="information_disputes"
    )
    document = models.CharField(max_length=300)
    chief_officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    declined_reason = models.TextField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.DECLINED)
    member_grounds = models.TextField(blank=True)
    decision = models.TextField(blank=True)
    history = models.JSONField(
        default=list, blank=True, help_text="Each step: when, who, what, and the paragraph (N 17)."
    )
    created = models.DateTimeField()
    updated = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.document} ({self.get_state_display()})"


class EnquirySettings(models.Model):
    """A council's own settings for Members' enquiries, where its protocol leaves them to the council.

    The district protocol fixes 5 working days (D 6.3); Norfolk's does not fix one, so its council sets it here.
    """

    council = models.OneToOneField(
        Council, on_delete=models.CASCADE, related_name="enquiry_settings"
    )
    # Bounded: each moves a deadline, and the calendar runs to 2100 (D 6.3, N 16).
    response_working_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Leave blank to use the protocol's own deadline (1 to 60 working days).",
    )
    reopen_working_days = models.PositiveSmallIntegerField(
        default=10,
        validators=[MaxValueValidator(60)],
        help_text="How long after an answer the Member may reopen the enquiry for a follow-up "
        "(up to 60 working days).",
    )
    reminder_working_days = models.PositiveSmallIntegerField(
        default=1,
        validators=[MaxValueValidator(20)],
        help_text="Remind the assigned officer this many working days before the due date (up to 20).",
    )
    backdate_limit_working_days = models.PositiveSmallIntegerField(
        default=10,
        help_text="How many working days back democratic services may date an enquiry received by "
        "phone, letter or e-mail and logged later (its deadline counts from when it was received).",
    )
    complaints_contact = models.CharField(
        max_length=200,
        default="the Corporate Complaints team",
        help_text="Where complaints are diverted (D 6.7).",
    )
    retention_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text="How many months after a case is closed constituents' personal data in it is kept "
        "(1 to 240; UK GDPR storage limitation). Leave blank to keep it until a period is set.",
    )

    class Meta:
        verbose_name_plural = "enquiry settings"

    def __str__(self) -> str:
        return f"Enquiry settings for {self.council}"


class ReferenceCounter(models.Model):
    """The last enquiry number a council issued in a year; locked while a new reference is taken."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="reference_counter_once")
        ]

    def __str__(self) -> str:
        return f"{self.council} {self.year}: {self.last}"


class EventChainHead(ChainHead):
    """The last link of a council's enquiry history chain (`accord.enquiries.chain`)."""
