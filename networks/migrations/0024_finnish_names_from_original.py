"""The text written before networks had three languages is Finnish: copy it into the Finnish columns."""

from django.db import migrations
from django.db.models import F


def forward(apps, schema_editor):
    apps.get_model("networks", "Network").objects.update(name_fi=F("name"), description_fi=F("description"))


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0023_translated_names"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
