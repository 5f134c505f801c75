"""Every action on a local matter, declared once (D 5.2-5.4, N 20-24): the page's controls, the API's
operations (`accord.matters.api_actions`) and each service's re-check under the row lock come from here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms

from accord.cases.actions import Action, ActionRegistry
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.matters import api_inputs as api
from accord.matters import rules, services
from accord.matters.access import is_local_member, manages_matter
from accord.matters.forms import (
    EmptyForm,
    MatterUpdateForm,
    MeetingChangeForm,
    PlaceFields,
    TextForm,
    place_from,
)
from accord.matters.models import Matter

State = Matter.State
OPEN = frozenset(Matter.OPEN_STATES)
FormFactory = Callable[..., forms.Form]


def _text(label: str, required: bool = True) -> FormFactory:
    return lambda *a, case, **kw: TextForm(*a, label=label, required=required, **kw)


def _empty(*a: Any, case: Matter, **kw: Any) -> forms.Form:
    return EmptyForm(*a, **kw)


def _is(kind: str) -> Callable[[Actor, Matter], bool]:
    return lambda actor, matter: matter.kind == kind and manages_matter(actor, matter)


def _not_meeting(actor: Actor, matter: Matter) -> bool:
    return matter.kind != Matter.Kind.PUBLIC_MEETING and manages_matter(actor, matter)


def _may_inform_outstanding(actor: Actor, matter: Matter) -> bool:
    consulted = matter.reply_by is not None
    return manages_matter(actor, matter) and bool(
        services.members_not_informed(matter, consulted=consulted)
    )


def _may_respond(actor: Actor, matter: Matter) -> bool:
    return matter.kind == Matter.Kind.CONSULTATION and is_local_member(actor, matter)


def _areas_form(*a: Any, case: Matter, **kw: Any) -> forms.Form:
    form = PlaceFields(*a, council=case.council, **kw)
    for name in ("latitude", "longitude", "easting", "northing", "polygon"):
        form.fields[name].widget = forms.HiddenInput()
    return form


def _areas_call(actor: Actor, matter: Matter, data: dict[str, Any]) -> Any:
    place = data.get("place")
    if "place" not in data:
        try:
            place = place_from(data)
        except forms.ValidationError as error:
            field, messages = next(iter(error.message_dict.items()))
            raise AccordError(messages[0], field=field) from None
    areas = data.get("area_objects")
    if areas is None:
        ids = data.get("area_ids") or []
        areas = list(matter.council.areas.filter(pk__in=ids))
        if len(areas) != len(set(ids)):
            raise AccordError(
                f"There is no such {matter.council.area_noun} at this council", field="area_ids"
            )
    return services.matter_areas_add(actor=actor, matter=matter, areas=areas, place=place)


MATTER_ACTIONS: ActionRegistry[Matter] = ActionRegistry(
    "matters",
    [
        Action(
            "update",
            "Update the matter and inform the Members again",
            _not_meeting,
            lambda a, m, d: services.matter_update(
                actor=a,
                matter=m,
                title=d["title"],
                summary=d["summary"],
                starts_on=d.get("starts_on"),
                note=d.get("note", ""),
            ),
            lambda *a, case, **kw: MatterUpdateForm(*a, matter=case, **kw),
            states=OPEN,
            cites=(rules.INFORM,),
            schema=api.MatterUpdateIn,
            summary="Change the matter's words or start; every local Member is informed again (D 5.3, N 20).",
        ),
        Action(
            "area-add",
            "Add areas and inform their Members",
            manages_matter,
            _areas_call,
            _areas_form,
            states=OPEN,
            cites=(rules.INFORM,),
            schema=api.MatterAreasIn,
            summary="Add wards or divisions (chosen, or from a place); their Members are informed (D 5.3, N 21).",
        ),
        Action(
            "inform-outstanding",
            "Inform the Members not yet informed",
            _may_inform_outstanding,
            lambda a, m, d: services.matter_inform_outstanding(actor=a, matter=m),
            _empty,
            states=OPEN,
            cites=(rules.INFORM,),
            summary="Inform local Members who took office since the matter was recorded (D 5.3, N 20).",
            secondary=False,
        ),
        Action(
            "consultation-start",
            "Mark the consultation as started",
            _is(Matter.Kind.CONSULTATION),
            lambda a, m, d: services.matter_consultation_start(actor=a, matter=m),
            _empty,
            states=frozenset({State.OPEN}),
            cites=(rules.CONSULTATION,),
            summary="Only once every local Member is notified (D 5.4) or consulted (N 24).",
            secondary=False,
        ),
        Action(
            "respond",
            "Give your view",
            _may_respond,
            lambda a, m, d: services.matter_response_add(actor=a, matter=m, text=d["text"]),
            _text("Your view on the consultation"),
            states=OPEN,
            cites=(rules.CONSULTATION,),
            schema=api.MatterTextIn,
            summary="A local Member's view on a consultation, kept on the matter (N 24).",
            secondary=False,
        ),
        Action(
            "meeting-change",
            "Change the meeting's time or place",
            _is(Matter.Kind.PUBLIC_MEETING),
            lambda a, m, d: services.matter_meeting_change(
                actor=a,
                matter=m,
                meeting_start=d["meeting_start"],
                meeting_end=d["meeting_end"],
                location=d.get("location", ""),
            ),
            lambda *a, case, **kw: MeetingChangeForm(*a, matter=case, **kw),
            states=frozenset({State.OPEN}),
            cites=(rules.PUBLIC_MEETING,),
            schema=api.MatterMeetingIn,
            summary="Sends the updated invitation (same UID, higher SEQUENCE) to every invited Member (D 5.4, N 23).",
        ),
        Action(
            "meeting-cancel",
            "Cancel the meeting",
            _is(Matter.Kind.PUBLIC_MEETING),
            lambda a, m, d: services.matter_meeting_cancel(actor=a, matter=m, reason=d["text"]),
            _text("Why it is cancelled (told to the Members)"),
            states=frozenset({State.OPEN}),
            cites=(rules.PUBLIC_MEETING,),
            schema=api.MatterTextIn,
            api_fields={"text": "text"},
            summary="Sends a cancellation (same UID, higher SEQUENCE) to every invited Member (D 5.4, N 23).",
        ),
        Action(
            "close",
            "Close the matter",
            manages_matter,
            lambda a, m, d: services.matter_close(actor=a, matter=m, note=d.get("text", "")),
            _text("Note (optional)", required=False),
            states=OPEN,
            cites=(rules.ACCOUNTABLE,),
            schema=api.MatterNoteIn,
            api_fields={"note": "text"},
            summary="Nothing more to tell the Members; the receipts and history stay.",
        ),
    ],
    visible=lambda actor, matter: actor.council_id == matter.council_id,
)
