"""D 6.5: what a Member sees of an answer shared with them, and nothing of the casework.

An enquiry about an area that is not the asking Member's own is answered, and "the information provided" is
shared with that area's Members. They get the answer, the area, the reference, the service and the dates; never
the enquiry's details (which may carry a constituent's health or other personal data), the constituent, the
Member-officer exchange, the messages or the attachments. The whole case stays with its own Member and the
officers handling it (`accord.enquiries.access`); the shared answer has its own read here, its own page and API.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from accord.core.access import Actor
from accord.councils.models import Member
from accord.enquiries import rules
from accord.enquiries.models import SharedWith
from accord.protocol import Citation, load_profile


@dataclass(frozen=True)
class SharedAnswer:
    """The information provided, as the Members it is shared with see it (D 6.5)."""

    enquiry_id: int
    reference: str
    area_name: str
    service_name: str
    answer: str
    answered_at: dt.datetime | None
    shared_at: dt.datetime
    citations: tuple[Citation, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.enquiry_id,
            "reference": self.reference,
            "area": self.area_name,
            "service": self.service_name,
            "answer": self.answer,
            "answered_at": self.answered_at,
            "shared_at": self.shared_at,
            "citations": [c.to_dict() for c in self.citations],
        }


def _shares(member: Member) -> QuerySet[SharedWith]:
    return (
        SharedWith.objects.filter(member=member, enquiry__council_id=member.council_id)
        .exclude(enquiry__answer="")
        .select_related("enquiry__area", "enquiry__service", "enquiry__council")
        .order_by("-shared_at", "-id")
    )


def _shared_answer(share: SharedWith) -> SharedAnswer:
    enquiry = share.enquiry
    profile = load_profile(enquiry.council.profile)
    return SharedAnswer(
        enquiry_id=enquiry.pk,
        reference=enquiry.reference,
        area_name=enquiry.area.name if enquiry.area else "",
        service_name=enquiry.service.name,
        answer=enquiry.answer,
        answered_at=enquiry.answered_at,
        shared_at=share.shared_at,
        citations=tuple(rules.citations_of(profile, rules.SHARE_OTHER_AREA)),
    )


def shared_answer_list_for(member: Member) -> list[SharedAnswer]:
    """The answers shared with a Member (D 6.5), newest share first: the "Shared with me" list."""
    return [_shared_answer(s) for s in _shares(member)]


def shared_answer_count_since(member: Member, since: dt.datetime) -> int:
    """How many answers were shared with the Member at or after `since` (the home page's "new")."""
    return _shares(member).filter(shared_at__gte=since).count()


def shared_answer_for(actor: Actor, enquiry_id: int | str) -> SharedAnswer:
    """The answer of one enquiry shared with the actor (a Member); anything else is a 404 (D 6.5)."""
    try:
        pk = int(enquiry_id)
    except (TypeError, ValueError):
        raise Http404("Not found") from None
    if not actor.is_authenticated or actor.member is None:
        raise Http404("Not found")
    share = _shares(actor.member).filter(enquiry_id=pk).first()
    if share is None:
        raise Http404("Not found")
    return _shared_answer(share)
