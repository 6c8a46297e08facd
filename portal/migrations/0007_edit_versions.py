"""The edit version of a person's profile; existing rows take the time the person joined."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_create_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated"),
        ),
        migrations.RunSQL("UPDATE portal_user SET updated_at = date_joined", migrations.RunSQL.noop),
    ]
