"""The case page, raising an enquiry, the actions on a case and attachment downloads (D 6.2-6.7)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import Action, controls_for
from accord.cases.deadlines import DueDateWorking, due_date_working
from accord.core import clock
from accord.core.access import Actor, is_democratic_services, is_member, require
from accord.core.errors import AccordError
from accord.councils.models import Member
from accord.enquiries import rules, selectors, services
from accord.enquiries.access import enquiry_for
from accord.enquiries.actions import ENQUIRY_ACTIONS
from accord.enquiries.forms import EnquiryRaiseForm
from accord.enquiries.models import Category, Enquiry
from accord.enquiries.services._common import settings_for
from accord.securitylog.services import Kind, security_log_record
from accord.web.views.common import council_context, council_profile, request_actor


def _form(action: Action, enquiry: Enquiry, data: Any = None, files: Any = None) -> forms.Form:
    return action.form(data, files, prefix=action.name, case=enquiry)


# The confirmation each action shows once it is done, in words a person would use.
CONFIRMATIONS: dict[str, str] = {
    "claim": "You have taken this enquiry.",
    "assign": "The enquiry is assigned.",
    "answer": "The substantive response is sent to the Member.",
    "holding-reply": "The holding reply is sent to the Member.",
    "holding-reply-accept": "You have accepted the new timescale.",
    "holding-reply-decline": "You have declined the new timescale.",
    "wait-for-member": "Your question is sent to the Member.",
    "member-reply": "Your reply is sent to the officer.",
    "close": "The enquiry is closed.",
    "reopen": "The enquiry is reopened.",
    "chase": "The enquiry is chased.",
    "escalate": "The enquiry is escalated.",
    "burden-raise": "The disproportionate burden is raised for review.",
    "burden-review": "The review is recorded.",
    "burden-agree": "The agreed approach is recorded.",
    "divert-to-complaints": "The enquiry is diverted to the complaints procedure.",
    "attachment-add": "The file is added to the enquiry.",
}


def enquiry_due_date_working(enquiry: Enquiry) -> DueDateWorking:
    """How the due date was computed (D 6.3), recomputed with the council's calendar from the receipt, and
    why it moved: a holding reply's timescale accepted, or the clock stopped while waiting for the Member."""
    profile = council_profile(enquiry.council)
    why = []
    if enquiry.agreed_due_date:
        why.append("the Member accepted a holding reply's new timescale")
    if enquiry.paused_working_days:
        days = enquiry.paused_working_days
        why.append(
            f"the clock stopped for {days} working day{pluralize(days)} while the officer waited "
            "for the Member"
        )
    return due_date_working(
        council=enquiry.council,
        received_at=enquiry.received_at,
        working_days=enquiry.working_days,
        due_date=enquiry.due_date,
        citations=rules.citations_of(profile, rules.RESPONSE_DEADLINE, rules.RESPONSE_SETTING)
        if profile is not None
        else [],
        why_moved=why,
    )


def _case_context(
    request: HttpRequest, actor: Actor, enquiry: Enquiry, **extra: Any
) -> dict[str, Any]:
    action_forms = extra.pop("action_forms", {})
    actions = controls_for(
        ENQUIRY_ACTIONS,
        actor,
        enquiry,
        post=lambda action: reverse("enquiries:action", args=(enquiry.pk, action.name)),
        bound=action_forms,
    )
    is_officer_view = actor.officer is not None
    profile = council_profile(enquiry.council)
    return council_context(
        enquiry.council,
        enquiry=enquiry,
        overdue=selectors.enquiry_is_overdue(enquiry),
        route=selectors.enquiry_route(enquiry),
        working=enquiry_due_date_working(enquiry),
        holding_replies=enquiry.holding_replies.select_related("sent_by"),
        events=selectors.enquiry_event_list(enquiry),
        member_messages=selectors.enquiry_member_message_list(enquiry),
        member_informed=rules.member_informed(profile).citations if profile is not None else (),
        attachments=enquiry.attachments.all(),
        burden_reviews=enquiry.burden_reviews.select_related("reviewer"),
        actions=actions,
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
    declared = ENQUIRY_ACTIONS.get(action)
    # Claiming is decided under the row lock: whoever loses the race is told who has the case (D 6.2).
    if declared is None or (declared.prechecked and not declared.offered(actor, enquiry)):
        raise Http404("No such action")
    form = _form(declared, enquiry, request.POST, request.FILES)
    if form.is_valid():
        try:
            declared.call(actor, enquiry, form.cleaned_data)
        except AccordError as error:
            enquiry = enquiry_for(actor, pk)
            context = _case_context(request, actor, enquiry, accord_error=error)
            return render(request, "enquiries/detail.html", context, status=400)
        messages.success(request, CONFIRMATIONS.get(action, f"Done: {declared.label.lower()}."))
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
