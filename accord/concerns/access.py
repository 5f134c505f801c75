"""Who may see a concern (D 11.4 "in private", N 3), fetched and authorised in one step.

Only the people the procedure names see a concern: the person who raised it and the officer it was sent
to. The people invited to the informal meeting of D 11.3 (the Member concerned among them) see the
meeting and its outcome once it is arranged, never the details or the history. The person a concern is
about never sees it otherwise, whatever their post: no Chief Officer, Monitoring Officer, democratic
services or platform administrator sees a concern the procedure did not send them. Anything else is a 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.concerns.models import Concern
from accord.core.access import Actor


def _visible_q(actor: Actor) -> Q:
    allowed = Q(raised_by=actor.user)
    if actor.officer is not None:
        allowed |= Q(handler=actor.officer) | Q(meeting__invitees__officer=actor.officer)
    if actor.member is not None:
        allowed |= Q(meeting__invitees__member=actor.member)
    return allowed


def _not_about_q(actor: Actor) -> Q:
    """The person a concern is about never sees it, unless the informal meeting invites them (D 11.3)."""
    about = Q(pk__in=[])
    if actor.officer is not None:
        about |= Q(about_officer=actor.officer)
    if actor.member is not None:
        about |= Q(about_member=actor.member) & ~Q(meeting__invitees__member=actor.member)
    return ~about


def concerns_visible_to(actor: Actor) -> QuerySet[Concern]:
    """Every concern the actor may see, newest first (the base of every list, count, search and CSV)."""
    if not actor.is_authenticated or actor.council_id is None:
        return Concern.objects.none()
    mine = Concern.objects.filter(council_id=actor.council_id)
    ids = mine.filter(_visible_q(actor)).filter(_not_about_q(actor)).values("pk")
    return Concern.objects.filter(pk__in=ids)


def concern_for(actor: Actor, concern_id: int | str, *, lock: bool = False) -> Concern:
    """The concern if the actor may see it, else `Http404`. With `lock=True` the row is read
    `SELECT ... FOR UPDATE` (call inside the service's transaction)."""
    try:
        pk = int(concern_id)
    except (TypeError, ValueError):
        raise Http404("Concern not found") from None
    if not actor.is_authenticated or actor.council_id is None:
        raise Http404("Concern not found")
    if not Concern.objects.filter(pk=pk, pk__in=concerns_visible_to(actor).values("pk")).exists():
        raise Http404("Concern not found")
    # Locked by its key alone: a row another writer just changed is re-read, not dropped by the visibility
    # joins (which only ever widen: the meeting's invitees are added, the raiser and handler never change).
    one = Concern.objects.filter(pk=pk)
    if lock:
        one = one.select_for_update(of=("self",))
    concern = one.select_related(
        "council",
        "handler",
        "about_member",
        "about_officer",
        "raised_by_member",
        "raised_by_officer",
    ).first()
    if concern is None:
        raise Http404("Concern not found")
    return concern


def is_raiser(actor: Actor, concern: Concern) -> bool:
    return actor.user is not None and concern.raised_by_id == actor.user.pk


def is_handler(actor: Actor, concern: Concern) -> bool:
    return actor.officer is not None and concern.handler_id == actor.officer.pk


def reads_details(actor: Actor, concern: Concern) -> bool:
    """The details, the notes and the history: the person who raised it and the officer handling it."""
    return is_raiser(actor, concern) or is_handler(actor, concern)
