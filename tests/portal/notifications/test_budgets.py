"""Query budgets of the notifications' pages at two sizes, and the header's unread count: one query."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.notifications.models import Notification
from tests.portal.notifications.conftest import notify
from tests.querybudget import assert_budget


def test_the_list_at_two_sizes(client_for, member):
    notify(member, 3)
    notify(member, 2, read=True)
    client = client_for(member)
    # session, user, MFA check, the list's count, a page of notifications, the unread count (the header's too)
    assert_budget(client, reverse("notifications:notification_list"), budget=6, grow=lambda: notify(member, 300))


def test_the_settings_at_two_sizes(client_for, member):
    from portal.notifications.preferences import preferences_set

    client = client_for(member)
    url = reverse("notifications:notification_settings")
    # session, user, MFA check, the person's choices, the header's unread count
    assert_budget(
        client,
        url,
        budget=5,
        grow=lambda: (notify(member, 300), preferences_set(user=member, choices={"news": "daily"})),
    )


def _unread_count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries if '"portal_notification"' in q["sql"]], response


def test_the_header_count_is_one_query(client_for, member):
    notify(member, 4)
    notify(member, 3, read=True)
    client = client_for(member)
    queries, response = _unread_count_queries(client, reverse("portal:accessibility"))
    assert len(queries) == 1 and "COUNT(*)" in queries[0] and '"read_at" IS NULL' in queries[0]
    assert 'id="unread-count"> <span class="badge rounded-pill text-bg-danger">4<' in response.content.decode()


def test_a_fragment_pays_nothing_for_the_header(client_for, member):
    """An htmx response renders no header: the count is never asked."""
    notification = notify(member, 1)[0]
    client = client_for(member)
    url = reverse("notifications:notification_read", kwargs={"uuid": notification.uuid})
    with CaptureQueriesContext(connection) as ctx:
        client.post(url, HTTP_HX_REQUEST="true")
    counting = [q for q in ctx.captured_queries if "COUNT(*)" in q["sql"] and '"portal_notification"' in q["sql"]]
    assert len(counting) == 1  # the view's own count for the out-of-band badge, not a second one
    assert Notification.objects.unread().count() == 0


def test_visitors_pay_nothing(client):
    queries, _ = _unread_count_queries(client, reverse("portal:accessibility"))
    assert queries == []


def test_the_list_counts_the_unread_once(client_for, member):
    """The list's own count of unread notifications is the header's too: not asked twice."""
    notify(member, 2)
    queries, response = _unread_count_queries(client_for(member), reverse("notifications:notification_list"))
    assert len([sql for sql in queries if '"read_at" IS NULL' in sql]) == 1
    assert 'text-bg-danger">2<' in response.content.decode()
