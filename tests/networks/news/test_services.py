"""The writes of a network's news refuse what the forms would not send: records of another network, a text
without its headline, an empty comment; and the database holds the headline and text rules too."""

import pytest
from django.db import IntegrityError, transaction

from networks.news import services
from networks.news.models import NewsComment, NewsItem
from portal.lib.errors import DomainError
from tests import factories
from tests.networks.news.factories import NewsCommentFactory, NewsItemFactory

pytestmark = pytest.mark.django_db
TEXT = {"title_fi": "Otsikko", "body_fi": "Teksti"}


def test_records_of_another_network_are_refused_field_by_field(network, coordinator, other_network):
    foreign = {
        "goal": factories.GoalFactory(network=other_network),
        "meeting": factories.MeetingFactory(network=other_network),
        "agreement": factories.AgreementFactory(network=other_network),
        "activity": factories.ActivityFactory(network=other_network),
    }
    with pytest.raises(DomainError) as refused:
        services.news_create(network=network, author=coordinator, data={**TEXT, **foreign})
    assert set(refused.value.error_dict) == set(foreign)
    item = NewsItemFactory(network=network, author=coordinator)
    with pytest.raises(DomainError) as refused:
        services.news_update(item=item, data={"meeting": foreign["meeting"]})
    assert set(refused.value.error_dict) == {"meeting"}
    assert not NewsItem.objects.filter(meeting__isnull=False).exists()


def test_each_language_has_both_its_headline_and_its_text(network, coordinator):
    cases = [
        ({"title_fi": "", "body_fi": ""}, "title_fi"),
        ({**TEXT, "body_sv": "Bara text"}, "title_sv"),
        ({**TEXT, "title_en": "Only a headline"}, "body_en"),
        ({"title_fi": "   ", "body_fi": "Teksti"}, "title_fi"),
    ]
    for data, field in cases:
        with pytest.raises(DomainError) as refused:
            services.news_create(network=network, author=coordinator, data=data)
        assert field in refused.value.error_dict, data
    item = services.news_create(network=network, author=coordinator, data={"title_sv": "Rubrik", "body_sv": "Text"})
    assert not item.title_fi and item.title == "Rubrik"  # a Finnish reader gets the Swedish one


def test_the_database_holds_a_headline_and_a_text(network, coordinator):
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsItem.objects.create(network=network, author=coordinator, body_fi="Teksti ilman otsikkoa")
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsItem.objects.create(network=network, author=coordinator, title_en="A headline", body_en="")


def test_comments(network, coordinator, member):
    item = NewsItemFactory(network=network, author=coordinator)
    with pytest.raises(DomainError):
        services.comment_add(item=item, author=member, text="   ")
    comment = services.comment_add(item=item, author=member, text="Kiitos!")
    services.comment_delete(comment=comment)
    NewsCommentFactory(item=item, author=member)
    services.news_delete(item=item)
    assert not NewsComment.objects.exists() and not NewsItem.objects.exists()
