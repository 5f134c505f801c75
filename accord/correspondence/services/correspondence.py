"""Correspondence drafted in Accord: in whose name it goes, the officer's advice, and who it goes to
(D 8.1, D 8.2, D 8.4, D 10.4, D 10.6).

Each service runs in one transaction; those on an existing letter re-read it `FOR UPDATE` and re-check
the action against the locked state (`actions_of("correspondence")`). A refusal is an `AccordError` citing
the paragraphs behind it; nothing is saved.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from accord.cases.actions import actions_of
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.correspondence import rules
from accord.correspondence.access import correspondence_for
from accord.correspondence.models import Correspondence
from accord.correspondence.services._common import (
    event_add,
    notices_queue,
    period_on,
    profile_of,
    reference_placeholder,
    reference_set,
    state_move,
)
from accord.councils.models import Council, Member, Office, Officer, PoliticalGroup

SignedAs = Correspondence.SignedAs
Basis = Correspondence.Basis
Audience = Correspondence.Audience
State = Correspondence.State
PORTFOLIO_OFFICES = (Office.Kind.LEADER, Office.Kind.CABINET_MEMBER)


def _in_whose_name(
    *,
    council: Council,
    signed_as: str,
    basis: str,
    member: Member | None,
    on_behalf_of_council: bool,
) -> None:
    """D 8.2, D 8.4: official correspondence in an officer's name; a Member's own name only for a local
    matter or their portfolio, and never for what binds or instructs on behalf of the Council. What binds
    the Council is refused in a Member's name under every profile (the database refuses it too); a profile
    without D 8.2 cites nothing for it."""
    if signed_as != SignedAs.MEMBER:
        return
    profile = profile_of(council)
    citations = rules.citations_of(profile, rules.OFFICIAL_NAME)
    if on_behalf_of_council:
        raise AccordError(
            "Correspondence that creates legal obligations or gives instructions on behalf of the "
            "Council can never be sent in a Member's name: it goes in the appropriate officer's name.",
            citations=citations,
            field="signed_as",
        )
    if not rules.has_rule(profile, rules.OFFICIAL_NAME):
        return
    if basis == Basis.COUNCIL:
        raise AccordError(
            "Official correspondence on behalf of the Council goes in an officer's name. A Member writes "
            "in their own name to a constituent about a local matter, or as the Leader or a Cabinet "
            "Member about their area of responsibility.",
            citations=citations,
            field="basis",
        )
    if basis == Basis.PORTFOLIO and (
        member is None or not member.offices.filter(kind__in=PORTFOLIO_OFFICES).exists()
    ):
        raise AccordError(
            "Only the Leader of the Council or a Cabinet Member writes in their own name about an area "
            "of responsibility.",
            citations=citations,
            field="basis",
        )


def _audience_check(
    *, council: Council, audience: str, group: PoliticalGroup | None, reason: str
) -> None:
    """D 8.1: the intended recipients only, unless a good reason for every Member (or a group) is recorded."""
    if audience == Audience.INTENDED:
        return
    citations = rules.citations_of(profile_of(council), rules.TARGETED)
    if audience == Audience.GROUP and group is None:
        raise AccordError(
            "Choose the group the message goes to.", citations=citations, field="audience_group"
        )
    if not reason.strip():
        raise AccordError(
            "A message to every Member of the council, or to a whole group, needs the reason for it "
            "recorded: otherwise it goes to the intended recipients only.",
            citations=citations,
            field="audience_reason",
        )


def correspondence_draft(
    *,
    actor: Actor,
    council: Council,
    subject: str,
    body: str,
    recipients: str,
    signed_as: str,
    basis: str = Basis.COUNCIL,
    officer: Officer | None = None,
    on_behalf_of_council: bool = False,
    audience: str = Audience.INTENDED,
    audience_group: PoliticalGroup | None = None,
    audience_reason: str = "",
    no_political_comment: bool = False,
) -> Correspondence:
    """Draft a letter or e-mail (state `draft`). A Member drafts in their own name; an officer in their own
    or another officer's name of the council. Raises `AccordError` (D 8.1, D 8.2, D 8.4, D 10.6)."""
    user = actor.user
    if user is None or actor.council_id != council.pk:
        raise AccordError("You can draft correspondence only for your own council.")
    member = None
    if signed_as == SignedAs.MEMBER:
        if actor.member is None:
            raise AccordError("Only a Member drafts in a Member's own name.", field="signed_as")
        member = actor.member
        officer = None
    else:
        officer = officer or actor.officer
        if officer is None:
            raise AccordError("Choose the officer in whose name it goes.", field="officer")
        basis = Basis.COUNCIL
    _in_whose_name(
        council=council,
        signed_as=signed_as,
        basis=basis,
        member=member,
        on_behalf_of_council=on_behalf_of_council,
    )
    _audience_check(
        council=council, audience=audience, group=audience_group, reason=audience_reason
    )
    profile = profile_of(council)
    if rules.has_rule(profile, rules.NO_POLITICAL_COMMENT) and not no_political_comment:
        raise AccordError(
            "Confirm the correspondence carries no political comment and no criticism of policy adopted "
            "by Full Council: political statements do not use the Council's channels.",
            citations=rules.citations_of(profile, rules.NO_POLITICAL_COMMENT),
            field="no_political_comment",
        )
    period = period_on(council, clock.today())
    with transaction.atomic():
        letter = Correspondence.objects.create(
            council=council,
            reference=reference_placeholder(),
            subject=subject,
            body=body,
            recipients=recipients,
            signed_as=signed_as,
            basis=basis,
            member=member,
            officer=officer,
            on_behalf_of_council=on_behalf_of_council,
            audience=audience,
            audience_group=audience_group if audience == Audience.GROUP else None,
            audience_reason=audience_reason if audience != Audience.INTENDED else "",
            no_political_comment=no_political_comment,
            drafted_in_pre_election=str(period) if period else "",
            created_by=user,
            created_at=clock.now(),
        )
        reference_set(letter)
        citations = rules.citations_of(profile, rules.OFFICIAL_NAME, rules.TARGETED)
        if period is not None:
            citations += rules.citations_of(profile, rules.PRE_ELECTION)
        event_add(
            letter,
            actor=actor,
            kind="drafted",
            description=f"Drafted, to go {letter.get_signed_as_display().lower()}: {letter.signatory}.",
            citations=citations,
            data={
                "subject": subject,
                "body": body,
                "recipients": recipients,
                "audience": audience,
                "audience_reason": letter.audience_reason,
                "pre_election_period": letter.drafted_in_pre_election,
            },
        )
    return letter


def _locked(actor: Actor, letter: Correspondence, action: str) -> Correspondence:
    """The letter re-read under its row lock, the action re-checked against its state now."""
    fresh = correspondence_for(actor, letter.pk, lock=True)
    declared = actions_of("correspondence").get(action)
    if declared is None or not declared.offered(actor, fresh):
        raise AccordError(
            f"This cannot be done now: the correspondence is {fresh.get_state_display().lower()}."
        )
    return fresh


def correspondence_advice_request(
    *, actor: Actor, correspondence: Correspondence, officer: Officer, question: str
) -> Correspondence:
    """D 8.4: the Member asks an officer's advice before sending; the officer is told by e-mail."""
    with transaction.atomic():
        letter = _locked(actor, correspondence, "advice-request")
        if officer.council_id != letter.council_id or not officer.is_active:
            raise AccordError("Choose an officer of the council.", field="officer")
        letter.state, letter.advice_from, letter.advice_question = (
            State.ADVICE_REQUESTED,
            officer,
            question,
        )
        letter.save(update_fields=["state", "advice_from", "advice_question"])
        citations = rules.citations_of(profile_of(letter.council), rules.OFFICIAL_NAME)
        event_add(
            letter,
            actor=actor,
            kind="advice-requested",
            description=f"Advice asked of {officer.name} before sending.",
            citations=citations,
            data={"question": question, "officer": officer.pk},
        )
        notices_queue(
            council=letter.council,
            people=[(officer.name, officer.email)],
            subject=f"Advice asked on correspondence {letter.reference}",
            body=f'{letter.signatory} asks your advice before sending "{letter.subject}":\n\n{question}',
            key=f"correspondence:{letter.pk}:advice-requested:{clock.now().isoformat()}",
            link=reverse("correspondence:detail", args=(letter.pk,)),
            citations=citations,
        )
    return letter


def correspondence_advice_give(
    *, actor: Actor, correspondence: Correspondence, advice: str
) -> Correspondence:
    """D 8.4: the officer's advice, kept with the letter and never edited by anyone else (D 4.4); the
    letter is a draft again for its author to send or withdraw."""
    with transaction.atomic():
        letter = _locked(actor, correspondence, "advice-give")
        letter.state, letter.advice, letter.advised_at = State.DRAFT, advice, clock.now()
        letter.save(update_fields=["state", "advice", "advised_at"])
        event_add(
            letter,
            actor=actor,
            kind="advice-given",
            description="The officer's advice is recorded with the correspondence.",
            citations=rules.citations_of(profile_of(letter.council), rules.OFFICIAL_NAME),
            data={"advice": advice},
        )
    return letter


def _wide_audience(letter: Correspondence) -> list[tuple[str, str]]:
    members = Member.objects.filter(council_id=letter.council_id, is_active=True)
    if letter.audience == Audience.GROUP:
        members = members.filter(group_id=letter.audience_group_id)
    return [(str(m), m.email) for m in members.order_by("name")]


def correspondence_send(*, actor: Actor, correspondence: Correspondence) -> Correspondence:
    """Mark the letter sent in the name it records. A message to every Member (or a group), whose reason
    is recorded (D 8.1), is e-mailed by Accord to each of them; otherwise it goes to its intended
    recipients by the sender's own post or e-mail."""
    with transaction.atomic():
        letter = _locked(actor, correspondence, "send")
        letter.state, letter.sent_at = State.SENT, clock.now()
        letter.save(update_fields=["state", "sent_at"])
        profile = profile_of(letter.council)
        queued = 0
        if letter.audience != Audience.INTENDED:
            queued = notices_queue(
                council=letter.council,
                people=_wide_audience(letter),
                subject=letter.subject,
                body=f"{letter.body}\n\n{letter.signatory}",
                key=f"correspondence:{letter.pk}:sent",
            )
        event_add(
            letter,
            actor=actor,
            kind="sent",
            description=f"Sent in the name of {letter.signatory}"
            + (f", e-mailed to {queued} Members." if letter.audience != Audience.INTENDED else "."),
            citations=rules.citations_of(profile, rules.OFFICIAL_NAME, rules.TARGETED),
            data={"audience": letter.audience, "queued": queued},
        )
    return letter


def correspondence_withdraw(
    *, actor: Actor, correspondence: Correspondence, reason: str
) -> Correspondence:
    """The author withdraws a draft; it stays on record with its history (D 8.3)."""
    with transaction.atomic():
        letter = _locked(actor, correspondence, "withdraw")
        return state_move(
            letter,
            actor=actor,
            state=State.WITHDRAWN,
            description="Withdrawn before it was sent; kept on record.",
            citations=rules.citations_of(profile_of(letter.council), rules.FREEDOM_OF_INFORMATION),
            data={"reason": reason},
        )
