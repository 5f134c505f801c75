"""The pages of correspondence, press enquiries and publicity requests: lists, drafting, the case page and
its actions (D 8.1-8.4, D 10.4-10.7). Every refusal is shown with its citations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accord.cases.actions import ActionRegistry, controls_for
from accord.cases.history import event_actor_name
from accord.core import clock
from accord.core.access import Actor
from accord.core.errors import AccordError
from accord.correspondence import access, rules, services
from accord.correspondence.actions import (
    CORRESPONDENCE_ACTIONS,
    PRESS_ACTIONS,
    PUBLICITY_ACTIONS,
)
from accord.correspondence.forms import CorrespondenceForm, PressEnquiryForm, PublicityForm
from accord.correspondence.models import Correspondence, PressEnquiry
from accord.correspondence.services._common import period_on, profile_of
from accord.councils.models import Council
from accord.web.views.common import council_context, request_actor


@dataclass(frozen=True)
class Kind:
    """One kind of case and its pages."""

    registry: ActionRegistry[Any]
    fetch: Callable[[Actor, int], Any]
    visible: Callable[[Actor], QuerySet[Any]]
    detail: str
    action: str
    listing: str
    new: str
    title: str
    rule_ids: tuple[str, ...]
    drafting: bool = False


LETTERS = Kind(
    CORRESPONDENCE_ACTIONS,
    access.correspondence_for,
    access.correspondence_visible_to,
    "correspondence:detail",
    "correspondence:action",
    "correspondence:list",
    "correspondence:new",
    "Correspondence",
    (rules.OFFICIAL_NAME, rules.TARGETED, rules.FREEDOM_OF_INFORMATION, rules.NO_POLITICAL_COMMENT),
    drafting=True,
)
PRESS = Kind(
    PRESS_ACTIONS,
    access.press_enquiry_for,
    access.press_enquiry_visible_to,
    "correspondence:press-detail",
    "correspondence:press-action",
    "correspondence:press-list",
    "correspondence:press-new",
    "Press enquiries",
    (rules.PRESS_ENQUIRIES,),
)
PUBLICITY = Kind(
    PUBLICITY_ACTIONS,
    access.publicity_for,
    access.publicity_visible_to,
    "correspondence:publicity-detail",
    "correspondence:publicity-action",
    "correspondence:publicity-list",
    "correspondence:publicity-new",
    "Publicity requests",
    (rules.PRE_ELECTION, rules.NO_PARTY_PUBLICITY, rules.NO_POLITICAL_COMMENT),
    drafting=True,
)
CONFIRMATIONS = {
    "send": "It is recorded as sent.",
    "advice-request": "Your question is sent to the officer.",
    "advice-give": "Your advice is kept with the correspondence.",
    "withdraw": "It is withdrawn, and kept on record.",
    "answer": "The response is recorded.",
    "close": "The press enquiry is closed.",
    "review": "The review is recorded.",
}


def _council(actor: Actor) -> Council:
    council = actor.user.council if actor.user is not None else None
    if council is None:
        raise Http404("No council")
    return council


def tabs(actor: Actor) -> dict[str, bool]:
    """Which of the correspondence pages the hub links to, for this person."""
    return {
        "tab_support": actor.member is not None or actor.is_democratic_services,
        "tab_ict": actor.member is not None or actor.is_democratic_services,
        "tab_information": access.handles_information_requests(actor),
    }


def guidance(council: Council) -> dict[str, Any]:
    """The pre-election period today, if any, and the publicity paragraphs shown while drafting
    (D 10.1-10.4 as guidance, D 10.5-10.6)."""
    profile = profile_of(council)
    return {
        "period": period_on(council, clock.today()),
        "guidance_citations": [
            *rules.guidance_of(profile),
            *rules.citations_of(
                profile, rules.PRE_ELECTION, rules.NO_PARTY_PUBLICITY, rules.NO_POLITICAL_COMMENT
            ),
        ],
    }


def _list(request: HttpRequest, kind: Kind) -> HttpResponse:
    actor = request_actor(request)
    council = _council(actor)
    cases = [(c, _shown(c)["heading"]) for c in kind.visible(actor).order_by("-pk")[:200]]
    return render(
        request,
        "correspondence/list.html",
        council_context(council, kind=kind, cases=cases, **guidance(council), **tabs(actor)),
    )


def _when(at: dt.datetime | None) -> str:
    return f"{at.astimezone(clock.LONDON):%-d %B %Y, %H:%M}" if at is not None else ""


def _shown(case: Any) -> dict[str, Any]:
    """What the case page shows of each kind: its heading, summary rows and texts."""
    if isinstance(case, Correspondence):
        rows = [
            ("In whose name", f"{case.signatory} ({case.get_signed_as_display().lower()})"),
            ("Why in that name", case.get_basis_display()),
            ("To", case.recipients or "Not given"),
            ("Who it goes to", case.get_audience_display()),
            (
                "Binds or instructs on behalf of the Council",
                "Yes" if case.on_behalf_of_council else "No",
            ),
            ("Drafted", _when(case.created_at)),
        ]
        if case.audience_reason:
            rows.append(("Reason for the wide distribution", case.audience_reason))
        if case.drafted_in_pre_election:
            rows.append(("Drafted in the pre-election period", case.drafted_in_pre_election))
        if case.sent_at:
            rows.append(("Sent", _when(case.sent_at)))
        texts = [("The letter or e-mail", case.body)]
        if case.advice_question and case.advice_from is not None:
            texts.append((f"Advice asked of {case.advice_from.name}", case.advice_question))
        if case.advice:
            texts.append((f"The officer's advice, {_when(case.advised_at)}", case.advice))
        return {
            "heading": case.subject,
            "rows": rows,
            "texts": texts,
            "open_states": case.OPEN_STATES,
        }
    if isinstance(case, PressEnquiry):
        rows = [
            ("Outlet", case.outlet),
            ("Journalist", case.journalist),
            ("Contact", case.contact or "Not given"),
            ("Received", _when(case.received_at)),
            ("Logged by", event_actor_name(case.received_by) or ""),
        ]
        texts = [("What they asked", case.question)]
        if case.response:
            texts.append(
                (f"Response on behalf of the Council, {_when(case.answered_at)}", case.response)
            )
        return {"heading": f"{case.outlet}: {case.journalist}", "rows": rows, "texts": texts}
    rows = [
        ("Channel", case.get_channel_display()),
        ("Members featured", ", ".join(str(m) for m in case.featured.all()) or "None"),
        ("Asked", _when(case.requested_at)),
    ]
    if case.held_for:
        rows.append(("Held for review in the pre-election period", case.held_for))
    texts = [("What it says", case.content)]
    if case.review_note:
        texts.append(("The review's note", case.review_note))
    checklist = (
        [(label, case.checklist.get(key)) for key, label in rules.PUBLICITY_CODE]
        if case.checklist
        else []
    )
    return {
        "heading": case.title,
        "rows": rows,
        "texts": texts,
        "checklist": checklist,
        "open_states": case.OPEN_STATES,
    }


def _detail_context(actor: Actor, kind: Kind, case: Any, **extra: Any) -> dict[str, Any]:
    bound = extra.pop("bound", {})
    controls = controls_for(
        kind.registry,
        actor,
        case,
        post=lambda action: reverse(kind.action, args=(case.pk, action.name)),
        bound=bound,
    )
    profile = profile_of(case.council)
    return council_context(
        case.council,
        kind=kind,
        case=case,
        actions=controls,
        events=case.events.select_related("actor").order_by("seq"),
        case_citations=rules.citations_of(profile, *kind.rule_ids),
        **guidance(case.council),
        **_shown(case),
        **extra,
    )


def _detail(request: HttpRequest, kind: Kind, pk: int) -> HttpResponse:
    actor = request_actor(request)
    case = kind.fetch(actor, pk)
    return render(request, "correspondence/detail.html", _detail_context(actor, kind, case))


def _action(request: HttpRequest, kind: Kind, pk: int, action: str) -> HttpResponse:
    actor = request_actor(request)
    case = kind.fetch(actor, pk)
    declared = kind.registry.get(action)
    if declared is None or not declared.offered(actor, case):
        raise Http404("No such action")
    form = declared.form(request.POST, None, prefix=declared.name, case=case)
    if form.is_valid():
        try:
            declared.call(actor, case, form.cleaned_data)
        except AccordError as error:
            context = _detail_context(actor, kind, kind.fetch(actor, pk), accord_error=error)
            return render(request, "correspondence/detail.html", context, status=400)
        messages.success(request, CONFIRMATIONS.get(action, "Done."))
        return redirect(kind.detail, pk=pk)
    context = _detail_context(actor, kind, case, bound={action: form}, invalid_action=action)
    return render(request, "correspondence/detail.html", context, status=400)


def _new(
    request: HttpRequest,
    kind: Kind,
    form: forms.Form,
    call: Callable[[Actor, Council, dict[str, Any]], Any],
) -> HttpResponse:
    actor = request_actor(request)
    council = _council(actor)
    accord_error = None
    if request.method == "POST" and form.is_valid():
        try:
            case = call(actor, council, form.cleaned_data)
        except AccordError as error:
            accord_error = error
            if error.field in form.fields:
                form.add_error(error.field, error.message)
        else:
            messages.success(request, f"{case.reference} is recorded.")
            return redirect(kind.detail, pk=case.pk)
    status = 400 if request.method == "POST" else 200
    context = council_context(
        council, kind=kind, form=form, accord_error=accord_error, **guidance(council)
    )
    return render(request, "correspondence/new.html", context, status=status)


@login_required
def correspondence_list(request: HttpRequest) -> HttpResponse:
    return _list(request, LETTERS)


@login_required
def press_list(request: HttpRequest) -> HttpResponse:
    return _list(request, PRESS)


@login_required
def publicity_list(request: HttpRequest) -> HttpResponse:
    return _list(request, PUBLICITY)


@login_required
def correspondence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, LETTERS, pk)


@login_required
def press_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, PRESS, pk)


@login_required
def publicity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, PUBLICITY, pk)


@login_required
@require_POST
def correspondence_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return _action(request, LETTERS, pk, action)


@login_required
@require_POST
def press_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return _action(request, PRESS, pk, action)


@login_required
@require_POST
def publicity_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return _action(request, PUBLICITY, pk, action)


@login_required
def correspondence_new(request: HttpRequest) -> HttpResponse:
    """Draft a letter or e-mail (D 8.2, D 8.4), with the pre-election guidance when it applies."""
    actor = request_actor(request)
    council = _council(actor)
    form = CorrespondenceForm(
        request.POST or None,
        council=council,
        member=actor.member is not None,
        initial={"signed_as": "member" if actor.member is not None else "officer"},
    )

    def draft(actor: Actor, council: Council, d: dict[str, Any]) -> Any:
        return services.correspondence_draft(
            actor=actor,
            council=council,
            subject=d["subject"],
            body=d["body"],
            recipients=d["recipients"],
            signed_as=d["signed_as"],
            basis=d["basis"],
            officer=d["officer"],
            on_behalf_of_council=d["on_behalf_of_council"],
            audience=d["audience"],
            audience_group=d["audience_group"],
            audience_reason=d["audience_reason"],
            no_political_comment=d["no_political_comment"],
        )

    return _new(request, LETTERS, form, draft)


def _received_at(day: dt.date | None) -> dt.datetime:
    """When a press enquiry was received: now, or 09:00 on an earlier day given."""
    now = clock.now()
    if day is None or day >= now.date():
        return now
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=clock.LONDON)


@login_required
def press_new(request: HttpRequest) -> HttpResponse:
    """Log a press enquiry received by anyone; it goes to the Communications Team (D 10.7)."""
    form = PressEnquiryForm(request.POST or None)

    def log(actor: Actor, council: Council, d: dict[str, Any]) -> Any:
        return services.press_enquiry_log(
            actor=actor,
            council=council,
            outlet=d["outlet"],
            journalist=d["journalist"],
            contact=d["contact"],
            question=d["question"],
            received_at=_received_at(d["received_on"]),
        )

    return _new(request, PRESS, form, log)


@login_required
def publicity_new(request: HttpRequest) -> HttpResponse:
    """Ask for Council publicity (D 10.4-10.6), with the pre-election guidance when it applies."""
    actor = request_actor(request)
    form = PublicityForm(request.POST or None, council=_council(actor))

    def ask(actor: Actor, council: Council, d: dict[str, Any]) -> Any:
        return services.publicity_request(
            actor=actor,
            council=council,
            title=d["title"],
            content=d["content"],
            channel=d["channel"],
            capacity=d["capacity"],
            featured=list(d["featured"]),
        )

    return _new(request, PUBLICITY, form, ask)
