"""Deadlines the protocol fixes, computed with the one working-day calendar.

D 6.3: "Officers shall aim to provide a substantive response to Members' enquiries within five working days
of receipt." The number of days is data (`enquiry.response-deadline` in the profile); Norfolk fixes no
deadline, so there it is a council setting passed in by the caller.
"""

from __future__ import annotations

import datetime as dt

from accord.protocol.calendar import WorkingCalendar
from accord.protocol.decision import Decision
from accord.protocol.model import Profile

RESPONSE_DEADLINE = "enquiry.response-deadline"
HOLDING_REPLY = "enquiry.holding-reply"


def response_due(
    profile: Profile,
    calendar: WorkingCalendar,
    received: dt.datetime,
    *,
    working_days: int | None = None,
) -> Decision:
    """When the substantive response to an enquiry received at `received` is due (D 6.3).

    A profile that fixes the deadline wins; `working_days` is the council's own setting for a profile that
    does not (Norfolk).
    """
    if RESPONSE_DEADLINE in profile.rules:
        rule = profile.rule(RESPONSE_DEADLINE)
        days = int(rule.params["working_days"])
        citations = rule.citations
        source = "working days after receipt"
    elif working_days is not None:
        days = working_days
        citations = ()
        source = "working days after receipt (the council's setting)"
    else:
        raise ValueError(
            f"the {profile.key!r} profile fixes no enquiry response deadline; "
            "pass the council's setting as working_days"
        )
    due = calendar.due(received, days)
    return Decision.needs_action(
        f"A substantive response is due by the end of {due.due:%A} {due.due.day} "
        f"{due.due:%B %Y} ({days} {source}).",
        citations,
        due=due,
        action="substantive-response",
    )
