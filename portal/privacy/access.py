"""Who may do what with a data export: only the person it is about. It holds everything about them, so there
is no administrator's bypass either (the queryset, not :func:`portal.access.get_for_user`, decides)."""

from portal.lib.access import Access


class DataExportAccess(Access):
    def may_download(self) -> bool:
        return self.is_user(self.obj.user_id)

    def when_download(self) -> bool:
        return self.obj.is_ready
