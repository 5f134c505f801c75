"""factory_boy factories for Members' enquiries (D 6).

`EnquiryFactory` builds a consistent case: the Member, category, service and council belong together and the
due date follows the district service level (5 working days, D 6.3) unless given. For a case with its real
computed due date, events and notifications, call `accord.enquiries.services.enquiry_submit` instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from accord.core import clock
from accord.councils.tests.factories import (
    AreaFactory,
    CouncilFactory,
    MemberFactory,
    OfficerFactory,
    ServiceFactory,
    UserFactory,
)
from accord.enquiries import models


class CategoryFactory(factory.django.DjangoModelFactory[models.Category]):
    class Meta:
        model = models.Category
        django_get_or_create = ("council", "name")

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Category {n}")
    service = factory.SubFactory(ServiceFactory, council=factory.SelfAttribute("..council"))
    is_service_failure = False


class EnquirySettingsFactory(factory.django.DjangoModelFactory[models.EnquirySettings]):
    class Meta:
        model = models.EnquirySettings
        django_get_or_create = ("council",)

    council = factory.SubFactory(CouncilFactory)
    response_working_days = None


def _received() -> dt.datetime:
    return clock.now()


class EnquiryFactory(factory.django.DjangoModelFactory[models.Enquiry]):
    class Meta:
        model = models.Enquiry

    council = factory.SubFactory(CouncilFactory)
    reference = factory.Sequence(lambda n: f"ENQ-2026-{n + 1:06d}")
    member = factory.SubFactory(MemberFactory, council=factory.SelfAttribute("..council"))
    raised_by = factory.SubFactory(
        UserFactory,
        council=factory.SelfAttribute("..council"),
        member=factory.SelfAttribute("..member"),
    )
    subject = factory.Sequence(lambda n: f"Enquiry {n}")
    details = "Residents report a problem; please look into it."
    area = factory.SubFactory(AreaFactory, council=factory.SelfAttribute("..council"))
    category = factory.SubFactory(CategoryFactory, council=factory.SelfAttribute("..council"))
    service = factory.SelfAttribute("category.service")
    urgency = models.Enquiry.Urgency.NORMAL
    capacity = models.Enquiry.Capacity.WARD_CASEWORK
    state = models.Enquiry.State.RECEIVED
    profile_key = factory.SelfAttribute("council.profile")
    profile_version = "2025-01-01"
    received_at = factory.LazyFunction(_received)
    working_days = 5
    day_zero = factory.LazyAttribute(lambda e: e.received_at.astimezone(clock.LONDON).date())
    due_date = factory.LazyAttribute(lambda e: e.day_zero + dt.timedelta(days=7))

    @classmethod
    def _adjust_kwargs(cls, **kwargs: Any) -> dict[str, Any]:
        """A case given a due date before today's receipt was received a week before it was due, so the
        factory's cases obey the invariants (`accord/enquiries/invariants.py`) as real ones do."""
        if kwargs["day_zero"] > kwargs["due_date"]:
            received = kwargs["received_at"].astimezone(clock.LONDON)
            day_zero = kwargs["due_date"] - dt.timedelta(days=7)
            kwargs["received_at"] = dt.datetime.combine(day_zero, received.timetz())
            kwargs["day_zero"] = day_zero
        return kwargs


class AssignedEnquiryFactory(EnquiryFactory):
    state = models.Enquiry.State.ASSIGNED
    assigned_to = factory.SubFactory(
        OfficerFactory,
        council=factory.SelfAttribute("..council"),
        service=factory.SelfAttribute("..service"),
    )


class AnsweredEnquiryFactory(AssignedEnquiryFactory):
    state = models.Enquiry.State.ANSWERED
    answer = "Here is the substantive response."
    answered_at = factory.LazyFunction(_received)
    answered_on_time = True
    working_days_to_answer = 1


class EnquiryEventFactory(factory.django.DjangoModelFactory[models.EnquiryEvent]):
    class Meta:
        model = models.EnquiryEvent

    enquiry = factory.SubFactory(EnquiryFactory)
    at = factory.LazyFunction(_received)
    kind = "received"
    description = "Enquiry received."


class HoldingReplyFactory(factory.django.DjangoModelFactory[models.HoldingReply]):
    class Meta:
        model = models.HoldingReply

    enquiry = factory.SubFactory(AssignedEnquiryFactory)
    sent_at = factory.LazyFunction(_received)
    sent_by = factory.SelfAttribute("enquiry.assigned_to")
    reason = "Waiting for a contractor's report."
    new_due_date = factory.LazyAttribute(lambda h: h.enquiry.due_date + dt.timedelta(days=7))
    decision = models.HoldingReply.Decision.ACCEPTED


class SharedWithFactory(factory.django.DjangoModelFactory[models.SharedWith]):
    class Meta:
        model = models.SharedWith

    enquiry = factory.SubFactory(AnsweredEnquiryFactory)
    member = factory.SubFactory(MemberFactory, council=factory.SelfAttribute("..enquiry.council"))
    shared_at = factory.LazyFunction(_received)
