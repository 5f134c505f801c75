"""Correspondence, press enquiries, publicity and information requests for tests, made through the
services themselves (so every test object has its history)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from accord.core import clock
from accord.core.access import actor_for
from accord.correspondence import services
from accord.correspondence.models import (
    Correspondence,
    InformationRequest,
    PreElectionPeriod,
    PressEnquiry,
    PublicityRequest,
)
from accord.councils.models import Council, Member


def letter_draft(user: Any, **fields: Any) -> Correspondence:
    """A draft by a Member in their own name to a constituent about a local matter (D 8.2), or by an
    officer in their own name, unless `fields` say otherwise."""
    member = user.member is not None
    values: dict[str, Any] = {
        "subject": "Parking on Abbey Road",
        "body": "Thank you for writing about parking on Abbey Road.",
        "recipients": "Mrs J Smith, 12 Abbey Road",
        "signed_as": "member" if member else "officer",
        "basis": "local-matter" if member else "council",
        "no_political_comment": True,
        **fields,
    }
    return services.correspondence_draft(actor=actor_for(user), council=user.council, **values)


def press_log(user: Any, **fields: Any) -> PressEnquiry:
    values: dict[str, Any] = {
        "outlet": "Testshire Gazette",
        "journalist": "Pat Reporter",
        "contact": "pat@gazette.example",
        "question": "How many bins were missed on Abbey Road last month?",
        "received_at": clock.now(),
        **fields,
    }
    return services.press_enquiry_log(actor=actor_for(user), council=user.council, **values)


def publicity_ask(user: Any, **fields: Any) -> PublicityRequest:
    values: dict[str, Any] = {
        "title": "New recycling centre opens",
        "content": "The Council's new recycling centre opens on Monday.",
        "channel": "press-release",
        "capacity": "council",
        "featured": [],
        **fields,
    }
    return services.publicity_request(actor=actor_for(user), council=user.council, **values)


def information_log(user: Any, **fields: Any) -> InformationRequest:
    today = clock.today()
    values: dict[str, Any] = {
        "regime": "foi",
        "requester": "Robin Requester",
        "request": "All correspondence about Abbey Road.",
        "terms": "Abbey",
        "date_from": today - dt.timedelta(days=365),
        "date_to": today,
        "received_on": today,
        **fields,
    }
    return services.information_request_log(actor=actor_for(user), council=user.council, **values)


def period_now(council: Council, standing: list[Member]) -> PreElectionPeriod:
    """A pre-election period that includes today, with the Members standing."""
    today = clock.today()
    period = PreElectionPeriod.objects.create(
        council=council,
        election="District elections",
        notice_of_election=today - dt.timedelta(days=10),
        polling_day=today + dt.timedelta(days=20),
    )
    period.standing.set(standing)
    return period
