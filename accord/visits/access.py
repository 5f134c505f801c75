"""Who may see a visit or an appointment: fetch-and-authorise in one step.

A Member sees their own visits; democratic services, Chief Officers and the Monitoring Officer see every visit
of their council. An appointment is seen only by its Member and its officer. Anything else, and anything of
another council, is "not found" (`Http404`), never a 403 that confirms it exists. The permission-giver has no
account: they reach one visit through its single-use link (`accord.visits.services.visit_for_link`).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from accord.core.access import Actor, is_monitoring_officer
from accord.visits.models import Appointment, Premises, Visit


def sees_every_visit(actor: Actor) -> bool:
    return actor.is_democratic_services or actor.is_chief_officer or is_monitoring_officer(actor)


def keeps_register(actor: Actor) -> bool:
    """Democratic services keep the council's register of premises."""
    return actor.is_democratic_services


def premises_visible_to(actor: Actor) -> QuerySet[Premises]:
    """The register of the actor's council: every signed-in person of the council may read it."""
    if not actor.is_authenticated or actor.council_id is None:
        return Premises.objects.none()
    return Premises.objects.filter(council_id=actor.council_id).select_related("area")


def premises_for(actor: Actor, premises_id: int | str) -> Premises:
    """One of the council's premises, or `Http404`."""
    try:
        pk = int(premises_id)
    except (TypeError, ValueError):
        raise Http404("Premises not found") from None
    found = premises_visible_to(actor).filter(pk=pk).first()
    if found is None:
        raise Http404("Premises not found")
    return found


def visits_visible_to(actor: Actor) -> QuerySet[Visit]:
    """Every visit the actor may see: their own as a Member, or all of the council's for those who
    support the procedure."""
    if not actor.is_authenticated or actor.council_id is None:
        return Visit.objects.none()
    mine = Visit.objects.filter(council_id=actor.council_id)
    if sees_every_visit(actor):
        return mine
    if actor.member is not None:
        return mine.filter(member=actor.member)
    return Visit.objects.none()


def visit_for(actor: Actor, visit_id: int | str, *, lock: bool = False) -> Visit:
    """The visit if the actor may see it, else `Http404`. With `lock=True` the row is read
    `SELECT ... FOR UPDATE` (call inside the service's transaction)."""
    try:
        pk = int(visit_id)
    except (TypeError, ValueError):
        raise Http404("Visit not found") from None
    one = visits_visible_to(actor).filter(pk=pk)
    if lock:
        one = one.select_for_update(of=("self",))
    visit = one.select_related("member", "premises", "premises__area", "council").first()
    if visit is None:
        raise Http404("Visit not found")
    return visit


def is_visit_member(actor: Actor, visit: Visit) -> bool:
    return actor.member is not None and actor.member.pk == visit.member_id


def appointments_visible_to(actor: Actor) -> QuerySet[Appointment]:
    """The appointments the actor is party to: as the Member who booked, or as the officer booked."""
    if not actor.is_authenticated or actor.council_id is None:
        return Appointment.objects.none()
    parties = Q(pk__in=[])
    if actor.member is not None:
        parties |= Q(member=actor.member)
    if actor.officer is not None:
        parties |= Q(officer=actor.officer)
    return Appointment.objects.filter(parties, council_id=actor.council_id)


def appointment_for(actor: Actor, appointment_id: int | str, *, lock: bool = False) -> Appointment:
    """The appointment if the actor is party to it, else `Http404`; `lock` as for `visit_for`."""
    try:
        pk = int(appointment_id)
    except (TypeError, ValueError):
        raise Http404("Appointment not found") from None
    one = appointments_visible_to(actor).filter(pk=pk)
    if lock:
        one = one.select_for_update(of=("self",))
    appointment = one.select_related("member", "officer", "council").first()
    if appointment is None:
        raise Http404("Appointment not found")
    return appointment


def is_appointment_member(actor: Actor, appointment: Appointment) -> bool:
    return actor.member is not None and actor.member.pk == appointment.member_id


def is_appointment_officer(actor: Actor, appointment: Appointment) -> bool:
    return actor.officer is not None and actor.officer.pk == appointment.officer_id


def is_appointment_party(actor: Actor, appointment: Appointment) -> bool:
    return is_appointment_member(actor, appointment) or is_appointment_officer(actor, appointment)
