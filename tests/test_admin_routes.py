"""Every admin page (changelist, add, change, delete) of every registered model, as every kind of user.

Another council's object is a 404; no case record (an enquiry and its history, API tokens, the outbox, the
security log, a council's enquiry settings) can be deleted by anyone, a platform administrator included.
A model registered in the admin without an object here fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.test import Client
from django.urls import reverse

from accord.accounts.models import User
from accord.councils.models import AreaPostcode, Committee, Council
from accord.councils.tests import factories as cf
from accord.enquiries.models import Enquiry
from conftest import Roles
from tests.routes import roles_enquiry

ADMIN_ROLES = (
    "anonymous",
    "member",
    "democratic_services",
    "other_council_admin",
    "platform_admin",
)


def _token(roles: Roles) -> models.Model:
    from accord.api.services import api_token_create

    user = roles.user("member")
    assert user is not None
    return api_token_create(user=user, name="reporting")[0]


def _outbox(roles: Roles) -> models.Model:
    from accord.notifications.tests.factories import OutboxMessageFactory

    return OutboxMessageFactory(council=roles.council)  # type: ignore[return-value]


def _log_entry(roles: Roles) -> models.Model:
    from accord.securitylog.services import Kind, security_log_record

    return security_log_record(
        kind=Kind.SIGN_IN, description="Signed in.", user=roles.user("member")
    )


def _settings(roles: Roles) -> models.Model:
    from accord.enquiries.tests.factories import EnquirySettingsFactory

    return EnquirySettingsFactory(council=roles.council)  # type: ignore[return-value]


def _category(roles: Roles) -> models.Model:
    from accord.enquiries.tests.factories import CategoryFactory

    return CategoryFactory(council=roles.council, name="Potholes")  # type: ignore[return-value]


def _user_of(role: str) -> Callable[[Roles], models.Model]:
    def build(roles: Roles) -> models.Model:
        user = roles.user(role)
        assert user is not None
        return user

    return build


def _task_result(roles: Roles) -> models.Model:
    from django_tasks_db.models import DBTaskResult

    from accord.core import clock

    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="accord.notifications.tasks.outbox_send",
        backend_name="default",
        run_after=clock.now(),
    )


def _sign_in(roles: Roles) -> models.Model:
    from accord.accounts.models import CouncilSignIn

    return CouncilSignIn.objects.create(council=roles.council)


def _sign_in_failure(roles: Roles) -> models.Model:
    from accord.accounts.models import SignInFailure

    return SignInFailure.objects.create(
        path=SignInFailure.Path.choices[0][0], username="member", reason="Wrong password."
    )


def _mailbox(roles: Roles) -> models.Model:
    from accord.enquiries.intake.models import EnquiryMailbox
    from accord.enquiries.tests.factories import CategoryFactory

    return EnquiryMailbox.objects.create(
        council=roles.council,
        address="enquiries@testshire.example",
        host="127.0.0.1",
        username="enquiries",
        password_env="ACCORD_MAILBOX_PASSWORD_TESTSHIRE",
        category=CategoryFactory(council=roles.council, name="E-mailed"),
    )


f: Any = cf
# One object of the roles' council for each model in the admin.
OBJECTS: dict[str, Callable[[Roles], models.Model]] = {
    "councils.council": lambda roles: roles.council,
    "councils.area": lambda roles: f.AreaFactory(council=roles.council, name="Priory"),
    "councils.areapostcode": lambda roles: AreaPostcode.objects.create(
        council=roles.council, area=roles.council.areas.first(), postcode="TS1 1AA"
    ),
    "councils.politicalgroup": lambda roles: f.PoliticalGroupFactory(council=roles.council),
    "councils.committee": lambda roles: Committee.objects.create(
        council=roles.council, name="Planning"
    ),
    "councils.member": lambda roles: roles.user("member").member,  # type: ignore[union-attr,return-value]
    "councils.service": lambda roles: f.ServiceFactory(council=roles.council, name="Parks"),
    "councils.officer": lambda roles: roles.user("officer").officer,  # type: ignore[union-attr,return-value]
    "councils.statutoryrole": lambda roles: roles.council.statutory_roles.first(),  # type: ignore[attr-defined,return-value]
    "accounts.user": _user_of("officer"),
    "enquiries.category": _category,
    "enquiries.enquirysettings": _settings,
    "enquiries.enquiry": roles_enquiry,
    "api.apitoken": _token,
    "notifications.outboxmessage": _outbox,
    "securitylog.securitylogentry": _log_entry,
    "auth.group": lambda roles: Group.objects.create(name="Editors"),
    "django_tasks_database.dbtaskresult": _task_result,
    "accounts.councilsignin": _sign_in,
    "accounts.signinfailure": _sign_in_failure,
    "intake.enquirymailbox": _mailbox,
}
# The platform's own set-up: platform administrators only, whatever permissions a council's staff hold.
PLATFORM_MODELS = {"auth.group", "django_tasks_database.dbtaskresult", "accounts.signinfailure"}
# Nobody adds these in the admin: cases are raised through Accord, tokens by command, the rest by Accord.
NO_ADD = {
    "enquiries.enquiry",
    "api.apitoken",
    "notifications.outboxmessage",
    "securitylog.securitylogentry",
    "django_tasks_database.dbtaskresult",
    "accounts.signinfailure",
}
# The record: deleted by nobody.
NO_DELETE = NO_ADD | {"enquiries.enquirysettings"}
# Only a platform administrator adds or deletes a council.
PLATFORM_ONLY = {"councils.council"}


def _admin_user(council: Council, name: str, **extra: Any) -> User:
    user: User = f.UserFactory(
        username=name, council=council, is_staff=True, is_democratic_services=True, **extra
    )
    user.user_permissions.set(Permission.objects.all())
    return user


def admin_users(roles: Roles) -> dict[str, User | None]:
    dem = roles.user("democratic_services")
    assert dem is not None
    dem.is_staff = True
    dem.save(update_fields=["is_staff"])
    dem.user_permissions.set(Permission.objects.all())
    return {
        "anonymous": None,
        "member": roles.user("member"),
        "democratic_services": dem,
        "other_council_admin": _admin_user(roles.other_council, "other-admin"),
        "platform_admin": f.UserFactory(username="root", is_staff=True, is_superuser=True),
    }


def expected(label: str, page: str) -> dict[str, int]:
    """What each user gets from one admin page of the model `label`."""
    own = 200
    if page == "add" and (label in NO_ADD or label in PLATFORM_ONLY):
        own = 403
    if page == "delete" and (label in NO_DELETE or label in PLATFORM_ONLY):
        own = 403
    platform = 200
    if (page == "add" and label in NO_ADD) or (page == "delete" and label in NO_DELETE):
        platform = 403
    other = own if page in ("changelist", "add") else 404
    if label in PLATFORM_MODELS:
        own = other = 403
    return {
        "anonymous": 302,
        "member": 302,
        "democratic_services": own,
        "other_council_admin": other,
        "platform_admin": platform,
    }


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def test_every_admin_model_has_an_object_to_try() -> None:
    registered = {_label(m) for m in admin.site._registry}
    assert registered - set(OBJECTS) == set(), "add an object for each admin model above"


def admin_url(label: str, page: str, pk: Any) -> str:
    name = f"admin:{label.replace('.', '_')}_{page}"
    return reverse(name, args=[pk] if page in ("change", "delete") else [])


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(OBJECTS))
def test_admin_pages_as_every_user(label: str, roles: Roles) -> None:
    obj = OBJECTS[label](roles)
    users = admin_users(roles)
    got: dict[str, int] = {}
    want: dict[str, int] = {}
    for page in ("changelist", "add", "change", "delete"):
        url = admin_url(label, page, obj.pk)
        for role in ADMIN_ROLES:
            client = Client()
            user = users[role]
            if user is not None:
                client.force_login(user)
            got[f"{page} as {role}"] = client.get(url).status_code
            want[f"{page} as {role}"] = expected(label, page)[role]
    assert {k: v for k, v in got.items() if want[k] != v} == {}


@pytest.mark.django_db
@pytest.mark.parametrize("label", sorted(NO_DELETE))
def test_the_record_survives_a_posted_deletion(label: str, roles: Roles) -> None:
    """Posting the delete form, or the changelist's bulk deletion, removes nothing, even as superuser."""
    obj = OBJECTS[label](roles)
    model = type(obj)
    client = Client()
    client.force_login(admin_users(roles)["platform_admin"])  # type: ignore[arg-type]
    assert client.post(admin_url(label, "delete", obj.pk), {"post": "yes"}).status_code == 403
    client.post(
        admin_url(label, "changelist", None),
        {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
    )
    assert model._default_manager.filter(pk=obj.pk).exists()


@pytest.mark.django_db
def test_a_council_with_cases_cannot_be_deleted_even_by_a_platform_administrator(
    roles: Roles,
) -> None:
    roles_enquiry(roles)
    client = Client()
    client.force_login(admin_users(roles)["platform_admin"])  # type: ignore[arg-type]
    page = client.post(admin_url("councils.council", "delete", roles.council.pk), {"post": "yes"})
    assert "Cannot delete council" in page.text
    assert Enquiry.objects.filter(council=roles.council).exists()
