"""Reading the CSV and XLSX files an export gives (and that no cell is a formula), and counting the queries of
an export read to its end."""

import csv
import io

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext

INJECTION = "=cmd|' /C calc'!A0"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))


def xlsx_rows(response) -> list[list[str]]:
    workbook = openpyxl.load_workbook(io.BytesIO(body(response)))
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"a formula in {cell.coordinate}: {cell.value}"
    return [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]


def count_queries_read(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        body(response)  # a streamed CSV runs its queries while it is read
    return len(ctx.captured_queries)
