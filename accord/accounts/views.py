"""Account pages allauth offers that Accord does not: a council makes its people's accounts and keeps their
e-mail addresses, so nobody signs up, changes their address, sets a password in place of single sign-on,
or connects other sign-in accounts."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse


def not_offered(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404("Page not found")
