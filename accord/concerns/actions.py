"""Every action on a concern, declared once (D 11.3, D 11.5, N 3): who may take it, from which states, the
rule it cites, the service it calls and its input. The case page's controls, the API's operations and each
service's re-check under the row lock all come from `CONCERN_ACTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from django import forms
from ninja import Field

from accord.api.inputs import Fits, Input, Moment
from accord.cases.actions import Action, ActionRegistry
from accord.concerns import rules, services
from accord.concerns.access import is_handler, is_raiser
from accord.concerns.forms import MeetingForm, NoteForm
from accord.concerns.models import DETAILS_MAX, PLACE_MAX, Concern
from accord.core.access import Actor

State = Concern.State
Kind = Concern.Kind
OPEN = frozenset(Concern.OPEN_STATES)
Note = Annotated[str, Fits(max_length=DETAILS_MAX, multiline=True)]


class NoteIn(Input):
    note: Note


class NoteOptionalIn(Input):
    note: Note = ""


class MeetingIn(Input):
    starts_at: Moment
    minutes: Annotated[
        int,
        Field(
            ge=services.MEETING_MINUTES[0],
            le=services.MEETING_MINUTES[1],
            description="How long the meeting lasts, in minutes",
        ),
    ]
    place: Annotated[str, Fits(max_length=PLACE_MAX)]
    audit_chair: bool = Field(
        False, description="Invite the Chair of the Audit and Standards Committee (D 11.3)"
    )


def _note(label: str, required: bool = True) -> Callable[..., forms.Form]:
    return lambda *a, case, **kw: NoteForm(*a, label=label, required=required, **kw)


def _meeting_form(*args: Any, case: Concern, **kwargs: Any) -> forms.Form:
    return MeetingForm(*args, **kwargs)


def _handler_of(*kinds: str) -> Callable[[Actor, Concern], bool]:
    def allowed(actor: Actor, concern: Concern) -> bool:
        return is_handler(actor, concern) and (not kinds or concern.kind in kinds)

    return allowed


def _arrange(actor: Actor, concern: Concern, data: dict[str, Any]) -> Any:
    return services.concern_meeting_arrange(
        actor=actor,
        concern=concern,
        starts_at=data["starts_at"],
        minutes=data["minutes"],
        place=data["place"],
        audit_chair=bool(data.get("audit_chair")),
    )


def _close(action: str) -> Callable[[Actor, Concern, dict[str, Any]], Any]:
    return lambda a, c, d: services.concern_close(
        actor=a, concern=c, action=action, note=d.get("text", "")
    )


def _raiser_or_handler(actor: Actor, concern: Concern) -> bool:
    return is_raiser(actor, concern) or is_handler(actor, concern)


CONCERN_ACTIONS: ActionRegistry[Concern] = ActionRegistry(
    "concerns",
    [
        Action(
            "meeting-arrange",
            "Arrange the informal meeting",
            _handler_of(Kind.DIFFICULTY),
            _arrange,
            _meeting_form,
            states=frozenset({State.RAISED}),
            cites=(rules.INFORMAL_MEETING,),
            schema=MeetingIn,
            summary="The Monitoring Officer invites the Member, the officer, the Member's Group Leader "
            "and the Chief Executive, with an iCalendar invitation (D 11.3).",
            secondary=False,
        ),
        Action(
            "meeting-change",
            "Change the meeting's time or place",
            _handler_of(Kind.DIFFICULTY),
            _arrange,
            _meeting_form,
            states=frozenset({State.MEETING_ARRANGED}),
            cites=(rules.INFORMAL_MEETING,),
            schema=MeetingIn,
            summary="The same invitation again, with a higher SEQUENCE (D 11.3).",
        ),
        Action(
            "resolve",
            "Record that it is resolved informally",
            _handler_of(),
            _close("resolve"),
            _note("What was agreed"),
            states=OPEN,
            cites=(rules.PRIVATE,),
            schema=NoteIn,
            api_fields={"note": "text"},
            summary="Resolved informally (D 11.2-11.5, N 3).",
        ),
        Action(
            "formal-complaint",
            "Proceed as a formal Member complaint",
            _handler_of(Kind.DIFFICULTY),
            _close("formal-complaint"),
            _note("Why it could not be resolved"),
            states=frozenset({State.MEETING_ARRANGED}),
            cites=(rules.INFORMAL_MEETING,),
            schema=NoteIn,
            api_fields={"note": "text"},
            summary="Unresolved after the informal meeting: a formal Member complaint handled by the "
            "Monitoring Officer (D 11.3).",
        ),
        Action(
            "disciplinary",
            "Invoke the Disciplinary Procedure",
            lambda actor, concern: (
                _handler_of(Kind.ABOUT_OFFICER)(actor, concern)
                and rules.ABOUT_SENIOR_OFFICER in services.profile_for(concern.council).rules
            ),
            _close("disciplinary"),
            _note("Why it could not be resolved informally"),
            states=frozenset({State.RAISED}),
            cites=(rules.ABOUT_SENIOR_OFFICER,),
            schema=NoteIn,
            api_fields={"note": "text"},
            summary="Unresolved informally: the council's Disciplinary Procedure (D 11.5).",
        ),
        Action(
            "note",
            "Add a note",
            _raiser_or_handler,
            lambda a, c, d: services.concern_note_add(actor=a, concern=c, text=d["text"]),
            _note("Note"),
            states=OPEN,
            cites=(rules.PRIVATE,),
            schema=NoteIn,
            api_fields={"note": "text"},
            summary="A note on the record, kept in the history.",
        ),
        Action(
            "withdraw",
            "Withdraw the concern",
            is_raiser,
            _close("withdraw"),
            _note("Why (optional)", required=False),
            states=frozenset({State.RAISED}),
            cites=(rules.PRIVATE,),
            schema=NoteOptionalIn,
            api_fields={"note": "text"},
            summary="The person who raised it withdraws it before a meeting is arranged.",
        ),
    ],
    visible=lambda actor, concern: (
        actor.is_authenticated and actor.council_id == concern.council_id
    ),
)
