"""What every real visit and appointment obeys, whichever service or demo wrote it: database constraints
(used by the models' `Meta`), registered with `accord.core.invariants` so `accord check-invariants` runs them
over any council's data. Models are named through the app registry, never imported (`models.py` imports
these)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import BaseConstraint, CheckConstraint, F, Q

from accord.core.invariants import constraint_invariant

LINK_ONLY_WITH_PERMISSION = CheckConstraint(
    condition=~Q(permission_from="") | Q(link_hash=""),
    name="visit_link_only_with_permission",
)
ANSWERED_AFTER_REQUESTED = CheckConstraint(
    condition=Q(answered_at__isnull=True) | Q(answered_at__gte=F("created_at")),
    name="visit_answered_after_requested",
)
LINK_USED_ONLY_IF_SENT = CheckConstraint(
    condition=Q(link_used_at__isnull=True) | ~Q(link_hash=""),
    name="visit_link_used_only_if_sent",
)
PERMISSION_GIVEN_BY_LINK = CheckConstraint(
    condition=Q(permission_from="")
    | ~Q(state__in=("agreed", "refused"))
    | Q(link_used_at__isnull=False, answered_at__isnull=False),
    name="visit_permission_given_by_link",
)
VISIT_CONSTRAINTS: list[BaseConstraint] = [
    LINK_ONLY_WITH_PERMISSION,
    ANSWERED_AFTER_REQUESTED,
    LINK_USED_ONLY_IF_SENT,
    PERMISSION_GIVEN_BY_LINK,
]

ENDS_AFTER_START = CheckConstraint(
    condition=Q(ends_at__gt=F("starts_at")), name="appointment_ends_after_start"
)
ONLINE_HAS_LINK = CheckConstraint(
    condition=~Q(mode="online") | ~Q(meeting_link=""), name="appointment_online_has_link"
)
CONFIRMED_IS_RECORDED = CheckConstraint(
    condition=~Q(state="confirmed") | Q(was_confirmed=True),
    name="appointment_confirmed_is_recorded",
)
APPOINTMENT_CONSTRAINTS: list[BaseConstraint] = [
    ENDS_AFTER_START,
    ONLINE_HAS_LINK,
    CONFIRMED_IS_RECORDED,
]

VISIT, APPOINTMENT = "visits.Visit", "visits.Appointment"


def _said(words: str) -> Callable[[Any], str]:
    return lambda row: words


# (name, model, constraint, what it means, what a breach is)
for _name, _model, _constraint, _description, _breach in (
    (
        "visit.link-only-with-permission",
        VISIT,
        LINK_ONLY_WITH_PERMISSION,
        "A permission link is sent only when someone's permission is needed (N 25-27).",
        "has a permission link but needs nobody's permission",
    ),
    (
        "visit.answered-after-requested",
        VISIT,
        ANSWERED_AFTER_REQUESTED,
        "The permission-giver answers after the visit was requested (N 25).",
        "answered before it was requested",
    ),
    (
        "visit.link-used-only-if-sent",
        VISIT,
        LINK_USED_ONLY_IF_SENT,
        "Only a link that was sent can be used (N 25).",
        "a link is marked used but none was sent",
    ),
    (
        "visit.permission-given-by-link",
        VISIT,
        PERMISSION_GIVEN_BY_LINK,
        "A visit needing permission is agreed or refused only by the permission-giver's answer from "
        "their link (N 25, N 26, N 27).",
        "agreed or refused without an answer from the link",
    ),
    (
        "appointment.ends-after-start",
        APPOINTMENT,
        ENDS_AFTER_START,
        "An appointment ends after it starts (D 4.7).",
        "ends before it starts",
    ),
    (
        "appointment.online-has-link",
        APPOINTMENT,
        ONLINE_HAS_LINK,
        "An online appointment has its meeting link (D 4.7).",
        "online without a meeting link",
    ),
    (
        "appointment.confirmed-is-recorded",
        APPOINTMENT,
        CONFIRMED_IS_RECORDED,
        "A confirmed appointment is marked as having been confirmed, so its cancellation reaches both "
        "calendars (D 4.7).",
        "confirmed but not recorded as confirmed",
    ),
):
    constraint_invariant(
        _name,
        model=_model,
        constraint=_constraint,
        description=_description,
        detail=_said(_breach),
    )
