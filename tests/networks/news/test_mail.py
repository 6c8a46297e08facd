"""The e-mails of the news: the network's people are told of a new item, an item's author of a comment; each in
their own language, once the transaction commits."""

import pytest
from django.core import mail
from django.urls import reverse

from networks.memberships.models import NetworkRole
from networks.news import services
from networks.news.models import NewsItem
from portal.lib.mail import source_key
from portal.notifications.models import Notification
from tests import factories
from tests.networks.news.conftest import create_url, item_data
from tests.networks.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def test_posting_tells_the_network_people_but_the_author(
    client_for, network, coordinator, member, observer, outsider, django_capture_on_commit_callbacks
):
    swedish = factories.UserFactory(email="svensk@example.fi", languages=["sv"])
    factories.NetworkRoleFactory(network=network, user=swedish)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(coordinator).post(
            create_url(network), item_data(title_sv="Utbildningsdag", body_sv="Handledarna samlas.")
        )
    assert response.status_code == 302
    item = NewsItem.objects.get()
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["jasen@example.fi", "svensk@example.fi", "tarkkailija@example.fi"]
    finnish = next(m for m in mail.outbox if m.to == ["jasen@example.fi"])
    assert finnish.subject == "Uutinen – Keski-Suomen ohjausverkosto: Syksyn koulutuspäivä"
    assert "Verkoston ohjaajat kokoontuvat Gradiaan" in finnish.body
    assert reverse("news:news_detail", kwargs={"uuid": item.uuid}) in finnish.body
    in_swedish = next(m for m in mail.outbox if m.to == ["svensk@example.fi"])
    assert "Utbildningsdag" in in_swedish.subject and "Handledarna samlas." in in_swedish.body


def test_nothing_is_sent_when_the_post_is_refused(network, coordinator, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.DomainError):
        services.news_create(network=network, author=coordinator, data={"title_fi": "Otsikko"})
    assert mail.outbox == [] and not NewsItem.objects.exists()


def test_the_mail_context_holds_the_item_path(network, coordinator, member, monkeypatch):
    sent = []
    monkeypatch.setattr("networks.news.mail.send_personal_mail", lambda **kwargs: sent.append(kwargs) or 1)
    item = services.news_create(network=network, author=coordinator, data={"title_fi": "A", "body_fi": "B"})
    services.comment_add(item=item, author=member, text="Kiitos")
    posted, commented = sent
    assert posted["template_prefix"] == "networks/news/email/posted"
    assert commented["template_prefix"] == "networks/news/email/commented"
    assert posted["context"]["url"] == commented["context"]["url"] == item.get_absolute_url()
    assert list(commented["recipients"]) == [coordinator]
    assert member in posted["recipients"] and coordinator not in posted["recipients"]


def test_a_comment_tells_the_author_not_the_commenter_themselves(
    client_for, network, coordinator, member, django_capture_on_commit_callbacks
):
    item = NewsItemFactory(network=network, author=coordinator, title_fi="Syksyn koulutuspäivä")
    url = reverse("news:comment_add", kwargs={"uuid": item.uuid})
    with django_capture_on_commit_callbacks(execute=True):
        client_for(member).post(url, {"text": "Tulen mukaan!"})
    assert [m.to for m in mail.outbox] == [["koordinaattori@example.fi"]]
    message = mail.outbox[0]
    assert "Syksyn koulutuspäivä" in message.subject and "Tulen mukaan!" in message.body
    assert item.get_absolute_url() in message.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(coordinator).post(url, {"text": "Tervetuloa!"})
    assert mail.outbox == []


def test_an_author_who_left_the_network_is_not_told_of_comments(
    network, coordinator, member, django_capture_on_commit_callbacks
):
    item = NewsItemFactory(network=network, author=member)
    NetworkRole.objects.filter(user=member, network=network).delete()  # the author left the network
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(item=item, author=coordinator, text="Sisäinen kommentti: budjetti leikkautuu")
    assert mail.outbox == []
    assert not Notification.objects.filter(user=member).exists()


def test_a_news_notification_names_its_network_and_item(network, coordinator, member):
    item = services.news_create(network=network, author=coordinator, data={"title_fi": "A", "body_fi": "B"})
    comment = services.comment_add(item=item, author=member, text="Kiitos")
    told = Notification.objects.get(user=member)
    assert (told.network_id, told.source) == (network.pk, source_key(item))
    told = Notification.objects.get(user=coordinator)
    assert (told.network_id, told.source) == (network.pk, source_key(comment))
