"""Who may see a local matter, and who may act on it.

Fetch-and-authorise in one step: `matter_for` returns the matter or raises `Http404` (another council's
matter, or one a Member may not see, is "not found"). Officers and democratic services see every matter of
their council (it is the council's business, and any relevant officer keeps Members informed: D 5.2,
N 20); a Member sees the matters affecting their own wards or divisions, whole-council matters, and any
matter they were informed of (D 5.3, N 20-21). Nothing depends on a Member's political group.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.core.access import Actor
from accord.matters.models import Matter


def _member_q(actor: Actor) -> Q:
    member = actor.member
    assert member is not None
    return (
        Q(whole_council=True) | Q(matter_areas__area__members=member) | Q(receipts__member=member)
    )


def sees_every_matter(actor: Actor) -> bool:
    return actor.officer is not None or actor.is_democratic_services


def matters_visible_to(actor: Actor) -> QuerySet[Matter]:
    """Every matter the actor may see (the base of any list or count of matters)."""
    if not actor.is_authenticated or actor.council_id is None:
        return Matter.objects.none()
    mine = Matter.objects.filter(council_id=actor.council_id)
    if sees_every_matter(actor):
        return mine
    if actor.member is None:
        return Matter.objects.none()
    return mine.filter(pk__in=mine.filter(_member_q(actor)).values("pk"))


def matter_for(actor: Actor, matter_id: int | str, *, lock: bool = False) -> Matter:
    """The matter if the actor may see it, else `Http404`. With `lock=True` the row is read
    `SELECT ... FOR UPDATE` (call inside the service's transaction)."""
    try:
        pk = int(matter_id)
    except (TypeError, ValueError):
        raise Http404("Matter not found") from None
    one = matters_visible_to(actor).filter(pk=pk)
    if lock:
        one = Matter.objects.filter(pk__in=list(one.values_list("pk", flat=True)))
        one = one.select_for_update(of=("self",))
    matter = one.select_related("council", "service", "responsible_officer").first()
    if matter is None:
        raise Http404("Matter not found")
    return matter


def records_matters(actor: Actor) -> bool:
    """Any officer of the council, or democratic services, records a matter (D 5.2, N 20)."""
    return actor.council_id is not None and (
        actor.officer is not None or actor.is_democratic_services
    )


def manages_matter(actor: Actor, matter: Matter) -> bool:
    """The responsible officer, the head of the matter's service, a Chief Officer or democratic services
    (D 5.2: Chief Officers and Heads of Service are accountable that Members are informed)."""
    if actor.council_id != matter.council_id:
        return False
    if actor.is_democratic_services or actor.is_chief_officer:
        return True
    officer = actor.officer
    return officer is not None and (
        officer.pk == matter.responsible_officer_id or matter.service.head_id == officer.pk
    )


def is_local_member(actor: Actor, matter: Matter) -> bool:
    """A Member of an area the matter affects (or any Member, for a whole-council matter)."""
    member = actor.member
    if member is None or member.council_id != matter.council_id:
        return False
    if matter.whole_council:
        return True
    return matter.matter_areas.filter(area__members=member).exists()
