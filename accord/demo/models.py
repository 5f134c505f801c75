"""Which demo councils have been loaded: a council is loaded once and then belongs to whoever edits it."""

from __future__ import annotations

from django.db import models


class DemoLoad(models.Model):
    """A demo council (by slug) that `accord demo load` has created or found; later loads leave it alone.

    Kept by slug, not by a link to the council, so a council deleted on purpose is not brought back.
    """

    slug = models.SlugField(unique=True)
    loaded_at = models.DateTimeField()
    created = models.BooleanField(
        help_text="True if the load created the council; False if a council with this slug was already there."
    )

    def __str__(self) -> str:
        return self.slug
