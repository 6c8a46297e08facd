"""A meeting's minutes: Markdown rendered through an allow-list (no script, event handler or
javascript: link survives), written while held or in draft, commented on in draft, and after approval
changed only by a recorded amendment."""

import datetime
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils import timezone

from networks.meetings import minutes
from networks.meetings import services as meeting_services
from networks.meetings.minutes import ALLOWED_TAGS, URL_SCHEMES, render_minutes
from networks.meetings.models import Amendment, MeetingStatus, MinutesComment
from portal.lib.errors import DomainError
from tests import factories

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def meeting(network, coordinator, member, observer, organisation):
    start = timezone.now() - datetime.timedelta(hours=3)
    meeting = factories.MeetingFactory(
        network=network,
        organiser=coordinator,
        chair=coordinator,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    meeting_services.invite(meeting=meeting, user=coordinator, organisations=[organisation])
    return meeting


@pytest.fixture
def item(meeting):
    return factories.AgendaItemFactory(meeting=meeting, title="Talousarvio", minutes="Alkuperäinen teksti.")


def _status(meeting, status):
    meeting.status = status
    meeting.save()
    return meeting


# --- rendering ---------------------------------------------------------------------------------------

XSS = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "[klikkaa](javascript:alert(1))",
    '<a href="javascript:alert(1)">linkki</a>',
    '<p onclick="alert(1)">teksti</p>',
    '<iframe src="https://evil.example"></iframe>',
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
]


class _Markup(HTMLParser):
    """The elements and attributes of rendered HTML (escaped text is data, not markup)."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def markup(html: str) -> list[tuple[str, dict]]:
    parser = _Markup()
    parser.feed(html)
    return parser.elements


@pytest.mark.parametrize("attack", XSS)
def test_rendering_strips_scripts_handlers_and_javascript_links(attack):
    """CommonMark with html=False shows raw HTML as escaped text (Python-Markdown passed it to the cleaner,
    which removed it): either way no script, handler or unsafe link reaches the markup."""
    html = str(render_minutes(f"Ennen\n\n{attack}\n\nJälkeen"))
    lowered = html.lower()
    for bad in ("<script", "<iframe", "<img", "<svg", "<style"):
        assert bad not in lowered, html
    for tag, attributes in markup(html):
        assert tag in ALLOWED_TAGS, html
        assert not [name for name in attributes if name.startswith("on")], html
        if "href" in attributes:
            assert attributes["href"].split(":")[0] in URL_SCHEMES, html
    assert "Ennen" in html and "Jälkeen" in html


def test_rendering_keeps_the_allowed_markdown():
    html = str(
        render_minutes(
            "# Otsikko\n\n**lihava** ja *kursiivi* ja `koodi`\n\n- yksi\n- kaksi\n\n1. eka\n\n> lainaus\n\n"
            "[Verkosto](https://example.fi)\n\n| a | b |\n|---|---|\n| 1 | 2 |"
        )
    )
    assert "<h3>Otsikko</h3>" in html  # under the page's h1 and the item's heading
    for tag in ("<strong>", "<em>", "<code>", "<ul>", "<ol>", "<blockquote>", "<table>", "<th>", "<td>"):
        assert tag in html
    assert '<a href="https://example.fi" rel="noopener nofollow">Verkosto</a>' in html


def test_the_stored_html_is_what_the_templates_show(item):
    """The templates show ``rendered_minutes`` (the stored HTML), no Markdown filter any more."""
    assert item.minutes_html == "<p>Alkuperäinen teksti.</p>\n"
    assert Template("{{ item.rendered_minutes }}").render(Context({"item": item})) == item.minutes_html


# --- writing -----------------------------------------------------------------------------------------


def test_minutes_are_written_while_held_or_in_draft(meeting, item, coordinator):
    with pytest.raises(DomainError, match="held"):
        minutes.minutes_write(item=item, user=coordinator, text="Liian aikaisin")
    _status(meeting, MeetingStatus.HELD)
    minutes.minutes_write(item=item, user=coordinator, text="  Käsiteltiin.  ", unfinished=True)
    item.refresh_from_db()
    assert (item.minutes, item.unfinished) == ("Käsiteltiin.", True)
    _status(meeting, MeetingStatus.MINUTES_DRAFT)
    minutes.minutes_write(item=item, user=coordinator, text="Korjattu.", unfinished=False)
    item.refresh_from_db()
    assert (item.minutes, item.unfinished) == ("Korjattu.", False)


def test_editing_minutes_after_approval_is_refused(meeting, item, coordinator):
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    with pytest.raises(DomainError, match="amendment"):
        minutes.minutes_write(item=item, user=coordinator, text="Salaa muutettu")
    item.refresh_from_db()
    assert item.minutes == "Alkuperäinen teksti."


def test_only_those_who_manage_write_minutes(meeting, item, member):
    _status(meeting, MeetingStatus.HELD)
    with pytest.raises(DomainError):
        minutes.minutes_write(item=item, user=member, text="Jäsenen versio")


# --- comments ----------------------------------------------------------------------------------------


def test_attendees_comment_on_draft_minutes(meeting, item, coordinator, member, observer):
    _status(meeting, MeetingStatus.HELD)
    meeting_services.attendance_set(meeting=meeting, user=coordinator, people=[member])
    with pytest.raises(DomainError, match="draft"):
        minutes.comment_add(meeting=meeting, user=member, body="Liian aikaisin")
    _status(meeting, MeetingStatus.MINUTES_DRAFT)
    comment = minutes.comment_add(meeting=meeting, user=member, body="Summa oli 1200 €.", item=item)
    assert (comment.author, comment.item) == (member, item)
    minutes.comment_add(meeting=meeting, user=member, body="Hyvä pöytäkirja.")
    assert MinutesComment.objects.filter(meeting=meeting, item__isnull=True).count() == 1
    with pytest.raises(DomainError):
        minutes.comment_add(meeting=meeting, user=observer, body="En ollut paikalla")
    with pytest.raises(DomainError):
        minutes.comment_add(meeting=meeting, user=member, body="   ")
    other_item = factories.AgendaItemFactory()
    with pytest.raises(DomainError):
        minutes.comment_add(meeting=meeting, user=member, body="Väärä kohta", item=other_item)


# --- amendments --------------------------------------------------------------------------------------


def test_an_amendment_after_approval_is_recorded_and_changes_the_minutes(meeting, item, coordinator):
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    amendment = minutes.minutes_amend(item=item, user=coordinator, text="Korjattu teksti.", reason="Summa oli väärin")
    item.refresh_from_db()
    assert item.minutes == "Korjattu teksti."
    stored = Amendment.objects.get()
    assert stored == amendment
    assert (stored.before, stored.after, stored.reason, stored.made_by, stored.item, stored.decision) == (
        "Alkuperäinen teksti.",
        "Korjattu teksti.",
        "Summa oli väärin",
        coordinator,
        item,
        None,
    )


def test_amendments_need_approved_minutes_a_reason_a_change_and_the_right(meeting, item, coordinator, member):
    _status(meeting, MeetingStatus.MINUTES_DRAFT)
    with pytest.raises(DomainError, match="approved"):
        minutes.minutes_amend(item=item, user=coordinator, text="Uusi", reason="Syy")
    _status(meeting, MeetingStatus.MINUTES_APPROVED)
    with pytest.raises(DomainError) as error:
        minutes.minutes_amend(item=item, user=coordinator, text="Uusi", reason=" ")
    assert "reason" in error.value.error_dict
    with pytest.raises(DomainError) as error:
        minutes.minutes_amend(item=item, user=coordinator, text="Alkuperäinen teksti.", reason="Syy")
    assert "minutes" in error.value.error_dict
    with pytest.raises(DomainError):
        minutes.minutes_amend(item=item, user=member, text="Uusi", reason="Syy")
    assert not Amendment.objects.exists()
