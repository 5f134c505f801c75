"""Every action on a visit (N 25) and on an appointment (D 4.7), declared once: the permission check (re-checked
by each service under the row lock), the case page's controls and the API's operations come from here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from accord.cases.actions import Action, ActionRegistry
from accord.core.access import Actor
from accord.visits import api_inputs as api
from accord.visits import appointments, rules, services
from accord.visits.access import (
    is_appointment_member,
    is_appointment_officer,
    is_appointment_party,
    is_visit_member,
)
from accord.visits.forms import ChangeForm, CounterForm, TextForm
from accord.visits.models import Appointment, Visit

FormFactory = Callable[..., forms.Form]
AState = Appointment.State


def _text(label: str, required: bool = False) -> FormFactory:
    return lambda *a, case, **kw: TextForm(*a, label=label, required=required, **kw)


def _plain(form: type[forms.Form]) -> FormFactory:
    return lambda *a, case, **kw: form(*a, **kw)


def _same_council(actor: Actor, case: Any) -> bool:
    return actor.is_authenticated and actor.council_id == case.council_id


VISIT_ACTIONS: ActionRegistry[Visit] = ActionRegistry(
    "visits",
    [
        Action(
            "visit-withdraw",
            "Withdraw the visit",
            is_visit_member,
            lambda a, v, d: services.visit_withdraw(actor=a, visit=v, note=d["text"]),
            _text("Note to the local manager (optional)"),
            states=frozenset(Visit.OPEN_STATES),
            cites=(rules.PREMISES,),
            schema=api.NoteIn,
            api_fields={"note": "text"},
            summary="The Member withdraws a visit still open; an unused permission link stops working "
            "(N 25).",
        ),
    ],
    visible=_same_council,
)

NOTE = {"note": "text", "reason": "text"}

APPOINTMENT_ACTIONS: ActionRegistry[Appointment] = ActionRegistry(
    "appointments",
    [
        Action(
            "appointment-confirm",
            "Confirm the time",
            is_appointment_officer,
            lambda a, x, d: appointments.appointment_confirm(
                actor=a, appointment=x, note=d["text"]
            ),
            _text("Note to the Member (optional)"),
            states=frozenset({AState.REQUESTED}),
            cites=(rules.APPOINTMENT,),
            schema=api.NoteIn,
            api_fields=NOTE,
            summary="The officer confirms the time; both get a calendar invitation (D 4.7).",
            secondary=False,
        ),
        Action(
            "appointment-counter",
            "Propose another time",
            is_appointment_officer,
            lambda a, x, d: appointments.appointment_counter(
                actor=a,
                appointment=x,
                starts_at=d["starts_at"],
                ends_at=d["ends_at"],
                note=d["note"],
            ),
            _plain(CounterForm),
            states=frozenset({AState.REQUESTED}),
            cites=(rules.APPOINTMENT,),
            schema=api.CounterIn,
            summary="The officer proposes another time for the Member to accept (D 4.7).",
        ),
        Action(
            "appointment-accept",
            "Accept the proposed time",
            is_appointment_member,
            lambda a, x, d: appointments.appointment_accept(actor=a, appointment=x, note=d["text"]),
            _text("Note to the officer (optional)"),
            states=frozenset({AState.COUNTERED}),
            cites=(rules.APPOINTMENT,),
            schema=api.NoteIn,
            api_fields=NOTE,
            summary="The Member accepts the officer's time; both get a calendar invitation (D 4.7).",
            secondary=False,
        ),
        Action(
            "appointment-change",
            "Change the meeting",
            is_appointment_party,
            lambda a, x, d: appointments.appointment_change(
                actor=a,
                appointment=x,
                starts_at=d["starts_at"],
                ends_at=d["ends_at"],
                mode=d["mode"],
                location=d["location"],
                meeting_link=d["meeting_link"],
                note=d["note"],
            ),
            _plain(ChangeForm),
            states=frozenset({AState.CONFIRMED}),
            cites=(rules.APPOINTMENT,),
            schema=api.ChangeIn,
            summary="Move a confirmed meeting or change where it is: both calendars are updated "
            "(same UID, SEQUENCE up) (D 4.7).",
        ),
        Action(
            "appointment-cancel",
            "Cancel the appointment",
            is_appointment_party,
            lambda a, x, d: appointments.appointment_cancel(
                actor=a, appointment=x, reason=d["text"]
            ),
            _text("Why it is cancelled (optional)"),
            states=frozenset(Appointment.OPEN_STATES),
            cites=(rules.APPOINTMENT,),
            schema=api.ReasonIn,
            api_fields=NOTE,
            summary="Cancel the appointment; a confirmed one is removed from both calendars (D 4.7).",
        ),
    ],
    visible=_same_council,
)
