"""Factories for meetings and decision records (factory_boy), over the council model's factories."""

from __future__ import annotations

import datetime as dt

import factory

from accord.core import clock
from accord.councils.models import Committee
from accord.councils.tests import factories as cf

from ..models import DecisionRecord, Meeting


class CommitteeFactory(factory.django.DjangoModelFactory[Committee]):
    class Meta:
        model = Committee
        django_get_or_create = ("council", "name")

    council = factory.SubFactory(cf.CouncilFactory)
    name = factory.Sequence(lambda n: f"Committee {n}")
    kind = Committee.Kind.COMMITTEE


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    committee = factory.SubFactory(CommitteeFactory)
    council = factory.SelfAttribute("committee.council")
    starts_at = dt.datetime(2026, 3, 24, 18, 30, tzinfo=clock.LONDON)
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + dt.timedelta(hours=2))
    place = "Council Chamber"
    publication_date = dt.date(2026, 3, 16)
    created_at = factory.LazyFunction(clock.now)


class DecisionFactory(factory.django.DjangoModelFactory[DecisionRecord]):
    class Meta:
        model = DecisionRecord

    council = factory.SelfAttribute("advising_officer.council")
    matter = factory.Sequence(lambda n: f"Matter {n}")
    maker = DecisionRecord.Maker.CABINET_MEMBER
    report = "The report."
    advising_officer = factory.SubFactory(cf.OfficerFactory)
    created_at = factory.LazyFunction(clock.now)
