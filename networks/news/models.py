"""News of a network: announcements its coordinators (and, where the network allows it, its members) post to the
network's people, and the people's comments on them.

An item's title and body are written in Finnish, Swedish and English (django-modeltranslation: ``title_fi``,
``title_sv``, ``title_en``, ``body_fi`` …, registered in :mod:`networks.news.translation`); at least one
language has a title and a text. An item may point to a shared goal, a meeting, a partner agreement and a joint
activity of the same network (the services check that they are of the same network).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.news.access import CommentAccess, NewsItemAccess
from portal.lib.access import AccessMixin
from portal.lib.querysets import VisibleToQuerySet
from portal.lib.validators import plausible_dates, validate_plausible_date, validate_single_line

LANGUAGES = ("fi", "sv", "en")
TITLE_LENGTH = 200
BODY_LENGTH = 10000
COMMENT_LENGTH = 2000


def _written(field: str) -> Q:
    """Some language of ``field`` has text (a translation column is NULL or empty when it has none)."""
    condition = Q()
    for code in LANGUAGES:
        condition |= Q(**{f"{field}_{code}__isnull": False}) & ~Q(**{f"{field}_{code}": ""})
    return condition


class NewsQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """News of the networks the person has a role in (coordinator, member or observer): the network's
        people, as for its meetings and activities."""
        return self.filter(network__in=self.visible_networks(user))

    @staticmethod
    def visible_networks(user):
        """The networks whose news the person reads (their ``network`` values): the search's first cut."""
        from networks.memberships.models import NetworkRole

        return NetworkRole.objects.filter(user=user).values("network")

    def for_page(self):
        """Pinned items first, then the newest."""
        return self.order_by("-pinned", "-created_at", "-pk")


class NewsItem(AccessMixin, models.Model):
    """One announcement to a network's people, in one to three languages, with the records it concerns."""

    # The item's address in URLs (its pages, the links in notifications and the search).
    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    network = models.ForeignKey(
        "networks.Network", verbose_name=_("network"), related_name="news_items", on_delete=models.CASCADE
    )
    # Translated (title_fi, title_sv, title_en): the plain column is not used.
    title = models.CharField(
        pgettext_lazy("news", "headline"), max_length=TITLE_LENGTH, blank=True, validators=[validate_single_line]
    )
    body = models.TextField(pgettext_lazy("news", "text"), max_length=BODY_LENGTH, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        related_name="news_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    pinned = models.BooleanField(
        pgettext_lazy("news", "pinned"),
        default=False,
        help_text=_("A pinned item stays at the top of the network's news."),
    )
    goal = models.ForeignKey(
        "networks.Goal",
        verbose_name=pgettext_lazy("news", "shared goal"),
        related_name="news_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    meeting = models.ForeignKey(
        "networks.Meeting",
        verbose_name=_("meeting"),
        related_name="news_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    agreement = models.ForeignKey(
        "partners.Agreement",
        verbose_name=pgettext_lazy("news", "partner agreement"),
        related_name="news_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    activity = models.ForeignKey(
        "networks.Activity",
        verbose_name=_("joint activity"),
        related_name="news_items",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(
        pgettext_lazy("news", "posted"), auto_now_add=True, validators=[validate_plausible_date]
    )
    # Also the version the edit form carries: a save from a stale form is refused.
    updated_at = models.DateTimeField(_("updated"), auto_now=True, validators=[validate_plausible_date])

    objects = NewsQuerySet.as_manager()
    access_class = NewsItemAccess

    class Meta:
        verbose_name = pgettext_lazy("news", "news item")
        verbose_name_plural = pgettext_lazy("news", "news items")
        ordering = ["-pinned", "-created_at", "-pk"]
        constraints = [
            *plausible_dates("created_at", "updated_at", datetimes=True),
            models.CheckConstraint(
                condition=_written("title"),
                name="networks_newsitem_has_title",
                violation_error_message=_("Write the headline in at least one language."),
            ),
            models.CheckConstraint(
                condition=_written("body"),
                name="networks_newsitem_has_body",
                violation_error_message=_("Write the text in at least one language."),
            ),
        ]
        indexes = [
            # The network's news page: pinned first, then the newest.
            models.Index(fields=["network", "-pinned", "-created_at"], name="networks_news_page_idx"),
            # The dashboard: the newest items of the person's networks.
            models.Index(fields=["network", "-created_at"], name="networks_news_latest_idx"),
        ]

    def __str__(self):
        return self.title or "–"

    def get_absolute_url(self):
        return reverse("news:news_detail", kwargs={"uuid": self.uuid})


class CommentQuerySet(VisibleToQuerySet):
    def _visible_to(self, user):
        """Comments on the news the person may read."""
        return self.filter(item__in=NewsItem.objects.visible_to(user).values("pk"))


class NewsComment(AccessMixin, models.Model):
    """One person's comment on a news item; the network's people read them under the item."""

    item = models.ForeignKey(
        NewsItem, verbose_name=pgettext_lazy("news", "news item"), related_name="comments", on_delete=models.CASCADE
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        related_name="news_comments",
        on_delete=models.CASCADE,
    )
    text = models.TextField(_("comment"), max_length=COMMENT_LENGTH)
    # The comment's address in URLs (deleting it).
    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, validators=[validate_plausible_date])

    objects = CommentQuerySet.as_manager()
    access_class = CommentAccess

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            *plausible_dates("created_at", datetimes=True),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="networks_newscomment_has_text",
                violation_error_message=pgettext_lazy("news", "Write a comment."),
            ),
        ]
        indexes = [
            # An item's comments in the order they were written.
            models.Index(fields=["item", "created_at"], name="networks_newscomment_item_idx"),
        ]

    def __str__(self):
        return f"{self.author} – {self.item}"

    def get_absolute_url(self):
        return f"{self.item.get_absolute_url()}#comment-{self.pk}"

    @property
    def network(self):
        return self.item.network
