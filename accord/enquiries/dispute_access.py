"""Who may see an N 17 dispute over a document, and which step they may take now.

Fetch-and-authorise in one step, as for enquiries: `dispute_for` returns the dispute or raises `Http404`. A
dispute is seen by the Member who asked for the document, the Chief Officer who declined it, the Head of Paid
Service (who decides it), democratic services (who record the Council's decision) and the Monitoring Officer,
all of the dispute's council; anyone else, another Member or Chief Officer included, gets "not found".
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.core.access import Actor, is_monitoring_officer
from accord.councils.models import Council
from accord.enquiries import rules
from accord.enquiries.models import InformationDispute
from accord.enquiries.services._common import HEAD_OF_PAID_SERVICE
from accord.protocol import ProfileError, load_profile

State = InformationDispute.State

# The steps after the Chief Officer's refusal (N 17), in the order they happen.
STEPS = ("dispute", "decide", "refer", "council-decide")


def is_head_of_paid_service(actor: Actor) -> bool:
    """The Head of Paid Service decides a dispute (N 17)."""
    return actor.has_statutory_role(HEAD_OF_PAID_SERVICE)


def _sees_every_dispute(actor: Actor) -> bool:
    return (
        actor.is_democratic_services
        or is_monitoring_officer(actor)
        or is_head_of_paid_service(actor)
    )


def disputes_visible_to(actor: Actor) -> QuerySet[InformationDispute]:
    """Every dispute the actor may see, newest first (the base of any list of disputes)."""
    if not actor.is_authenticated or actor.council_id is None:
        return InformationDispute.objects.none()
    mine = InformationDispute.objects.filter(council_id=actor.council_id).select_related(
        "member", "chief_officer", "enquiry", "council"
    )
    if not _sees_every_dispute(actor):
        allowed = Q(pk__in=[])
        if actor.member is not None:
            allowed |= Q(member=actor.member)
        if actor.officer is not None and actor.is_chief_officer:
            allowed |= Q(chief_officer=actor.officer)
        mine = mine.filter(allowed)
    return mine.order_by("-created", "-id")


def dispute_for(actor: Actor, dispute_id: int | str) -> InformationDispute:
    """The dispute if the actor may see it; anything else is a 404 (never a 403 that confirms it exists)."""
    try:
        pk = int(dispute_id)
    except (TypeError, ValueError):
        raise Http404("Dispute not found") from None
    found = disputes_visible_to(actor).filter(pk=pk).first()
    if found is None:
        raise Http404("Dispute not found")
    return found


def may_take(actor: Actor, dispute: InformationDispute, step: str) -> bool:
    """Whether the actor is the person who takes `step` of this dispute, whatever its state (N 17)."""
    if actor.council_id != dispute.council_id:
        return False
    is_the_member = actor.member is not None and actor.member.pk == dispute.member_id
    if step == "dispute":
        return is_the_member
    if step == "decide":
        return is_head_of_paid_service(actor)
    if step == "refer":
        return is_the_member or is_head_of_paid_service(actor)
    if step == "council-decide":
        return actor.is_democratic_services
    return False


def _state_allows(actor: Actor, dispute: InformationDispute, step: str) -> bool:
    state = dispute.state
    if step == "dispute":
        return state == State.DECLINED
    if step == "decide":
        return state == State.DISPUTED
    if step == "refer":
        # The Member goes to the Council after the Head of Paid Service's decision; the Head of Paid
        # Service may send an unresolved dispute there at once.
        if is_head_of_paid_service(actor):
            return state in (State.DISPUTED, State.UPHELD)
        return state == State.UPHELD
    if step == "council-decide":
        return state == State.REFERRED
    return False


def dispute_actions_for(actor: Actor, dispute: InformationDispute) -> list[str]:
    """The steps the actor may take on the dispute now, by name, for the page and the API to offer."""
    return [s for s in STEPS if may_take(actor, dispute, s) and _state_allows(actor, dispute, s)]


def disputes_in_nav(actor: Actor, council: Council) -> bool:
    """Whether the navigation offers the disputes pages: to those who take part in a dispute, at a council
    whose protocol has the procedure (N 17)."""
    try:
        profile = load_profile(council.profile)
    except (ProfileError, KeyError, FileNotFoundError, ValueError):
        return False
    if rules.INFORMATION_DISPUTE not in profile.rules:
        return False
    return actor.member is not None or actor.is_chief_officer or _sees_every_dispute(actor)
