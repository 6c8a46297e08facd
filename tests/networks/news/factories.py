"""Factories of a network's news (kept with the news tests; the access matrix uses them too)."""

import factory

from networks.news.models import NewsComment, NewsItem
from tests.factories import NetworkFactory, UserFactory


class NewsItemFactory(factory.django.DjangoModelFactory):
    """An item in Finnish; pass ``network`` and ``author``."""

    class Meta:
        model = NewsItem

    network = factory.SubFactory(NetworkFactory)
    author = factory.SubFactory(UserFactory)
    title_fi = factory.Sequence(lambda n: f"Uutinen {n}")
    body_fi = "Verkoston ohjaajat kokoontuvat syksyllä yhteiseen koulutukseen."


class NewsCommentFactory(factory.django.DjangoModelFactory):
    """A comment; pass ``item`` and ``author``."""

    class Meta:
        model = NewsComment

    item = factory.SubFactory(NewsItemFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Kommentti {n}")
