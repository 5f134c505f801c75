"""Committee and Cabinet meetings, their agendas, Members' proposals of items, and decision records with the
officer's professional advice on record (D 2.8-2.11, D 4.4, N 7-13).

States are the protocols' words: an agenda item is proposed to the Chair, on the agenda or removed; a decision
record awaits advice, has the advice on record, has the advice considered, and is decided (N 10).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Committee, Council, Member, Officer


class Meeting(models.Model):
    """A meeting of a committee or of Cabinet (D 2.9): when and where, and the day its agenda is published.

    `uid` and `sequence` are the meeting's iCalendar identity (ADR 0022): the same UID for its whole life,
    the sequence raised with every change of time, place or status."""

    class State(models.TextChoices):
        PLANNED = "planned", "Agenda in preparation"
        PUBLISHED = "published", "Agenda published"
        CANCELLED = "cancelled", "Cancelled"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="meetings")
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=200)
    publication_date = models.DateField(
        help_text="The day the agenda is published; Members' proposals count back from it (D 2.9)."
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.PLANNED)
    published_at = models.DateTimeField(null=True, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="committee_meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False),
                name="meeting_published_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.committee.name}, {self.starts_at:%d %B %Y}"


class AgendaItem(models.Model):
    """One item of a meeting's agenda. An item the Chair cannot remove carries its reason (D 2.9, 2.11)."""

    class State(models.TextChoices):
        PROPOSED = "proposed", "Proposed to the Chair"
        ON_AGENDA = "on-agenda", "On the agenda"
        REMOVED = "removed", "Not on the agenda"

    class Reason(models.TextChoices):
        NONE = "", "The Chair decides"
        LEGAL_PERIOD = "legal-period", "Legally required to be decided within a time period"
        STATUTORY_OFFICER = "statutory-officer", "A statutory officer has a duty to report"
        MEMBERS_PROPOSAL = "members-proposal", "Proposed by Members of the committee in time"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PROPOSED)
    must_add = models.CharField(max_length=30, choices=Reason.choices, blank=True, default="")
    legal_period = models.CharField(
        max_length=200, blank=True, help_text="The period within which it must be decided."
    )
    statutory_role = models.CharField(max_length=60, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    report_author = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(must_add="") | Q(state="on-agenda"), name="agenda_item_must_add_stays"
            ),
            models.CheckConstraint(
                condition=~Q(must_add="legal-period") | ~Q(legal_period=""),
                name="agenda_item_legal_period_named",
            ),
            models.CheckConstraint(
                condition=~Q(must_add="statutory-officer") | ~Q(statutory_role=""),
                name="agenda_item_statutory_role_named",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ItemProposal(models.Model):
    """A relevant item Members of the committee propose be added to the agenda (D 2.9), with their
    signatures; it is made when it is submitted, and is added or refused then."""

    class State(models.TextChoices):
        COLLECTING = "collecting", "Collecting signatures"
        ADDED = "added", "Added to the agenda"
        NOT_RELEVANT = "not-relevant", "Refused: not a relevant item"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="proposals")
    title = models.CharField(max_length=200)
    relevance = models.TextField(help_text="Why the item is relevant to the committee.")
    proposer = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=20, choices=State.choices, default=State.COLLECTING)
    created_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.PROTECT, related_name="proposal"
    )
    refusal = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(state="added") | Q(item__isnull=False, submitted_at__isnull=False),
                name="proposal_added_has_item",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ProposalSignature(models.Model):
    """A Member's co-signature of a proposal, with its time (D 2.9)."""

    proposal = models.ForeignKey(ItemProposal, on_delete=models.PROTECT, related_name="signatures")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField()

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member"], name="proposal_signed_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} signed {self.signed_at:%d %B %Y %H:%M}"


class DecisionRecord(models.Model):
    """A decision of the Leader, the Cabinet, a Cabinet Member or a committee, with the report and the
    appropriate officer's professional advice (D 4.4, N 9-10)."""

    class Maker(models.TextChoices):
        LEADER = "leader", "The Leader"
        CABINET = "cabinet", "The Cabinet"
        CABINET_MEMBER = "cabinet-member", "A Cabinet Member"
        COMMITTEE = "committee", "A committee"

    class State(models.TextChoices):
        AWAITING_ADVICE = "awaiting-advice", "Awaiting the officer's advice"
        ADVICE_ON_RECORD = "advice-on-record", "Advice on record"
        CONSIDERED = "considered", "Advice considered"
        DECIDED = "decided", "Decision taken"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="decisions")
    matter = models.CharField(max_length=200)
    maker = models.CharField(max_length=20, choices=Maker.choices)
    maker_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    maker_committee = models.ForeignKey(
        Committee, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    report = models.TextField()
    advising_officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="decisions_advised"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.AWAITING_ADVICE)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    considered_version = models.PositiveIntegerField(null=True, blank=True)
    considered_at = models.DateTimeField(null=True, blank=True)
    considered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # N 10: a decision is recorded only after its advice was considered, and says by whom.
            models.CheckConstraint(
                condition=~Q(state="decided")
                | Q(
                    considered_version__isnull=False,
                    considered_at__isnull=False,
                    decided_at__isnull=False,
                ),
                name="decision_taken_after_advice_considered",
            ),
            models.CheckConstraint(
                condition=~Q(state="considered")
                | Q(considered_version__isnull=False, considered_at__isnull=False),
                name="decision_considered_has_version",
            ),
            models.CheckConstraint(
                condition=Q(maker__in=["leader", "cabinet-member"], maker_member__isnull=False)
                | Q(maker__in=["cabinet", "committee"], maker_committee__isnull=False),
                name="decision_maker_named",
            ),
        ]

    def __str__(self) -> str:
        return self.matter


class OfficerAdvice(models.Model):
    """One version of the appropriate officer's professional advice on a decision: written once and
    never changed or deleted (D 4.4, N 9). A correction by its author is a new version; both are kept."""

    decision = models.ForeignKey(DecisionRecord, on_delete=models.PROTECT, related_name="advice")
    version = models.PositiveIntegerField()
    author = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="advice_given")
    text = models.TextField()
    correction_reason = models.TextField(blank=True)
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["version"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "version"], name="advice_version_once"),
            models.CheckConstraint(condition=Q(version__gte=1), name="advice_version_positive"),
            models.CheckConstraint(
                condition=Q(version=1) | ~Q(correction_reason=""),
                name="advice_correction_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Advice v{self.version} on {self.decision_id}"


class MeetingEvent(CaseEvent):
    """The history of a meeting and its agenda (D 2.9): append-only, in the council's hash chain."""

    CASE_FIELD = "meeting"
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="meeting_event_seq_once")
        ]


class MeetingChainHead(ChainHead):
    pass


class DecisionEvent(CaseEvent):
    """The history of a decision record (N 10): append-only, in the council's hash chain."""

    CASE_FIELD = "decision"
    decision = models.ForeignKey(DecisionRecord, on_delete=models.PROTECT, related_name="events")

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="decision_event_seq_once")
        ]


class DecisionChainHead(ChainHead):
    pass
