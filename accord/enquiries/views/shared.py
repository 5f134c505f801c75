"""D 6.5: the answers shared with a Member ("Shared with me"), each on its own page without the casework."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accord.core.access import is_member, require
from accord.enquiries.shared import shared_answer_for, shared_answer_list_for
from accord.web.views.common import request_actor


@login_required
def shared_list(request: HttpRequest) -> HttpResponse:
    actor = request_actor(request)
    require(actor, is_member)
    assert actor.member is not None
    return render(
        request, "enquiries/shared_list.html", {"answers": shared_answer_list_for(actor.member)}
    )


@login_required
def shared_detail(request: HttpRequest, pk: int) -> HttpResponse:
    answer = shared_answer_for(request_actor(request), pk)
    return render(request, "enquiries/shared_detail.html", {"shared": answer})
