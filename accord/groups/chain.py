"""The hash chains of group meeting and briefing history (`accord.cases.history`), checked per council."""

from __future__ import annotations

from accord.cases import history
from accord.cases.history import ChainReport
from accord.councils.models import Council
from accord.groups.models import (
    BriefingChainHead,
    BriefingEvent,
    GroupMeetingChainHead,
    GroupMeetingEvent,
)


def groups_chain_verify(council: Council) -> list[ChainReport]:
    """The council's group meeting chain, then its briefing chain: each names its first broken link."""
    return [
        history.chain_verify(
            council,
            event_model=GroupMeetingEvent,
            head_model=GroupMeetingChainHead,
            describe=lambda e: f"group meeting {e.case_id}",
        ),
        history.chain_verify(
            council,
            event_model=BriefingEvent,
            head_model=BriefingChainHead,
            describe=lambda e: f"briefing {e.case_id}",
        ),
    ]
