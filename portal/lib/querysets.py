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


def related_rows(model, relation: str):
    """The manager of the model at the other end of ``model``'s relation named ``relation``.

    A domain reads a higher domain's rows through the relations between them (string references), never by
    importing its models; where a subquery must start from those rows to stay fast (``IN (SELECT
    organisation_id FROM memberships …)`` rather than a join back to the organisations), this reaches the
    related model through the relation's name, e.g. ``related_rows(Organisation, "memberships")``.
    """
    return model._meta.get_field(relation).related_model._default_manager
