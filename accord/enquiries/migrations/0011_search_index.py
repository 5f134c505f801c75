"""The full-text index searched by `accord.enquiries.search` on PostgreSQL (none is needed elsewhere).

The expression is exactly the one `search_vector()` builds, so the planner uses the index for a search.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

INDEX = "enquiry_search"
EXPRESSION = (
    "to_tsvector('english'::regconfig, COALESCE(subject, '') || ' ' || COALESCE(details, '') "
    "|| ' ' || COALESCE(answer, ''))"
)


def index_create(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON enquiries_enquiry USING gin ({EXPRESSION})"
        )


def index_drop(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0010_enquiry_invariants_constraints")]

    operations = [migrations.RunPython(index_create, index_drop)]
