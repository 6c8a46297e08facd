"""The pages of a network's news: the list (order, pagination, empty state), posting with its errors, the item's
page with its links and comments, editing (versioned) and deleting."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.news.models import NewsComment, NewsItem
from tests import factories
from tests.networks.news.conftest import create_url, detail_url, item_data, list_url
from tests.networks.news.factories import NewsCommentFactory, NewsItemFactory

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def test_the_empty_list_invites_a_coordinator_to_post(client_for, network, coordinator, observer):
    content = client_for(coordinator).get(list_url(network), headers=EN).content.decode()
    assert "The network has no news yet." in content and create_url(network) in content
    content = client_for(observer).get(list_url(network), headers=EN).content.decode()
    assert "The network has no news yet." in content and create_url(network) not in content


def test_pinned_first_then_the_newest_in_pages(client_for, network, coordinator, member):
    old = NewsItemFactory(network=network, author=coordinator, title_fi="Vanha tiedote")
    NewsItem.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=30))
    pinned = NewsItemFactory(network=network, author=coordinator, title_fi="Kiinnitetty", pinned=True)
    NewsItem.objects.filter(pk=pinned.pk).update(created_at=timezone.now() - datetime.timedelta(days=60))
    new = NewsItemFactory(network=network, author=coordinator, title_fi="Tuore uutinen")
    response = client_for(member).get(list_url(network))
    assert [item.pk for item in response.context["page_obj"].object_list] == [pinned.pk, new.pk, old.pk]
    NewsItemFactory.create_batch(25, network=network, author=coordinator)
    response = client_for(member).get(list_url(network), {"page": "2"})
    assert len(response.context["page_obj"].object_list) == 8
    assert client_for(member).get(list_url(network), {"page": "x"}).status_code == 200


def test_a_coordinator_posts_in_two_languages_with_links(client_for, network, coordinator, goal, agreement):
    meeting = factories.MeetingFactory(network=network)
    activity = factories.ActivityFactory(network=network)
    data = item_data(
        title_sv="Höstens utbildningsdag",
        body_sv="Handledarna samlas på Gradia.",
        pinned="on",
        goal=goal.pk,
        meeting=meeting.pk,
        agreement=agreement.pk,
        activity=activity.pk,
    )
    response = client_for(coordinator).post(create_url(network), data)
    item = NewsItem.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(item)
    assert item.author == coordinator and item.pinned and item.title_sv == "Höstens utbildningsdag"
    assert (item.goal, item.meeting, item.agreement, item.activity) == (goal, meeting, agreement, activity)
    content = client_for(coordinator).get(detail_url(item), headers={"accept-language": "sv"}).content.decode()
    assert "Höstens utbildningsdag" in content and "Handledarna samlas" in content
    for url in (
        reverse("goals:goal_detail", kwargs={"pk": goal.pk}),
        reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk}),
        reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk}),
        reverse("trust:activity_detail", kwargs={"pk": activity.pk}),
    ):
        assert url in content


def test_an_english_reader_sees_the_finnish_text_marked(client_for, network, coordinator, member):
    item = NewsItemFactory(network=network, author=coordinator, title_fi="Vain suomeksi")
    content = client_for(member).get(detail_url(item), headers=EN).content.decode()
    assert '<span lang="fi">Vain suomeksi</span>' in content and "(in Finnish)" in content


def test_bad_input_is_said_and_kept(client_for, network, coordinator, other_network):
    foreign_goal = factories.GoalFactory(network=other_network)
    client = client_for(coordinator)
    response = client.post(create_url(network), item_data(title_fi="", body_fi="", title_en="Only a headline"))
    assert response.status_code == 200
    assert "body_en" in response.context["form"].errors
    assert 'value="Only a headline"' in response.content.decode()
    response = client.post(create_url(network), item_data(title_fi="", body_fi=""), headers=EN)
    assert "Write the headline and the text in at least one language" in str(response.context["form"].errors)
    response = client.post(create_url(network), item_data(goal=foreign_goal.pk))
    assert "goal" in response.context["form"].errors  # only the network's own goals are offered
    response = client.post(create_url(network), item_data(title_fi="Rivi\nrivi"))
    assert "title_fi" in response.context["form"].errors
    assert not NewsItem.objects.exists()


def test_a_stale_edit_is_refused_and_kept(client_for, network, coordinator):
    item = NewsItemFactory(network=network, author=coordinator)
    url = reverse("news:news_edit", kwargs={"uuid": item.uuid})
    client = client_for(coordinator)
    version = client.get(url).context["form"].initial["version"]
    NewsItem.objects.filter(pk=item.pk).update(updated_at=timezone.now() + datetime.timedelta(seconds=5))
    response = client.post(url, item_data(title_fi="Uusi otsikko", version=version), headers=EN)
    assert response.status_code == 200 and "Someone else saved this" in response.content.decode()
    assert 'value="Uusi otsikko"' in response.content.decode()
    item.refresh_from_db()
    assert item.title_fi != "Uusi otsikko"
    fresh = client.get(url).context["form"].initial["version"]
    assert client.post(url, item_data(title_fi="Uusi otsikko", version=fresh)).status_code == 302
    item.refresh_from_db()
    assert item.title_fi == "Uusi otsikko"


def test_deleting_asks_first_and_takes_the_comments(client_for, network, coordinator, member):
    item = NewsItemFactory(network=network, author=coordinator)
    NewsCommentFactory(item=item, author=member)
    url = reverse("news:news_delete", kwargs={"uuid": item.uuid})
    client = client_for(coordinator)
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 200 and NewsItem.objects.exists()
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == list_url(network)
    assert not NewsItem.objects.exists() and not NewsComment.objects.exists()


def test_a_comment_without_javascript_redirects_to_it(client_for, network, coordinator, member):
    item = NewsItemFactory(network=network, author=coordinator)
    url = reverse("news:comment_add", kwargs={"uuid": item.uuid})
    response = client_for(member).post(url, {"text": "  Hyvä uutinen!  "})
    comment = NewsComment.objects.get()
    assert comment.text == "Hyvä uutinen!" and comment.author == member
    assert response.status_code == 302 and response["Location"] == f"{detail_url(item)}?page=1#comment-{comment.pk}"
    assert "Hyvä uutinen!" in client_for(member).get(response["Location"]).content.decode()


def test_a_comment_with_htmx_comes_back_in_place(client_for, network, coordinator, member):
    item = NewsItemFactory(network=network, author=coordinator)
    url = reverse("news:comment_add", kwargs={"uuid": item.uuid})
    client = client_for(member)
    response = client.post(url, {"text": "Hyvä uutinen!"}, headers={"hx-request": "true", **EN})
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<section class="mb-4" aria-labelledby="comments-heading" id="comments">')
    assert "Hyvä uutinen!" in content and "Your comment has been added." in content
    assert "<html" not in content and 'name="once"' in content  # a fresh form for the next comment
    response = client.post(url, {"text": "   "}, headers={"hx-request": "true", **EN})
    assert response.status_code == 200 and "Write a comment." in response.content.decode()
    assert NewsComment.objects.count() == 1


def test_an_empty_comment_without_javascript_is_said_on_the_page(client_for, network, coordinator, member):
    item = NewsItemFactory(network=network, author=coordinator)
    url = reverse("news:comment_add", kwargs={"uuid": item.uuid})
    response = client_for(member).post(url, {"text": ""}, headers=EN)
    assert response.status_code == 200 and "Write a comment." in response.content.decode()
    assert "<html" in response.content.decode()


def test_the_network_setting_is_on_the_edit_form(client_for, network, coordinator):
    url = reverse("networks:network_edit", kwargs={"slug": network.slug})
    client = client_for(coordinator)
    form = client.get(url).context["form"]
    assert "members_may_post_news" in form.fields
    data = {"name_fi": network.name, "version": form.initial["version"], "members_may_post_news": "on"}
    assert client.post(url, data).status_code == 302
    network.refresh_from_db()
    assert network.members_may_post_news
