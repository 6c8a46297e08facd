"""A news item and a comment are addressed by their UUIDs (house style: no sequential ids in URLs): the item's
pages, deleting a comment, the links of the item's notifications and of its search result; the migration that
brought the UUIDs rewrote the stored links."""

import importlib

import pytest
from django.db import connection
from django.urls import Resolver404, resolve, reverse

from networks.news import services
from portal.notifications.models import Notification
from portal.search import query
from portal.search.models import SearchEntry, SearchKind
from tests.networks.news.factories import NewsCommentFactory, NewsItemFactory

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("networks.migrations.0026_news_uuids")


def test_the_item_pages_take_its_uuid_and_integers_no_longer_resolve(client_for, network, coordinator):
    item = NewsItemFactory(network=network, author=coordinator)
    comment = NewsCommentFactory(item=item, author=coordinator)
    assert item.get_absolute_url() == f"/news/{item.uuid}/"
    client = client_for(coordinator)
    for name in ("news_detail", "news_edit", "news_delete"):
        assert client.get(reverse(f"news:{name}", kwargs={"uuid": item.uuid})).status_code == 200
    assert client.get(f"/news/comments/{comment.uuid}/delete/").status_code == 200
    for path in (f"{item.pk}/", f"{item.pk}/edit/", f"{item.pk}/delete/", f"{item.pk}/comments/"):
        with pytest.raises(Resolver404):
            resolve(f"/news/{path}")
    with pytest.raises(Resolver404):
        resolve(f"/news/comments/{comment.pk}/delete/")
    assert client.get(f"/news/{item.pk}/").status_code == 404


def test_the_notification_and_the_search_result_link_to_the_uuid(
    network, coordinator, member, django_capture_on_commit_callbacks
):
    data = {"title_fi": "Syysseminaari Jyväskylässä", "body_fi": "Ohjaajat kokoontuvat."}
    with django_capture_on_commit_callbacks(execute=True):
        item = services.news_create(network=network, author=coordinator, data=data)
    path = f"/news/{item.uuid}/"
    assert Notification.objects.get(user=member).url == path
    assert SearchEntry.objects.get(kind=SearchKind.NEWS, object_id=item.pk).link_key == str(item.uuid)
    [group] = [group for group in query.grouped(member, query.parse("syysseminaari")) if group.kind == SearchKind.NEWS]
    assert [entry.url for entry in group.results] == [path]


def _run(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def test_the_migration_rewrites_the_stored_links_to_the_items(network, coordinator, member):
    item, other = NewsItemFactory(network=network, author=coordinator), NewsItemFactory(network=network)
    old = f"/news/{item.pk}/"
    note = Notification.objects.create(
        user=member, kind="news", subject="Uutinen", text=f"Lue: https://verkosto.example.fi{old}", url=old
    )
    elsewhere = Notification.objects.create(user=member, kind="other", subject="Muu", url="/news/comments/5/delete/")
    entry = SearchEntry.objects.create(kind=SearchKind.NEWS, object_id=other.pk, title="Uutinen", link_key="1")
    _run(MIGRATION.NOTIFICATIONS)
    _run(MIGRATION.SEARCH)
    note.refresh_from_db()
    assert note.url == f"/news/{item.uuid}/"
    assert note.text == f"Lue: https://verkosto.example.fi/news/{item.uuid}/"
    assert Notification.objects.get(pk=elsewhere.pk).url == "/news/comments/5/delete/"
    assert SearchEntry.objects.get(pk=entry.pk).link_key == str(other.uuid)
    _run(MIGRATION.NOTIFICATIONS_BACK)
    _run(MIGRATION.SEARCH_BACK)
    note.refresh_from_db()
    assert (note.url, note.text) == (old, f"Lue: https://verkosto.example.fi{old}")
    assert SearchEntry.objects.get(pk=entry.pk).link_key == str(other.pk)
