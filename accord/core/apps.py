from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.signals import setting_changed
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "accord.core"
    label = "core"
    verbose_name = "Accord"

    def ready(self) -> None:
        _configure_profiles()
        autodiscover_modules("invariants")  # each capability registers its invariants
        setting_changed.connect(_profile_dirs_changed)


def _configure_profiles() -> None:
    """The councils' profile directories are configuration (ACCORD_PROFILE_DIRS), read once at start."""
    from accord.protocol.loader import configure_profile_dirs

    configure_profile_dirs(settings.ACCORD_PROFILE_DIRS)


def _profile_dirs_changed(*, setting: str, **kwargs: Any) -> None:
    if setting == "ACCORD_PROFILE_DIRS":
        _configure_profiles()
