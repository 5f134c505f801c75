"""The `accord` command: Django's management commands with Accord's settings.

`accord protocol coverage`, `accord calendar due`, `accord demo load`, `accord serve`, `accord migrate`,
`accord check-invariants` ...
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")  # `accord check-invariants` runs `check_invariants`
    execute_from_command_line(["accord", *args])


if __name__ == "__main__":
    main()
