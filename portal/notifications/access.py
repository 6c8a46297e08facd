"""Who may do what with a notification: only the person it is for. It tells what happened to them, so there is
no administrator's bypass either (the queryset, not :func:`portal.access.get_for_user`, decides)."""

from portal.lib.access import Access


class NotificationAccess(Access):
    def may_read(self) -> bool:
        return self.is_user(self.obj.user_id)
