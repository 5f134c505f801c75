"""Group meetings, advice, offers and briefings for the demo councils, so the flows of D 7, N 14-15 and
N 18-19 show on first start. Everything is written through the groups services, as a person would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from accord.accounts.models import User
from accord.core import clock
from accord.core.access import Actor, actor_for
from accord.core.errors import AccordError
from accord.councils.models import Council, Member, Office, Officer
from accord.groups import rules
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.notifications.models import OutboxMessage


def _actor(person: Member | Officer) -> Actor:
    field = "member" if isinstance(person, Member) else "officer"
    user = User.objects.filter(**{field: person}).first()
    if user is not None:
        return actor_for(user)
    return Actor(user=None, council_id=person.council_id, **{field: person})  # type: ignore[arg-type]


def _leader(member: Member) -> Member:
    """The Group Leader of the Member's group, or the Member if the group has none."""
    leader = Member.objects.filter(
        group_id=member.group_id, offices__kind=Office.Kind.GROUP_LEADER
    ).first()
    return leader or member


def demo_groups_load(council: Council) -> int:
    """The two demo Members' groups meet the same Chief Officer on one subject: advice recorded for the
    first (offered to the other groups in the district), a group note, and two briefings. Returns how many
    meetings were made (none when the council lacks two grouped demo Members or a Chief Officer login)."""
    members = [
        u.member
        for u in User.objects.filter(council=council, member__group__isnull=False).select_related(
            "member__group"
        )
        if u.member is not None
    ]
    by_group = {m.group_id: m for m in members}
    chief_user = User.objects.filter(
        council=council, officer__grade=Officer.Grade.CHIEF_OFFICER
    ).first()
    if len(by_group) < 2 or chief_user is None or chief_user.officer is None:
        return 0
    chief = chief_user.officer
    first, second = list(by_group.values())[:2]
    when = clock.today() + dt.timedelta(days=7)
    invite = rules.has(council, rules.INVITE_CHIEF_OFFICER)
    made = []
    for member, place in ((first, "Group Room 1"), (second, "Group Room 2")):
        asker = _leader(member) if invite else member
        meeting = ms.meeting_request(
            actor=_actor(asker),
            group=member.group,
            meeting_date=when,
            place=place,
            subject="Local Plan: housing site allocations",
            officer=chief,
        )
        made.append(meeting)
    chief_actor = _actor(chief)
    red = made[0]
    (ms.meeting_accept if invite else ms.meeting_approve)(actor=chief_actor, meeting=red)
    ms.meeting_note_add(
        actor=_actor(first),
        meeting=red,
        text="The group will press for fewer sites in the north.",
        kind="note",
    )
    ms.meeting_advice_record(
        actor=chief_actor,
        meeting=red,
        advice="Twelve sites are allocated in the draft plan; the examination is in the spring. "
        "Changes after consultation are for the Planning Committee.",
    )
    if invite:
        ms.meeting_accept(actor=chief_actor, meeting=made[1])
    for member, subject, confidential in (
        (first, "Budget pressures in adult services", True),
        (second, "Bus service changes", False),
    ):
        try:
            briefing = bs.briefing_request(
                actor=_actor(member),
                officer=chief,
                subject=subject,
                details="What the Member would like to know.",
                confidential=confidential,
                decision_pending=False,
            )
        except AccordError:
            continue
        if briefing.state == briefing.State.REQUESTED and not confidential:
            bs.briefing_give(
                actor=chief_actor, briefing=briefing, information="Routes 4 and 7 change in April."
            )
    return len(made)


def demo_groups_load_all(*, slugs: Sequence[str]) -> int:
    """The groups demo for each council named; its e-mails are shown as sent, like the demo's history."""
    made = sum(demo_groups_load(c) for c in Council.objects.filter(slug__in=slugs))
    OutboxMessage.objects.filter(subject_type="groups", council__slug__in=slugs).update(
        status=OutboxMessage.Status.SENT, sent_at=clock.now()
    )
    return made
