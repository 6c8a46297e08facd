"""The task the worker runs to build a person's data export."""

from django.tasks import task

from portal.privacy import exporting
from portal.privacy.models import DataExport


@task
def build_data_export(*, export_id: int, language: str):
    """Build the ZIP file of one data export (progress is saved on the export row as it goes)."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or not export.is_unfinished:
        return  # erased, or already built by an earlier run
    exporting.build(export, language=language)
