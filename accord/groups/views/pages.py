"""The pages: lists, requests, a meeting, a briefing, an offer, and the CSV of one's meetings.

Every object is read through `accord.groups.access` (another group's or council's is a 404); a refusal
is shown with its citations and nothing is saved; a bad input is the form again naming the field."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import ActionRegistry, controls_for
from accord.core.access import Actor, is_member, require
from accord.core.csv import csv_response
from accord.core.errors import AccordError
from accord.councils.models import Officer
from accord.groups import rules, selectors
from accord.groups.access import (
    briefing_for,
    briefings_visible_to,
    group_id_of,
    in_group,
    meeting_for,
    meetings_visible_to,
    offer_for,
    offers_visible_to,
)
from accord.groups.actions import BRIEFING_ACTIONS, MEETING_ACTIONS
from accord.groups.forms import BriefingRequestForm, MeetingRequestForm, OfferAnswerForm
from accord.groups.models import GroupMeeting
from accord.groups.services import briefings as bs
from accord.groups.services import meetings as ms
from accord.groups.services._common import not_now
from accord.web.views.common import council_context, request_actor


def _council(actor: Actor) -> Any:
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


@login_required
def group_home(request: HttpRequest) -> HttpResponse:
    """The meetings, offers and briefings the person may see."""
    actor = request_actor(request)
    council = _council(actor)
    meetings = meetings_visible_to(actor).select_related("group", "officer", "chief_officer")
    return render(
        request,
        "groups/home.html",
        council_context(
            council,
            meetings=[selectors.meeting_row(m) for m in meetings],
            offers=[selectors.offer_detail(o) for o in offers_visible_to(actor)],
            briefings=briefings_visible_to(actor).select_related("requester", "officer"),
            in_a_group=group_id_of(actor) is not None,
            is_member=actor.member is not None,
            not_a_decision=rules.cites(council, rules.NOT_DECISION_MAKING),
        ),
    )


@login_required
def meetings_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The person's meetings as CSV: the same rows the list shows, never a group's notes."""
    actor = request_actor(request)
    _council(actor)
    meetings = meetings_visible_to(actor).select_related("group", "officer", "chief_officer")
    header = [
        "id",
        "group",
        "meeting_date",
        "place",
        "subject",
        "officer",
        "chief_officer",
        "state",
    ]
    rows = [[selectors.meeting_row(m)[k] for k in header] for m in meetings]
    return csv_response([header, *rows], "group-meetings.csv")


@login_required
def meeting_new(request: HttpRequest) -> HttpResponse:
    """A Member of a group asks for an officer at its meeting (D 7.4(a)); a Group Leader invites a Chief
    Officer (N 19(e))."""
    actor = request_actor(request)
    require(actor, is_member)
    council = _council(actor)
    invite_chief = rules.has(council, rules.INVITE_CHIEF_OFFICER)
    citations = rules.cites(
        council, rules.CHIEF_OFFICER_APPROVAL, rules.INVITE_CHIEF_OFFICER, rules.COUNCIL_BUSINESS
    )
    if group_id_of(actor) is None:
        # A Member of no group is told why, with the paragraphs, and offered no form.
        context = council_context(
            council,
            form=None,
            accord_error=ms.not_a_group_member(council),
            invite_chief=invite_chief,
            citations=citations,
        )
        return render(request, "groups/meeting_new.html", context, status=400)
    form = MeetingRequestForm(request.POST or None, council=council, invite_chief=invite_chief)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        officer = Officer.objects.filter(pk=data["officer"], council=council).first()
        chief = (
            Officer.objects.filter(pk=data["chief_officer"], council=council).first()
            if data.get("chief_officer")
            else None
        )
        if officer is None:
            form.add_error("officer", "Choose an officer of the council")
        else:
            try:
                meeting = ms.meeting_request(
                    actor=actor,
                    group=actor.member.group,  # type: ignore[union-attr]
                    meeting_date=data["meeting_date"],
                    place=data["place"],
                    subject=data["subject"],
                    officer=officer,
                    chief_officer=chief,
                )
            except AccordError as exc:
                if exc.field in form.fields:
                    form.add_error(exc.field, exc.message)
                error = exc
            else:
                messages.success(request, "Your request is sent.")
                return redirect("groups:meeting", pk=meeting.pk)
    context = council_context(
        council,
        form=form,
        accord_error=error,
        invite_chief=invite_chief,
        citations=citations,
    )
    return render(
        request, "groups/meeting_new.html", context, status=400 if request.method == "POST" else 200
    )


def _case_page(
    request: HttpRequest,
    actor: Actor,
    case: Any,
    registry: ActionRegistry[Any],
    template: str,
    url_name: str,
    detail: dict[str, Any],
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    action_forms = extra.pop("action_forms", {})
    actions = controls_for(
        registry,
        actor,
        case,
        post=lambda action: reverse(url_name, args=(case.pk, action.name)),
        bound=action_forms,
    )
    events = case.events.select_related("actor__member", "actor__officer").order_by("seq", "id")
    if isinstance(case, GroupMeeting) and not in_group(actor, case):
        # That the group keeps notes is the group's own business too (D 7.3, N 19(h)).
        events = events.exclude(kind="note-added")
    context = council_context(
        case.council, case=case, d=detail, actions=actions, events=events, **extra
    )
    return render(request, template, context, status=status)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_actor(request)
    meeting = meeting_for(actor, pk)
    detail = selectors.meeting_detail(actor, meeting)
    return _case_page(
        request,
        actor,
        meeting,
        MEETING_ACTIONS,
        "groups/meeting.html",
        "groups:meeting-action",
        detail,
    )


def _action(
    request: HttpRequest,
    actor: Actor,
    case: Any,
    registry: ActionRegistry[Any],
    name: str,
    refetch: Any,
    page: Any,
) -> HttpResponse:
    declared = registry.get(name)
    if declared is None or not declared.allowed(actor, case):
        raise Http404("No such action")
    if not declared.offered(actor, case):
        # Taken already (a second click) or by someone else at the same moment: say so, with the
        # paragraphs behind the step, rather than a page that is not found.
        return page(case, status=400, accord_error=not_now(registry.capability, name, case))
    form = declared.form(request.POST, request.FILES, prefix=declared.name, case=case)
    if form.is_valid():
        try:
            declared.call(actor, case, form.cleaned_data)
        except AccordError as error:
            return page(refetch(), status=400, accord_error=error)
        messages.success(request, f"Done: {declared.label.lower()}.")
        return None  # type: ignore[return-value]
    return page(case, status=400, action_forms={name: form}, invalid_action=name)


@login_required
@require_POST
def meeting_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    actor = request_actor(request)
    meeting = meeting_for(actor, pk)

    def page(m: Any, status: int = 200, **extra: Any) -> HttpResponse:
        return _case_page(
            request,
            actor,
            m,
            MEETING_ACTIONS,
            "groups/meeting.html",
            "groups:meeting-action",
            selectors.meeting_detail(actor, m),
            status=status,
            **extra,
        )

    response = _action(
        request, actor, meeting, MEETING_ACTIONS, action, lambda: meeting_for(actor, pk), page
    )
    if response is not None:
        return response
    try:
        meeting_for(actor, pk)
    except Http404:
        return redirect("groups:home")
    return redirect("groups:meeting", pk=pk)


@login_required
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An offer to the person's group (D 7.4(b)(v), N 15); the information once taken up."""
    actor = request_actor(request)
    offer = offer_for(actor, pk)
    form = OfferAnswerForm(request.POST or None)
    error = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                offer = ms.offer_answer(
                    actor=actor, offer_id=pk, take_up=form.cleaned_data["answer"] == "take-up"
                )
            except AccordError as exc:
                error = exc
            else:
                messages.success(request, "Your answer is recorded.")
                return redirect("groups:offer", pk=pk)
    return render(
        request,
        "groups/offer.html",
        council_context(
            offer.council, d=selectors.offer_detail(offer), accord_error=error, form=form
        ),
        status=status,
    )


@login_required
def briefing_new(request: HttpRequest) -> HttpResponse:
    """A Member asks for a briefing (N 14)."""
    actor = request_actor(request)
    require(actor, is_member)
    council = _council(actor)
    form = BriefingRequestForm(request.POST or None, council=council)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        officer = Officer.objects.filter(pk=data["officer"], council=council).first()
        if officer is None:
            form.add_error("officer", "Choose an officer of the council")
        else:
            try:
                briefing = bs.briefing_request(
                    actor=actor,
                    officer=officer,
                    subject=data["subject"],
                    details=data["details"],
                    confidential=data["confidential"],
                    decision_pending=data["decision_pending"],
                )
            except AccordError as exc:
                if exc.field in form.fields:
                    form.add_error(exc.field, exc.message)
                error = exc
            else:
                messages.success(request, "Your request is sent.")
                return redirect("groups:briefing", pk=briefing.pk)
    context = council_context(
        council,
        form=form,
        accord_error=error,
        citations=rules.cites(council, rules.BRIEFING_CONFIDENTIAL, rules.SHARE_INFORMATION),
    )
    return render(
        request,
        "groups/briefing_new.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


def _briefing_page(
    request: HttpRequest, actor: Actor, b: Any, status: int = 200, **extra: Any
) -> HttpResponse:
    return _case_page(
        request,
        actor,
        b,
        BRIEFING_ACTIONS,
        "groups/briefing.html",
        "groups:briefing-action",
        selectors.briefing_detail(actor, b),
        status=status,
        **extra,
    )


@login_required
def briefing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A briefing; every view is recorded and shown to the requester (N 14)."""
    actor = request_actor(request)
    briefing = briefing_for(actor, pk)
    bs.briefing_view_record(actor=actor, briefing=briefing, channel="web")
    return _briefing_page(request, actor, briefing)


@login_required
@require_POST
def briefing_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    actor = request_actor(request)
    briefing = briefing_for(actor, pk)

    def page(b: Any, status: int = 200, **extra: Any) -> HttpResponse:
        return _briefing_page(request, actor, b, status=status, **extra)

    response = _action(
        request, actor, briefing, BRIEFING_ACTIONS, action, lambda: briefing_for(actor, pk), page
    )
    if response is not None:
        return response
    try:
        briefing_for(actor, pk)
    except Http404:
        return redirect("groups:home")
    return redirect("groups:briefing", pk=pk)
