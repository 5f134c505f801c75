"""The demo councils: the right shape, safe to load again, and every demo user can sign in."""

from __future__ import annotations

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Model
from django.test import Client

from accord.accounts.models import User
from accord.core import clock
from accord.core.invariants import invariants_check
from accord.councils.models import (
    Area,
    ClosureDay,
    Committee,
    Council,
    Member,
    Office,
    Officer,
    StatutoryRole,
)
from accord.demo.models import DemoLoad
from accord.demo.services import DEMO_PASSWORD, demo_load
from accord.enquiries.models import Enquiry
from accord.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def _row_counts() -> dict[str, int]:
    models: list[type[Model]] = [*apps.get_app_config("councils").get_models(), User]
    counts = {m.__name__: m._default_manager.count() for m in models}
    counts["memberships"] = Committee.members.through.objects.count()
    counts["member areas"] = Member.areas.through.objects.count()
    return counts


def test_loading_twice_duplicates_nothing_and_keeps_edits() -> None:
    demo_load()
    first = _row_counts()
    user = User.objects.get(username="ashcombe-member")
    user.set_password("changed-by-the-user")
    user.save()
    renamed = Member.objects.filter(council__slug="ashcombe").first()
    assert renamed is not None
    renamed.name = "Renamed After Election"
    renamed.save()
    demo_load()
    assert _row_counts() == first
    assert Member.objects.filter(name="Renamed After Election").exists()
    assert Client().login(username="ashcombe-member", password="changed-by-the-user")


@pytest.mark.cites("D 1.4", "D 2.8", "D 2.11")
def test_district_council_shape() -> None:
    demo_load()
    council = Council.objects.get(slug="ashcombe")
    assert (council.profile, council.area_noun) == ("district", "ward")
    assert council.areas.count() == 20
    assert council.members.count() == 40
    assert council.groups.count() == 3
    assert list(council.groups.filter(status="administration").values_list("name", flat=True)) == [
        "Community First Group"
    ]
    offices = Office.objects.filter(member__council=council)
    assert offices.filter(kind=Office.Kind.LEADER).count() == 1
    assert offices.filter(kind=Office.Kind.CABINET_MEMBER).count() == 6
    assert offices.filter(kind=Office.Kind.GROUP_LEADER).count() == 3
    assert offices.filter(kind=Office.Kind.SCRUTINY_CHAIR).count() == 1
    chiefs = set(
        council.officers.filter(grade=Officer.Grade.CHIEF_OFFICER).values_list(
            "job_title", flat=True
        )
    )
    assert chiefs == {
        "Chief Executive",
        "Deputy Chief Executive",
        "Director - Place and Climate Change",
    }
    roles = set(council.statutory_roles.values_list("role", flat=True))
    assert roles == {"head-of-paid-service", "monitoring-officer", "section-151-officer"}
    assert (
        council.officers.exclude(job_title="Chief Executive").filter(line_manager=None).count() == 0
    )
    assert council.closure_days.filter(date__month=12).count() >= 2


@pytest.mark.cites("N 4")
def test_county_council_has_the_seven_statutory_posts() -> None:
    demo_load()
    council = Council.objects.get(slug="westshire")
    assert (council.profile, council.area_noun) == ("norfolk", "division")
    assert council.areas.count() == 30
    assert 30 <= council.members.count() <= 40
    assert council.committees.filter(name="Scrutiny Committee", kind="scrutiny").exists()
    titles = dict(council.statutory_roles.values_list("role", "title"))
    assert set(titles) == {
        "head-of-paid-service",
        "section-151-officer",
        "monitoring-officer",
        "childrens-services-director",
        "adult-social-services-director",
        "chief-fire-officer",
        "director-of-public-health",
    }
    assert titles["monitoring-officer"] == "Director of Governance (Monitoring Officer)"
    assert titles["director-of-public-health"] == "Director of Public Health (DPH)"


def test_every_demo_user_signs_in_and_the_councils_are_separate() -> None:
    rows = demo_load()
    assert len(rows) == 13
    for row in rows:
        assert Client().login(username=row.username, password=DEMO_PASSWORD), row.username
    ashcombe, westshire = (
        Council.objects.get(slug="ashcombe"),
        Council.objects.get(slug="westshire"),
    )
    for user in User.objects.exclude(username="admin"):
        person = user.member or user.officer
        assert person is not None and person.council == user.council
    dem = User.objects.get(username="westshire-demservices")
    assert dem.is_staff and dem.is_democratic_services and dem.council == westshire
    assert dem.has_perm("councils.change_member")
    assert not set(ashcombe.members.values_list("pk", flat=True)) & set(
        westshire.members.values_list("pk", flat=True)
    )
    assert StatutoryRole.objects.filter(council=ashcombe, officer__council=westshire).count() == 0
    assert User.objects.get(username="admin").is_superuser


def test_command_prints_the_sign_in_table() -> None:
    out = StringIO()
    call_command("demo", "load", stdout=out)
    call_command("demo", "logins", stdout=(again := StringIO()))
    for text in (out.getvalue(), again.getvalue()):
        assert "ashcombe-monitoring" in text and "Monitoring Officer" in text
        assert DEMO_PASSWORD in text


@pytest.mark.cites("D 6.1")
def test_the_history_shows_the_members_emails_as_sent_and_nothing_waits_to_go() -> None:
    demo_load()
    answered = Enquiry.objects.filter(
        council__slug="ashcombe", answered_at__isnull=False, member__email__gt=""
    ).first()
    assert answered is not None
    to_member = OutboxMessage.objects.filter(
        subject_type="enquiry", subject_id=str(answered.pk), recipient=answered.member.email
    )
    assert {"enquiry.acknowledged", "enquiry.assigned", "enquiry.answered"} <= set(
        to_member.values_list("event_type", flat=True)
    )
    assert all(m.sent_at is not None for m in to_member)
    assert not OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).exists()


def test_loading_again_never_resurrects_or_overwrites_a_councils_edits() -> None:
    demo_load()
    ward = Area.objects.filter(council__slug="ashcombe").order_by("pk").first()
    assert ward is not None
    original = ward.name
    ward.name = "Renamed by the boundary review"
    ward.save()
    closure = ClosureDay.objects.filter(council__slug="ashcombe").order_by("date").first()
    assert closure is not None
    closure.delete()
    counts = _row_counts()
    demo_load()
    assert Area.objects.filter(council__slug="ashcombe", name=original).count() == 0
    assert Area.objects.get(pk=ward.pk).name == "Renamed by the boundary review"
    assert not ClosureDay.objects.filter(council__slug="ashcombe", date=closure.date).exists()
    assert _row_counts() == counts


def test_a_deleted_demo_council_is_not_brought_back() -> None:
    """The mark outlives the council: one loaded and then deleted (here, its mark alone) stays away."""
    DemoLoad.objects.create(slug="westshire", loaded_at=clock.now(), created=True)
    demo_load()
    assert not Council.objects.filter(slug="westshire").exists()
    assert Council.objects.get(slug="ashcombe").members.exists()


def test_a_council_already_using_a_demo_slug_is_left_alone() -> None:
    Council.objects.create(
        slug="ashcombe", name="Ashcombe (ours)", nation="england", profile="district"
    )
    demo_load()
    council = Council.objects.get(slug="ashcombe")
    assert council.name == "Ashcombe (ours)"
    assert not council.members.exists() and not council.enquiries.exists()
    assert not DemoLoad.objects.get(slug="ashcombe").created
    assert Council.objects.get(slug="westshire").members.exists()


@pytest.mark.cites("D 6.3")
def test_the_demo_history_obeys_every_invariant_of_a_real_case() -> None:
    demo_load()
    assert Enquiry.objects.filter(answered_at__isnull=False).count() > 2000
    assert Enquiry.objects.filter(chaser_count__gt=0).exists()
    assert Enquiry.objects.filter(agreed_due_date__isnull=False).exists()
    assert invariants_check() == []
    out = StringIO()
    call_command("check_invariants", stdout=out)
    assert out.getvalue().startswith("All ")


@pytest.mark.cites("D 6.6", "D 6.3")
def test_the_demo_shows_a_service_failure_category_and_the_officers_open_work() -> None:
    import datetime as dt

    from accord.core import clock
    from accord.enquiries.models import Category
    from accord.enquiries.selectors import overdue_q

    demo_load()
    today = clock.today()
    for slug in ("ashcombe", "westshire"):
        assert Category.objects.filter(council__slug=slug, is_service_failure=True).exists()
        officer = User.objects.get(username=f"{slug}-officer").officer
        assert officer is not None
        queue = Enquiry.objects.filter(assigned_to=officer, state__in=Enquiry.OPEN_STATES)
        assert queue.count() >= 4, slug
        assert queue.filter(overdue_q()).exists(), slug
        assert queue.filter(
            due_date__gte=today, due_date__lte=today + dt.timedelta(days=6)
        ).exists(), slug
        assert Enquiry.objects.filter(
            service=officer.service, state=Enquiry.State.RECEIVED, assigned_to__isnull=True
        ).exists(), slug
