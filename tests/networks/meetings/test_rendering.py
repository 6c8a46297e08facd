"""Minutes render in linear time: Python-Markdown's cost grew with the square of some inputs
(20,000 characters of ``[](`` took 8 s of CPU per preview and again on each worker's first view). The
minutes are now rendered by markdown-it-py (CommonMark, linear time) and cleaned by nh3, once, when the
text is saved: pages show the stored HTML and never render Markdown (the preview renders the submitted
text once)."""

import datetime
import importlib
import re
import sys
import time
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone
from markdown_it import MarkdownIt

from networks.meetings import minutes
from networks.meetings import services as meeting_services
from networks.meetings.minutes import ALLOWED_TAGS, URL_SCHEMES, render_minutes
from networks.meetings.models import AgendaItem, MeetingStatus
from tests import factories

pytestmark = pytest.mark.django_db(transaction=False)
LENGTH = 20_000  # the length limit of an item's minutes
BOUND = 2.0  # seconds of CPU: generous (each family takes a fraction of a second), but far below the 8 s seen


def _fill(unit: str) -> str:
    return (unit * (LENGTH // len(unit) + 1))[:LENGTH]


def _nested_list() -> str:
    lines, depth = [], 0
    while sum(len(line) + 1 for line in lines) < LENGTH:
        lines.append("  " * depth + "- a")
        depth += 1
    return "\n".join(lines)[:LENGTH]


PATHOLOGICAL = {
    "nested brackets": "[" * LENGTH,
    "empty links opened": _fill("[]("),
    "link openers": _fill("[a]("),
    "image openers": _fill("!["),
    "closing brackets": "]" * LENGTH,
    "nested links": ("[" * 5000 + "a" + "](b)" * 3750)[:LENGTH],
    "emphasis runs *a": _fill("*a"),
    "emphasis runs _a": _fill("_a"),
    "underscores": "_" * LENGTH,
    "strong runs **": _fill("**"),
    "strong runs **a": _fill("**a"),
    "mixed emphasis *_": _fill("*_"),
    "nested emphasis": ("*" * 5000 + "a" + "*" * 5000 + "_" * 5000 + "a" + "_" * 5000)[:LENGTH],
    "backticks": "`" * LENGTH,
    "backtick runs": _fill("`a``b"),
    "less-than runs": "<" * LENGTH,
    "autolink openers": _fill("<a"),
    "nested blockquote": ">" * LENGTH,
    "nested blockquote lines": "".join(">" * depth + " a\n" for depth in range(200))[:LENGTH],
    "nested lists": _fill("- "),
    "nested list lines": _nested_list(),
    "link titles": _fill('[a](b "'),
    "reference definitions": _fill("[a]: b\n"),
    "table rows without cells": ("|a|b|\n|-|-|\n" + "|\n" * LENGTH)[:LENGTH],
    "wide table": ("|" + "a|" * 5000 + "\n|" + "-|" * 5000 + "\n")[:LENGTH],
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_minutes_render_in_linear_time(text):
    assert len(text) == LENGTH
    started = time.process_time()
    render_minutes(text)
    spent = time.process_time() - started
    assert spent < BOUND, f"{spent:.2f} s of CPU for {LENGTH} characters"


# --- what the rendering keeps and removes -----------------------------------------------------------


class _Markup(HTMLParser):
    """The elements of rendered HTML with their attributes (escaped text is data, not markup)."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _markup(html: str) -> list[tuple[str, dict]]:
    parser = _Markup()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert('x')</script>",
        '<a href="#" onclick="alert(1)">x</a>',
        '<img src=x onerror="alert(1)">',
        "[klikkaa](javascript:alert(1))",
        "[klikkaa](JaVaScRiPt:alert(1))",
        "[klikkaa](java\tscript:alert(1))",
        "<javascript:alert(1)>",
        '[a](b "onmouseover=alert(1)")',
        "![kuva](javascript:alert(1))",
    ],
)
def test_rendering_leaves_no_script_handler_or_javascript_link(attack):
    html = str(render_minutes(attack))
    assert not re.search(r"<(script|img|iframe|svg|style)", html, re.IGNORECASE), html
    for tag, attributes in _markup(html):
        assert tag in ALLOWED_TAGS, html
        assert not [name for name in attributes if name.startswith("on")], html
        scheme = re.match(r"([^/?#]*):", attributes.get("href", ""))
        assert scheme is None or scheme.group(1).lower() in URL_SCHEMES, html


def test_raw_html_is_shown_as_text_not_passed_through():
    html = str(render_minutes('<b>lihava</b> <span style="color:red">punainen</span>'))
    assert "<b>" not in html and "<span" not in html
    assert "&lt;b&gt;lihava&lt;/b&gt;" in html


def test_tables_render():
    html = str(render_minutes("| Nimi | Määrä |\n|---|--:|\n| Kahvi | 3 |\n| Tee | 2 |"))
    for part in ("<table>", "<thead>", "<tbody>", "<th>Nimi</th>", "<td>Kahvi</td>"):
        assert part in html, html
    assert "Tee" in html and "style=" not in html  # the alignment style is not on the allow-list


def test_headings_are_shifted_under_the_page_and_item_headings():
    html = str(render_minutes("# Yksi\n\n## Kaksi\n\n### Kolme\n\nAlleviivattu\n===\n\n###### Kuusi"))
    assert "<h3>Yksi</h3>" in html and "<h4>Kaksi</h4>" in html and "<h5>Kolme</h5>" in html
    assert "<h3>Alleviivattu</h3>" in html and "<h6>Kuusi</h6>" in html
    assert "<h1>" not in html and "<h2>" not in html


def test_links_lists_and_emphasis():
    html = str(render_minutes("- yksi\n- kaksi\n\n1. eka\n\n*em* **strong** `code`\n\n[V](https://example.fi)"))
    for part in ("<ul>", "<ol>", "<li>yksi</li>", "<em>em</em>", "<strong>strong</strong>", "<code>code</code>"):
        assert part in html, html
    assert '<a href="https://example.fi" rel="noopener nofollow">V</a>' in html


# --- stored with the text, never rendered on a page view --------------------------------------------


@pytest.fixture
def meeting(network, coordinator, member, organisation):
    start = timezone.now() - datetime.timedelta(hours=3)
    meeting = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        chair=coordinator,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    meeting_services.invite(meeting=meeting, user=coordinator, organisations=[organisation])
    meeting.status = MeetingStatus.HELD
    meeting.save()
    return meeting


@pytest.fixture
def item(meeting):
    return factories.AgendaItemFactory(meeting=meeting, title="Talousarvio")


def test_writing_and_amending_store_the_rendered_html(meeting, item, coordinator):
    minutes.minutes_write(item=item, user=coordinator, text="# Päätös\n\n**Hyväksyttiin**")
    item.refresh_from_db()
    assert item.minutes_html == "<h3>Päätös</h3>\n<p><strong>Hyväksyttiin</strong></p>\n"
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.save()
    minutes.minutes_amend(item=item, user=coordinator, text="*Hylättiin*", reason="Korjaus")
    item.refresh_from_db()
    assert item.minutes_html == "<p><em>Hylättiin</em></p>\n"


def _renderer_forbidden():
    """Every name bound to the renderer, and the Markdown parser itself, raise while this is active."""

    def forbidden(*args, **kwargs):
        raise AssertionError("Markdown rendered on a page view")

    patches = [
        mock.patch.object(module, "render_minutes", forbidden)
        for module in list(sys.modules.values())
        if getattr(module, "render_minutes", None) is render_minutes
    ]
    patches.append(mock.patch.object(MarkdownIt, "parse", forbidden))
    patches.append(mock.patch.object(MarkdownIt, "render", forbidden))
    return patches


def test_pages_show_the_stored_html_without_rendering(client_for, meeting, item, coordinator, member):
    text = f"## Käsittely {item.pk}\n\n**Päätettiin** jatkaa."
    minutes.minutes_write(item=item, user=coordinator, text=text)
    patches = _renderer_forbidden()
    for patch in patches:
        patch.start()
    try:
        client = client_for(coordinator)
        for url in (
            reverse("meetings:meeting_detail", args=[meeting.pk]),
            reverse("meetings:print_minutes", args=[meeting.pk]),
            reverse("meetings:minutes_edit", args=[meeting.pk, item.pk]),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert f"<h4>Käsittely {item.pk}</h4>" in html, url
            assert "<strong>Päätettiin</strong> jatkaa." in html, url
    finally:
        for patch in patches:
            patch.stop()


def test_the_preview_renders_the_submitted_text_once(client_for, meeting, item, coordinator):
    url = reverse("meetings:minutes_edit", args=[meeting.pk, item.pk])
    with mock.patch("networks.meetings.views.minutes.render_minutes", wraps=render_minutes) as spy:
        response = client_for(coordinator).post(
            url, {"minutes": "**Esikatselu**", "preview": "1", "version": item.updated_at.isoformat()}
        )
    assert response.status_code == 200
    assert "<strong>Esikatselu</strong>" in response.content.decode()
    spy.assert_called_once_with("**Esikatselu**")
    item.refresh_from_db()
    assert item.minutes == "" and item.minutes_html == ""


def test_the_data_migration_fills_in_the_html_of_existing_minutes(item):
    AgendaItem.objects.filter(pk=item.pk).update(minutes="Vanha **pöytäkirja**", minutes_html="")
    empty = factories.AgendaItemFactory(meeting=item.meeting)
    migration = importlib.import_module("networks.migrations.0010_backfill_minutes_html")
    migration.backfill(django_apps, None)
    item.refresh_from_db()
    empty.refresh_from_db()
    assert item.minutes_html == "<p>Vanha <strong>pöytäkirja</strong></p>\n"
    assert empty.minutes_html == ""
