"""A meeting's minutes: written per agenda item in Markdown while the meeting is held or its
minutes are in draft, commented on in draft by the attendees, and once approved changed only by a
recorded amendment (before, after, who and why).

The minutes are rendered by :func:`render_minutes`: CommonMark (with tables) to HTML by markdown-it-py,
whose parsing takes time linear in the text (no input of the allowed length makes it work for seconds),
then cleaned by an allow-list (``nh3``), so that what people write can never carry a script, an event
handler or a ``javascript:`` link into the page. The services that save the text store the HTML with it
(``AgendaItem.minutes_html``): pages show the stored HTML and never render Markdown; only the preview of
a submitted text renders it, once.
"""

import nh3
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt

from networks.meetings.agenda import CHECKED_FIELDS
from networks.meetings.checking import confirmations_clear
from networks.meetings.models import AgendaItem, Amendment, Meeting, MinutesComment
from networks.meetings.services import lock_meeting
from portal.lib.errors import DomainError, check_version, validated

# What the rendered minutes may contain; everything else is removed (the text of unknown tags is kept,
# the content of <script> and <style> is dropped).
ALLOWED_TAGS = {
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener nofollow"
# Minutes sit under the page's h1 and the item's heading: a Markdown "#" becomes an h3.
HEADING_SHIFT = 2


# CommonMark with tables; raw HTML in the text is shown as text, never passed through.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def _shift_headings(tokens) -> None:
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + HEADING_SHIFT, 6)}"


def render_minutes(text: str) -> SafeString:
    """Markdown minutes as sanitised HTML: headings, paragraphs, lists, emphasis, links (``rel="noopener
    nofollow"``; http, https and mailto only), code, quotes and tables. Linear in the length of the text."""
    if not text:
        return mark_safe("")
    env: dict = {}
    tokens = _MARKDOWN.parse(text, env)
    _shift_headings(tokens)
    html = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, env)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 (cleaned by the allow-list above)


def _locked_item(item: AgendaItem) -> tuple[Meeting, AgendaItem]:
    meeting = lock_meeting(item.meeting)
    return meeting, AgendaItem.objects.select_for_update().get(pk=item.pk, meeting=meeting)


def minutes_write(*, item: AgendaItem, user, text: str, unfinished: bool = False, version=None) -> AgendaItem:
    """Write an item's minutes, and whether it continues at the next meeting: while the meeting is held or
    its minutes are in draft, by those who manage it. Approved minutes change only by an amendment; a change
    to draft minutes clears the confirmations of the chair and the minute checkers made so far.
    ``version``: the item's when the form was opened (a stale one is refused)."""
    with transaction.atomic():
        meeting, locked = _locked_item(item)
        check_version(locked, version)
        if not meeting.permits(user, "manage"):
            raise DomainError(_("You cannot write this meeting's minutes."))
        if meeting.has_approved_minutes:
            raise DomainError(_("The minutes have been approved: a change is made as an amendment, with its reason."))
        if not meeting.minutes_open:
            raise DomainError(_("Minutes are written once the meeting has been held."))
        if not locked.is_accepted:
            raise DomainError(_("Only an item on the agenda has minutes."))
        before = (locked.minutes, locked.unfinished)
        locked.minutes = (text or "").strip()
        locked.unfinished = bool(unfinished)
        validated(locked, exclude=CHECKED_FIELDS)
        locked.minutes_html = render_minutes(locked.minutes)
        locked.save(update_fields=["minutes", "minutes_html", "unfinished", "updated_at"])
        if (locked.minutes, locked.unfinished) != before:
            confirmations_clear(meeting)
    return locked


def comment_add(*, meeting: Meeting, user, body: str, item: AgendaItem | None = None) -> MinutesComment:
    """A comment on the draft minutes, on one item or on the whole: the attendees, the chair and those who
    manage the meeting, while the minutes are in draft."""
    body = (body or "").strip()
    if not body:
        raise DomainError({"body": _("Write the comment.")})
    with transaction.atomic():
        locked = lock_meeting(meeting)
        if not locked.has_draft_minutes:
            raise DomainError(_("Comments are made while the minutes are in draft."))
        if not locked.permits(user, "comment"):
            raise DomainError(_("Only the attendees, the chair and the organisers comment on the minutes."))
        if item is not None and (item.meeting_id != locked.pk or not item.is_accepted):
            raise DomainError({"item": _("Choose an item of this meeting's agenda.")})
        comment = MinutesComment(meeting=locked, item=item, author=user, body=body)
        validated(comment, exclude=["meeting", "item", "author"])
        comment.save()
    return comment


def minutes_amend(*, item: AgendaItem, user, text: str, reason: str, version=None) -> Amendment:
    """Change an item's approved minutes: the change is recorded (before, after, who and why) and shown
    with the minutes. By the chair and those who manage the meeting. ``version``: as for :func:`minutes_write`."""
    text = (text or "").strip()
    reason = (reason or "").strip()
    if not reason:
        raise DomainError({"reason": _("Give the reason for the amendment.")})
    with transaction.atomic():
        meeting, locked = _locked_item(item)
        check_version(locked, version)
        if not meeting.has_approved_minutes:
            raise DomainError(_("Only approved minutes are amended; until then they are edited."))
        if not meeting.permits(user, "amend"):
            raise DomainError(_("Only the chair and the organisers amend approved minutes."))
        if text == locked.minutes:
            raise DomainError({"minutes": _("The minutes are the same as before.")})
        amendment = Amendment(
            meeting=meeting, item=locked, before=locked.minutes, after=text, reason=reason, made_by=user
        )
        # Minutes may have been empty before, or be emptied.
        validated(amendment, exclude=["meeting", "item", "decision", "made_by", "before", "after"])
        locked.minutes = text
        validated(locked, exclude=CHECKED_FIELDS)
        locked.minutes_html = render_minutes(text)
        locked.save(update_fields=["minutes", "minutes_html", "updated_at"])
        amendment.save()
    return amendment
