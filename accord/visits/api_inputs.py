"""The API's inputs for premises, visits and appointments, under the API input rules (`accord.api.inputs`)."""

from __future__ import annotations

from typing import Annotated, Literal

from accord.api.inputs import Day, Fits, Id, Input, Moment, fits
from accord.visits.models import Appointment, Premises, Visit

Note = Annotated[str, Fits(max_length=2000, multiline=True)]


class PremisesIn(Input):
    name: Annotated[str, fits(Premises, "name")]
    address: Annotated[str, fits(Premises, "address")]
    postcode: Annotated[str, fits(Premises, "postcode")]
    kind: Premises.Kind
    tenure: Premises.Tenure
    manager_name: Annotated[str, fits(Premises, "manager_name")]
    manager_email: Annotated[str, fits(Premises, "manager_email")]
    cabinet_member_id: Id | None = None
    committee_id: Id | None = None


class VisitIn(Input):
    premises_id: Id
    visit_on: Day
    purpose: Visit.Purpose
    details: Note = ""
    safety_acknowledged: bool = False


class NoteIn(Input):
    note: Note = ""


class ReasonIn(Input):
    reason: Note = ""


class AppointmentIn(Input):
    officer_id: Id
    subject: Annotated[str, fits(Appointment, "subject")]
    starts_at: Moment
    ends_at: Moment
    mode: Appointment.Mode
    location: Annotated[str, fits(Appointment, "location")] = ""
    meeting_link: Annotated[str, fits(Appointment, "meeting_link")] = ""
    note: Note = ""


class CounterIn(Input):
    starts_at: Moment
    ends_at: Moment
    note: Note = ""


class ChangeIn(Input):
    starts_at: Moment
    ends_at: Moment
    mode: Appointment.Mode
    location: Annotated[str, fits(Appointment, "location")] = ""
    meeting_link: Annotated[str, fits(Appointment, "meeting_link")] = ""
    note: Note = ""


Answer = Literal["agree", "refuse"]
