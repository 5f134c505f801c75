"""A person's private calendar feed: the page to make or stop the link, and the feed itself."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from accord.accounts.models import User
from accord.notifications.feeds import (
    feed_for_token,
    feed_token_issue,
    feed_token_live,
    feed_token_revoke,
)


class FeedLinkForm(forms.Form):
    """The page's two buttons: make a new link, or stop the link."""

    action = forms.ChoiceField(
        choices=[("new", "Make a new link"), ("stop", "Stop the link")],
        error_messages={
            "required": "Choose whether to make a new link or stop the link",
            "invalid_choice": "Choose whether to make a new link or stop the link",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """GET: whether a link is live. POST `action=new` makes a new link (shown once, the old one stops);
    `action=stop` stops it."""
    user = request.user
    assert isinstance(user, User)
    new_url = ""
    stopped = False
    form = FeedLinkForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if form.cleaned_data["action"] == "new":
            token = feed_token_issue(user=user)
            new_url = request.build_absolute_uri(reverse("web:calendar-feed-ics", args=[token]))
        else:
            stopped = feed_token_revoke(user=user) > 0
    context = {
        "live": feed_token_live(user=user),
        "new_url": new_url,
        "stopped": stopped,
        "form": form,
    }
    return render(request, "web/calendar_feed.html", context, status=400 if form.errors else 200)


def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    """The feed for a live link, as text/calendar; any other token is not found."""
    text = feed_for_token(token)
    if text is None:
        raise Http404("No such calendar feed")
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
