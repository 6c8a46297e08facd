"""The edit version of an area of expertise (existing rows: the time of this migration)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0009_remove_agreement_shared_objectives"),
    ]

    operations = [
        migrations.AddField(
            model_name="expertisearea",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
    ]
