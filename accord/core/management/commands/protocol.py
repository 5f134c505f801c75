"""`accord protocol validate FILE | coverage --profile KEY [--json] | list`: the protocol profiles."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from accord.protocol import ProfileError, load_profile
from accord.protocol.coverage import coverage_report, summarise
from accord.protocol.loader import PROFILES_DIR, profile_dirs, profile_sources, shadowed_profiles


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # runs without loading the site
    help = "Validate a protocol profile, list the installed ones, or show which paragraphs are covered."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        validate = sub.add_parser("validate", help="load and check a profile file")
        validate.add_argument("file", help="path to a profile YAML file")
        coverage = sub.add_parser("coverage", help="each paragraph's state, rules and tests")
        coverage.add_argument("--profile", required=True, help="a profile key or a path to a file")
        coverage.add_argument("--json", action="store_true", help="print JSON only")
        sub.add_parser(
            "list",
            help="the installed profiles and where each comes from (Accord or ACCORD_PROFILE_DIRS)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "validate":
            self._validate(options["file"])
        elif action == "coverage":
            self._coverage(options["profile"], as_json=options["json"])
        else:
            self._list()

    def _load(self, ref: str) -> Any:
        try:
            return load_profile(ref)
        except ProfileError as exc:
            for line in str(exc).splitlines():
                self.stderr.write(line)
            raise CommandError(
                f"{ref}: not a valid profile ({len(exc.errors)} problem(s))"
            ) from None

    def _validate(self, file: str) -> None:
        if not file.endswith((".yaml", ".yml")) and "/" not in file:
            file = f"./{file}"
        profile = self._load(file)
        self.stdout.write(
            f"{file.removeprefix('./')}: valid profile {profile.key!r} "
            f"({_count(len(profile.paragraphs), 'paragraph')}, {_count(len(profile.rules), 'rule')})"
        )

    def _coverage(self, ref: str, *, as_json: bool) -> None:
        profile = self._load(ref)
        report = coverage_report(profile)
        if as_json:
            self.stdout.write(json.dumps([row.to_dict() for row in report], indent=2))
            return
        self.stdout.write(f"{profile}\n")
        width = max(len(row.label) for row in report) + 2
        self.stdout.write(f"{'paragraph':<{width}}{'state':<12}{'tests':>5}  rules")
        for row in report:
            self.stdout.write(
                f"{row.label:<{width}}{row.state:<12}{len(row.tests):>5}  {', '.join(row.rules)}"
            )
        counts = summarise(report)
        summary = ", ".join(f"{state}: {n}" for state, n in counts.items())
        self.stdout.write(f"\n{len(report)} paragraphs. {summary}")

    def _list(self) -> None:
        shipped = PROFILES_DIR
        for key, path in profile_sources().items():
            origin = "shipped with Accord" if path.parent == shipped else "ACCORD_PROFILE_DIRS"
            try:
                profile = load_profile(key)
            except ProfileError as exc:
                self.stdout.write(
                    f"{key:<10} -  not valid ({len(exc.errors)} problem(s); run "
                    f"'accord protocol validate {path}'), from {path} ({origin})"
                )
                continue
            self.stdout.write(
                f"{key:<10} {profile.code}  {profile.title} (version {profile.version.isoformat()}, "
                f"{profile.area_noun}s, {_count(len(profile.paragraphs), 'paragraph')}, "
                f"{_count(len(profile.rules), 'rule')}), from {path} ({origin})"
            )
        for path in shadowed_profiles():
            self.stderr.write(
                f"{path}: ignored, a profile called {path.stem!r} is already installed"
            )
        for directory in profile_dirs():
            if not directory.is_dir():
                self.stderr.write(
                    f"{directory}: ACCORD_PROFILE_DIRS names a directory that does not exist"
                )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
