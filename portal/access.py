"""Access to objects, decided in one place (HOUSE-STYLE rule 14).

Every view that shows or changes an object fetches it through :func:`get_for_user`:

- an outsider, who may not even know the object exists, gets **404**;
- someone who may see it but not do the asked-for action gets **403**;
- a superuser passes: :func:`unrestricted` is the only place that bypass exists. The rules of every
  domain (:class:`portal.lib.access.Access`) ask it too, so templates and services ask
  ``access.permits(action)`` and never look at the account's flags themselves.

A model takes part by giving its queryset a ``visible_to(user)`` method and itself a
``permits(user, action) -> bool`` predicate (:class:`portal.lib.access.AccessMixin`).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404

VIEW = "view"


def unrestricted(user) -> bool:
    """Whether ``user`` may see and do everything: the administrators with full rights (superusers)."""
    return bool(user.is_authenticated and user.is_superuser)


def get_for_user(user, model_or_queryset, *, action: str = VIEW, **lookup):
    """Fetch one object for ``user`` or raise 404 (outsider) / 403 (not allowed to ``action``)."""
    queryset = (
        model_or_queryset._default_manager.all()
        if isinstance(model_or_queryset, type) and issubclass(model_or_queryset, models.Model)
        else model_or_queryset
    )
    try:
        if unrestricted(user):
            return get_object_or_404(queryset, **lookup)
        obj = get_object_or_404(queryset.visible_to(user), **lookup)
    except (ValueError, ValidationError, models.ObjectDoesNotExist):
        # A malformed identifier (bad UUID, NUL byte) is just "not found".
        raise Http404 from None
    if action != VIEW and not obj.permits(user, action):
        raise PermissionDenied
    return obj


def can(user, obj, action: str) -> bool:
    """Whether ``user`` may do ``action`` on ``obj`` (for showing or hiding buttons only)."""
    if not user.is_authenticated:
        return False
    return unrestricted(user) or obj.permits(user, action)
