"""Who may see an enquiry, and what they may do with it now.

Fetch-and-authorise in one step: `enquiry_for` returns the case or raises `Http404` (another council's case,
or one the actor may not see, is "not found"). A Member sees their own enquiries (the answers shared with
them under D 6.5 are read through `accord.enquiries.shared`, never the case); an officer sees the enquiries of their service, those assigned to them or to the officers they
manage, and those they review (D 6.2, D 6.4); Chief Officers, the Monitoring Officer and democratic services
see every enquiry of their council. Nothing here depends on a Member's political group (D 2.5-2.7, N 2).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.cases.actions import actions_of
from accord.core.access import Actor, is_monitoring_officer
from accord.councils.models import Officer
from accord.enquiries.models import Enquiry

State = Enquiry.State
MANAGER_GRADES = (
    Officer.Grade.SERVICE_MANAGER,
    Officer.Grade.HEAD_OF_SERVICE,
    Officer.Grade.CHIEF_OFFICER,
)


def sees_whole_council(actor: Actor) -> bool:
    return actor.is_chief_officer or is_monitoring_officer(actor) or actor.is_democratic_services


def _visible_q(actor: Actor) -> Q | None:
    """What the actor may see within their council: None means every enquiry of the council."""
    if sees_whole_council(actor):
        return None
    allowed = Q(pk__in=[])
    if actor.member is not None:
        allowed |= Q(member=actor.member)
    if actor.officer is not None:
        officer = actor.officer
        service_queue = Q(service__head=officer)
        if officer.service_id is not None:
            service_queue |= Q(service_id=officer.service_id)
        allowed |= (service_queue & ~Q(state=State.MONITORING_OFFICER)) | Q(assigned_to=officer)
        allowed |= Q(assigned_to__line_manager=officer) | Q(burden_reviews__reviewer=officer)
    return allowed


def enquiries_visible_to(actor: Actor) -> QuerySet[Enquiry]:
    """Every enquiry the actor may see (the base of any list of enquiries)."""
    if not actor.is_authenticated or actor.council_id is None:
        return Enquiry.objects.none()
    mine = Enquiry.objects.filter(council_id=actor.council_id)
    allowed = _visible_q(actor)
    if allowed is None:
        return mine
    return mine.filter(pk__in=mine.filter(allowed).values("pk"))


def enquiry_for(actor: Actor, enquiry_id: int | str, *, lock: bool = False) -> Enquiry:
    """The enquiry if the actor may see it; anything else is a 404 (never a 403 that confirms it exists).

    With `lock=True` the case row is read with `SELECT ... FOR UPDATE` and stays locked until the caller's
    transaction ends (call it inside one): a transition then sees the latest committed state, and a
    concurrent transition of the same case waits for this one. Raises `Http404`.
    """
    try:
        pk = int(enquiry_id)
    except (TypeError, ValueError):
        raise Http404("Enquiry not found") from None
    if not actor.is_authenticated or actor.council_id is None:
        raise Http404("Enquiry not found")
    one = Enquiry.objects.filter(pk=pk, council_id=actor.council_id)
    allowed = _visible_q(actor)
    if allowed is not None:
        # The visibility test runs on this one row (its joins can repeat it), not on the whole council.
        one = one.filter(pk__in=Enquiry.objects.filter(pk=pk).filter(allowed).values("pk"))
    if lock:
        one = one.select_for_update(of=("self",))
    enquiry = one.select_related(
        "member", "service", "category", "assigned_to", "area", "council"
    ).first()
    if enquiry is None:
        raise Http404("Enquiry not found")
    return enquiry


def acts_for_member(actor: Actor, enquiry: Enquiry) -> bool:
    """The Member themself, or democratic services raising and following up on their behalf."""
    if actor.council_id != enquiry.council_id:
        return False
    return (actor.member is not None and actor.member.pk == enquiry.member_id) or (
        actor.is_democratic_services
    )


def is_case_officer(actor: Actor, enquiry: Enquiry) -> bool:
    return actor.officer is not None and enquiry.assigned_to_id == actor.officer.pk


def manages_service(actor: Actor, enquiry: Enquiry) -> bool:
    """The Head of Service / Service Manager accountable for the enquiry (D 6.2), or a Chief Officer."""
    officer = actor.officer
    if officer is None or officer.council_id != enquiry.council_id:
        return False
    if actor.is_chief_officer or enquiry.service.head_id == officer.pk:
        return True
    return officer.service_id == enquiry.service_id and officer.grade in MANAGER_GRADES


def enquiry_actions_for(actor: Actor, enquiry: Enquiry) -> list[str]:
    """The names of the actions the actor may take on the enquiry now, as declared in
    `accord.enquiries.actions` (the page's controls, the API's `actions` and every service's re-check)."""
    return actions_of("enquiries").offered_names(actor, enquiry)
