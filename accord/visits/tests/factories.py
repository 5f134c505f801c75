"""factory_boy factories for premises, visits and appointments."""

from __future__ import annotations

import datetime as dt
import uuid

import factory

from accord.core import clock
from accord.councils.tests.factories import (
    AreaFactory,
    CouncilFactory,
    MemberFactory,
    OfficerFactory,
)
from accord.visits.models import Appointment, Premises, Visit
from accord.visits.services import link_hash


class PremisesFactory(factory.django.DjangoModelFactory[Premises]):
    class Meta:
        model = Premises

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"County Hall {n}")
    address = "Martineau Lane, Norwich"
    postcode = "NR1 2DH"
    area = factory.SubFactory(AreaFactory, council=factory.SelfAttribute("..council"))
    kind = Premises.Kind.OFFICE
    tenure = Premises.Tenure.OWNED
    manager_name = "Pat Manager"
    manager_email = "pat.manager@example.org"
    added_at = factory.LazyFunction(clock.now)


class VisitFactory(factory.django.DjangoModelFactory[Visit]):
    """A visit waiting for the local manager's permission; `token` gives it a live link."""

    class Meta:
        model = Visit
        exclude = ("token",)

    token = "a-live-token"
    council = factory.SubFactory(CouncilFactory)
    member = factory.SubFactory(MemberFactory, council=factory.SelfAttribute("..council"))
    premises = factory.SubFactory(PremisesFactory, council=factory.SelfAttribute("..council"))
    visit_on = factory.LazyFunction(lambda: clock.today() + dt.timedelta(days=10))
    purpose = Visit.Purpose.PERSONAL
    state = Visit.State.REQUESTED
    permission_from = Visit.Permission.LOCAL_MANAGER
    decision = "A visit for a personal or employment need is agreed with the local manager."
    citations = factory.LazyFunction(
        lambda: [{"label": "N 25", "paragraph": "25", "text": "Members are welcome ..."}]
    )
    profile = "norfolk"
    profile_version = dt.date(2024, 1, 1)
    safety_acknowledged_at = factory.LazyFunction(clock.now)
    link_hash = factory.LazyAttribute(lambda o: link_hash(o.token) if o.token else "")
    link_expires_at = factory.LazyFunction(lambda: clock.now() + dt.timedelta(days=14))
    created_at = factory.LazyFunction(clock.now)
    updated_at = factory.LazyFunction(clock.now)


def _start() -> dt.datetime:
    return (clock.now() + dt.timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)


class AppointmentFactory(factory.django.DjangoModelFactory[Appointment]):
    class Meta:
        model = Appointment

    council = factory.SubFactory(CouncilFactory)
    member = factory.SubFactory(MemberFactory, council=factory.SelfAttribute("..council"))
    officer = factory.SubFactory(OfficerFactory, council=factory.SelfAttribute("..council"))
    subject = "Flooding on Mill Lane"
    starts_at = factory.LazyFunction(_start)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    mode = Appointment.Mode.ONLINE
    meeting_link = "https://meet.example.org/abc"
    state = Appointment.State.REQUESTED
    uid = factory.LazyFunction(lambda: f"appointment-{uuid.uuid4()}@test.accord")
    created_at = factory.LazyFunction(clock.now)
    updated_at = factory.LazyFunction(clock.now)
