"""Changes made in the admin, announced with their old and new values (the security log keeps them)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.dispatch import Signal
from django.http import HttpRequest

# Sent after every change made through a scoped admin page: `sender` the model, `request`, `obj`, `action`
# ("added", "changed", "deleted") and `changes` ({field: [old, new]} as text). The security log keeps it.
admin_changed = Signal()
SECRET_FIELDS = frozenset({"password", "token_hash"})


def _as_text(field: forms.Field | None, value: Any) -> str:
    if value is None or value == "":
        return ""
    queryset = getattr(field, "queryset", None)
    if isinstance(field, forms.ModelMultipleChoiceField) and queryset is not None:
        pks = [getattr(v, "pk", v) for v in value]
        return ", ".join(sorted(str(o) for o in queryset.model._default_manager.filter(pk__in=pks)))
    if queryset is not None and not isinstance(value, models.Model):
        found = queryset.model._default_manager.filter(pk=value).first()
        return str(found) if found is not None else str(value)
    if isinstance(value, models.QuerySet | list | tuple):
        return ", ".join(sorted(str(v) for v in value))
    return str(value)


def form_changes(form: forms.BaseForm) -> dict[str, list[str]]:
    """Each field the form changed, as `{name: [old, new]}` in words (a related object by its name);
    secrets (passwords, token hashes) are never written out."""
    changes: dict[str, list[str]] = {}
    for name in form.changed_data:
        if name in SECRET_FIELDS:
            changes[name] = ["(secret)", "(secret)"]
            continue
        field = form.fields.get(name)
        old = _as_text(field, form.initial.get(name))
        new = _as_text(field, form.cleaned_data.get(name))
        changes[name] = [old, new]
    return changes


def admin_change_send(
    request: HttpRequest, obj: models.Model, action: str, changes: dict[str, list[str]]
) -> None:
    """Announce one admin change (see `admin_changed`)."""
    admin_changed.send(sender=type(obj), request=request, obj=obj, action=action, changes=changes)
