"""The demo's news (:mod:`portal.demo_data.news`, which ``manage.py seed_demo`` runs for the main network): a few
items with their links and comments, one pinned, some in Swedish and English too."""

import pytest

from networks.news.models import NewsComment, NewsItem
from portal.demo_data.news import ITEMS, seed_news
from portal.demo_data.people import COORDINATOR_EMAIL, COUNSELLOR_EMAIL
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_few_items_with_links_and_comments(network, coordinator, member, goal, agreement):
    meeting = factories.MeetingFactory(network=network)
    activity = factories.ActivityFactory(network=network)
    made = seed_news(network, people={COORDINATOR_EMAIL: coordinator, COUNSELLOR_EMAIL: member})
    assert len(made) == len(ITEMS) == NewsItem.objects.filter(network=network).count()
    assert NewsItem.objects.filter(pinned=True).count() == 1
    assert {item.author for item in made} == {coordinator}
    stored = NewsItem.objects.get(goal=goal)
    assert stored.title_sv and stored.title_fi
    assert NewsItem.objects.filter(meeting=meeting).exists() and NewsItem.objects.filter(activity=activity).exists()
    assert NewsItem.objects.filter(agreement=agreement, title_en__gt="").exists()
    assert NewsComment.objects.filter(author=member).exists()
    assert NewsItem.objects.for_page().first().pinned
