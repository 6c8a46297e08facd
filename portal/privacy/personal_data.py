"""The data exports themselves are personal data: listed in the export, removed with their files on erasure
(see :mod:`portal.lib.personal_data`)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portal.lib.personal_data import register, rows
from portal.privacy.exporting import remove_files
from portal.privacy.models import DataExport, ExportStatus


def export(user):
    return {"data_exports": rows(DataExport.objects.filter(user=user).order_by("created_at"), "created_at", "status")}


def erase(user):
    exports = DataExport.objects.filter(user=user)
    paths = list(exports.values_list("path", flat=True))
    exports.delete()
    transaction.on_commit(lambda: remove_files(paths))


register(
    name="privacy",
    title=_("Your data exports"),
    order=80,
    fields=[(DataExport, ["user"])],
    export=export,
    erase=erase,
    sections={"data_exports": _("Data exports")},
    choices={"status": ExportStatus},
)
