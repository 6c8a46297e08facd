from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        # Each domain registers the sections it adds to other pages and the documents it puts in the search.
        from networks.finder import receivers as finder_receivers  # noqa: F401
        from networks.glossary import receivers as glossary_receivers  # noqa: F401
        from networks.glossary import search as glossary_search
        from networks.goals import panels as goal_panels  # noqa: F401
        from networks.goals import receivers as goal_receivers  # noqa: F401
        from networks.goals import search as goal_search
        from networks.meetings import panels as meeting_panels  # noqa: F401
        from networks.meetings import search as meeting_search
        from networks.memberships import panels as membership_panels  # noqa: F401
        from networks.memberships import receivers as membership_receivers  # noqa: F401
        from networks.memberships import search as membership_search
        from networks.news import panels as news_panels  # noqa: F401
        from networks.news import search as news_search
        from networks.resources import panels as resource_panels  # noqa: F401
        from networks.resources import search as resource_search
        from networks.trust import panels as trust_panels  # noqa: F401
        from networks.trust import receivers as trust_receivers  # noqa: F401
        from networks.trust import search as trust_search

        membership_search.register()
        goal_search.register()
        meeting_search.register()
        trust_search.register()
        news_search.register()
        glossary_search.register()
        resource_search.register()

        # A notification goes with the news item, comment or resource it tells of (the ones people delete).
        from networks.news.models import NewsComment, NewsItem
        from networks.resources.models import Resource
        from portal.notifications.sources import forget_when_deleted

        forget_when_deleted(NewsItem, NewsComment, Resource)
