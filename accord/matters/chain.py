"""The hash chain of local matters' history (`accord.cases.history`), checked per council."""

from __future__ import annotations

from accord.cases import history
from accord.cases.history import ChainReport
from accord.councils.models import Council
from accord.matters.models import MatterChainHead, MatterEvent


def matters_chain_verify(council: Council) -> ChainReport:
    """The council's local matters chain recomputed; `broken` names the first broken link."""
    return history.chain_verify(
        council,
        event_model=MatterEvent,
        head_model=MatterChainHead,
        describe=lambda e: f"matter {e.matter.reference}",  # type: ignore[attr-defined]
    )
