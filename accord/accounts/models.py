"""A user signs in with Django auth and is one council's Member or officer (or a platform administrator)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q


class User(AbstractUser):
    council = models.ForeignKey(
        "councils.Council", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    member = models.OneToOneField(
        "councils.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
    officer = models.OneToOneField(
        "councils.Officer", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
    is_democratic_services = models.BooleanField(
        "democratic services",
        default=False,
        help_text="Democratic / member services staff: run the council's records and reports.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~(Q(member__isnull=False) & Q(officer__isnull=False)),
                name="user_is_member_or_officer_not_both",
            ),
            models.CheckConstraint(
                condition=Q(council__isnull=False)
                | (Q(member__isnull=True) & Q(officer__isnull=True)),
                name="user_with_person_has_council",
            ),
        ]
