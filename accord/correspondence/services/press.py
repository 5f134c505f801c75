"""Press enquiries (D 10.7) and Council publicity (D 10.4-10.6).

A press enquiry received by anyone is logged and passed to the Communications Team at once, who answer on
behalf of the Council; whoever received it is told it has been passed on. A publicity request uses the
Council's channels for Council business only (D 10.5); in a pre-election period one featuring a Member
standing for election is held for the team's review (D 10.4), which records the Code of Recommended
Practice's checks, among them that it carries no political comment (D 10.6).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse

from accord.cases.actions import actions_of
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.correspondence import rules
from accord.correspondence.access import press_enquiry_for, publicity_for
from accord.correspondence.models import (
    CommsSettings,
    PreElectionPeriod,
    PressEnquiry,
    PublicityRequest,
)
from accord.correspondence.services._common import (
    event_add,
    notices_queue,
    period_on,
    profile_of,
    reference_placeholder,
    reference_set,
    state_move,
)
from accord.councils.models import Council, Member, Officer

Publicity = PublicityRequest.State
CAPABILITY = {PressEnquiry: "press-enquiries", PublicityRequest: "publicity"}


def _recheck(actor: Actor, fresh: PressEnquiry | PublicityRequest, action: str) -> None:
    """The action re-checked against the case's state now, under its row lock."""
    declared = actions_of(CAPABILITY[type(fresh)]).get(action)
    if declared is None or not declared.offered(actor, fresh):
        raise AccordError(f"This cannot be done now: it is {fresh.get_state_display().lower()}.")


def _press_locked(actor: Actor, press: PressEnquiry, action: str) -> PressEnquiry:
    fresh = press_enquiry_for(actor, press.pk, lock=True)
    _recheck(actor, fresh, action)
    return fresh


def _publicity_locked(actor: Actor, publicity: PublicityRequest, action: str) -> PublicityRequest:
    fresh = publicity_for(actor, publicity.pk, lock=True)
    _recheck(actor, fresh, action)
    return fresh


def communications_team_people(council: Council) -> list[tuple[str, str]]:
    """The Communications Team's officers, or democratic services where the council names no team."""
    settings = CommsSettings.objects.filter(council=council).first()
    if settings is not None and settings.communications_service_id is not None:
        officers = Officer.objects.filter(
            council=council, is_active=True, service_id=settings.communications_service_id
        )
        return [(o.name, o.email) for o in officers]
    users = council.users.filter(is_democratic_services=True, is_active=True)
    return [(u.get_full_name() or u.get_username(), u.email) for u in users]


def press_enquiry_log(
    *,
    actor: Actor,
    council: Council,
    outlet: str,
    journalist: str,
    contact: str,
    question: str,
    received_at: dt.datetime,
    journalist_deadline: dt.datetime | None = None,
) -> PressEnquiry:
    """Log a press enquiry and pass it to the Communications Team (D 10.7): the team is e-mailed, and the
    Member or officer who received it is told it has been passed on."""
    if actor.council_id != council.pk or actor.user is None:
        raise AccordError("You can log press enquiries only for your own council.")
    if received_at > clock.now():
        raise AccordError("When it was received cannot be in the future.", field="received_at")
    profile = profile_of(council)
    citations = rules.citations_of(profile, rules.PRESS_ENQUIRIES)
    with transaction.atomic():
        press = PressEnquiry.objects.create(
            council=council,
            reference=reference_placeholder(),
            outlet=outlet,
            journalist=journalist,
            contact=contact,
            question=question,
            journalist_deadline=journalist_deadline,
            received_at=received_at,
            received_by=actor.user,
        )
        reference_set(press)
        link = reverse("correspondence:press-detail", args=(press.pk,))
        team = communications_team_people(council)
        event_add(
            press,
            actor=actor,
            kind="logged",
            description=f"Logged and passed to the Communications Team, who answer on behalf of the "
            f"Council ({len(team)} told).",
            citations=citations,
            data={
                "outlet": outlet,
                "journalist": journalist,
                "contact": contact,
                "question": question,
            },
        )
        notices_queue(
            council=council,
            people=team,
            subject=f"Press enquiry {press.reference} from {outlet}",
            body=f"{journalist} ({outlet}) asks:\n\n{question}",
            key=f"press:{press.pk}:team",
            link=link,
            citations=citations,
        )
        user = actor.user
        notices_queue(
            council=council,
            people=[(user.get_full_name() or user.get_username(), user.email)],
            subject=f"Press enquiry {press.reference} passed to the Communications Team",
            body=f"The press enquiry from {journalist} ({outlet}) that you logged has been passed to the "
            "Communications Team, who answer on behalf of the Council. Please refer the journalist "
            "to them.",
            key=f"press:{press.pk}:received-by",
            link=link,
            citations=citations,
        )
    return press


def press_enquiry_answer(*, actor: Actor, press: PressEnquiry, response: str) -> PressEnquiry:
    """The Communications Team's response on behalf of the Council (D 10.7), recorded word for word."""
    with transaction.atomic():
        fresh = _press_locked(actor, press, "answer")
        fresh.state, fresh.response = PressEnquiry.State.ANSWERED, response
        fresh.answered_by, fresh.answered_at = actor.user, clock.now()
        fresh.save(update_fields=["state", "response", "answered_by", "answered_at"])
        event_add(
            fresh,
            actor=actor,
            kind="answered",
            description="Answered on behalf of the Council by the Communications Team.",
            citations=rules.citations_of(profile_of(fresh.council), rules.PRESS_ENQUIRIES),
            data={"response": response},
        )
    return fresh


def press_enquiry_close(*, actor: Actor, press: PressEnquiry, reason: str) -> PressEnquiry:
    """The Communications Team closes an enquiry it will not answer, with the reason."""
    with transaction.atomic():
        fresh = _press_locked(actor, press, "close")
        return state_move(
            fresh,
            actor=actor,
            state=PressEnquiry.State.CLOSED,
            description="Closed without a response on behalf of the Council.",
            citations=rules.citations_of(profile_of(fresh.council), rules.PRESS_ENQUIRIES),
            data={"reason": reason},
        )


def publicity_request(
    *,
    actor: Actor,
    council: Council,
    title: str,
    content: str,
    channel: str,
    capacity: str,
    featured: list[Member],
) -> PublicityRequest:
    """Ask the Communications Team for Council publicity. Party or personal publicity is refused (D 10.5);
    in a pre-election period a request featuring a Member standing for election is held for review
    (D 10.4). Raises `AccordError`."""
    if actor.council_id != council.pk or actor.user is None:
        raise AccordError("You can ask for publicity only for your own council.")
    profile = profile_of(council)
    if capacity != PublicityRequest.Capacity.COUNCIL and rules.has_rule(
        profile, rules.NO_PARTY_PUBLICITY
    ):
        raise AccordError(
            "A Member publicises themselves or their party in an independent capacity, without the "
            "Council's resources or channels: this cannot be Council publicity.",
            citations=rules.citations_of(profile, rules.NO_PARTY_PUBLICITY),
            field="capacity",
        )
    if any(m.council_id != council.pk for m in featured):
        raise AccordError("Choose Members of the council.", field="featured")
    period = period_on(council, clock.today())
    standing = (
        sorted(str(m) for m in period.standing.filter(pk__in=[m.pk for m in featured]))
        if period is not None and rules.has_rule(profile, rules.PRE_ELECTION)
        else []
    )
    with transaction.atomic():
        request = PublicityRequest.objects.create(
            council=council,
            reference=reference_placeholder(),
            title=title,
            content=content,
            channel=channel,
            held_for=str(period) if standing else "",
            state=Publicity.HELD if standing else Publicity.REQUESTED,
            requested_by=actor.user,
            requested_at=clock.now(),
        )
        request.featured.set(featured)
        reference_set(request)
        if standing:
            description = (
                f"Held for the Communications Team's review: it features {', '.join(standing)}, "
                f"standing in the pre-election period ({period})."
            )
            citations = rules.citations_of(profile, rules.PRE_ELECTION)
        else:
            description = "Asked of the Communications Team."
            citations = rules.citations_of(profile, rules.NO_PARTY_PUBLICITY)
        event_add(
            request,
            actor=actor,
            kind="held" if standing else "requested",
            description=description,
            citations=citations,
            data={"title": title, "content": content, "channel": channel, "standing": standing},
        )
        notices_queue(
            council=council,
            people=communications_team_people(council),
            subject=f"Publicity request {request.reference}: {title}",
            body=description,
            key=f"publicity:{request.pk}:requested",
            link=reverse("correspondence:publicity-detail", args=(request.pk,)),
            citations=citations,
        )
    return request


def publicity_review(
    *, actor: Actor, publicity: PublicityRequest, approve: bool, checks: list[str], note: str
) -> PublicityRequest:
    """The Communications Team's review against the Code of Recommended Practice on Local Authority
    Publicity 2011 (D 10.3): approval needs every check of `rules.PUBLICITY_CODE` confirmed, among them no
    party publicity (D 10.5) and no political comment (D 10.6); a decline needs its reason."""
    keys = [key for key, _ in rules.PUBLICITY_CODE]
    profile = profile_of(publicity.council)
    citations = rules.citations_of(
        profile, rules.PRE_ELECTION, rules.NO_PARTY_PUBLICITY, rules.NO_POLITICAL_COMMENT
    )
    missing = [label for key, label in rules.PUBLICITY_CODE if key not in checks]
    if approve and missing:
        raise AccordError(
            f"Approval needs every check of the Code of Recommended Practice; not confirmed: "
            f"{'; '.join(missing)}.",
            citations=citations,
            field="checks",
        )
    if not approve and not note.strip():
        raise AccordError("Say why the publicity is declined.", field="note")
    with transaction.atomic():
        fresh = _publicity_locked(actor, publicity, "review")
        fresh.state = Publicity.APPROVED if approve else Publicity.DECLINED
        fresh.checklist = {key: key in checks for key in keys}
        fresh.review_note, fresh.reviewed_by, fresh.reviewed_at = note, actor.user, clock.now()
        fresh.save(
            update_fields=["state", "checklist", "review_note", "reviewed_by", "reviewed_at"]
        )
        event_add(
            fresh,
            actor=actor,
            kind="approved" if approve else "declined",
            description=f"{'Approved' if approve else 'Declined'} by the Communications Team after "
            "the Code of Recommended Practice checks.",
            citations=citations,
            data={"checklist": fresh.checklist, "note": note},
        )
    return fresh


def publicity_withdraw(
    *, actor: Actor, publicity: PublicityRequest, reason: str
) -> PublicityRequest:
    """Whoever asked withdraws an open request; it stays on record."""
    with transaction.atomic():
        fresh = _publicity_locked(actor, publicity, "withdraw")
        return state_move(
            fresh,
            actor=actor,
            state=Publicity.WITHDRAWN,
            description="Withdrawn by whoever asked for it.",
            data={"reason": reason},
        )


def pre_election_period_add(
    *,
    actor: Actor,
    council: Council,
    election: str,
    notice_of_election: dt.date,
    polling_day: dt.date,
    standing: list[Member],
) -> PreElectionPeriod:
    """Democratic services mark a pre-election period on the council calendar (D 10.4)."""
    if not actor.is_democratic_services or actor.council_id != council.pk:
        raise AccordError("Only democratic services mark pre-election periods.")
    if notice_of_election > polling_day:
        raise AccordError(
            "The notice of election comes on or before polling day.", field="notice_of_election"
        )
    with transaction.atomic():
        period = PreElectionPeriod.objects.create(
            council=council,
            election=election,
            notice_of_election=notice_of_election,
            polling_day=polling_day,
        )
        period.standing.set([m for m in standing if m.council_id == council.pk])
    return period
