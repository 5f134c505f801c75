"""The shared case machinery: declared actions, navigation from the installed capabilities, due-date working."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from accord.cases.actions import Action, ActionRegistry, actions_of, anyone
from accord.cases.deadlines import due_date_working
from accord.cases.nav import nav_links_for, nav_sections_for
from accord.core import clock
from accord.core.access import actor_for
from accord.councils.tests import factories as cf


def _action(name: str, states: frozenset[str] = frozenset()) -> Action:
    return Action(name, name.title(), anyone, lambda a, c, d: None, lambda *a, **kw: None, states)


def test_an_action_declared_twice_is_refused_naming_it() -> None:
    with pytest.raises(ValueError, match="'visit-record' is declared twice"):
        ActionRegistry("visits", [_action("visit-record"), _action("visit-record")], visible=anyone)


def test_an_action_is_offered_only_in_its_states_and_only_on_a_visible_case() -> None:
    registry: ActionRegistry[Any] = ActionRegistry(
        "visits",
        [_action("visit-record", frozenset({"arranged"})), _action("visit-note")],
        visible=lambda actor, case: case.council == "mine",
    )
    actor: Any = object()
    assert registry.offered_names(actor, SimpleNamespace(state="arranged", council="mine")) == [
        "visit-record",
        "visit-note",
    ]
    assert registry.offered_names(actor, SimpleNamespace(state="done", council="mine")) == [
        "visit-note"
    ]
    assert registry.offered_names(actor, SimpleNamespace(state="arranged", council="other")) == []


def test_a_capability_without_actions_is_named_in_the_error() -> None:
    with pytest.raises(LookupError, match="'no-such-capability'"):
        actions_of("no-such-capability")


def test_the_api_payload_reaches_the_call_under_the_declared_names() -> None:
    action = Action(
        "chase", "Chase", anyone, lambda a, c, d: None, lambda *a, **kw: None,
        api_fields={"note": "text"},
    )  # fmt: skip
    assert action.data_from_api(None, {"note": "Any news?", "other": 1}) == {
        "text": "Any news?",
        "other": 1,
    }


def test_the_navigation_lists_what_the_installed_capabilities_register(db: None) -> None:
    council = cf.CouncilFactory()
    member = cf.MemberFactory(council=council)
    user = cf.UserFactory(council=council, member=member)
    actor = actor_for(user)
    # One item a capability in the service navigation; every page of it under its title at home.
    assert nav_links_for(actor, council)[0] == ("Enquiries", "/enquiries/")
    assert len({title for title, _ in nav_links_for(actor, council)}) == len(
        nav_links_for(actor, council)
    )
    enquiries = nav_sections_for(actor, council)[0]
    assert [label for label, _ in enquiries.links][:2] == ["Enquiries", "Shared with me"]
    assert nav_links_for(actor, None) == [] and nav_sections_for(actor, None) == []


@pytest.mark.cites("D 6.3")
def test_a_moved_due_date_is_explained_with_why(db: None) -> None:
    council = cf.CouncilFactory(profile="district")
    received = dt.datetime(2026, 3, 2, 10, tzinfo=clock.LONDON)  # a Monday
    working = due_date_working(
        council=council,
        received_at=received,
        working_days=10,
        due_date=dt.date(2026, 3, 20),
        citations=[],
        why_moved=["the clock stopped for 2 working days"],
    )
    assert working.computed.due == dt.date(2026, 3, 16)
    assert working.moved
    assert working.lines[-1] == (
        "The due date is now Friday 20 March 2026: the clock stopped for 2 working days."
    )
    same = due_date_working(
        council=council, received_at=received, working_days=10, due_date=dt.date(2026, 3, 16),
        citations=[],
    )  # fmt: skip
    assert not same.moved and "now" not in same.lines[-1]
