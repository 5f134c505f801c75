"""The case page, raising an enquiry, the actions on a case and attachment downloads (D 6.2-6.7)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accord.core import clock
from accord.core.access import Actor, is_democratic_services, is_member, require
from accord.core.errors import AccordError
from accord.councils.calendars import calendar_for
from accord.councils.models import Member, Officer
from accord.enquiries import rules, selectors, services
from accord.enquiries.access import enquiry_actions_for, enquiry_for
from accord.enquiries.forms import (
    AnswerForm,
    AssignForm,
    AttachmentForm,
    EmptyForm,
    EnquiryRaiseForm,
    HoldingReplyForm,
    TextForm,
)
from accord.enquiries.models import BurdenReview, Category, Enquiry
from accord.enquiries.services._common import settings_for
from accord.enquiries.services.answer_files import enquiry_answer_with_attachments
from accord.securitylog.services import Kind, security_log_record
from accord.web.views.common import council_context, council_profile, request_actor

Call = Callable[[Actor, Enquiry, dict[str, Any]], Any]


@dataclass(frozen=True)
class Action:
    """One thing an actor may do to a case: its button, its form and the service it calls."""

    button: str
    done: str  # the confirmation shown once it is done, in the past tense
    form: Callable[..., forms.Form]
    call: Call
    secondary: bool = False


def _text(label: str, required: bool = True) -> Callable[..., forms.Form]:
    return lambda *a, **kw: TextForm(*a, label=label, required=required, **kw)


def _open_review(enquiry: Enquiry) -> BurdenReview:
    review = enquiry.burden_reviews.exclude(state=BurdenReview.State.AGREED).order_by("-id").first()
    if review is None:
        raise AccordError("There is no open review of the burden of this enquiry.")
    return review


def _officer(enquiry: Enquiry, officer_id: int) -> Officer:
    return get_object_or_404(Officer, pk=officer_id, council_id=enquiry.council_id)


ACTIONS: dict[str, Action] = {
    "claim": Action(
        "Take this enquiry",
        "You have taken this enquiry.",
        EmptyForm,
        lambda a, e, d: services.enquiry_claim(actor=a, enquiry_id=e.pk),
    ),
    "assign": Action(
        "Assign",
        "The enquiry is assigned.",
        AssignForm,
        lambda a, e, d: services.enquiry_assign(
            actor=a, enquiry=e, officer=_officer(e, d["officer"])
        ),
        secondary=True,
    ),
    "answer": Action(
        "Send the substantive response",
        "The substantive response is sent to the Member.",
        AnswerForm,
        lambda a, e, d: enquiry_answer_with_attachments(
            actor=a, enquiry=e, answer=d["text"], uploads=d["attachments"]
        ),
    ),
    "holding-reply": Action(
        "Send a holding reply",
        "The holding reply is sent to the Member.",
        HoldingReplyForm,
        lambda a, e, d: services.enquiry_holding_reply_send(
            actor=a,
            enquiry=e,
            reason=d["reason"],
            new_due_date=d["new_due_date"],
        ),
        secondary=True,
    ),
    "holding-reply-accept": Action(
        "Accept the new timescale",
        "You have accepted the new timescale.",
        _text("Note to the officer (optional)", required=False),
        lambda a, e, d: services.enquiry_holding_reply_decide(
            actor=a, enquiry=e, accept=True, note=d["text"]
        ),
    ),
    "holding-reply-decline": Action(
        "Decline the new timescale",
        "You have declined the new timescale.",
        _text("Why it does not suit (optional)", required=False),
        lambda a, e, d: services.enquiry_holding_reply_decide(
            actor=a, enquiry=e, accept=False, note=d["text"]
        ),
        secondary=True,
    ),
    "wait-for-member": Action(
        "Ask the Member a question",
        "Your question is sent to the Member.",
        _text("Your question for the Member"),
        lambda a, e, d: services.enquiry_wait_for_member(actor=a, enquiry=e, question=d["text"]),
        secondary=True,
    ),
    "member-reply": Action(
        "Send your reply",
        "Your reply is sent to the officer.",
        _text("Your reply to the officer"),
        lambda a, e, d: services.enquiry_member_reply(actor=a, enquiry=e, reply=d["text"]),
    ),
    "close": Action(
        "Close the enquiry",
        "The enquiry is closed.",
        EmptyForm,
        lambda a, e, d: services.enquiry_close(actor=a, enquiry=e),
        secondary=True,
    ),
    "reopen": Action(
        "Reopen the enquiry",
        "The enquiry is reopened.",
        _text("Why you are reopening it"),
        lambda a, e, d: services.enquiry_reopen(actor=a, enquiry=e, reason=d["text"]),
        secondary=True,
    ),
    "chase": Action(
        "Chase this enquiry",
        "The enquiry is chased.",
        _text("Note (optional)", required=False),
        lambda a, e, d: services.enquiry_chase(actor=a, enquiry=e, note=d["text"]),
        secondary=True,
    ),
    "escalate": Action(
        "Escalate",
        "The enquiry is escalated.",
        _text("Why the response is not satisfactory"),
        lambda a, e, d: services.enquiry_escalate(actor=a, enquiry=e, reason=d["text"]),
        secondary=True,
    ),
    "burden-raise": Action(
        "Raise a disproportionate burden",
        "The disproportionate burden is raised for review.",
        _text("Why answering would impose a disproportionate burden"),
        lambda a, e, d: services.enquiry_burden_raise(actor=a, enquiry=e, reason=d["text"]),
        secondary=True,
    ),
    "burden-review": Action(
        "Record the review",
        "The review is recorded.",
        _text("Review note"),
        lambda a, e, d: services.enquiry_burden_review(
            actor=a, review=_open_review(e), note=d["text"]
        ),
        secondary=True,
    ),
    "burden-agree": Action(
        "Record the agreed approach",
        "The agreed approach is recorded.",
        _text("The approach agreed with the Member"),
        lambda a, e, d: services.enquiry_burden_agree(
            actor=a, review=_open_review(e), approach=d["text"]
        ),
        secondary=True,
    ),
    "divert-to-complaints": Action(
        "Divert to the complaints procedure",
        "The enquiry is diverted to the complaints procedure.",
        _text("Why this is a complaint"),
        lambda a, e, d: services.enquiry_divert_to_complaints(actor=a, enquiry=e, reason=d["text"]),
        secondary=True,
    ),
    "attachment-add": Action(
        "Upload the file",
        "The file is added to the enquiry.",
        AttachmentForm,
        lambda a, e, d: services.enquiry_attachment_add(actor=a, enquiry=e, upload=d["upload"]),
        secondary=True,
    ),
}


def _form(name: str, enquiry: Enquiry, data: Any = None, files: Any = None) -> forms.Form:
    action = ACTIONS[name]
    kwargs: dict[str, Any] = {"prefix": name}
    if action.form is AssignForm:
        kwargs["council"] = enquiry.council
        kwargs["service"] = enquiry.service
    return action.form(data, files, **kwargs)


def due_date_working(enquiry: Enquiry) -> dict[str, Any]:
    """How the due date was computed (D 6.3), recomputed with the council's calendar from the receipt."""
    due = calendar_for(enquiry.council).due(enquiry.received_at, enquiry.working_days)
    profile = council_profile(enquiry.council)
    citations = (
        rules.citations_of(profile, rules.RESPONSE_DEADLINE, rules.RESPONSE_SETTING)
        if profile is not None
        else []
    )
    return {
        "computed": due,
        "lines": due.explain(),
        "moved": due.due != enquiry.due_date,
        "citations": citations,
    }


def _case_context(
    request: HttpRequest, actor: Actor, enquiry: Enquiry, **extra: Any
) -> dict[str, Any]:
    offered = enquiry_actions_for(actor, enquiry)
    names = [n for n in offered if n in ACTIONS]
    action_forms = extra.pop("action_forms", {})
    actions = [
        (name, ACTIONS[name], action_forms.get(name) or _form(name, enquiry)) for name in names
    ]
    is_officer_view = actor.officer is not None
    profile = council_profile(enquiry.council)
    return council_context(
        enquiry.council,
        enquiry=enquiry,
        overdue=selectors.enquiry_is_overdue(enquiry),
        route=selectors.enquiry_route(enquiry),
        working=due_date_working(enquiry),
        holding_replies=enquiry.holding_replies.select_related("sent_by"),
        events=selectors.enquiry_event_list(enquiry),
        member_messages=selectors.enquiry_member_message_list(enquiry),
        member_informed=rules.member_informed(profile).citations if profile is not None else (),
        attachments=enquiry.attachments.all(),
        burden_reviews=enquiry.burden_reviews.select_related("reviewer"),
        actions=actions,
        may_open_dispute="information-dispute-open" in offered,
        show_chasers=is_officer_view,
        show_constituent=is_officer_view or actor.member == enquiry.member,
        **extra,
    )


@login_required
def enquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    enquiry = enquiry_for(actor, pk)
    return render(request, "enquiries/detail.html", _case_context(request, actor, enquiry))


@login_required
def enquiry_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The case on one page for printing, showing only what the viewer may see (no actions)."""
    actor = request_actor(request)
    enquiry = enquiry_for(actor, pk)
    context = _case_context(request, actor, enquiry, printed_at=clock.now())
    context["actions"] = []
    return render(request, "enquiries/print.html", context)


@login_required
@require_POST
def enquiry_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Run one action from the case page; a refusal is shown with its citations (D 6.3 and others)."""
    actor = request_actor(request)
    enquiry = enquiry_for(actor, pk)
    # Claiming is decided under the row lock: whoever loses the race is told who has the case (D 6.2).
    if action not in ACTIONS or (
        action != "claim" and action not in enquiry_actions_for(actor, enquiry)
    ):
        raise Http404("No such action")
    form = _form(action, enquiry, request.POST, request.FILES)
    if form.is_valid():
        try:
            ACTIONS[action].call(actor, enquiry, form.cleaned_data)
        except AccordError as error:
            enquiry = enquiry_for(actor, pk)
            context = _case_context(request, actor, enquiry, accord_error=error)
            return render(request, "enquiries/detail.html", context, status=400)
        messages.success(request, ACTIONS[action].done)
        return redirect("enquiries:detail", pk=pk)
    context = _case_context(
        request, actor, enquiry, action_forms={action: form}, invalid_action=action
    )
    return render(request, "enquiries/detail.html", context, status=400)


@login_required
def enquiry_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """A file on a case, only through the case's own access check: never a public URL."""
    actor = request_actor(request)
    enquiry = enquiry_for(actor, pk)
    attachment = get_object_or_404(enquiry.attachments, pk=attachment_pk)
    if not attachment.file:
        raise Http404("The file was removed under the council's retention setting.")
    security_log_record(
        kind=Kind.DOWNLOAD,
        description=f"Attachment {attachment.pk} of {enquiry.reference} downloaded.",
        user=actor.user,
        request=request,
        council_id=enquiry.council_id,
        enquiry=enquiry.reference,
        attachment=attachment.pk,
    )
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type or "application/octet-stream",
    )


@login_required
def enquiry_raise(request: HttpRequest) -> HttpResponse:
    """A Member raises an enquiry; democratic services may raise one on a Member's behalf (D 6.3)."""
    actor = request_actor(request)
    require(actor, is_member | is_democratic_services)
    on_behalf = actor.member is None
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    today = clock.today()
    form = EnquiryRaiseForm(
        request.POST or None,
        request.FILES or None,
        council=council,
        on_behalf=on_behalf,
        initial={
            "received_day": today.day,
            "received_month": today.month,
            "received_year": today.year,
        },
    )
    error: AccordError | None = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = actor.member or get_object_or_404(Member, pk=data["member"], council=council)
        category = get_object_or_404(Category, pk=data["category"], council=council)
        area = council.areas.filter(pk=data["area"]).first() if data.get("area") else None
        try:
            enquiry = services.enquiry_submit(
                actor=actor,
                member=member,
                subject=data["subject"],
                details=data["details"],
                category=category,
                area=area,
                urgency=data["urgency"],
                urgency_justification=data["urgency_justification"],
                capacity=data["capacity"],
                constituent_name=data["constituent_name"],
                constituent_contact=data["constituent_contact"],
                constituent_is_employee=data["constituent_is_employee"],
                is_complaint=data["is_complaint"],
                attachments=[data["attachment"]] if data.get("attachment") else (),
                channel=data.get("channel") or Enquiry.Channel.ACCORD,
                received_at=data.get("received_at"),
            )
        except AccordError as exc:
            error = exc
        else:
            messages.success(
                request,
                f"Enquiry {enquiry.reference} raised. It is due by {enquiry.due_date:%-d %B %Y}.",
            )
            return redirect("enquiries:detail", pk=enquiry.pk)
    context = council_context(
        council,
        form=form,
        on_behalf=on_behalf,
        accord_error=error,
        backdate_limit=settings_for(council).backdate_limit_working_days,
    )
    status = 400 if request.method == "POST" else 200
    return render(request, "enquiries/raise.html", context, status=status)
