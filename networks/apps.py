from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Networks")

    def ready(self):
        # Each domain registers the sections it adds to other pages and the documents it puts in the search.
        from networks.goals import panels as goal_panels  # noqa: F401
        from networks.goals import receivers as goal_receivers  # noqa: F401
        from networks.meetings import panels as meeting_panels  # noqa: F401
        from networks.memberships import panels as membership_panels  # noqa: F401
        from networks.memberships import receivers as membership_receivers  # noqa: F401
        from networks.memberships import search as membership_search
        from networks.news import panels as news_panels  # noqa: F401
        from networks.news import search as news_search
        from networks.trust import panels as trust_panels  # noqa: F401
        from networks.trust import receivers as trust_receivers  # noqa: F401

        membership_search.register()
        news_search.register()
