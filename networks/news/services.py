"""Writes of a network's news: posting, editing and deleting an item, and commenting on it.

An item's links (a shared goal, a meeting, a partner agreement, a joint activity) must be of the item's own
network. Posting tells the network's people and a comment tells the item's author, by e-mail after the
transaction commits (:mod:`networks.news.mail`). A refusal is a :class:`~portal.lib.errors.DomainError`:
``{field: message}`` when the input is wrong.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from networks.memberships.models import Network
from networks.news import mail
from networks.news.models import LANGUAGES, NewsComment, NewsItem
from portal.lib.errors import DomainError, check_version, validated

TEXT_FIELDS = tuple(f"{field}_{code}" for field in ("title", "body") for code in LANGUAGES)
ITEM_FIELDS = (*TEXT_FIELDS, "pinned")
# The records an item may point to, each of the item's network.
LINK_FIELDS = ("goal", "meeting", "agreement", "activity")
LINK_ERRORS = {
    "goal": gettext_lazy("Only a shared goal of the item's own network can be linked."),
    "meeting": gettext_lazy("Only a meeting of the item's own network can be linked."),
    "agreement": gettext_lazy("Only a partner agreement of the item's own network can be linked."),
    "activity": gettext_lazy("Only a joint activity of the item's own network can be linked."),
}


def _check_fields(data: dict) -> None:
    unknown = set(data) - set(ITEM_FIELDS) - set(LINK_FIELDS)
    if unknown:
        raise TypeError(f"cannot set {sorted(unknown)}")


def _check_links(network: Network, data: dict) -> None:
    errors = {}
    for field in LINK_FIELDS:
        linked = data.get(field)
        if linked is not None and linked.network_id != network.pk:
            errors[field] = str(LINK_ERRORS[field])
    if errors:
        raise DomainError(errors)


def _check_texts(item: NewsItem) -> None:
    """A headline and a text in at least one language, and no text without its headline or the other way."""
    errors = {}
    for code in LANGUAGES:
        title, body = getattr(item, f"title_{code}") or "", getattr(item, f"body_{code}") or ""
        if body.strip() and not title.strip():
            errors[f"title_{code}"] = _("Give the headline in this language too, or leave its text empty.")
        elif title.strip() and not body.strip():
            errors[f"body_{code}"] = _("Write the text in this language too, or leave its headline empty.")
    if not errors and not any((getattr(item, f"title_{code}") or "").strip() for code in LANGUAGES):
        errors["title_fi"] = _("Write the headline and the text in at least one language, Finnish first.")
    if errors:
        raise DomainError(errors)


def _set(item: NewsItem, data: dict) -> None:
    for field, value in data.items():
        setattr(item, field, (value or "").strip() if field in TEXT_FIELDS else value)


def news_create(*, network: Network, author, data: dict) -> NewsItem:
    """Post an item to ``network`` (``data``: the texts, ``pinned`` and the links); its people are told."""
    _check_fields(data)
    _check_links(network, data)
    item = NewsItem(network=network, author=author)
    _set(item, data)
    _check_texts(item)
    validated(item, exclude=["network", "author", *LINK_FIELDS])
    with transaction.atomic():
        item.save()
        mail.mail_news_posted(item=item)
    return item


def news_update(*, item: NewsItem, data: dict, version=None) -> NewsItem:
    """Save an edit of the item; refused when someone saved it after ``version`` (the form's ``updated_at``).
    Nobody is told again."""
    _check_fields(data)
    with transaction.atomic():
        locked = NewsItem.objects.select_for_update().select_related("network").get(pk=item.pk)
        check_version(locked, version)
        _check_links(locked.network, data)
        _set(locked, data)
        _check_texts(locked)
        validated(locked, exclude=["network", "author", *LINK_FIELDS])
        locked.save()
    return locked


def news_delete(*, item: NewsItem) -> None:
    """Delete the item with its comments."""
    with transaction.atomic():
        NewsItem.objects.filter(pk=item.pk).delete()


def comment_add(*, item: NewsItem, author, text: str) -> NewsComment:
    """``author``'s comment on the item; the item's author is told (unless they wrote it)."""
    comment = NewsComment(item=item, author=author, text=(text or "").strip())
    validated(comment, exclude=["item", "author"])
    with transaction.atomic():
        comment.save()
        mail.mail_news_commented(comment=comment)
    return comment


def comment_delete(*, comment: NewsComment) -> None:
    NewsComment.objects.filter(pk=comment.pk).delete()
