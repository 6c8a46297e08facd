"""The notifications' pages: the list, marking read (with and without htmx), the settings, unsubscribing."""

import pytest
from django.urls import reverse

from portal.notifications.models import Notification
from portal.notifications.preferences import preferences_of
from portal.notifications.unsubscribe import make_token
from tests import factories
from tests.portal.notifications.conftest import notify

LIST = reverse("notifications:notification_list")
SETTINGS = reverse("notifications:notification_settings")


def test_the_list_shows_ones_own_newest_first_unread_marked(client_for, member, outsider):
    old = notify(member, 1, read=True)[0]
    new = notify(member, 1)[0]
    Notification.objects.filter(pk=old.pk).update(subject="Vanha")
    Notification.objects.filter(pk=new.pk).update(subject="Uusi")
    notify(outsider, 1)
    response = client_for(member).get(LIST)
    html = response.content.decode()
    assert html.index("Uusi") < html.index("Vanha")
    assert html.count('class="list-group-item notification-unread"') == 1
    assert list(response.context["notifications"]) == [Notification.objects.get(pk=new.pk), old]


def test_empty_list(client_for, member):
    assert "You have no notifications yet" in client_for(member).get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_mark_one_read_without_javascript(client_for, member):
    notification = notify(member, 2)[0]
    url = reverse("notifications:notification_read", kwargs={"uuid": notification.uuid})
    response = client_for(member).post(url, {"next": LIST + "?page=1"})
    assert response.status_code == 302 and response["Location"] == LIST + "?page=1"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert Notification.objects.unread().count() == 1


def test_mark_one_read_with_htmx_gives_the_row_and_the_count(client_for, member):
    notification = notify(member, 3)[0]
    url = reverse("notifications:notification_read", kwargs={"uuid": notification.uuid})
    response = client_for(member).post(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="notification-{notification.uuid}"' in html and "notification-unread" not in html
    assert 'id="unread-count" data-hx-swap-oob="true"' in html and ">2<" in html
    assert "<html" not in html


def test_another_persons_notification_is_404(client_for, member, coordinator):
    notification = notify(coordinator, 1)[0]
    url = reverse("notifications:notification_read", kwargs={"uuid": notification.uuid})
    assert client_for(member).post(url).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_read(client_for, member, coordinator):
    notify(member, 3)
    notify(coordinator, 1)
    client = client_for(member)
    response = client.post(reverse("notifications:notification_read_all"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and 'id="notifications"' in response.content.decode()
    assert Notification.objects.filter(user=member).unread().count() == 0
    assert Notification.objects.filter(user=coordinator).unread().count() == 1
    assert client.post(reverse("notifications:notification_read_all")).status_code == 302


def test_settings_are_saved_at_once(client_for, member):
    client = client_for(member)
    data = {kind: "now" for kind in preferences_of(member)} | {"meetings": "weekly", "todo": "portal"}
    response = client.post(SETTINGS, data)
    assert response.status_code == 302
    assert preferences_of(member)["meetings"] == "weekly" and preferences_of(member)["todo"] == "portal"


def test_settings_refuse_a_bad_choice(client_for, member):
    data = {kind: "now" for kind in preferences_of(member)} | {"todo": "now"}  # the to-do is weekly or nothing
    response = client_for(member).post(SETTINGS, data)
    assert response.status_code == 200 and response.context["form"].errors["todo"]
    assert not member.notification_preferences.exists()


# --- unsubscribing --------------------------------------------------------------------------------------


def _unsubscribe(person, kinds=("meetings",)):
    return reverse("notifications:unsubscribe", kwargs={"token": make_token(person, kinds)})


def test_unsubscribe_without_signing_in(client, member):
    url = _unsubscribe(member)
    page = client.get(url)
    assert page.status_code == 200 and b'method="post"' in page.content
    assert preferences_of(member)["meetings"] == "now"  # a GET (a link scanner) changes nothing
    assert client.post(url).status_code == 200  # no CSRF token, as a mail program's one-click POST
    assert preferences_of(member)["meetings"] == "portal"
    assert preferences_of(member)["goals"] == "now"


def test_one_click_post_as_a_mail_program_sends_it(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(_unsubscribe(member, ["goals", "news"]), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert preferences_of(member)["goals"] == preferences_of(member)["news"] == "portal"


@pytest.mark.parametrize("change", ["signature", "payload", "garbage", "other salt"])
def test_a_forged_or_altered_token_changes_nothing(client, member, coordinator, change):
    from django.core import signing

    token = make_token(member, ["meetings"])
    payload, signature = token.rsplit(":", 1)
    forged = {
        "signature": f"{payload}:{signature[:-2]}xx",
        "payload": make_token(coordinator, ["meetings"]).rsplit(":", 1)[0] + ":" + signature,
        "garbage": "not-a-token",
        "other salt": signing.dumps({"u": member.pk, "k": ["meetings"]}),
    }[change]
    url = reverse("notifications:unsubscribe", kwargs={"token": forged})
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not member.notification_preferences.exists() and not coordinator.notification_preferences.exists()


def test_a_token_of_an_unknown_kind_is_refused(client, member):
    from django.core import signing

    from portal.notifications.unsubscribe import SALT

    token = signing.dumps({"u": member.pk, "k": ["everything"]}, salt=SALT)
    assert client.post(reverse("notifications:unsubscribe", kwargs={"token": token})).status_code == 404


def test_a_deactivated_persons_token_is_404(client, db):
    person = factories.UserFactory(is_active=False)
    assert client.get(_unsubscribe(person)).status_code == 404


def test_following_a_notification_reads_it_and_goes_to_its_page(client_for, member, outsider):
    notification = notify(member, 1)[0]
    Notification.objects.filter(pk=notification.pk).update(url="/news/12/")
    open_url = reverse("notifications:notification_open", kwargs={"uuid": notification.uuid})
    assert open_url in client_for(member).get(LIST).content.decode()  # the list's link goes through it
    assert client_for(outsider).get(open_url).status_code == 404  # nobody else's
    notification.refresh_from_db()
    assert notification.read_at is None
    response = client_for(member).get(open_url)
    assert response.status_code == 302 and response["Location"] == "/news/12/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/x", ""])
def test_a_notification_leads_only_to_a_page_of_ours(client_for, member, url):
    notification = notify(member, 1)[0]
    Notification.objects.filter(pk=notification.pk).update(url=url)
    response = client_for(member).get(reverse("notifications:notification_open", kwargs={"uuid": notification.uuid}))
    assert response.status_code == 302 and response["Location"] == LIST
