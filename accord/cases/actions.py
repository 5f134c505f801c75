"""One declaration per action on a case: who may take it, from which states, the rule it cites, the service
it calls and its input, so that the permission check, the page's control and the API operation all come from
the same place and cannot drift apart.

A capability builds an `ActionRegistry` of its `Action`s (`accord.enquiries.actions`); its access module asks
the registry what an actor may do now, its case page draws one control per offered action and posts it to
the action's route, and its API router gets one POST operation per action at `<case path>/<name>`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django import forms

from accord.core.access import Actor

Case = TypeVar("Case")
Predicate = Callable[[Actor, Any], bool]


def anyone(actor: Actor, case: Any) -> bool:
    """The predicate of an action every actor who may see the case may take (the states still apply)."""
    return True


@dataclass(frozen=True)
class Action:
    """One thing an actor may do to a case.

    - `name`: the slug used in the page's route, the API path and the `actions` list (`holding-reply`).
    - `label`: the page's button, in the protocol's words ("Send a holding reply").
    - `states`: the case states it may be taken from (the case's `state` values); empty means any state.
    - `allowed`: `(actor, case) -> bool`, who may take it (and any condition beyond the state).
    - `cites`: the profile rule ids behind it (`enquiry.holding-reply`), resolved to paragraphs per council.
    - `form`: the page's input, built as `form(data, files, prefix=name, case=case)`.
    - `schema`: the API's input (a ninja `Schema`), or None for an action that takes none.
    - `call`: `(actor, case, data) -> Any`, the one service it runs; `data` holds the form's cleaned data
      or the API payload renamed by `api_fields` (API field -> data key), so both reach the same call.
    - `api_refs`: `(case, payload) -> None`, checks that the API payload's references (an officer's id)
      name something of the case's council, refusing with a 422 naming the field before the call.
    - `files`: the API takes the input as a multipart form with files (`upload`) rather than JSON.
    - `link`: for an action whose page control is a link to its own page, `case -> url`.
    - `api_aliases`: older API paths kept for the same operation (marked deprecated in the OpenAPI).
    - `prechecked`: the page refuses the action when it is not offered; False for one decided only under
      the case's row lock (claiming: the loser of a race is told who has the case, D 6.2).
    """

    name: str
    label: str
    allowed: Predicate
    call: Callable[[Actor, Any, dict[str, Any]], Any]
    form: Callable[..., forms.Form]
    states: frozenset[str] = frozenset()
    cites: tuple[str, ...] = ()
    schema: type | None = None
    api_fields: Mapping[str, str] = field(default_factory=dict)
    api_refs: Callable[[Any, dict[str, Any]], None] | None = None
    summary: str = ""
    files: bool = False
    link: Callable[[Any], str] | None = None
    api_aliases: tuple[str, ...] = ()
    secondary: bool = True
    prechecked: bool = True

    def offered(self, actor: Actor, case: Any) -> bool:
        """Whether the actor may take this action on the case now (its state and its predicate)."""
        if self.states and case.state not in self.states:
            return False
        return self.allowed(actor, case)

    def data_from_api(self, case: Any, payload: dict[str, Any]) -> dict[str, Any]:
        """The API payload as the data the call takes: its references checked (`api_refs`), then each field
        renamed by `api_fields`."""
        if self.api_refs is not None:
            self.api_refs(case, payload)
        return {self.api_fields.get(k, k): v for k, v in payload.items()}


class ActionRegistry(Generic[Case]):
    """The declared actions of one capability, in the order the page offers them."""

    def __init__(self, capability: str, actions: Iterable[Action], *, visible: Predicate) -> None:
        self.capability = capability
        self._visible = visible
        self._actions: dict[str, Action] = {}
        for action in actions:
            if action.name in self._actions:
                raise ValueError(f"{capability}: the action {action.name!r} is declared twice")
            self._actions[action.name] = action

    def __iter__(self) -> Iterator[Action]:
        return iter(self._actions.values())

    def __contains__(self, name: object) -> bool:
        return name in self._actions

    def get(self, name: str) -> Action | None:
        return self._actions.get(name)

    def offered(self, actor: Actor, case: Case) -> list[Action]:
        """The actions the actor may take on the case now: none for a case outside their council."""
        if not self._visible(actor, case):
            return []
        return [a for a in self._actions.values() if a.offered(actor, case)]

    def offered_names(self, actor: Actor, case: Case) -> list[str]:
        return [a.name for a in self.offered(actor, case)]


_REGISTRIES: dict[str, ActionRegistry[Any]] = {}


def actions_register(registry: ActionRegistry[Any]) -> None:
    """Install a capability's actions (from its `AppConfig.ready`), once."""
    _REGISTRIES[registry.capability] = registry


def actions_of(capability: str) -> ActionRegistry[Any]:
    """The installed actions of a capability. Raises `LookupError` naming it if none were registered."""
    try:
        return _REGISTRIES[capability]
    except KeyError:
        raise LookupError(f"No actions are registered for {capability!r}") from None


@dataclass(frozen=True)
class Control:
    """One offered action as the case page draws it: a form posted to `post`, or a link to `href`."""

    action: Action
    form: forms.Form | None
    post: str = ""
    href: str = ""


def controls_for(
    registry: ActionRegistry[Any],
    actor: Actor,
    case: Any,
    *,
    post: Callable[[Action], str],
    bound: Mapping[str, forms.Form] | None = None,
) -> list[Control]:
    """The case page's controls for what the actor may do now, one per offered action, in declared order.

    `post(action)` is the URL the action's form posts to; `bound` holds a form already filled in (to show
    its errors) by action name."""
    controls = []
    for action in registry.offered(actor, case):
        if action.link is not None:
            controls.append(Control(action, None, href=action.link(case)))
            continue
        form = (bound or {}).get(action.name) or action.form(
            None, None, prefix=action.name, case=case
        )
        controls.append(Control(action, form, post=post(action)))
    return controls
