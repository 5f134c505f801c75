"""Correspondence, a press enquiry, publicity, a pre-election period, an information request and the ICT
User Agreement for the demo councils on first start (D 8-10), made through the services themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import actor_for
from accord.correspondence import services
from accord.correspondence.models import PreElectionPeriod
from accord.correspondence.services import support
from accord.councils.models import Council
from accord.notifications.models import OutboxMessage

AGREEMENT = (
    "1. Council ICT equipment, the network and e-mail are provided for Council business.\n"
    "2. Keep your password to yourself and lock your device when you leave it.\n"
    "3. Do not use Council e-mail for party-political campaigning or self-promotion (D 9, D 10.5).\n"
    "4. Correspondence on Council business may be disclosed under the Freedom of Information Act."
)


def _login(slug: str, role: str) -> User | None:
    return User.objects.filter(username=f"{slug}-{role}").first()


def correspondence_demo_load(council: Council) -> None:
    """One council's demo: the agreement (already accepted by the demo Members: democratic services
    upload a new version to see them asked again), a pre-election period, letters, a press enquiry,
    publicity and an information request."""
    slug = council.slug
    member, opposition = _login(slug, "member"), _login(slug, "opposition")
    officer, dem = _login(slug, "officer"), _login(slug, "demservices")
    if member is None or officer is None or dem is None:
        return
    agreement = support.ict_agreement_publish(
        actor=actor_for(dem), council=council, version="2026-1", text=AGREEMENT
    )
    for user in User.objects.filter(council=council, member__isnull=False):
        support.ict_agreement_accept(actor=actor_for(user), agreement=agreement)
    today = clock.today()
    period = PreElectionPeriod.objects.create(
        council=council,
        election=f"{council.name} by-election",
        notice_of_election=today - dt.timedelta(days=7),
        polling_day=today + dt.timedelta(days=28),
    )
    period.standing.set([u.member for u in (member, opposition) if u is not None and u.member])
    assert member.member is not None and officer.officer is not None
    ward = member.member.areas.first()
    place = ward.name if ward is not None else "the town centre"
    letter = services.correspondence_draft(
        actor=actor_for(member),
        council=council,
        subject=f"Street lighting in {place}",
        body=f"Thank you for your letter about the street lights in {place}. I have asked the "
        "Council's officers to look into it and will write again when I hear.",
        recipients=f"A resident of {place}",
        signed_as="member",
        basis="local-matter",
        no_political_comment=True,
    )
    services.correspondence_advice_request(
        actor=actor_for(member),
        correspondence=letter,
        officer=officer.officer,
        question="Is it all right to say the officers are looking into it?",
    )
    notice = services.correspondence_draft(
        actor=actor_for(officer),
        council=council,
        subject="Road closures for resurfacing next month",
        body="The Council will resurface roads in several wards next month; the list is attached.",
        recipients="Every Member",
        signed_as="officer",
        audience="all-members",
        audience_reason="The resurfacing affects roads in every ward.",
        no_political_comment=True,
    )
    services.correspondence_send(actor=actor_for(officer), correspondence=notice)
    services.press_enquiry_log(
        actor=actor_for(member),
        council=council,
        outlet="The Evening Courier",
        journalist="Jo Bright",
        contact="newsdesk@courier.example",
        question=f"Is it true the street lights in {place} will be switched off at night?",
        received_at=clock.now() - dt.timedelta(hours=2),
    )
    services.publicity_request(
        actor=actor_for(officer),
        council=council,
        title=f"New play area opens in {place}",
        content=f"The Council's new play area in {place} opens on Saturday, with the local Member.",
        channel="press-release",
        capacity="council",
        featured=[member.member],
    )
    services.information_request_log(
        actor=actor_for(dem),
        council=council,
        regime="foi",
        requester="A member of the public",
        request=f"All correspondence about street lighting in {place} this year.",
        terms=place,
        date_from=today.replace(month=1, day=1),
        date_to=today,
        received_on=today,
    )


def demo_correspondence_load(*, slugs: Sequence[str]) -> None:
    """The correspondence demo of each council loaded for the first time. Its e-mails are shown as sent,
    as the enquiry history's are: nothing waits to go to the demo's made-up addresses."""
    for council in Council.objects.filter(slug__in=slugs).order_by("slug"):
        correspondence_demo_load(council)
        now = clock.now()
        OutboxMessage.objects.filter(
            council=council, subject_type="correspondence", status=OutboxMessage.Status.PENDING
        ).update(status=OutboxMessage.Status.SENT, attempts=1, sender="smtp", sent_at=now)
