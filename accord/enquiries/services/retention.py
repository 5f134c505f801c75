"""Retention (UK GDPR Art. 5(1)(e), storage limitation): constituents' personal data in closed cases is
removed once the council's retention period has passed since the case closed.

What goes: the constituent's name and contact, the details, the answer, the attachments' files (deleted
from disk once the change commits) and the personal text of the case's history (an event's description
and its `text`; the file names in attachment events). What stays: the case itself (reference, Member,
service, dates, state), every event's place, time, actor, kind and citations, and a
`personal-data-removed` event saying what was removed, when and under which setting. The history chain still verifies (ADR 18).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction

from accord.core import clock
from accord.councils.models import Council
from accord.enquiries.chain import GENESIS, REMOVAL_KIND, event_kept_digest
from accord.enquiries.models import Enquiry, EnquiryEvent, EnquirySettings
from accord.enquiries.services._common import event_add
from accord.protocol import Citation

logger = logging.getLogger(__name__)

REMOVED = "(removed under the council's retention setting)"
# Events whose description names what a person wrote or sent, beyond those carrying a `text`.
PERSONAL_KINDS = frozenset({"attachment"})
STORAGE_LIMITATION = Citation(
    profile="uk-gdpr",
    paragraph="Art. 5(1)(e)",
    label="UK GDPR Art. 5(1)(e)",
    text="Personal data shall be kept in a form which permits identification of data subjects for no "
    "longer than is necessary for the purposes for which the personal data are processed.",
)


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """`moment` less whole calendar `months`, in London (the 31st becomes the month's last day)."""
    local = moment.astimezone(clock.LONDON)
    index = local.year * 12 + local.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    day = min(local.day, (following - dt.timedelta(days=1)).day)
    return local.replace(year=year, month=month, day=day)


def _previous_hash(event: EnquiryEvent) -> str:
    before = (
        EnquiryEvent.objects.filter(council_id=event.enquiry.council_id, seq=(event.seq or 0) - 1)
        .values_list("hash", flat=True)
        .first()
    )
    return before or GENESIS


@transaction.atomic
def enquiry_personal_data_remove(*, enquiry_id: int, months: int) -> bool:
    """Remove the closed case's personal data (see the module) and append the event that records it.

    Locks the case and re-checks it is still closed, closed at least `months` months ago and not already
    done; returns False (changing nothing) otherwise."""
    enquiry = Enquiry.objects.select_for_update().get(pk=enquiry_id)
    now = clock.now()
    if (
        enquiry.state != Enquiry.State.CLOSED
        or enquiry.closed_at is None
        or enquiry.closed_at > months_before(now, months)
        or enquiry.personal_data_removed_at is not None
    ):
        return False
    fields = [
        name
        for name in ("constituent_name", "constituent_contact", "details", "answer")
        if getattr(enquiry, name)
    ]
    for name in fields:
        setattr(enquiry, name, "" if name.startswith("constituent") else REMOVED)
    enquiry.personal_data_removed_at = now
    enquiry.save(update_fields=[*fields, "personal_data_removed_at", "updated"])

    files = []
    for attachment in enquiry.attachments.exclude(file=""):
        files.append((attachment.file.storage, attachment.file.name))
        attachment.file = ""
        attachment.name = REMOVED
        attachment.save(update_fields=["file", "name"])
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])

    events: dict[str, list[str]] = {}
    for event in enquiry.events.exclude(personal_data_removed=True).order_by("seq"):
        if "text" not in event.data and event.kind not in PERSONAL_KINDS:
            continue
        kept = event_kept_digest(event, _previous_hash(event))
        events[str(event.seq)] = [event.hash, kept]
        data = {key: value for key, value in event.data.items() if key != "text"}
        EnquiryEvent.objects.filter(pk=event.pk).update(
            description=REMOVED, data=data, personal_data_removed=True
        )

    what = [*(f.replace("_", " ") for f in fields)]
    if files:
        what.append(f"{len(files)} attachment file(s)")
    if events:
        what.append(f"the personal text of {len(events)} event(s)")
    event_add(
        enquiry,
        actor=None,
        kind=REMOVAL_KIND,
        description=f"Personal data removed {months} month(s) after the case closed, under the "
        f"council's retention setting: {', '.join(what) or 'nothing was left to remove'}.",
        citations=[STORAGE_LIMITATION],
        setting="retention_months",
        months=months,
        closed_at=enquiry.closed_at.isoformat(),
        removed=fields,
        attachments=len(files),
        events=events,
    )
    return True


def enquiries_personal_data_remove() -> int:
    """The scheduled job: every council with a retention period, every closed case past it, one case at a
    time (one that fails is logged and the rest go on). Returns how many cases had their data removed."""
    removed = 0
    for setting in EnquirySettings.objects.filter(retention_months__isnull=False):
        council: Council = setting.council
        months = setting.retention_months or 0
        due = Enquiry.objects.filter(
            council=council,
            state=Enquiry.State.CLOSED,
            closed_at__lte=months_before(clock.now(), months),
            personal_data_removed_at__isnull=True,
        ).values_list("pk", flat=True)
        for pk in list(due):
            try:
                removed += enquiry_personal_data_remove(enquiry_id=pk, months=months)
            except Exception:
                logger.exception("Retention: could not remove the personal data of enquiry %s", pk)
    return removed
