"""Building a person's data export: a ZIP file with ``<domain>/data.json`` for each part of the portal and a
readable ``index.html``, written entry by entry and record by record, so memory does not grow with its size.
"""

import datetime
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from portal.lib.personal_data import registered
from portal.privacy.models import DataExport, ExportStatus

EXPORT_DIR = Path("private") / "exports"
_ENCODER = DjangoJSONEncoder(ensure_ascii=False, indent=1)

# The readable page's words for the keys of the records (the JSON keeps the keys themselves).
LABELS = {
    "organisation__name": _("organisation"),
    "membership__organisation__name": _("organisation"),
    "organisation": _("organisation"),
    "network__name": _("network"),
    "network": _("network"),
    "title": _("title"),
    "primary": _("primary"),
    "since": _("since"),
    "until": _("until"),
    "role": _("role"),
    "as": _("role"),
    "changed_at": _("when"),
    "pgh_created_at": _("when"),
    "pgh_label": _("event"),
    "old_level": _("previous level"),
    "new_level": _("level"),
    "old_status": _("previous status"),
    "new_status": _("status"),
    "status": _("status"),
    "reason": _("reason"),
    "meeting__title": _("meeting"),
    "meeting": _("meeting"),
    "meeting__starts_at": _("starts"),
    "starts_at": _("starts"),
    "slot__starts_at": _("starts"),
    "slot__ends_at": _("ends"),
    "organiser": _("organiser"),
    "chair": _("chair"),
    "approved_the_minutes": _("minutes approved"),
    "reply": _("reply"),
    "replied_at": _("replied"),
    "invited_at": _("invited"),
    "text": pgettext_lazy("decision", "decision"),
    "recorded_at": _("recorded"),
    "what": _("what"),
    "due_on": _("due"),
    "status_note": _("note"),
    "note": _("note"),
    "body": _("comment"),
    "created_at": _("created"),
    "made_at": _("made"),
    "slot__poll__title": _("finding a time"),
    "answer": _("answer"),
    "answered_at": _("answered"),
    "goal__title": _("goal"),
    "round__goal__title": _("goal"),
    "number": _("number"),
    "summary": _("summary"),
    "opened_at": _("opened"),
    "name": _("name"),
    "indicator__name": _("indicator"),
    "measured_on": _("date"),
    "value": _("value"),
    "agreement__title": _("agreement"),
    "signatory_name": _("signatory"),
    "signatory_title": _("signatory's title"),
    "signed_on": _("signed on"),
    "original_name": _("file name"),
    "uploaded_at": _("uploaded"),
    "first_name": _("first name"),
    "last_name": _("last name"),
    "email": _("e-mail address"),
    "phone": _("phone"),
    "languages": _("languages"),
    "expertise": _("areas of expertise"),
    "date_joined": _("joined"),
    "last_login": _("last sign-in"),
    "staff": _("administrator"),
    "verified": _("verified"),
    "type": _("type"),
    "accepted_at": _("accepted"),
}


def export_path(export: DataExport) -> Path:
    return Path(settings.MEDIA_ROOT) / export.path


def _write_json(out, sections: dict) -> None:
    out.write("{")
    for number, (section, records) in enumerate(sections.items()):
        out.write(("," if number else "") + f"\n{json.dumps(section)}: [")
        for index, record in enumerate(records):
            out.write(("," if index else "") + "\n" + _ENCODER.encode(record))
        out.write("\n]")
    out.write("\n}\n")


def _value(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if value is None:
        return "–"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return _ENCODER.encode(value).strip('"') if not isinstance(value, str) else value


def _write_html(out, entry, sections: dict) -> None:
    out.write(format_html("<section><h2>{}</h2>\n", entry.title))
    for section, records in sections.items():
        out.write(format_html("<h3>{}</h3>\n", entry.section_title(section)))
        empty = True
        for record in records:
            empty = False
            items = format_html_join(
                "",
                "<dt>{}</dt><dd>{}</dd>",
                ((LABELS.get(key, key), _value(entry.display(key, v))) for key, v in record.items()),
            )
            out.write(format_html("<dl>{}</dl>\n", items))
        if empty:
            out.write(format_html("<p>{}</p>\n", gettext("Nothing.")))
    out.write("</section>\n")


def _step(export: DataExport, done: int) -> None:
    DataExport.objects.filter(pk=export.pk).update(steps_done=done)


def build(export: DataExport, *, language: str) -> None:
    """Write the export's ZIP file, counting each part of the portal as a step; mark it done or failed."""
    declarations = registered()
    total = len(declarations) + 1
    relative = EXPORT_DIR / f"{export.uuid}.zip"
    target = Path(settings.MEDIA_ROOT) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    DataExport.objects.filter(pk=export.pk).update(status=ExportStatus.RUNNING, steps_done=0, steps_total=total)
    user = export.user
    try:
        with override(language), zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for done, entry in enumerate(declarations, start=1):
                with archive.open(f"{entry.name}/data.json", "w") as raw, _text(raw) as out:
                    _write_json(out, entry.export(user))
                _step(export, done)
            with archive.open("index.html", "w") as raw, _text(raw) as out:
                head, foot = render_to_string(
                    "portal/privacy/export_index.html",
                    {"person": user, "made_at": timezone.now(), "language": language},
                ).split("<!-- sections -->")
                out.write(head)
                for entry in declarations:
                    _write_html(out, entry, entry.export(user))
                out.write(foot)
        partial.replace(target)
    except Exception:
        partial.unlink(missing_ok=True)
        DataExport.objects.filter(pk=export.pk).update(status=ExportStatus.FAILED, finished_at=timezone.now())
        raise
    DataExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.DONE,
        steps_done=total,
        path=relative.as_posix(),
        size=target.stat().st_size,
        finished_at=timezone.now(),
    )


def _text(raw):
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def remove_files(paths) -> None:
    """Remove export files (after the commit that dropped their rows)."""
    for relative in paths:
        if relative:
            (Path(settings.MEDIA_ROOT) / relative).unlink(missing_ok=True)


def remove_expired(now=None) -> int:
    """Remove the exports past their expiry (at ``now``), rows and files (for the daily retention job); returns
    how many."""
    expired = DataExport.objects.expired(now)
    paths = list(expired.values_list("path", flat=True))
    count, _ = expired.delete()
    remove_files(paths)
    return count
