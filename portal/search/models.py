"""The search index: one row per searchable object (organisation, service, person, network, goal, decision,
minutes, joint activity, news item, glossary term, resource).

The row holds what a result shows (title, subtitle, summary, the key of the object's page)
and a ``document`` tsvector built by :mod:`portal.search.index`:

    setweight(to_tsvector('simple', <Voikko terms of the title>), 'A')
    || setweight(to_tsvector('simple', <Voikko terms of the body>), 'B')
    || to_tsvector('finnish', <raw text>) || to_tsvector('swedish', <raw text>)

Who may see a row is not stored here: the query asks each kind's own ``visible_to(user)`` of every match it
shows, so access is decided where it always is. The row's ``network_id`` only narrows the matches first, for
kinds whose objects are seen only in their own network.

The table is partitioned by kind in the database (migration 0012): each kind has its own GIN index and
statistics.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class SearchKind(models.TextChoices):
    """What a search result is."""

    ORGANISATION = "organisation", _("Organisations")
    SERVICE = "service", _("Guidance services")
    PERSON = "person", _("People")
    NETWORK = "network", _("Networks")
    GOAL = "goal", _("Shared goals")
    DECISION = "decision", _("Decisions")
    MINUTES = "minutes", _("Minutes")
    ACTIVITY = "activity", _("Joint activities")
    NEWS = "news", _("News")
    TERM = "term", _("Glossary")
    RESOURCE = "resource", _("Resource library")


class SearchEntry(models.Model):
    """One searchable object in the search index, kept current by signals and ``rebuild_search_index``."""

    Kind = SearchKind

    kind = models.CharField(_("kind"), max_length=12, choices=SearchKind.choices)
    object_id = models.BigIntegerField(_("object"))
    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    # The slug or UUID of the page a result links to (for a service: its organisation's slug).
    link_key = models.CharField(_("link"), max_length=100)
    # The network the object belongs to, for kinds whose objects belong to one: a first, cheap cut before the
    # kind's own rule (Source.networks). An integer, not a foreign key: the index sits below every domain.
    network_id = models.BigIntegerField(_("network"), null=True, blank=True)
    document = SearchVectorField(_("search document"), null=True)

    class Meta:
        app_label = "portal"
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"],
                name="portal_searchentry_one_per_object",
                violation_error_message=_("This object is already in the search index."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=SearchKind.values),
                name="portal_searchentry_kind_valid",
                violation_error_message=_("Unknown kind of search result."),
            ),
        ]
        indexes = [
            # the search: document @@ tsquery
            GinIndex(fields=["document"], name="portal_search_document_gin"),
            # the first cut of a network's records: its partitions read by network where the person's networks
            # hold few of the kind's rows
            models.Index(fields=["network_id"], name="portal_search_network"),
            # names and typos: lower(title) %> query (pg_trgm word similarity)
            GinIndex(OpClass(Lower("title"), name="gin_trgm_ops"), name="portal_search_title_trgm"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"
