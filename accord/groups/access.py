"""Who may see a group meeting, a group's notes, a briefing or an offer: fetch-and-authorise in one step.

Another council's object, or one the actor may not see, is "not found" (`Http404`), never a 403 that would
confirm it exists. A group meeting is seen by the Members of its group and by the officers it names (the
Chief Officer and the officer asked to attend); a group's notes by the group's Members only, and a minute of
the officer's advice also by that officer (N 19(i)). No one else of the council, not even the Monitoring
Officer, sees a group's business (D 7.3, N 19(h)). A briefing is seen by its requester, its officer and the
Members the requester permits (N 14); the requester's Group Leader sees it only while asked to agree.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.core.access import Actor
from accord.councils.models import Member, Office
from accord.groups.models import Briefing, GroupMeeting, GroupNote, ParityOffer


def _id(value: int | str) -> int:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404("Not found") from None
    if pk < 1 or pk > 2**31 - 1:
        raise Http404("Not found")
    return pk


def group_id_of(actor: Actor) -> int | None:
    """The political group of the actor if they are a Member of one at their council."""
    member = actor.member
    if member is None or actor.council_id is None or member.council_id != actor.council_id:
        return None
    return member.group_id


def is_group_leader(member: Member | None) -> bool:
    """A Member holding the office of Group Leader of their own group (N 19, N 14)."""
    return (
        member is not None
        and member.group_id is not None
        and member.offices.filter(kind=Office.Kind.GROUP_LEADER).exists()
    )


def group_leaders_of(group_id: int) -> QuerySet[Member]:
    return Member.objects.filter(
        group_id=group_id, is_active=True, offices__kind=Office.Kind.GROUP_LEADER
    ).distinct()


def _meeting_q(actor: Actor) -> Q:
    allowed = Q(pk__in=[])
    group_id = group_id_of(actor)
    if group_id is not None:
        allowed |= Q(group_id=group_id)
    if actor.officer is not None:
        allowed |= Q(officer=actor.officer) | Q(chief_officer=actor.officer)
    return allowed


def meetings_visible_to(actor: Actor) -> QuerySet[GroupMeeting]:
    """Every group meeting the actor may see: their own group's, or those naming them as officer."""
    if not actor.is_authenticated or actor.council_id is None:
        return GroupMeeting.objects.none()
    return GroupMeeting.objects.filter(council_id=actor.council_id).filter(_meeting_q(actor))


def meeting_for(actor: Actor, meeting_id: int | str, *, lock: bool = False) -> GroupMeeting:
    """The meeting if the actor may see it, else `Http404`. With `lock=True` the row is read
    `SELECT ... FOR UPDATE` (call inside the service's transaction)."""
    pk = _id(meeting_id)
    one = meetings_visible_to(actor).filter(pk=pk)
    if lock:
        one = GroupMeeting.objects.filter(pk__in=list(one.values_list("pk", flat=True)))
        one = one.select_for_update(of=("self",))
    meeting = one.select_related("group", "council", "officer", "chief_officer").first()
    if meeting is None:
        raise Http404("Group meeting not found")
    return meeting


def in_group(actor: Actor, meeting: GroupMeeting) -> bool:
    return group_id_of(actor) == meeting.group_id and actor.council_id == meeting.council_id


def is_attending_officer(actor: Actor, meeting: GroupMeeting) -> bool:
    return actor.officer is not None and actor.officer.pk == meeting.officer_id


def is_meeting_chief_officer(actor: Actor, meeting: GroupMeeting) -> bool:
    return actor.officer is not None and actor.officer.pk == meeting.chief_officer_id


def notes_visible_to(actor: Actor, meeting: GroupMeeting) -> QuerySet[GroupNote]:
    """The group's notes of the meeting: all of them for its Members; for the attending officer only the
    minutes of their advice (N 19(i)); none for anyone else (D 7.3, N 19(h))."""
    notes = GroupNote.objects.filter(meeting=meeting).select_related("written_by")
    if in_group(actor, meeting):
        return notes
    if is_attending_officer(actor, meeting):
        return notes.filter(kind=GroupNote.Kind.ADVICE_MINUTE)
    return notes.none()


def _briefing_q(actor: Actor) -> Q:
    allowed = Q(pk__in=[])
    member = actor.member
    if member is not None:
        allowed |= Q(requester=member) | Q(permissions__member=member)
        if is_group_leader(member):
            allowed |= Q(
                state=Briefing.State.AWAITING_AGREEMENT, requester__group_id=member.group_id
            )
    if actor.officer is not None:
        allowed |= Q(officer=actor.officer)
    return allowed


def briefings_visible_to(actor: Actor) -> QuerySet[Briefing]:
    """Every briefing the actor may see (N 14)."""
    if not actor.is_authenticated or actor.council_id is None:
        return Briefing.objects.none()
    mine = Briefing.objects.filter(council_id=actor.council_id)
    return mine.filter(pk__in=mine.filter(_briefing_q(actor)).values("pk"))


def briefing_for(actor: Actor, briefing_id: int | str, *, lock: bool = False) -> Briefing:
    """The briefing if the actor may see it, else `Http404` (N 14)."""
    pk = _id(briefing_id)
    one = briefings_visible_to(actor).filter(pk=pk)
    if lock:
        one = Briefing.objects.filter(pk__in=list(one.values_list("pk", flat=True)))
        one = one.select_for_update(of=("self",))
    briefing = one.select_related("requester", "officer", "council").first()
    if briefing is None:
        raise Http404("Briefing not found")
    return briefing


def offers_visible_to(actor: Actor) -> QuerySet[ParityOffer]:
    """The offers made to the actor's group (D 7.4(b)(v), N 15)."""
    group_id = group_id_of(actor)
    if group_id is None or actor.council_id is None:
        return ParityOffer.objects.none()
    return ParityOffer.objects.filter(council_id=actor.council_id, group_id=group_id)


def offer_for(actor: Actor, offer_id: int | str, *, lock: bool = False) -> ParityOffer:
    pk = _id(offer_id)
    one = offers_visible_to(actor).filter(pk=pk)
    if lock:
        one = one.select_for_update(of=("self",))
    offer = one.select_related("meeting__officer", "briefing__officer", "council").first()
    if offer is None:
        raise Http404("Offer not found")
    return offer
