"""On PostgreSQL the database itself refuses UPDATE and DELETE of enquiry history rows (ADR 11).

SQLite has no such guard here: Accord's own writes never update or delete events, and `accord audit verify`
finds changes made behind its back on either database.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION accord_enquiry_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'enquiry history is append-only: % of an event is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER enquiry_event_append_only
BEFORE UPDATE OR DELETE ON enquiries_enquiryevent
FOR EACH ROW EXECUTE FUNCTION accord_enquiry_event_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS enquiry_event_append_only ON enquiries_enquiryevent;
DROP FUNCTION IF EXISTS accord_enquiry_event_append_only();
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)
        schema_editor.execute(TRIGGER, params=None)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0008_event_history_chain")]

    operations = [migrations.RunPython(install, remove)]
