"""Who may do what with a person's account: anyone who sees a person may view them (who sees whom is
:meth:`portal.accounts.models.UserQuerySet.visible_to`); only they edit their own profile."""

from portal.lib.access import Access


class PersonAccess(Access):
    def may_edit(self) -> bool:
        return self.is_user(self.obj.pk)
