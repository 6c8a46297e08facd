"""Writes of the privacy package: asking for one's data, and erasing an account."""

from django.db import transaction
from django.utils.translation import gettext as _

from portal.accounts.models import User
from portal.audit.log import record
from portal.audit.models import EventKind
from portal.lib.errors import DomainError
from portal.lib.personal_data import registered
from portal.privacy.models import DataExport
from portal.privacy.tasks import build_data_export


def data_export_request(*, user, language: str) -> DataExport:
    """A new data export for ``user``, built by the task worker after commit; an unfinished one is reused,
    so a double click builds one file."""
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()
        export = DataExport.objects.filter(user=user).unfinished().first()
        if export is not None:
            return export
        export = DataExport.objects.create(user=user, steps_total=len(registered()) + 1)
        record(EventKind.DATA_EXPORTED, actor=user, subject=user, export=export.pk)
        transaction.on_commit(lambda: build_data_export.enqueue(export_id=export.pk, language=language))
    return export


def erasure_refusals(user) -> list[str]:
    """Why ``user`` cannot be erased now (empty when they can)."""
    if user.erased_at is not None:
        return [_("This account has already been erased.")]
    return [message for entry in registered() if entry.refuse for message in entry.refuse(user)]


def account_erase(*, user, by=None) -> None:
    """Erase ``user``: each part of the portal removes what is the person's own and keeps shared records,
    which from now on show the removed-user marker. Refused (a :class:`DomainError`) while a part objects.

    ``by``: who erased the account (the person themself or an administrator), for the record of it."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        refusals = erasure_refusals(user)
        if refusals:
            raise DomainError(refusals)
        for entry in registered():
            entry.erase(user)
        # after erasure: the event names the removed-user marker, and whether an administrator did it
        record(EventKind.ACCOUNT_ERASED, actor=by, subject=user, by_administrator=by is not None and by != user)
