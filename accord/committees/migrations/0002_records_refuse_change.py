"""On PostgreSQL the database refuses UPDATE and DELETE of an officer's advice on record (D 4.4, N 9), of
Members' signatures (D 2.9) and of the history of meetings and decisions, whoever asks: the admin and a
direct SQL session included. A correction is a new row; nothing is overwritten."""

from django.db import migrations

from accord.core.triggers import refusing_trigger, run_on_postgres

GUARDS = [
    refusing_trigger(
        name="officer_advice_on_record",
        table="committees_officeradvice",
        message="officer advice on record cannot be changed or deleted (D 4.4, N 9)",
    ),
    refusing_trigger(
        name="proposal_signature_kept",
        table="committees_proposalsignature",
        message="a signature of a proposal is kept (D 2.9)",
    ),
    refusing_trigger(
        name="meeting_event_append_only",
        table="committees_meetingevent",
        message="meeting history is append-only",
    ),
    refusing_trigger(
        name="decision_event_append_only",
        table="committees_decisionevent",
        message="decision history is append-only",
    ),
]


class Migration(migrations.Migration):
    dependencies = [("committees", "0001_initial")]

    operations = [run_on_postgres(install, drop) for install, drop in GUARDS]
