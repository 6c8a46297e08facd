"""The stored HTML of the minutes written before it was stored: rendered once here, as the minutes
services do when the text is saved (pages no longer render Markdown)."""

from django.db import migrations

BATCH = 500


def backfill(apps, schema_editor):
    from networks.meetings.minutes import render_minutes

    agenda_item = apps.get_model("networks", "AgendaItem")
    items = agenda_item.objects.exclude(minutes="").only("pk", "minutes").order_by("pk")
    batch = []
    for item in items.iterator(chunk_size=BATCH):
        item.minutes_html = str(render_minutes(item.minutes))
        batch.append(item)
        if len(batch) == BATCH:
            agenda_item.objects.bulk_update(batch, ["minutes_html"])
            batch = []
    agenda_item.objects.bulk_update(batch, ["minutes_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0009_agendaitem_minutes_html"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
