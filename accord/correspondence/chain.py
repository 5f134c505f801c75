"""The tamper-evident history of correspondence, press enquiries, publicity, information and support
requests: one sha256 hash chain per council (`accord.cases.history`), checked by `comms_chain_verify`."""

from __future__ import annotations

from typing import Any

from accord.cases import history
from accord.cases.history import ChainReport
from accord.correspondence.models import CASE_FIELDS, CommsChainHead, CommsEvent
from accord.councils.models import Council


def _describe(event: Any) -> str:
    for field in CASE_FIELDS:
        case = getattr(event, field)
        if case is not None:
            return str(case.reference)
    return "no case"


def comms_chain_verify(council: Council) -> ChainReport:
    """The council's correspondence history chain recomputed; `broken` names the first broken link (an
    edit, deletion or reordering made in SQL behind Accord's back)."""
    return history.chain_verify(
        council, event_model=CommsEvent, head_model=CommsChainHead, describe=_describe
    )
