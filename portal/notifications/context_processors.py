"""The unread count in the header: one query, and only when the page renders it (a fragment or a page for
visitors costs nothing)."""

from functools import cache

from portal.notifications.models import Notification


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def count() -> int:
        known = getattr(request, "unread_notification_count", None)  # counted by the view already
        if known is not None:
            return known
        return Notification.objects.visible_to(user).unread().count()

    # The template calls it; the first call asks the database (the partial index portal_notif_unread, the
    # person's roles as a subquery: a network they left no longer counts).
    return {"unread_notification_count": count}
