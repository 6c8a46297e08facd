"""Who reads, posts, edits, deletes and comments on a network's news (the rules of networks/news/access.py
through the pages; the access matrix covers every URL and role)."""

import pytest
from django.urls import reverse

from networks.news.models import NewsComment, NewsItem
from tests.networks.news.conftest import create_url, detail_url, item_data, list_url
from tests.networks.news.factories import NewsCommentFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


def test_outsiders_get_404_for_the_news_and_an_item(client_for, network, outsider, coordinator):
    item = NewsItemFactory(network=network, author=coordinator)
    client = client_for(outsider)
    for url in (list_url(network), detail_url(item), create_url(network)):
        assert client.get(url).status_code == 404, url
    comment_url = reverse("news:comment_add", kwargs={"uuid": item.uuid})
    assert client.post(comment_url, {"text": "Hei"}).status_code == 404
    assert not NewsComment.objects.exists()


def test_a_member_cannot_post_unless_the_network_allows_it(client_for, network, member):
    client = client_for(member)
    assert client.get(create_url(network)).status_code == 403
    assert client.post(create_url(network), item_data()).status_code == 403
    assert "Post news" not in client.get(list_url(network), headers={"accept-language": "en"}).content.decode()
    network.members_may_post_news = True
    network.save(update_fields=["members_may_post_news"])
    assert client.post(create_url(network), item_data()).status_code == 302
    assert NewsItem.objects.get().author == member


def test_an_observer_never_posts_nor_comments(client_for, members_post, observer, coordinator):
    item = NewsItemFactory(network=members_post, author=coordinator)
    client = client_for(observer)
    assert client.get(create_url(members_post)).status_code == 403
    assert client.get(detail_url(item)).status_code == 200
    response = client.post(reverse("news:comment_add", kwargs={"uuid": item.uuid}), {"text": "Hei"})
    assert response.status_code == 403 and not NewsComment.objects.exists()


def test_only_coordinators_pin(client_for, members_post, member, coordinator):
    assert "pinned" not in client_for(member).get(create_url(members_post)).context["form"].fields
    client_for(member).post(create_url(members_post), item_data(pinned="on"))
    assert not NewsItem.objects.get().pinned
    assert "pinned" in client_for(coordinator).get(create_url(members_post)).context["form"].fields


def test_the_author_and_coordinators_edit_and_delete_others_do_not(client_for, members_post, member, coordinator):
    mine = NewsItemFactory(network=members_post, author=member)
    theirs = NewsItemFactory(network=members_post, author=coordinator)
    client = client_for(member)
    assert client.get(reverse("news:news_edit", kwargs={"uuid": mine.uuid})).status_code == 200
    assert client.get(reverse("news:news_edit", kwargs={"uuid": theirs.uuid})).status_code == 403
    assert client.post(reverse("news:news_delete", kwargs={"uuid": theirs.uuid}), {"confirm": "yes"}).status_code == 403
    assert client_for(coordinator).get(reverse("news:news_edit", kwargs={"uuid": mine.uuid})).status_code == 200


def test_comments_are_deleted_by_their_author_and_coordinators(client_for, network, member, coordinator, observer):
    item = NewsItemFactory(network=network, author=coordinator)
    comment = NewsCommentFactory(item=item, author=member)
    url = reverse("news:comment_delete", kwargs={"uuid": comment.uuid})
    assert client_for(observer).post(url, {"confirm": "yes"}).status_code == 403
    page = client_for(member).get(url)
    assert page.status_code == 200 and NewsComment.objects.filter(pk=comment.pk).exists()  # a question first
    assert client_for(member).post(url, {"confirm": "yes"}).status_code == 302
    assert not NewsComment.objects.filter(pk=comment.pk).exists()
    other = NewsCommentFactory(item=item, author=member)
    client_for(coordinator).post(reverse("news:comment_delete", kwargs={"uuid": other.uuid}), {"confirm": "yes"})
    assert not NewsComment.objects.exists()


def test_the_delete_link_shows_only_where_it_works(client_for, network, member, coordinator, observer):
    item = NewsItemFactory(network=network, author=coordinator)
    comment = NewsCommentFactory(item=item, author=member)
    url = reverse("news:comment_delete", kwargs={"uuid": comment.uuid})
    assert url in client_for(member).get(detail_url(item)).content.decode()
    assert url in client_for(coordinator).get(detail_url(item)).content.decode()
    assert url not in client_for(observer).get(detail_url(item)).content.decode()


def test_the_network_page_links_its_news(client_for, network, observer):
    content = client_for(observer).get(reverse("networks:network_detail", kwargs={"slug": network.slug}))
    assert list_url(network) in content.content.decode()
