"""What a person could read in a network goes with their role: a notification of a network they have left is not
shown, counted or e-mailed in a digest; one of no network stays. A notification goes with the object it tells of."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from networks.memberships.models import NetworkRole
from networks.news import services as news
from portal.lib.mail import source_key
from portal.notifications import digests
from portal.notifications.models import Notification
from portal.notifications.preferences import preferences_set
from tests.networks.resources.factories import document
from tests.portal.notifications.conftest import WEDNESDAY, at, notify

pytestmark = pytest.mark.django_db

TUESDAY = WEDNESDAY - datetime.timedelta(days=1)
LIST = reverse("notifications:notification_list")


def _leave(person, network):
    NetworkRole.objects.filter(user=person, network=network).delete()


def test_a_digest_leaves_out_the_news_of_a_network_left(
    network, coordinator, member, mailoutbox, django_capture_on_commit_callbacks
):
    preferences_set(user=member, choices={"news": "daily"})
    with at(TUESDAY), django_capture_on_commit_callbacks(execute=True):
        data = {"title_fi": "Salainen suunnitelma", "body_fi": "Luottamuksellinen"}
        news.news_create(network=network, author=coordinator, data=data)
    assert Notification.objects.get(user=member).network_id == network.pk
    _leave(member, network)
    mailoutbox.clear()
    with at(WEDNESDAY), django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())
    assert not [m for m in mailoutbox if m.to == [member.email]]
    with at(WEDNESDAY):
        assert digests.people_due("daily", TUESDAY.date()) == []


def test_a_digest_keeps_what_the_person_still_reads(network, member, mailoutbox, django_capture_on_commit_callbacks):
    notify(member, 1, delivery="daily", created_at=TUESDAY, network=network)
    notify(member, 1, delivery="daily", created_at=TUESDAY)  # of no network
    with at(WEDNESDAY), django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=io.StringIO())
    assert len(mailoutbox) == 1 and mailoutbox[0].body.count("* Ilmoitus") == 2


def test_the_list_and_the_header_count_forget_a_network_left(client_for, network, other_network, member):
    notify(member, 2, network=network)
    notify(member, 1, network=other_network)  # a network the member has no role in
    notify(member, 1)  # of no network: stays
    client = client_for(member)
    assert client.get(LIST).context["unread_count"] == 3
    _leave(member, network)
    response = client.get(LIST)
    assert response.context["unread_count"] == 1 and len(response.context["notifications"]) == 1
    assert 'text-bg-danger">1<' in client.get(reverse("portal:accessibility")).content.decode()
    hidden = Notification.objects.filter(network_id=network.pk).first()
    opened = client.get(reverse("notifications:notification_open", kwargs={"uuid": hidden.uuid}))
    assert opened.status_code == 404


def test_deleting_a_news_item_deletes_its_notifications(
    network, coordinator, member, observer, django_capture_on_commit_callbacks
):
    item = news.news_create(network=network, author=coordinator, data={"title_fi": "Otsikko", "body_fi": "Teksti"})
    news.comment_add(item=item, author=member, text="Kommentti")
    assert Notification.objects.filter(source__startswith="networks.news").count() == 3  # member, observer; coordinator
    news.news_delete(item=item)  # its comments go with it, and their notifications too
    assert not Notification.objects.filter(source__startswith="networks.news").exists()


def test_erasing_a_commenter_deletes_the_notification_of_their_comment(network, coordinator, member):
    item = news.news_create(network=network, author=coordinator, data={"title_fi": "Otsikko", "body_fi": "Teksti"})
    comment = news.comment_add(item=item, author=member, text="Oma mielipiteeni")
    assert Notification.objects.filter(user=coordinator, text__contains="Oma mielipiteeni").exists()
    from networks.news.personal_data import erase

    erase(member)
    assert not Notification.objects.filter(source=source_key(comment)).exists()
    assert not Notification.objects.filter(text__contains="Oma mielipiteeni").exists()


def test_deleting_a_resource_deletes_its_notifications(network, coordinator, member):
    from networks.resources import services as resources

    resource = document(network, coordinator)
    told = Notification.objects.get(user=member, kind="resources")
    assert (told.source, told.network_id) == (source_key(resource), network.pk)
    resources.resource_delete(resource=resource)
    assert not Notification.objects.filter(pk=told.pk).exists()
