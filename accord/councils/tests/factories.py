"""factory_boy factories for the council model, shared by every app's tests."""

from __future__ import annotations

import factory

from accord.accounts.models import User
from accord.councils import models


class CouncilFactory(factory.django.DjangoModelFactory[models.Council]):
    class Meta:
        model = models.Council
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"council-{n}")
    name = factory.Sequence(lambda n: f"Test District Council {n}")
    nation = models.Nation.ENGLAND
    profile = "district"
    area_noun = models.AreaNoun.WARD


class AreaFactory(factory.django.DjangoModelFactory[models.Area]):
    class Meta:
        model = models.Area

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Ward {n}")


class PoliticalGroupFactory(factory.django.DjangoModelFactory[models.PoliticalGroup]):
    class Meta:
        model = models.PoliticalGroup

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Group {n}")
    status = models.PoliticalGroup.Status.OPPOSITION


class MemberFactory(factory.django.DjangoModelFactory[models.Member]):
    class Meta:
        model = models.Member
        skip_postgeneration_save = True

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Member {n}")
    email = factory.Sequence(lambda n: f"member{n}@example.org")
    group = factory.SubFactory(PoliticalGroupFactory, council=factory.SelfAttribute("..council"))

    @factory.post_generation
    def areas(self, create: bool, extracted: list[models.Area] | None, **kwargs: object) -> None:
        if create and extracted:
            self.areas.set(extracted)


class ServiceFactory(factory.django.DjangoModelFactory[models.Service]):
    class Meta:
        model = models.Service

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Service {n}")


class OfficerFactory(factory.django.DjangoModelFactory[models.Officer]):
    class Meta:
        model = models.Officer

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Officer {n}")
    email = factory.Sequence(lambda n: f"officer{n}@example.org")
    job_title = "Officer"
    service = factory.SubFactory(ServiceFactory, council=factory.SelfAttribute("..council"))
    grade = models.Officer.Grade.OFFICER


class StatutoryRoleFactory(factory.django.DjangoModelFactory[models.StatutoryRole]):
    class Meta:
        model = models.StatutoryRole

    officer = factory.SubFactory(OfficerFactory)
    council = factory.SelfAttribute("officer.council")
    role = "monitoring-officer"
    title = "Monitoring Officer"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery")
