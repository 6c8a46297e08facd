"""News items and their comments are addressed by a UUID in URLs (``/news/<uuid>/``,
``/news/comments/<uuid>/delete/``) instead of their sequential ids.

Each column is added nullable, filled in one UPDATE (``gen_random_uuid()`` in the database, no rows through
Python), then made required and unique. The stored links to the items' pages follow: the notifications' links
(a path, ``/news/<id>/…``, and the same path in their text) and the search index's link keys of the news.
"""

import uuid

from django.db import migrations, models

FILL = "UPDATE {table} SET uuid = gen_random_uuid() WHERE uuid IS NULL"

# A notification's link (and its text, which may quote the link) to /news/<id>/… becomes /news/<uuid>/….
NOTIFICATIONS = r"""
    UPDATE portal_notification AS note
    SET url = '/news/' || item.uuid || substring(note.url FROM '^/news/[0-9]+(/.*)$'),
        text = replace(note.text, '/news/' || item.id || '/', '/news/' || item.uuid || '/')
    FROM networks_newsitem AS item
    WHERE note.url ~ '^/news/[0-9]+/' AND item.id = substring(note.url FROM '^/news/([0-9]+)/')::bigint
"""
NOTIFICATIONS_BACK = r"""
    UPDATE portal_notification AS note
    SET url = '/news/' || item.id || substring(note.url FROM '^/news/[0-9a-f-]{36}(/.*)$'),
        text = replace(note.text, '/news/' || item.uuid || '/', '/news/' || item.id || '/')
    FROM networks_newsitem AS item
    WHERE note.url ~ '^/news/[0-9a-f-]{36}/' AND item.uuid = substring(note.url FROM '^/news/([0-9a-f-]{36})/')::uuid
"""

SEARCH = """
    UPDATE portal_searchentry AS entry SET link_key = item.uuid::text
    FROM networks_newsitem AS item WHERE entry.kind = 'news' AND entry.object_id = item.id
"""
SEARCH_BACK = """
    UPDATE portal_searchentry AS entry SET link_key = item.id::text
    FROM networks_newsitem AS item WHERE entry.kind = 'news' AND entry.object_id = item.id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0025_search_entries_network"),
        ("portal", "0013_searchentry_network"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="identifier"),
        ),
        migrations.RunSQL(FILL.format(table="networks_newsitem"), migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="newsitem",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="identifier"),
        ),
        migrations.AddField(
            model_name="newscomment",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="identifier"),
        ),
        migrations.RunSQL(FILL.format(table="networks_newscomment"), migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="newscomment",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="identifier"),
        ),
        migrations.RunSQL(NOTIFICATIONS, NOTIFICATIONS_BACK),
        migrations.RunSQL(SEARCH, SEARCH_BACK),
    ]
