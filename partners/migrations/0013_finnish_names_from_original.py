"""The text written before the directory had three languages is Finnish: copy it into the Finnish columns."""

from django.db import migrations
from django.db.models import F


def forward(apps, schema_editor):
    for model_name in ("Organisation", "GuidanceService"):
        model = apps.get_model("partners", model_name)
        model.objects.update(name_fi=F("name"), description_fi=F("description"))


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0012_translated_names"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
