"""On PostgreSQL the database itself refuses UPDATE and DELETE of correspondence history rows (D 8.3), as
for enquiries (ADR 11)."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION accord_comms_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'correspondence history is append-only: % of an event is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER comms_event_append_only
BEFORE UPDATE OR DELETE ON correspondence_commsevent
FOR EACH ROW EXECUTE FUNCTION accord_comms_event_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS comms_event_append_only ON correspondence_commsevent;
DROP FUNCTION IF EXISTS accord_comms_event_append_only();
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)
        schema_editor.execute(TRIGGER, params=None)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0001_initial")]

    operations = [migrations.RunPython(install, remove)]
