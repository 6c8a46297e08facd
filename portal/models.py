"""The portal app's models: people's accounts and invitations (:mod:`portal.accounts.models`) and the search
index (:mod:`portal.search.models`). They live in their packages; importing them here registers them."""

from portal.accounts.models import Invitation, User, UserManager, UserQuerySet
from portal.search.models import SearchEntry, SearchKind

__all__ = ["Invitation", "SearchEntry", "SearchKind", "User", "UserManager", "UserQuerySet"]
