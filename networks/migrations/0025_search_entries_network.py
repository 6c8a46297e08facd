"""The search index's rows of goals, decisions, minutes, joint activities, news and glossary terms learn their network (new
rows get it when they are written; this fills the rows already there, kind by kind, in one statement each)."""

from django.db import migrations

FILL = [
    ("goal", "networks_goal"),
    ("decision", "networks_decision"),
    ("minutes", "networks_meeting"),
    ("activity", "networks_activity"),
    ("news", "networks_newsitem"),
    ("term", "networks_term"),
]

SQL = [
    f"UPDATE portal_searchentry AS entry SET network_id = source.network_id FROM {table} AS source "  # noqa: S608 - constants
    f"WHERE entry.kind = '{kind}' AND entry.object_id = source.id AND entry.network_id IS NULL"
    for kind, table in FILL
]


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0024_finnish_names_from_original"),
        ("portal", "0013_searchentry_network"),
    ]

    operations = [migrations.RunSQL(SQL, migrations.RunSQL.noop)]
