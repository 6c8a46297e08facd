"""The news' share of a person's data: the items they posted and the comments they wrote (see
:mod:`portal.lib.personal_data`).

Erasure keeps the items the person posted (announcements to a network, shared records), attributed to the
removed-user marker; it deletes the person's comments, which are their own words.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from networks.news.models import NewsComment, NewsItem
from portal.lib.personal_data import register, rows


def export(user):
    return {
        "news_posted": rows(
            NewsItem.objects.filter(author=user).order_by("created_at", "pk"),
            "network__name",
            "title_fi",
            "title_sv",
            "title_en",
            "body_fi",
            "body_sv",
            "body_en",
            "created_at",
            "updated_at",
        ),
        "news_comments": rows(
            NewsComment.objects.filter(author=user).order_by("created_at", "pk"),
            "item__network__name",
            "item__title_fi",
            "text",
            "created_at",
        ),
    }


def erase(user):
    NewsComment.objects.filter(author=user).delete()


register(
    name="news",
    title=pgettext_lazy("network news", "News"),
    order=13,
    fields=[
        (NewsItem, ["author", "title", "title_fi", "title_sv", "title_en", "body", "body_fi", "body_sv", "body_en"]),
        (NewsComment, ["author", "text"]),
    ],
    export=export,
    erase=erase,
    sections={
        "news_posted": _("News you posted"),
        "news_comments": _("Your comments on news"),
    },
)
