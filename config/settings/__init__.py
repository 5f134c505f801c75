"""Settings: `local` (the default, for `make run`), `test` and `production`."""
