"""Group meetings and briefings as a source for information requests (D 8.3, `accord.cases.disclosure`).

What a political group says is confidential to it (D 7.3, N 19(h)), and its own notes and minutes are
held for the group, not by the Council (FOIA s.3(2)(a)), so they are never searched. The Council does hold
the record of an officer's attendance and advice and of the briefings officers give: those are found, but
a group meeting and a confidential briefing are only **flagged for review**, with no text and no subject,
and never go into a bundle (`DisclosureHit.confidential`). A briefing that is not confidential (N 15) is
an ordinary record.
"""

from __future__ import annotations

import datetime as dt

from accord.cases.disclosure import DisclosureHit, disclosure_filter
from accord.core.access import Actor
from accord.councils.models import Council
from accord.groups.models import Briefing, GroupMeeting

REVIEW = (
    "Flagged for review with the Monitoring Officer before any disclosure (D 7.3, N 19(h), N 14)."
)


def group_disclosure_hits(
    council: Council, actor: Actor, query: str, date_from: dt.date, date_to: dt.date
) -> list[DisclosureHit]:
    """Group meetings with an officer (matched on the subject and the officer's advice) and briefings
    (subject, details, information given) of `council` made within the period: confidential ones flagged,
    with neither subject nor text."""
    meetings = disclosure_filter(
        GroupMeeting.objects.filter(council=council),
        query,
        fields=("subject", "advice"),
        at="created_at",
        date_from=date_from,
        date_to=date_to,
    ).select_related("group")
    hits = [
        DisclosureHit(
            source="Officers at political group meetings",
            reference=f"GM-{m.pk}",
            title=f"{m.group.name}: a meeting with an officer on {m.meeting_date:%d %B %Y}",
            at=m.created_at,
            text=REVIEW,
            confidential=True,
        )
        for m in meetings.order_by("created_at", "pk")[:500]
    ]
    briefings = disclosure_filter(
        Briefing.objects.filter(council=council),
        query,
        fields=("subject", "details", "information"),
        at="created_at",
        date_from=date_from,
        date_to=date_to,
    ).select_related("requester", "officer")
    for b in briefings.order_by("created_at", "pk")[:500]:
        if b.confidential:
            hits.append(
                DisclosureHit(
                    source="Briefings",
                    reference=f"BR-{b.pk}",
                    title="A private and confidential briefing",
                    at=b.created_at,
                    text=REVIEW,
                    confidential=True,
                )
            )
            continue
        parts = [
            f"Requested by {b.requester.name}; briefing officer {b.officer.name}. "
            f"State: {b.get_state_display()}.",
            b.details,
            f"Information given: {b.information}" if b.information else "",
        ]
        hits.append(
            DisclosureHit(
                source="Briefings",
                reference=f"BR-{b.pk}",
                title=b.subject,
                at=b.created_at,
                text="\n\n".join(p for p in parts if p),
            )
        )
    return hits
