"""The portal app's models: people's accounts and invitations (:mod:`portal.accounts.models`), the single sign-on
providers' sign-in policies (:mod:`portal.accounts.sso`), the search index (:mod:`portal.search.models`),
people's data exports (:mod:`portal.privacy.models`), their notifications (:mod:`portal.notifications.models`),
the API's personal access tokens (:mod:`portal.api.models`) and the create forms' one-time tokens
(:mod:`portal.lib.once`). They live in their packages; importing them here registers them."""

from portal.accounts.models import Invitation, User, UserManager, UserQuerySet
from portal.accounts.sso import ProviderPolicy
from portal.api.models import AccessToken
from portal.lib.once import CreateToken
from portal.notifications.models import Digest, Notification, NotificationPreference
from portal.privacy.models import DataExport
from portal.search.models import SearchEntry, SearchKind

__all__ = [
    "AccessToken",
    "CreateToken",
    "DataExport",
    "Digest",
    "Invitation",
    "Notification",
    "NotificationPreference",
    "ProviderPolicy",
    "SearchEntry",
    "SearchKind",
    "User",
    "UserManager",
    "UserQuerySet",
]
