"""Correspondence in the Council's name, press enquiries, publicity and the pre-election period (D 8, D 10).

Every case keeps an append-only history (`accord.cases`), one hash chain per council for all three kinds
(`CommsEvent`): who did what, when, the paragraphs behind it and the text of the change. A case's text is
written once; nothing disclosable is overwritten (D 8.3).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from accord.cases.models import CaseEvent, ChainHead
from accord.councils.models import Council, Member, Officer, PoliticalGroup, Service


class PreElectionPeriod(models.Model):
    """A pre-election period of the council calendar (D 10.4): from the notice of election to polling day,
    both days included, for one election. The Members standing are those whose publicity is held."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="pre_election_periods"
    )
    election = models.CharField(max_length=200, help_text="For example: District elections 2027.")
    notice_of_election = models.DateField(help_text="The first day of the period.")
    polling_day = models.DateField(help_text="The last day of the period.")
    standing = models.ManyToManyField(Member, blank=True, related_name="+")

    class Meta:
        ordering = ["notice_of_election"]
        constraints = [
            models.CheckConstraint(
                condition=Q(notice_of_election__lte=F("polling_day")),
                name="pre_election_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.election}: {self.notice_of_election:%-d %B %Y} to {self.polling_day:%-d %B %Y}"
        )


class CommsSettings(models.Model):
    """Who answers for the Council: the service that is the Communications Team (D 10.3, D 10.7). A
    council that names none has democratic services act as the team."""

    council = models.OneToOneField(Council, on_delete=models.CASCADE, related_name="comms_settings")
    communications_service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Communications settings of {self.council}"


class Correspondence(models.Model):
    """A letter or e-mail drafted in Accord, and in whose name it goes (D 8.2, D 8.4)."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        ADVICE_REQUESTED = "advice-requested", "Waiting for an officer's advice"
        SENT = "sent", "Sent"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class SignedAs(models.TextChoices):
        OFFICER = "officer", "In an officer's name, for the Council"
        MEMBER = "member", "In a Member's own name"

    class Basis(models.TextChoices):
        COUNCIL = "council", "Council business, in an officer's name"
        LOCAL_MATTER = "local-matter", "To a constituent about a local matter (local Member)"
        PORTFOLIO = "portfolio", "About the Leader's or a Cabinet Member's area of responsibility"

    class Audience(models.TextChoices):
        INTENDED = "intended", "The intended recipients only"
        ALL_MEMBERS = "all-members", "Every Member of the council"
        GROUP = "group", "Every Member of one political group"

    OPEN_STATES = (State.DRAFT, State.ADVICE_REQUESTED)

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20)
    subject = models.CharField(max_length=200)
    body = models.TextField(max_length=20000)
    recipients = models.CharField(
        max_length=500, blank=True, help_text="The intended recipients, as the letter names them."
    )
    signed_as = models.CharField(max_length=10, choices=SignedAs.choices)
    basis = models.CharField(max_length=20, choices=Basis.choices, default=Basis.COUNCIL)
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    on_behalf_of_council = models.BooleanField(
        default=False,
        help_text="It creates legal obligations or gives instructions on behalf of the Council (D 8.4).",
    )
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.INTENDED)
    audience_group = models.ForeignKey(
        PoliticalGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    audience_reason = models.TextField(max_length=2000, blank=True)
    no_political_comment = models.BooleanField(default=False)
    advice_question = models.TextField(max_length=4000, blank=True)
    advice_from = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    advice = models.TextField(max_length=8000, blank=True)
    advised_at = models.DateTimeField(null=True, blank=True)
    drafted_in_pre_election = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "correspondence"
        constraints = [
            models.UniqueConstraint(fields=["council", "reference"], name="correspondence_ref"),
            # D 8.4: never in a Member's name when it binds or instructs on behalf of the Council.
            models.CheckConstraint(
                condition=~Q(signed_as="member", on_behalf_of_council=True),
                name="correspondence_obligations_not_in_member_name",
            ),
            # D 8.1: a message to every Member, or to a whole group, records its reason.
            models.CheckConstraint(
                condition=Q(audience="intended") | ~Q(audience_reason=""),
                name="correspondence_wide_audience_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    @property
    def signatory(self) -> str:
        person = self.member if self.signed_as == self.SignedAs.MEMBER else self.officer
        return str(person.name) if person is not None else ""


class PressEnquiry(models.Model):
    """A press enquiry, logged by whoever received it and answered by the Communications Team (D 10.7)."""

    class State(models.TextChoices):
        WITH_COMMUNICATIONS = "with-communications", "With the Communications Team"
        ANSWERED = "answered", "Answered on behalf of the Council"
        CLOSED = "closed", "Closed without a response"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20)
    outlet = models.CharField(max_length=200, help_text="The newspaper, broadcaster or website.")
    journalist = models.CharField(max_length=200)
    contact = models.CharField(max_length=200, blank=True)
    question = models.TextField(max_length=8000)
    journalist_deadline = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField()
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        max_length=20, choices=State.choices, default=State.WITH_COMMUNICATIONS
    )
    response = models.TextField(max_length=8000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name_plural = "press enquiries"
        constraints = [
            models.UniqueConstraint(fields=["council", "reference"], name="press_enquiry_ref"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.outlet}"


class PublicityRequest(models.Model):
    """Council publicity asked of the Communications Team, reviewed against the Code of Recommended
    Practice on Local Authority Publicity 2011 (D 10.3-10.6); held in a pre-election period when it
    features a Member standing for election (D 10.4)."""

    class State(models.TextChoices):
        REQUESTED = "requested", "Waiting for the Communications Team"
        HELD = "held", "Held for review: pre-election period"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Channel(models.TextChoices):
        PRESS_RELEASE = "press-release", "Press release"
        WEBSITE = "website", "The Council's website"
        SOCIAL_MEDIA = "social-media", "The Council's social media"
        NEWSLETTER = "newsletter", "The Council's newsletter or magazine"

    class Capacity(models.TextChoices):
        COUNCIL = "council", "Council business"
        PARTY_OR_PERSONAL = "party-or-personal", "A Member's party or personal publicity"

    OPEN_STATES = (State.REQUESTED, State.HELD)

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20)
    title = models.CharField(max_length=200)
    content = models.TextField(max_length=20000)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    featured = models.ManyToManyField(Member, blank=True, related_name="+")
    held_for = models.CharField(max_length=200, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    checklist = models.JSONField(default=dict, blank=True)
    review_note = models.TextField(max_length=4000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "reference"], name="publicity_ref"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"


class InformationRequest(models.Model):
    """A request under the Freedom of Information Act or a subject access request (D 8.3), searched across
    what Accord holds and tracked to its answer by the statutory deadline (FOIA s.10, UK GDPR Art. 12(3))."""

    class Regime(models.TextChoices):
        FREEDOM_OF_INFORMATION = "foi", "Freedom of Information Act 2000 request"
        SUBJECT_ACCESS = "subject-access", "Subject access request (UK GDPR Article 15)"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        ANSWERED = "answered", "Answered"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20)
    regime = models.CharField(max_length=20, choices=Regime.choices)
    requester = models.CharField(max_length=200)
    request = models.TextField(max_length=8000)
    terms = models.CharField(max_length=200, help_text="A person, place or subject searched for.")
    date_from = models.DateField()
    date_to = models.DateField()
    received_on = models.DateField()
    due_date = models.DateField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.OPEN)
    response = models.TextField(max_length=8000, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "reference"], name="information_request_ref"
            ),
            models.CheckConstraint(
                condition=Q(date_from__lte=F("date_to")), name="information_request_period"
            ),
            models.CheckConstraint(
                condition=Q(received_on__lte=F("due_date")), name="information_request_due_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.requester}"


class IctAgreement(models.Model):
    """A version of the Members' ICT User Agreement, as the council uploads its text (D 9). The latest is
    in force; a Member accepts it before using Accord, and a new version asks again."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    version = models.CharField(max_length=50)
    text = models.TextField(max_length=50000)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "version"], name="ict_agreement_version")
        ]

    def __str__(self) -> str:
        return f"Members' ICT User Agreement, version {self.version}"


class IctAcceptance(models.Model):
    """A Member's acceptance of one version of the agreement, with the time (D 9). Never changed."""

    agreement = models.ForeignKey(
        IctAgreement, on_delete=models.PROTECT, related_name="acceptances"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "user"], name="ict_acceptance_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} accepted {self.agreement.version}"


class SupportRequest(models.Model):
    """Printing, stationery or transport asked of the Council by a Member, for Council business only,
    never party-political activity or self-promotion (D 9)."""

    class Kind(models.TextChoices):
        PRINTING = "printing", "Printing or photocopying"
        STATIONERY = "stationery", "Stationery"
        TRANSPORT = "transport", "Transport"
        TYPING = "typing", "Typing"

    class State(models.TextChoices):
        REQUESTED = "requested", "Requested"
        PROVIDED = "provided", "Provided"
        DECLINED = "declined", "Declined"

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=20)
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    details = models.TextField(max_length=4000)
    council_business = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=State.choices, default=State.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["council", "reference"], name="support_request_ref"),
            # D 9: support services are for Council business only.
            models.CheckConstraint(
                condition=Q(council_business=True), name="support_request_council_business"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.get_kind_display()}"


CASE_FIELDS = (
    "correspondence",
    "press_enquiry",
    "publicity",
    "information_request",
    "support_request",
)
# An event belongs to exactly one case, of one of the four kinds.
ONE_CASE = Q()
for _field in CASE_FIELDS:
    ONE_CASE |= Q(**{f"{_field}__isnull": False}) & Q(
        **{f"{other}__isnull": True for other in CASE_FIELDS if other != _field}
    )


class CommsEvent(CaseEvent):
    """One change on a piece of correspondence, a press enquiry, a publicity request or an information
    request. Written once; never updated."""

    CASE_FIELD = "correspondence"

    correspondence = models.ForeignKey(
        Correspondence, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    press_enquiry = models.ForeignKey(
        PressEnquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    publicity = models.ForeignKey(
        PublicityRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    information_request = models.ForeignKey(
        InformationRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    support_request = models.ForeignKey(
        SupportRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )

    class Meta(CaseEvent.Meta):
        constraints = [
            models.UniqueConstraint(fields=["council", "seq"], name="comms_event_chain_place"),
            models.CheckConstraint(condition=ONE_CASE, name="comms_event_one_case"),
        ]

    @property
    def case_id(self) -> int:
        """The id of the event's case, whichever kind it is (the hash chain's `correspondence` key)."""
        return int(
            self.correspondence_id
            or self.press_enquiry_id
            or self.publicity_id
            or self.information_request_id
            or self.support_request_id
            or 0
        )


class CommsChainHead(ChainHead):
    """The last link of a council's correspondence and publicity history chain."""
