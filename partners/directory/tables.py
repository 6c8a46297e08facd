"""Tables in files: reading a CSV or XLSX file into rows, and writing rows as a CSV or XLSX download.

Both ways every cell is plain text: nothing read is run, and every written cell goes through
:func:`safe_cell`, so no spreadsheet runs a cell as a formula. Used by the directory's exports, the import of
a network's organisations and the goal report.
"""

import csv
import io
import re
import zipfile

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from portal.lib.errors import DomainError

# What a file may hold: rows, bytes, and (an XLSX is a zip) unpacked bytes, so a small file cannot unpack
# into gigabytes.
MAX_ROWS = 2000
MAX_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_COLUMNS = 60

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def file_format(filename: str) -> str | None:
    """``"csv"`` or ``"xlsx"`` from the file name, or None for anything else."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return extension if extension in {"csv", "xlsx"} else None


def read_table(content: bytes, fmt: str) -> list[list[str]]:
    """The file's rows as lists of text, header first. Raises DomainError for an unreadable file."""
    if len(content) > MAX_BYTES:
        raise DomainError(_("The file is too large: at most 2 MB."))
    table = _read_xlsx(content) if fmt == "xlsx" else _read_csv(content)
    table = [_trim([_clean_cell(cell) for cell in row]) for row in table]
    table = [row for row in table if row]
    if not table:
        raise DomainError(_("The file is empty."))
    if len(table) - 1 > MAX_ROWS:
        raise DomainError(
            _("The file has more than %(limit)s organisations. Split it into smaller files.") % {"limit": MAX_ROWS}
        )
    return table


def _trim(row: list[str]) -> list[str]:
    """The row without its empty cells at the end (a workbook pads rows to its widest)."""
    while row and not row[-1]:
        row.pop()
    return row


def _read_csv(content: bytes) -> list[list[str]]:
    if b"\x00" in content:
        raise DomainError(_("This is not a CSV file: it contains binary data."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's plain "CSV" on Finnish Windows is Windows-1252; "CSV UTF-8" is UTF-8 with a BOM.
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            raise DomainError(_("The file's characters cannot be read. Save it as CSV UTF-8.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    try:
        for row in reader:
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_ROWS + 50:  # empty rows are dropped later; stop reading early
                break
    except csv.Error:
        raise DomainError(
            _("The CSV file is malformed near line %(line)s: check its quotation marks.") % {"line": reader.line_num}
        ) from None
    return rows


def _read_xlsx(content: bytes) -> list[list[str]]:
    import openpyxl

    buffer = io.BytesIO(content)
    if not zipfile.is_zipfile(buffer):
        raise DomainError(_("This is not an XLSX file. Save the spreadsheet as Excel workbook (.xlsx) or CSV."))
    try:
        with zipfile.ZipFile(buffer) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise DomainError(_("The file is too large when unpacked."))
        buffer.seek(0)
        workbook = openpyxl.load_workbook(buffer, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = []
            for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                rows.append(["" if cell is None else _cell_text(cell) for cell in row])
                if len(rows) > MAX_ROWS + 50:
                    break
            return rows
        finally:
            workbook.close()
    except DomainError:
        raise
    except Exception:  # openpyxl raises many kinds of errors for a broken workbook
        raise DomainError(_("The XLSX file cannot be read. Save it again in Excel or LibreOffice.")) from None


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _clean_cell(value: str) -> str:
    value = value.replace("\x00", "").strip()
    # A cell that our own export protected against formula injection: take the protection off.
    if len(value) > 1 and value[0] == "'" and value[1] in _DANGEROUS_START:
        value = value[1:]
    return value


def safe_cell(value) -> str:
    """Text for a spreadsheet cell that no spreadsheet will run as a formula (CSV/formula injection).

    A value starting with ``= + - @``, a tab or a carriage return gets an apostrophe in front,
    except a plain phone-like number (``+358 40 123 4567``, ``-5``), which cannot call anything.
    """
    text = "" if value is None else str(value)
    if text.startswith(_DANGEROUS_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


_PLAIN_NUMBER = re.compile(r"^[+-]?[\d ().-]*\d[\d ().-]*$")


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


CHUNK = 500


class _Echo:
    """A file-like object whose write() returns the line, for streaming csv.writer output."""

    def write(self, value):
        return value


def csv_response(header: list[str], rows, *, filename: str) -> StreamingHttpResponse:
    """A streamed CSV for Excel in Finland: UTF-8 with a byte-order mark, ``;`` between cells.

    ``filename`` is a fixed ASCII name chosen by the code, never one from the data.
    """
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        yield "\ufeff" + writer.writerow([safe_cell(cell) for cell in header])
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(header: list[str], rows, *, filename: str, title: str) -> HttpResponse:
    """An XLSX workbook of one sheet, written with openpyxl's write-only (streaming) workbook."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def text(cell):
        return ILLEGAL_CHARACTERS_RE.sub("", safe_cell(cell))

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=ILLEGAL_CHARACTERS_RE.sub("", title)[:31] or "Sheet")
    sheet.append([text(cell) for cell in header])
    for row in rows:
        # Plain strings: openpyxl would make a formula of any text starting with "=".
        sheet.append([text(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
