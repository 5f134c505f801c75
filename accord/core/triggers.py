"""PostgreSQL triggers that keep a record: the SQL a migration installs, and the operation that runs it.

The database refuses what Accord's own code never does (ADR 11): changing or deleting history, the
security log or a revocation. SQLite gets no trigger (the test database is flushed with DELETE, and
production runs PostgreSQL); the models and the admin refuse there.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def refusing_trigger(*, name: str, table: str, message: str) -> tuple[str, str]:
    """SQL to install and to drop a trigger `name` that refuses every UPDATE and DELETE on `table`,
    raising `message: <operation> ...` (SQLSTATE restrict_violation)."""
    install = f"""
CREATE OR REPLACE FUNCTION accord_{name}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{message}: % is refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table}
FOR EACH ROW EXECUTE FUNCTION accord_{name}();
"""
    drop = f"DROP TRIGGER IF EXISTS {name} ON {table}; DROP FUNCTION IF EXISTS accord_{name}();"
    return install, drop


def run_on_postgres(install: str, drop: str) -> migrations.RunPython:
    """A migration operation that runs `install` (and `drop` when reversed) on PostgreSQL only."""

    def forwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(install, params=None)

    def backwards(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(drop, params=None)

    return migrations.RunPython(forwards, backwards)
