"""The base of every queryset that answers "what may this person see?"."""

from django.db import models


class VisibleToQuerySet(models.QuerySet):
    """``visible_to(user)``: nothing for anonymous visitors, else what ``_visible_to`` allows.

    There is no superuser bypass here: that lives only in :mod:`portal.access`.
    """

    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self._visible_to(user)

    def _visible_to(self, user):
        raise NotImplementedError
