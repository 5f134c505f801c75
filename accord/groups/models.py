"""Officers at political group meetings (D 7, N 18-19) and confidential briefings (N 14-15).

A group meeting's conclusions are never Council decisions (D 7.1, N 18): nothing here records one. The
group's own notes are its own; what an officer gives (advice, information) is kept apart from them, so the
advice can be offered to other groups (D 7.4(b)(v)) or shown to the officer advising another group on the
same subject (N 19(g)) without any group's views going with it (D 7.3, N 19(h)).
"""

from __future__ import annotations

import re

from django.db import models

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Council, Member, Officer, PoliticalGroup


def subject_key(subject: str) -> str:
    """The subject as compared for "the same subject" (N 19(d), (g)): lower case, letters and digits only,
    single spaces. "Local Plan: housing sites" and "local plan housing sites" are the same subject."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", subject.lower()).split())[:200]


class GroupMeeting(models.Model):
    """A group's request for an officer at one of its meetings, and what became of it."""

    class State(models.TextChoices):
        REQUESTED = "requested", "Requested"
        AGREED = "agreed", "Officer attending"
        REFUSED = "refused", "Refused by the Chief Officer"
        DECLINED = "declined", "Declined by the officer"
        ADVISED = "advised", "Advice recorded"
        WITHDRAWN = "withdrawn", "Withdrawn by the group"

    OPEN_STATES = (State.REQUESTED, State.AGREED)

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="group_meetings")
    group = models.ForeignKey(PoliticalGroup, on_delete=models.PROTECT, related_name="meetings")
    requested_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    meeting_date = models.DateField()
    place = models.CharField(max_length=200)
    subject = models.CharField(
        max_length=200, help_text="The Council business the group wants advice on (D 7.2)."
    )
    subject_key = models.CharField(max_length=200, db_index=True, editable=False)
    chief_officer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The Chief Officer the request goes through (D 7.4(a)) or who is invited (N 19(e)).",
    )
    officer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The officer asked to attend: the Chief Officer or their nominee (N 19(e)).",
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.REQUESTED)
    profile = models.CharField(max_length=100, help_text="The profile the request was made under.")
    created_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    advice = models.TextField(
        blank=True, help_text="The officer's factual or professional advice (N 19(f), D 7.4(b)(i))."
    )
    advice_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-meeting_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="advised") | ~models.Q(advice=""),
                name="group_meeting_advised_has_advice",
            )
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.subject} ({self.meeting_date:%d %B %Y})"

    def save(self, *args: object, **kwargs: object) -> None:
        self.subject_key = subject_key(self.subject)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class GroupNote(models.Model):
    """The group's own note or minute of a meeting: seen by the group's Members only (D 7.3, N 19(h)).

    A minute of the officer's advice is also shown to that officer, to verify (N 19(i)). Notes are added,
    never edited or deleted; a correction is a new note."""

    class Kind(models.TextChoices):
        NOTE = "note", "Group's note"
        ADVICE_MINUTE = "advice-minute", "Minute of the officer's advice"

    meeting = models.ForeignKey(GroupMeeting, on_delete=models.PROTECT, related_name="notes")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NOTE)
    text = models.TextField()
    written_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    verified_at = models.DateTimeField(null=True, blank=True)
    verification = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class GroupMeetingEvent(CaseEvent):
    CASE_FIELD = "meeting"
    meeting = models.ForeignKey(GroupMeeting, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="group_meeting_event_seq")
        ]


class GroupMeetingChainHead(ChainHead):
    pass


class Briefing(models.Model):
    """A Member's request for a briefing from a Chief Officer or head of unit (N 14), or for information
    that is not confidential and so is offered to the other groups (N 15)."""

    class State(models.TextChoices):
        AWAITING_AGREEMENT = "awaiting-agreement", "Awaiting the Group Leader's agreement"
        REQUESTED = "requested", "Requested"
        GIVEN = "given", "Given"
        DECLINED = "declined", "Declined"
        NOT_AGREED = "not-agreed", "Not agreed by the Group Leader"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="briefings")
    requester = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="briefings")
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="briefings")
    subject = models.CharField(max_length=200)
    details = models.TextField(blank=True)
    confidential = models.BooleanField(
        default=True,
        help_text="A private and confidential briefing (N 14); else information (N 15).",
    )
    decision_pending = models.BooleanField(
        default=False,
        help_text="The Member says the matter awaits a decision of a Council body: flagged (N 14).",
    )
    requester_office = models.CharField(max_length=200, blank=True)
    agreed_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=State.choices)
    information = models.TextField(blank=True)
    given_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    profile = models.CharField(max_length=100)
    permitted: models.ManyToManyField[Member, BriefingPermission] = models.ManyToManyField(
        Member, through="BriefingPermission", related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject


class BriefingPermission(models.Model):
    """A Member the requester permitted to see the briefing (N 14); kept, never removed silently."""

    briefing = models.ForeignKey(Briefing, on_delete=models.PROTECT, related_name="permissions")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["briefing", "member"], name="briefing_permission_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} may see {self.briefing_id}"


class BriefingView(models.Model):
    """One view of a briefing, shown to its requester (N 14)."""

    briefing = models.ForeignKey(Briefing, on_delete=models.PROTECT, related_name="views")
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    channel = models.CharField(max_length=10, default="web")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.briefing_id} viewed {self.at:%Y-%m-%d %H:%M}"


class BriefingEvent(CaseEvent):
    CASE_FIELD = "briefing"
    briefing = models.ForeignKey(Briefing, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="briefing_event_seq")
        ]


class BriefingChainHead(ChainHead):
    pass


class ParityOffer(models.Model):
    """The same information offered to another group: advice given at a group meeting (D 7.4(b)(v)) or
    information given to an office holder (N 15). Names neither the group it was given to nor its views."""

    class State(models.TextChoices):
        OFFERED = "offered", "Offered"
        TAKEN_UP = "taken-up", "Taken up"
        DECLINED = "declined", "Declined"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey(PoliticalGroup, on_delete=models.PROTECT, related_name="offers")
    meeting = models.ForeignKey(
        GroupMeeting, null=True, blank=True, on_delete=models.PROTECT, related_name="offers"
    )
    briefing = models.ForeignKey(
        Briefing, null=True, blank=True, on_delete=models.PROTECT, related_name="offers"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.OFFERED)
    offered_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-offered_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting__isnull=False, briefing__isnull=True)
                | models.Q(meeting__isnull=True, briefing__isnull=False),
                name="parity_offer_one_source",
            ),
            models.UniqueConstraint(fields=["group", "meeting"], name="parity_offer_meeting_once"),
            models.UniqueConstraint(
                fields=["group", "briefing"], name="parity_offer_briefing_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Offer {self.pk} to {self.group_id}: {self.state}"

    @property
    def subject(self) -> str:
        return self.meeting.subject if self.meeting else self.briefing.subject  # type: ignore[union-attr]

    @property
    def information(self) -> str:
        return self.meeting.advice if self.meeting else self.briefing.information  # type: ignore[union-attr]

    @property
    def officer(self) -> Officer:
        return self.meeting.officer if self.meeting else self.briefing.officer  # type: ignore[union-attr]
