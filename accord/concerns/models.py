"""Concerns when things go wrong (D 11, N 3): who raised one, whom it is about, whom the procedure sends it
to, the informal meeting of D 11.3 and the append-only history.

A concern is the most private record Accord keeps: `accord.concerns.access` decides who sees it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Council, Member, Officer

SUMMARY_MAX = 200
DETAILS_MAX = 5000
PLACE_MAX = 200


class Concern(models.Model):
    """One concern or difficulty, routed when raised to the person its procedure names (`handler`)."""

    class Kind(models.TextChoices):
        DIFFICULTY = "difficulty", "An officer's difficulty with a Member"
        ABOUT_OFFICER = "about-officer", "A concern about an officer"
        ABOUT_MEMBER = "about-member", "A concern about a Member"
        WHISTLEBLOWING = "whistleblowing", "Potential unlawful conduct (whistle-blowing)"

    class State(models.TextChoices):
        RAISED = "raised", "Raised"
        MEETING_ARRANGED = "meeting-arranged", "Informal meeting arranged"
        RESOLVED = "resolved", "Resolved informally"
        FORMAL_COMPLAINT = "formal-complaint", "Formal Member complaint"
        DISCIPLINARY = "disciplinary-procedure", "Disciplinary Procedure invoked"
        WITHDRAWN = "withdrawn", "Withdrawn"

    OPEN_STATES = (State.RAISED, State.MEETING_ARRANGED)

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    state = models.CharField(max_length=30, choices=State.choices, default=State.RAISED)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_by_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_by_officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    about_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    about_officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handler = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The person the procedure sends the concern to (never the person it is about).",
    )
    route = models.CharField(max_length=300, help_text="Why it went to the handler, in words.")
    route_citations = models.JSONField(default=list)
    summary = models.CharField(max_length=SUMMARY_MAX)
    details = models.TextField(max_length=DETAILS_MAX)
    profile_version = models.CharField(max_length=40)
    raised_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(about_member__isnull=True, about_officer__isnull=False)
                | Q(about_member__isnull=False, about_officer__isnull=True),
                name="concern_about_one_person",
            ),
            models.CheckConstraint(
                condition=Q(about_officer__isnull=True) | ~Q(about_officer=models.F("handler")),
                name="concern_never_to_its_subject",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(closed_at__gte=models.F("raised_at")),
                name="concern_closed_after_raised",
            ),
        ]

    def __str__(self) -> str:
        return f"Concern {self.pk}: {self.summary}"

    @property
    def about(self) -> Member | Officer:
        person = self.about_member or self.about_officer
        assert person is not None
        return person

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES


class InformalMeeting(models.Model):
    """The informal meeting of D 11.3; each change sends the same invitation with a higher `sequence`."""

    concern = models.OneToOneField(Concern, on_delete=models.PROTECT, related_name="meeting")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=PLACE_MAX)
    audit_chair_invited = models.BooleanField(default=False)
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="concern_meeting_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"Informal meeting {self.starts_at:%Y-%m-%d %H:%M}"


class MeetingInvitee(models.Model):
    """One person invited to the informal meeting (D 11.3): once invited they see the meeting and its outcome
    (never the concern's details or history)."""

    meeting = models.ForeignKey(InformalMeeting, on_delete=models.PROTECT, related_name="invitees")
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    invited_as = models.CharField(max_length=100)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=True, officer__isnull=False)
                | Q(member__isnull=False, officer__isnull=True),
                name="invitee_one_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.invited_as})"

    @property
    def person(self) -> Member | Officer:
        person = self.member or self.officer
        assert person is not None
        return person


class ConcernEvent(CaseEvent):
    CASE_FIELD = "concern"

    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="concern_event_seq_once")
        ]


class ConcernChainHead(ChainHead):
    pass
