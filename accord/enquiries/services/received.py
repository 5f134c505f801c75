"""When an enquiry was received, for one a Member made by phone, letter or e-mail and democratic services log
afterwards (D 6.3: the deadline counts from the day it was received, day zero)."""

from __future__ import annotations

import datetime as dt

from accord.core import clock
from accord.core.access import Actor
from accord.core.dates import moment_problem
from accord.core.errors import AccordError
from accord.councils.models import Council
from accord.enquiries import rules
from accord.enquiries.models import Enquiry
from accord.enquiries.services._common import (
    calendar_of,
    profile_for,
    settings_for,
    working_days_before,
)

Channel = Enquiry.Channel
LOGGED_CHANNELS = (Channel.PHONE, Channel.LETTER, Channel.EMAIL)


def enquiry_received_at(
    *,
    actor: Actor,
    council: Council,
    channel: str,
    received_at: dt.datetime | None,
    mailed: bool = False,
) -> dt.datetime:
    """The moment the enquiry was received: now for one raised in Accord, or the time democratic services
    give for one received by phone, letter or e-mail (an aware datetime; now when they give none).

    Raises `AccordError` naming the field when the channel is unknown, when anyone but democratic services
    of the council logs one (or, with `mailed`, the e-mail intake for the Member who sent it), when the time has no time zone, is in the future, or is before the council's
    `backdate_limit_working_days` (working days by the council's calendar, before today in London); the
    last cites the deadline's paragraph (D 6.3, or N 16), because the deadline counts from this moment.
    """
    if channel not in Channel.values:
        raise AccordError("Say how the enquiry was received.", field="channel")
    now = clock.now()
    if channel == Channel.ACCORD:
        if received_at is not None:
            raise AccordError(
                "An enquiry raised in Accord is received when it is raised: give the time only for "
                "one received by phone, letter or e-mail.",
                field="received_at",
            )
        return now
    # The e-mail intake raises a Member's own e-mailed enquiry with the time the mailbox received it.
    by_mailbox = mailed and channel == Channel.EMAIL and actor.member is not None
    if not (actor.is_democratic_services or by_mailbox) or actor.council_id != council.pk:
        raise AccordError(
            "Democratic services log an enquiry a Member made by phone, letter or e-mail.",
            field="channel",
        )
    if received_at is None:
        return now
    problem = moment_problem(received_at)
    if problem is not None:
        raise AccordError(f"The time received {problem}.", field="received_at")
    if received_at > now:
        raise AccordError("The time received cannot be in the future.", field="received_at")
    limit = settings_for(council).backdate_limit_working_days
    earliest = working_days_before(calendar_of(council), clock.today(), limit)
    if received_at.astimezone(clock.LONDON).date() < earliest:
        cites = rules.citations_of(
            profile_for(council), rules.RESPONSE_DEADLINE, rules.RESPONSE_SETTING
        )
        raise AccordError(
            f"The enquiry must have been received on or after {earliest:%-d %B %Y}: {council.name} "
            f"logs an enquiry up to {limit} working day{'s' if limit != 1 else ''} after it was "
            "received, and its deadline counts from the day it was received.",
            citations=cites,
            field="received_at",
        )
    return received_at


def received_words(channel: str, received_at: dt.datetime) -> str:
    """How the case's first event says it arrived: "" in Accord, else " by phone on Monday 2 March 2026 at
    09:30"."""
    if channel == Channel.ACCORD:
        return ""
    when = received_at.astimezone(clock.LONDON)
    return f" {Channel(channel).label.lower()} on {when:%A %-d %B %Y at %H:%M}"
