"""What the log hears without being called: sign-ins and their failures (Django's signals) and changes
made through the admin (`accord.councils.admin_changes.admin_changed`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db import models

from accord.councils.admin_changes import admin_changed
from accord.councils.models import Council
from accord.securitylog.services import Kind, security_log_record

DISPATCH = "accord.securitylog"


def signed_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    security_log_record(kind=Kind.SIGN_IN, description="Signed in.", user=user, request=request)


def sign_in_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    """A failure names the account tried (the council of an existing one), never the password."""
    username = str(credentials.get("username", ""))[:150]
    known = get_user_model()._default_manager.filter(username=username).first()
    security_log_record(
        kind=Kind.SIGN_IN_FAILED,
        description="Sign-in failed: wrong user name or password.",
        user=None,
        username=username,
        request=request,
        council_id=getattr(known, "council_id", None),
    )


def _council_of(obj: models.Model) -> int | None:
    if isinstance(obj, Council):
        return obj.pk
    council_id = getattr(obj, "council_id", None)
    if council_id is None and getattr(obj, "user", None) is not None:
        council_id = getattr(obj.user, "council_id", None)  # type: ignore[attr-defined]
    return council_id


def admin_change(
    sender: type[models.Model],
    request: Any,
    obj: models.Model,
    action: str,
    changes: dict[str, list[str]],
    **kwargs: Any,
) -> None:
    """An admin change: which record, what was done, and each field's old and new value."""
    user = request.user if request.user.is_authenticated else None
    what = sender._meta.verbose_name
    security_log_record(
        kind=Kind.ADMIN_CHANGE,
        description=f"{str(what).capitalize()} {obj} {action} in the admin.",
        user=user,
        request=request,
        council_id=_council_of(obj) or getattr(user, "council_id", None),
        model=sender._meta.label_lower,
        object_id=str(obj.pk) if obj.pk is not None else "",
        action=action,
        changes=changes,
    )


def connect() -> None:
    user_logged_in.connect(signed_in, dispatch_uid=f"{DISPATCH}.sign-in")
    user_login_failed.connect(sign_in_failed, dispatch_uid=f"{DISPATCH}.sign-in-failed")
    admin_changed.connect(admin_change, dispatch_uid=f"{DISPATCH}.admin")
