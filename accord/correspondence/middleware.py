"""D 9: a Member accepts the Members' ICT User Agreement in force before using Accord.

A Member signed in at a council that has uploaded an agreement, who has not accepted its latest version,
is sent to the agreement's page (an API call with their session is refused with a 403 citing D 9); the
agreement's page, signing out and the account pages stay open. Anyone else, and every Member of a council
that has uploaded no agreement, is never asked.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from accord.core.access import request_actor
from accord.correspondence import rules
from accord.correspondence.services._common import profile_of
from accord.correspondence.services.support import ict_agreement_pending

OPEN_PREFIXES = ("/ict-agreement/", "/sign-out/", "/sign-in/", "/account/", "/static/", "/admin/")


class IctAgreementMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "member_id", None) is not None
            and not request.path_info.startswith(OPEN_PREFIXES)
        ):
            actor = request_actor(request)
            pending = ict_agreement_pending(actor)
            if pending is not None:
                if request.path_info.startswith("/api/"):
                    citations = rules.citations_of(
                        profile_of(pending.council), rules.SUPPORT_SERVICES
                    )
                    return JsonResponse(
                        {
                            "detail": "Accept the Members' ICT User Agreement before using Accord: "
                            f"version {pending.version}, at /ict-agreement/",
                            "citations": rules.cited(citations),
                        },
                        status=403,
                    )
                return redirect("correspondence:ict-agreement")
        return self.get_response(request)
