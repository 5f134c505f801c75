"""On PostgreSQL the database refuses to delete a case or its files' records, and lets a history row change in
one way only: the retention job's removal of its personal text, once, with every chained field kept (ADR 18).

SQLite has no such guard: the models PROTECT every relation that would take a case record with it, the
admin offers no deletion, and `accord audit verify` finds changes made behind Accord's back.
"""

import importlib

from django.db import migrations

from accord.core.triggers import run_on_postgres

EVENT_FUNCTION = """
CREATE OR REPLACE FUNCTION accord_enquiry_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NOT OLD.personal_data_removed AND NEW.personal_data_removed
        AND (NEW.id, NEW.enquiry_id, NEW.at, NEW.actor_id, NEW.kind, NEW.citations::text,
             NEW.council_id, NEW.seq, NEW.hash)
            IS NOT DISTINCT FROM
            (OLD.id, OLD.enquiry_id, OLD.at, OLD.actor_id, OLD.kind, OLD.citations::text,
             OLD.council_id, OLD.seq, OLD.hash)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'enquiry history is append-only: % of an event is refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""
# Reversing puts back the function that refuses every change (0009).
OLD_EVENT_FUNCTION = importlib.import_module(
    "accord.enquiries.migrations.0009_event_history_append_only"
).FUNCTION
RECORD_FUNCTION = """
CREATE OR REPLACE FUNCTION accord_case_record_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the case record is kept: DELETE from % is refused', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;
"""
TABLES = ("enquiries_enquiry", "enquiries_attachment", "enquiries_holdingreply")
INSTALL = (
    EVENT_FUNCTION
    + RECORD_FUNCTION
    + "".join(
        f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION accord_case_record_kept();\n"
        for table in TABLES
    )
)
DROP = (
    "".join(f"DROP TRIGGER IF EXISTS {table}_kept ON {table};\n" for table in TABLES)
    + "DROP FUNCTION IF EXISTS accord_case_record_kept();\n"
    + OLD_EVENT_FUNCTION
)


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0013_case_record_protected_and_retention")]

    operations = [run_on_postgres(INSTALL, DROP)]
