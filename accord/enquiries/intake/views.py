"""Democratic services' queue of e-mails to the enquiries address that need them: assign one to a Member, or
discard it with a reason. No one else sees the queue or a message in it ("not found")."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accord.core.access import Actor, is_democratic_services, require
from accord.core.errors import AccordError
from accord.councils.models import Council, Member
from accord.enquiries.forms import ChoicesMixin, TextForm, _choices
from accord.enquiries.intake.models import IncomingMail
from accord.enquiries.intake.services import incoming_mail_assign, incoming_mail_discard
from accord.enquiries.models import Category, Enquiry
from accord.web.views.common import council_context, request_actor

QUEUE_SIZE = 200


class MailAssignForm(ChoicesMixin, forms.Form):
    member = forms.TypedChoiceField(
        label="Member", coerce=int, error_messages={"required": "Select the Member"}
    )
    category = forms.TypedChoiceField(
        label="What is it about?", coerce=int, error_messages={"required": "Select a category"}
    )
    capacity = forms.ChoiceField(
        label="In what capacity is the Member asking?",
        choices=Enquiry.Capacity.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the capacity the Member is asking in"},
    )

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = Member.objects.filter(council=council, is_active=True).order_by("name")
        self._set_choices("member", _choices(members, "Select a Member"))
        categories = Category.objects.filter(council=council).order_by("name")
        self._set_choices("category", _choices(categories, "Select a category"))


def _discard_form(data: Any = None) -> forms.Form:
    return TextForm(data, label="Why it is discarded", prefix="discard")


def _council(actor: Actor) -> Council:
    require(actor, is_democratic_services)
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


def incoming_mail_for(actor: Actor, pk: int) -> IncomingMail:
    """A message to the council's enquiries address, for its democratic services only (else a 404)."""
    council = _council(actor)
    return get_object_or_404(IncomingMail, pk=pk, council=council)


@login_required
def mail_queue(request: HttpRequest) -> HttpResponse:
    """The e-mails held for democratic services, oldest first, and the latest ones dealt with."""
    council = _council(request_actor(request))
    mail = IncomingMail.objects.filter(council=council)
    context = council_context(
        council,
        held=mail.filter(state=IncomingMail.State.HELD).order_by("received_at", "id")[:QUEUE_SIZE],
        recent=mail.exclude(state=IncomingMail.State.HELD)[:50],
    )
    return render(request, "intake/queue.html", context)


def _render_mail(
    request: HttpRequest, mail: IncomingMail, status: int = 200, **forms_and_error: Any
) -> HttpResponse:
    context = council_context(
        mail.council,
        mail=mail,
        assign_form=forms_and_error.get("assign_form") or MailAssignForm(council=mail.council),
        discard_form=forms_and_error.get("discard_form") or _discard_form(),
        accord_error=forms_and_error.get("accord_error"),
    )
    return render(request, "intake/mail.html", context, status=status)


@login_required
def mail_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One e-mail: who sent it, when the mailbox got it, its text, why it is held or what became of it."""
    return _render_mail(request, incoming_mail_for(request_actor(request), pk))


@login_required
@require_POST
def mail_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a held e-mail an enquiry for the Member chosen (D 6.3: received when the mailbox got it)."""
    actor = request_actor(request)
    mail = incoming_mail_for(actor, pk)
    form = MailAssignForm(request.POST, council=mail.council)
    if not form.is_valid():
        return _render_mail(request, mail, 400, assign_form=form)
    data = form.cleaned_data
    try:
        enquiry = incoming_mail_assign(
            actor=actor,
            mail=mail,
            member=get_object_or_404(Member, pk=data["member"], council=mail.council),
            category=get_object_or_404(Category, pk=data["category"], council=mail.council),
            capacity=data["capacity"],
        )
    except AccordError as error:
        return _render_mail(request, mail, 400, assign_form=form, accord_error=error)
    messages.success(request, f"Enquiry {enquiry.reference} raised from the e-mail.")
    return redirect("enquiries:detail", pk=enquiry.pk)


@login_required
@require_POST
def mail_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Discard a held e-mail, keeping the reason."""
    actor = request_actor(request)
    mail = incoming_mail_for(actor, pk)
    form = _discard_form(request.POST)
    if not form.is_valid():
        return _render_mail(request, mail, 400, discard_form=form)
    try:
        incoming_mail_discard(actor=actor, mail=mail, reason=form.cleaned_data["text"])
    except AccordError as error:
        return _render_mail(request, mail, 400, discard_form=form, accord_error=error)
    messages.success(request, "The e-mail is discarded.")
    return redirect("enquiries:mail-queue")
