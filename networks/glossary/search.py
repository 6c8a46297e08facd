"""What the glossary puts into the search: terms, with their texts in Finnish, Swedish and English. A term's row
names its network (the subtitle), so renaming a network writes its terms' rows again."""

from collections.abc import Iterator

from django.db.models.signals import post_save
from django.dispatch import receiver

from networks.glossary.models import Term, TermStatus
from networks.memberships.models import Network
from portal.search import index
from portal.search.documents import Document, batches, join, labels, short
from portal.search.models import SearchKind

TEXT_FIELDS = ("term_fi", "term_sv", "term_en", "definition_fi", "definition_sv", "definition_en")


def term_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Term.objects.values("pk", "status", "network_id", "network__name", *TEXT_FIELDS)
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.TERM,
                object_id=term["pk"],
                title=term["term_fi"],
                link_key=str(term["pk"]),
                subtitle=term["network__name"],
                network_id=term["network_id"],
                summary=short(term["definition_fi"]),
                body=join(*(term[field] for field in TEXT_FIELDS), labels(TermStatus, term["status"])),
            )
            for term in batch
        ]


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.TERM,
            model=Term,
            order=100,
            documents=term_documents,
            visible=Term.objects.visible_to,
            networks=Term.objects.visible_networks,
            url_name="glossary:term_detail",
            url_kwarg="pk",
            indexed_fields=frozenset({"status", "network", "network_id", *TEXT_FIELDS}),
        )
    )


@receiver(post_save, sender=Network, dispatch_uid="search_glossary_network_saved")
def network_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed network: its terms' rows name it."""
    if not (raw or created) and (update_fields is None or "name" in update_fields):
        index.reindex_later(SearchKind.TERM, instance.glossary_terms.values_list("pk", flat=True))
