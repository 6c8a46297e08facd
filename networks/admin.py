"""The networks app's admin: each domain registers its own models (importing them here lets Django find them)."""

from networks.glossary import admin as glossary_admin  # noqa: F401
from networks.goals import admin as goal_admin  # noqa: F401
from networks.meetings import admin as meeting_admin  # noqa: F401
from networks.memberships import admin as membership_admin  # noqa: F401
from networks.news import admin as news_admin  # noqa: F401
from networks.resources import admin as resource_admin  # noqa: F401
from networks.trust import admin as trust_admin  # noqa: F401
