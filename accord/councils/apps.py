from typing import Any

from django.apps import AppConfig
from django.db import models
from django.db.models.signals import post_delete, post_save


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    from accord.councils.kept import council_settings_changed

    council_settings_changed(instance.council_id)


def track_council_settings(model: type[models.Model]) -> None:
    """Every save and delete of `model` (which has a `council`) marks that council's settings changed."""
    label = model._meta.label_lower
    post_save.connect(_changed, sender=model, dispatch_uid=f"{label}-saved")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"{label}-deleted")


class CouncilsConfig(AppConfig):
    name = "accord.councils"
    label = "councils"
    verbose_name = "Councils"

    def ready(self) -> None:
        track_council_settings(self.get_model("ClosureDay"))
