"""Asking for advice (D 1.3, D 1.4) and the Monitoring Officer's rulings on the protocol's interpretation
(D 12).

A question goes to the person the protocol names and may be passed up D 1.4's chain; a ruling is written
once and never changed: a later ruling on the same paragraph supersedes it, and both stay on record.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Council, Member, Officer

TEXT_MAX = 5000
PARAGRAPH_MAX = 20


class Question(models.Model):
    """A Member's or an officer's question about the protocol, with the officer who has it now (`holder`)."""

    class State(models.TextChoices):
        ASKED = "asked", "Asked"
        ANSWERED = "answered", "Answered"

    class Step(models.TextChoices):
        MONITORING_OFFICER = "monitoring-officer", "the Monitoring Officer"
        LINE_MANAGER = "line-manager", "the line manager"
        HEAD_OF_SERVICE = "head-of-service", "the Head of Service"
        CHIEF_OFFICER = "chief-officer", "a Chief Officer"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=20, choices=State.choices, default=State.ASKED)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_by_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    asked_by_officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paragraph = models.CharField(
        max_length=PARAGRAPH_MAX, blank=True, help_text="The paragraph asked about, if any."
    )
    question = models.TextField(max_length=TEXT_MAX)
    step = models.CharField(max_length=30, choices=Step.choices)
    holder = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    holders = models.ManyToManyField(Officer, related_name="+", blank=True)
    answer = models.TextField(max_length=TEXT_MAX, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    asked_at = models.DateTimeField()

    class Meta:
        ordering = ["-asked_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answered_at__isnull=True) | Q(answered_at__gte=models.F("asked_at")),
                name="question_answered_after_asked",
            ),
        ]

    def __str__(self) -> str:
        return f"Question {self.pk}"


class QuestionEvent(CaseEvent):
    CASE_FIELD = "question"

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="question_event_seq_once")
        ]


class QuestionChainHead(ChainHead):
    pass


class Ruling(models.Model):
    """The Monitoring Officer's determination of how a paragraph is to be read (D 12). Never updated: a
    later ruling supersedes it (`supersedes`), and the earlier one stays in the history."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    profile = models.CharField(
        max_length=100, help_text="The profile key the paragraph belongs to."
    )
    paragraph = models.CharField(max_length=PARAGRAPH_MAX)
    interpretation = models.TextField(max_length=TEXT_MAX)
    made_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    made_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField()
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="rulings"
    )

    class Meta:
        ordering = ["paragraph", "-made_at", "-id"]

    def __str__(self) -> str:
        return f"Ruling on {self.paragraph} ({self.made_at:%Y-%m-%d})"
