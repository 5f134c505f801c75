#!/usr/bin/env python
"""Django's manage.py; `accord` does the same once installed."""

from accord.cli import main

if __name__ == "__main__":
    main()
