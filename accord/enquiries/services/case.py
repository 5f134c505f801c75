"""Raising, taking, answering and closing a Member's enquiry (D 6.2, D 6.3, D 6.5-6.7, D 4.2, D 2.4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from accord.cases.history import event_actor_name
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.councils.models import Area, Member, Officer
from accord.enquiries import rules
from accord.enquiries.access import enquiry_for
from accord.enquiries.models import Category, Enquiry, SharedWith
from accord.enquiries.notify import (
    enquiry_url,
    member_acknowledged,
    member_answered,
    member_assigned,
    notify_people,
    notify_person,
)
from accord.enquiries.services._common import (
    CaseChanges,
    calendar_of,
    enquiry_lock,
    event_add,
    monitoring_officer_for,
    profile_for,
    reference_next,
    require_action,
    settings_for,
    working_days_between,
)
from accord.enquiries.services.attachments import _attachment_store, attachment_check
from accord.enquiries.services.received import enquiry_received_at, received_words
from accord.protocol import Citation

State = Enquiry.State


@transaction.atomic
def enquiry_submit(
    *,
    actor: Actor,
    member: Member,
    subject: str,
    details: str,
    category: Category,
    area: Area | None = None,
    urgency: str = Enquiry.Urgency.NORMAL,
    urgency_justification: str = "",
    capacity: str,
    constituent_name: str = "",
    constituent_contact: str = "",
    constituent_is_employee: bool = False,
    is_complaint: bool = False,
    attachments: Iterable[UploadedFile] = (),
    channel: str = Enquiry.Channel.ACCORD,
    received_at: dt.datetime | None = None,
    mailed: bool = False,
) -> Enquiry:
    """A Member (or democratic services for them) raises an enquiry; acknowledged and routed at once.

    Democratic services log one a Member made by phone, letter or e-mail with its `channel` and the aware
    `received_at` it arrived; its deadline counts from then (D 6.3), within the council's limit
    (`enquiry_received_at`). `mailed` is the e-mail intake raising a Member's own e-mailed enquiry.
    """
    council = member.council
    is_self = actor.member is not None and actor.member.pk == member.pk
    if actor.user is None or not (
        is_self or (actor.is_democratic_services and actor.council_id == council.pk)
    ):
        raise AccordError("An enquiry is raised by the Member, or for them by democratic services.")
    if category.council_id != council.pk or (area is not None and area.council_id != council.pk):
        raise AccordError("Choose a category and area of this council.", field="category")
    if capacity not in Enquiry.Capacity.values:
        raise AccordError(
            "Say whether this is casework for a constituent or Council business.", field="capacity"
        )
    if urgency not in Enquiry.Urgency.values:
        raise AccordError("Choose how urgent the enquiry is.", field="urgency")
    if not subject.strip() or not details.strip():
        raise AccordError("Give the enquiry a subject and details.", field="subject")
    received = enquiry_received_at(
        actor=actor, council=council, channel=channel, received_at=received_at, mailed=mailed
    )
    uploads = [(upload, attachment_check(upload)) for upload in attachments]

    profile = profile_for(council)
    ooh = rules.out_of_hours_check(
        profile,
        category_name=category.name,
        category_is_service_failure=category.is_service_failure,
        urgency=urgency,
        justification=urgency_justification,
    )
    if not ooh.is_allowed:
        raise AccordError(ooh.message, citations=list(ooh.citations), field="urgency")
    employment = rules.employment_route(
        profile,
        constituent_is_employee=constituent_is_employee,
        category_is_employment=category.is_employment_matter,
        text=f"{subject}\n{details}",
    )
    complaint = rules.complaint_route(profile, is_complaint=is_complaint)

    level = rules.service_level(
        profile, council_setting=settings_for(council).response_working_days
    )
    due = calendar_of(council).due(received, level.working_days)
    state = State.RECEIVED
    if employment.route_to:
        state = State.MONITORING_OFFICER
    elif complaint.route_to:
        state = State.DIVERTED
    enquiry = Enquiry.objects.create(
        council=council,
        reference=reference_next(council),
        member=member,
        raised_by=actor.user,
        subject=subject.strip(),
        details=details.strip(),
        area=area,
        category=category,
        service=category.service,
        urgency=urgency,
        urgency_justification=urgency_justification.strip(),
        channel=channel,
        capacity=capacity,
        constituent_name=constituent_name.strip(),
        constituent_contact=constituent_contact.strip(),
        constituent_is_employee=constituent_is_employee,
        state=state,
        profile_key=profile.key,
        profile_version=profile.version.isoformat(),
        received_at=received,
        clock_started_at=received,
        working_days=level.working_days,
        day_zero=due.day_zero,
        due_date=due.due,
    )
    for upload, name in uploads:
        _attachment_store(actor, enquiry, upload, name)
    on_behalf = "" if is_self else f" (raised for the Member by {event_actor_name(actor.user)})"
    changes = CaseChanges()
    # A routed case (D 6.7, D 4.2) has no enquiry deadline: its next events say where it went.
    deadline = (
        f" Due by the end of {due.due:%A %d %B %Y}: {level.note}."
        if state == State.RECEIVED
        else ""
    )
    changes.event(
        enquiry,
        actor=actor,
        kind="received",
        description=f"Enquiry received{received_words(channel, received)}{on_behalf}.{deadline}",
        citations=level.citations,
        due=due.to_dict(),
        channel=channel,
        capacity=capacity,
        urgency=urgency,
    )
    if state == State.MONITORING_OFFICER:
        _route_to_monitoring_officer(changes, enquiry, employment.message, employment.citations)
    elif state == State.DIVERTED:
        _divert(changes, actor, enquiry, complaint.message, complaint.citations)
    else:
        cites = rules.citations_of(profile, rules.ROUTING, rules.EQUAL_TREATMENT)
        changes.event(
            enquiry,
            actor=None,
            kind="routed",
            description=f"Routed to {enquiry.service.name}, the service that owns '{category.name}'.",
            citations=cites,
            service=enquiry.service.name,
        )
        changes.notices.append(member_acknowledged(enquiry, note=level.note))
        changes.notify(enquiry=enquiry, person=enquiry.service.head, event="new", key="1")
    if urgency == Enquiry.Urgency.OUT_OF_HOURS:
        changes.event(
            enquiry,
            actor=actor,
            kind="out-of-hours",
            description=f"Raised out of hours as an extremely urgent event: {urgency_justification.strip()}",
            citations=ooh.citations,
        )
    changes.write()
    return enquiry


def _statutory_rights(
    enquiry: Enquiry, citations: Iterable[Citation]
) -> tuple[list[Citation], str]:
    """D 6.8 where the protocol has it: the citations with the paragraph added, and the sentence."""
    rights = rules.statutory_rights_note(profile_for(enquiry.council))
    if rights is None:
        return list(citations), ""
    return [*citations, *rights.citations], rights.message


def _route_to_monitoring_officer(
    changes: CaseChanges, enquiry: Enquiry, message: str, citations: Iterable[Citation]
) -> None:
    cites, rights = _statutory_rights(enquiry, citations)
    changes.event(
        enquiry,
        actor=None,
        kind="monitoring-officer",
        description=f"{message} {rights}".strip(),
        citations=cites,
    )
    text = f"{message} The Monitoring Officer will advise before anything else is done."
    changes.notify(
        enquiry=enquiry,
        person=enquiry.member,
        event="monitoring_officer",
        key="1",
        message=text,
        rights_note=rights,
    )
    changes.notify(
        enquiry=enquiry,
        person=monitoring_officer_for(enquiry.council),
        event="monitoring_officer",
        key="1",
        message=f"{enquiry.member} needs your advice before this enquiry goes any further. {message}",
    )


def _divert(
    changes: CaseChanges,
    actor: Actor,
    enquiry: Enquiry,
    message: str,
    citations: Iterable[Citation],
) -> None:
    enquiry.state = State.DIVERTED
    enquiry.complaint_reference = f"CC-{enquiry.reference.removeprefix('ENQ-')}"
    enquiry.save(update_fields=["state", "complaint_reference", "updated"])
    cites, rights = _statutory_rights(enquiry, citations)
    changes.event(
        enquiry,
        actor=actor,
        kind="diverted",
        description=f"{message} Complaint reference {enquiry.complaint_reference}. {rights}".strip(),
        citations=cites,
        complaint_reference=enquiry.complaint_reference,
        text=message,
    )
    changes.notify(
        enquiry=enquiry,
        person=enquiry.member,
        event="diverted",
        key="1",
        message=message,
        complaint_reference=enquiry.complaint_reference,
        complaints_contact=settings_for(enquiry.council).complaints_contact,
        rights_note=rights,
    )


def _assign(actor: Actor, enquiry: Enquiry, officer: Officer, *, claimed: bool) -> None:
    previous = enquiry.assigned_to if enquiry.assigned_to_id not in (None, officer.pk) else None
    enquiry.assigned_to = officer
    if enquiry.state == State.RECEIVED:
        enquiry.state = State.ASSIGNED
    enquiry.save(update_fields=["assigned_to", "state", "updated"])
    cites = rules.citations_of(profile_for(enquiry.council), rules.ROUTING)
    verb = "took" if claimed else "was assigned"
    event = event_add(
        enquiry,
        actor=actor,
        kind="assigned",
        description=f"{officer.name} {verb} the enquiry.",
        citations=cites,
        officer=officer.name,
    )
    notify_people([member_assigned(enquiry, officer, key=str(event.pk))])
    if not claimed:
        notify_person(
            enquiry=enquiry,
            person=officer,
            event="assigned",
            key=str(event.pk),
            message="This Member's enquiry is assigned to you.",
        )
    if previous is not None:
        # Reassigned: the officer taken off the case is told who has it now (D 6.2).
        notify_person(
            enquiry=enquiry,
            person=previous,
            event="unassigned",
            key=f"{previous.pk}:{clock.now().isoformat()}",
        )


@transaction.atomic
def enquiry_claim(*, actor: Actor, enquiry_id: int) -> Enquiry:
    """An officer of the service takes a new enquiry; of two at the same moment exactly one wins."""
    enquiry = enquiry_for(actor, enquiry_id, lock=True)
    if (
        enquiry.assigned_to_id is not None
        and actor.officer is not None
        and enquiry.assigned_to_id != actor.officer.pk
    ):
        holder = Officer.objects.get(pk=enquiry.assigned_to_id)
        raise AccordError(f"Enquiry {enquiry.reference} is already assigned to {holder.name}.")
    require_action(actor, enquiry, "claim", "take")
    assert actor.officer is not None
    _assign(actor, enquiry, actor.officer, claimed=True)
    return enquiry


@transaction.atomic
def enquiry_assign(*, actor: Actor, enquiry: Enquiry, officer: Officer) -> Enquiry:
    """The Head of Service / Service Manager gives the enquiry to an officer (D 6.2)."""
    enquiry = enquiry_lock(actor, enquiry, "assign", "assign")
    if officer.council_id != enquiry.council_id or not officer.is_active:
        raise AccordError("Choose an active officer of this council.", field="officer")
    _assign(actor, enquiry, officer, claimed=False)
    return enquiry


@transaction.atomic
def enquiry_answer(*, actor: Actor, enquiry: Enquiry, answer: str) -> Enquiry:
    """The substantive response (D 6.3); about another area, it is shared with that area's Members (D 6.5)."""
    enquiry = enquiry_lock(actor, enquiry, "answer", "answer")
    if not answer.strip():
        raise AccordError("Write the substantive response.", field="answer")
    calendar = calendar_of(enquiry.council)
    now = clock.now()
    today = now.astimezone(clock.LONDON).date()
    profile = profile_for(enquiry.council)
    enquiry.state = State.ANSWERED
    enquiry.answer = answer.strip()
    enquiry.answered_at = now
    enquiry.answered_on_time = today <= enquiry.due_date
    enquiry.working_days_to_answer = working_days_between(calendar, enquiry.day_zero, today)
    reopen_days = settings_for(enquiry.council).reopen_working_days
    enquiry.reopen_until = calendar.due(now, reopen_days).due
    enquiry.save()
    timing = "on time" if enquiry.answered_on_time else f"late (due {enquiry.due_date:%d %B %Y})"
    answered = event_add(
        enquiry,
        actor=actor,
        kind="answered",
        description=f"Substantive response sent, {timing}.",
        citations=rules.citations_of(profile, rules.RESPONSE_DEADLINE, rules.RESPONSE_SETTING),
        on_time=enquiry.answered_on_time,
        text=enquiry.answer,
    )
    notify_people([member_answered(enquiry, now, key=str(answered.pk))])
    share = rules.share_targets(
        profile,
        area_id=enquiry.area_id,
        member_area_ids=enquiry.member.areas.values_list("pk", flat=True),
    )
    if share.action == "share" and enquiry.area is not None:
        others = enquiry.area.members.filter(is_active=True).exclude(pk=enquiry.member_id)
        for other in others:
            SharedWith.objects.get_or_create(
                enquiry=enquiry, member=other, defaults={"shared_at": now}
            )
            notify_person(
                enquiry=enquiry,
                person=other,
                event="shared",
                key=str(answered.pk),
                answer=enquiry.answer,
                area_name=enquiry.area.name,
                area_noun=profile.area_noun,
                case_url=enquiry_url(enquiry, shared=True),
            )
        names = ", ".join(str(m) for m in others) or "no other Members"
        event_add(
            enquiry,
            actor=None,
            kind="shared",
            description=f"The answer is shared with the Members for {enquiry.area.name}: {names}.",
            citations=share.citations,
            members=[m.pk for m in others],
        )
    return enquiry


@transaction.atomic
def enquiry_close(*, actor: Actor, enquiry: Enquiry) -> Enquiry:
    enquiry = enquiry_lock(actor, enquiry, "close", "close")
    enquiry.state = State.CLOSED
    enquiry.closed_at = clock.now()
    enquiry.save(update_fields=["state", "closed_at", "updated"])
    event_add(enquiry, actor=actor, kind="closed", description="Enquiry closed.")
    return enquiry


@transaction.atomic
def enquiry_divert_to_complaints(*, actor: Actor, enquiry: Enquiry, reason: str) -> Enquiry:
    """D 6.7: a constituent's complaint goes to the Corporate Complaints Procedure, with a reference."""
    enquiry = enquiry_lock(actor, enquiry, "divert-to-complaints", "divert")
    decision = rules.complaint_route(profile_for(enquiry.council), is_complaint=True)
    if decision.route_to is None:
        raise AccordError("This council's protocol has no complaints route for enquiries.")
    changes = CaseChanges()
    _divert(
        changes, actor, enquiry, f"{decision.message} {reason.strip()}".strip(), decision.citations
    )
    changes.write()
    return enquiry
