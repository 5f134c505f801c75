"""The history every case keeps, as abstract models a capability's own tables inherit (no tables here).

A capability's event model names the case it belongs to in `CASE_FIELD` (a foreign key it declares) and keeps
the fields below; its chain head model holds the last link of each council's chain (`accord.cases.history`).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from accord.councils.models import Council


class CaseEvent(models.Model):
    """One change on a case's history: who, when, what, the paragraphs behind it and the text of the change.

    Written once and never updated (append-only); `seq` is the event's place in its council's hash chain
    and `hash` the sha256 of its fields and the previous event's hash."""

    CASE_FIELD: ClassVar[str] = "case"

    at = models.DateTimeField()
    # Who acted stays in the record: a user with history is deactivated, never deleted (None: Accord itself).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=40)
    description = models.TextField()
    citations = models.JSONField(default=list, blank=True)  # [{"label": "D 6.3", "text": ...}]
    data = models.JSONField(default=dict, blank=True)
    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="+", null=True)
    seq = models.PositiveBigIntegerField(null=True)
    hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"

    @property
    def case_id(self) -> int:
        return int(getattr(self, f"{self.CASE_FIELD}_id"))


class ChainHead(models.Model):
    """The last link of a council's history chain. Its row is locked while events are added, so parallel
    writers chain their events one after another; the audit also checks that the chain still reaches it."""

    council = models.OneToOneField(
        Council, on_delete=models.PROTECT, primary_key=True, related_name="+"
    )
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.council}: {self.seq}"
