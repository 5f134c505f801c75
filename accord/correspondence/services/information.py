"""Information requests (D 8.3): logged with their statutory deadline, searched across what Accord holds,
exported as one bundle and tracked to the answer.

The deadline is worked out by the council's calendar when the request is logged and kept with it:
20 working days after receipt for a Freedom of Information request (FOIA s.10), one calendar month for
subject access (UK GDPR Art. 12(3)). The search runs every registered source (`accord.cases.disclosure`)
as the person searching, so the bundle never holds what their role may not see; confidential material is
flagged for review and left out of the bundle.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from django.db import transaction
from django.template.loader import render_to_string

from accord.cases import disclosure
from accord.cases.disclosure import DisclosureHits, disclosure_search
from accord.core import clock
from accord.core.access import Actor
from accord.core.csv import csv_lines
from accord.core.errors import AccordError
from accord.correspondence import rules
from accord.correspondence.access import handles_information_requests
from accord.correspondence.models import InformationRequest
from accord.correspondence.services._common import (
    event_add,
    profile_of,
    reference_placeholder,
    reference_set,
)
from accord.councils.models import Council

Regime = InformationRequest.Regime
SAFE = re.compile(r"[^A-Za-z0-9-]+")
INDEX_HEADER = ("file", "source", "reference", "title", "date", "exported", "note")


def statutory_citation(regime: str) -> dict[str, str]:
    return rules.FOIA_S10 if regime == Regime.FREEDOM_OF_INFORMATION else rules.GDPR_ART12


def information_due(council: Council, regime: str, received_on: dt.date) -> dt.date:
    """The statutory deadline of a request received on `received_on` (FOIA s.10 or UK GDPR Art. 12(3)),
    by the law's working days: the council's closure days never extend it."""
    if regime == Regime.FREEDOM_OF_INFORMATION:
        return rules.foia_due(received_on)
    return rules.subject_access_due(received_on)


def information_request_log(
    *,
    actor: Actor,
    council: Council,
    regime: str,
    requester: str,
    request: str,
    terms: str,
    date_from: dt.date,
    date_to: dt.date,
    received_on: dt.date,
) -> InformationRequest:
    """Log a request with its statutory deadline. Raises `AccordError` for a period that starts after it
    ends or a receipt in the future."""
    user = actor.user
    if user is None or not handles_information_requests(actor) or actor.council_id != council.pk:
        raise AccordError(
            "Only democratic services and the Monitoring Officer log information requests."
        )
    if date_from > date_to:
        raise AccordError(
            "The period searched must start on or before the day it ends.", field="date_from"
        )
    if received_on > clock.today():
        raise AccordError("The day it was received cannot be in the future.", field="received_on")
    due = information_due(council, regime, received_on)
    citation = statutory_citation(regime)
    with transaction.atomic():
        info = InformationRequest.objects.create(
            council=council,
            reference=reference_placeholder(),
            regime=regime,
            requester=requester,
            request=request,
            terms=terms,
            date_from=date_from,
            date_to=date_to,
            received_on=received_on,
            due_date=due,
            created_by=user,
            created_at=clock.now(),
        )
        reference_set(info)
        event_add(
            info,
            actor=actor,
            kind="logged",
            description=f"Logged; the statutory response is due by {due:%-d %B %Y}.",
            citations=[
                *rules.citations_of(profile_of(council), rules.FREEDOM_OF_INFORMATION),
                citation,
            ],
            data={"request": request, "terms": terms, "due_date": due.isoformat()},
        )
    return info


def information_request_hits(actor: Actor, info: InformationRequest) -> DisclosureHits:
    """What Accord holds for the request's terms and period, as the searcher may see it (with the kinds of
    record that found more than are listed, `incomplete`)."""
    return disclosure_search(
        council=info.council,
        actor=actor,
        query=info.terms,
        date_from=info.date_from,
        date_to=info.date_to,
    )


def information_request_answer(
    *, actor: Actor, info: InformationRequest, response: str
) -> InformationRequest:
    """Record the response sent to the requester; the request is answered, on time or late."""
    with transaction.atomic():
        fresh = InformationRequest.objects.select_for_update().get(pk=info.pk)
        if fresh.state != InformationRequest.State.OPEN or not handles_information_requests(actor):
            raise AccordError("This request has already been answered.")
        fresh.state, fresh.response, fresh.answered_at = (
            InformationRequest.State.ANSWERED,
            response,
            clock.now(),
        )
        fresh.save(update_fields=["state", "response", "answered_at"])
        late = clock.today() > fresh.due_date
        event_add(
            fresh,
            actor=actor,
            kind="answered",
            description=f"Answered {'after' if late else 'by'} the statutory deadline of "
            f"{fresh.due_date:%-d %B %Y}.",
            citations=[statutory_citation(fresh.regime)],
            data={"response": response, "late": late},
        )
    return fresh


def incomplete_note(kind: str) -> str:
    limit = disclosure.SOURCE_LIMIT
    return (
        f"More than {limit} records of {kind} match: only the first {limit} are listed "
        "and in the bundle. Narrow the search words or the period to see the rest."
    )


def information_bundle(actor: Actor, info: InformationRequest) -> bytes:
    """The bundle as ZIP bytes: one HTML record per hit that may be disclosed (`records/<n>-<ref>.html`)
    and `index.csv` (through `accord.core.csv`) listing every hit, the confidential ones as flagged for
    review and not exported, and a row for each kind of record that found more than are listed."""
    hits = information_request_hits(actor, info)
    rows: list[tuple[object, ...]] = [INDEX_HEADER]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for number, hit in enumerate(hits, start=1):
            day = hit.at.astimezone(clock.LONDON).date().isoformat()
            if hit.confidential:
                rows.append(
                    (
                        "",
                        hit.source,
                        hit.reference,
                        hit.title,
                        day,
                        "no",
                        "confidential: flagged for review",
                    )
                )
                continue
            name = f"records/{number:04d}-{SAFE.sub('-', hit.reference)[:40]}.html"
            bundle.writestr(
                name,
                render_to_string("correspondence/bundle_record.html", {"hit": hit, "info": info}),
            )
            rows.append((name, hit.source, hit.reference, hit.title, day, "yes", ""))
        for kind in hits.incomplete:
            rows.append(
                (
                    "",
                    kind,
                    "",
                    incomplete_note(kind),
                    "",
                    "no",
                    "incomplete: narrow the search words or period",
                )
            )
        bundle.writestr("index.csv", "".join(csv_lines(rows)))
    return buffer.getvalue()
