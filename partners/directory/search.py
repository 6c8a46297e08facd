"""What the directory puts into the search: organisations, their guidance services and people.

Names and descriptions are indexed in every language they are written in (the title is the Finnish name,
the other languages' names and descriptions are in the body), so a Swedish name finds its organisation.
People are found by name, job title, expertise and organisations; never by e-mail address or phone. A
person's row lists their organisations and areas of expertise, so a change of an affiliation or of the
expertise vocabulary writes it again; an organisation's name shows in the rows of its services and people.
"""

from collections import defaultdict
from collections.abc import Iterator

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from partners.directory.models import Affiliation, ExpertiseArea, GuidanceService, Organisation
from portal.accounts.models import User
from portal.lib.translated import column_names
from portal.search import index
from portal.search.documents import Document, batches, join, labels, region_names, short
from portal.search.models import SearchKind

# The name and description columns (the original ones hold the Finnish text); the other languages' go to the body.
TRANSLATED_COLUMNS = (*column_names("name"), *column_names("description"))
OTHER_LANGUAGES = tuple(column for column in TRANSLATED_COLUMNS if not column.endswith("_fi"))


def organisation_documents(ids=None) -> Iterator[list[Document]]:
    queryset = Organisation.objects.values(
        "pk", "slug", "name", "short_name", "kind", "municipality", "regions", "description", *OTHER_LANGUAGES
    )
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.ORGANISATION,
                object_id=org["pk"],
                title=org["name"],
                link_key=org["slug"],
                subtitle=" · ".join(part for part in (org["short_name"], org["municipality"]) if part),
                summary=short(org["description"]),
                body=join(
                    org["short_name"],
                    labels(Organisation.Kind, org["kind"]),
                    org["municipality"],
                    region_names(org["regions"]),
                    org["description"],
                    *(org[column] for column in OTHER_LANGUAGES),
                ),
            )
            for org in batch
        ]


def service_documents(ids=None) -> Iterator[list[Document]]:
    queryset = GuidanceService.objects.values(
        "pk",
        "name",
        "level",
        "channels",
        "target_groups",
        "regions",
        "description",
        *OTHER_LANGUAGES,
        "organisation__name",
        "organisation__slug",
    )
    for batch in batches(queryset, ids):
        yield [
            Document(
                kind=SearchKind.SERVICE,
                object_id=service["pk"],
                title=service["name"],
                link_key=service["organisation__slug"],
                subtitle=service["organisation__name"],
                summary=short(service["description"]),
                body=join(
                    labels(GuidanceService.Level, service["level"]),
                    " ".join(labels(GuidanceService.TargetGroup, value) for value in service["target_groups"]),
                    " ".join(labels(GuidanceService.Channel, value) for value in service["channels"]),
                    region_names(service["regions"]),
                    service["description"],
                    *(service[column] for column in OTHER_LANGUAGES),
                    service["organisation__name"],
                ),
            )
            for service in batch
        ]


def person_documents(ids=None) -> Iterator[list[Document]]:
    """People by name, job title, expertise and organisations; never by e-mail address or phone."""
    queryset = User.objects.values("pk", "uuid", "first_name", "last_name", "title")
    through = User.expertise.through
    for batch in batches(queryset, ids):
        pks = [person["pk"] for person in batch]
        expertise = defaultdict(list)
        # Only portal-wide terms: a network's own vocabulary is for that network's people, and the
        # index does not know who searches.
        for user_id, name in through.objects.filter(user_id__in=pks, expertisearea__network__isnull=True).values_list(
            "user_id", "expertisearea__name"
        ):
            expertise[user_id].append(name)
        organisations = defaultdict(list)
        titles = defaultdict(list)
        for user_id, name, title in (
            Affiliation.objects.filter(user_id__in=pks, until__isnull=True)
            .order_by("user_id", "-primary", "organisation__name")
            .values_list("user_id", "organisation__name", "title")
        ):
            organisations[user_id].append(name)
            titles[user_id].append(title)
        documents = []
        for person in batch:
            name = f"{person['first_name']} {person['last_name']}".strip()
            if not name:
                continue  # without a name there is nothing to find or show
            pk = person["pk"]
            documents.append(
                Document(
                    kind=SearchKind.PERSON,
                    object_id=pk,
                    title=name,
                    link_key=str(person["uuid"]),
                    subtitle=person["title"],
                    # Not their organisations' names: the searcher may not see every organisation a visible
                    # person works for (the person page shows only those the viewer may see).
                    summary="",
                    body=join(
                        " ".join(dict.fromkeys([person["title"], *titles[pk]])),
                        " ".join(expertise[pk]),
                    ),
                )
            )
        yield documents


def organisation_saved(pk: int) -> None:
    """An organisation, and its services and people, whose rows show the organisation's name."""
    index.index_objects(SearchKind.ORGANISATION, [pk])
    index.index_objects(
        SearchKind.SERVICE, GuidanceService.objects.filter(organisation_id=pk).values_list("pk", flat=True)
    )
    index.index_objects(
        SearchKind.PERSON,
        Affiliation.objects.filter(organisation_id=pk, until__isnull=True).values_list("user_id", flat=True),
    )


def register() -> None:
    index.register(
        index.Source(
            kind=SearchKind.ORGANISATION,
            model=Organisation,
            order=10,
            documents=organisation_documents,
            visible=Organisation.objects.visible_to,
            url_name="partners:organisation_detail",
            url_kwarg="slug",
            indexed_fields=frozenset(
                {"slug", "name", "short_name", "kind", "municipality", "regions", "description", *TRANSLATED_COLUMNS}
            ),
            on_save=organisation_saved,
        )
    )
    index.register(
        index.Source(
            kind=SearchKind.SERVICE,
            model=GuidanceService,
            order=20,
            documents=service_documents,
            visible=GuidanceService.objects.visible_to,
            url_name="partners:organisation_detail",
            url_kwarg="slug",
            indexed_fields=frozenset(
                {
                    "name",
                    "level",
                    "channels",
                    "target_groups",
                    "regions",
                    "description",
                    "organisation",
                    "organisation_id",
                    *TRANSLATED_COLUMNS,
                }
            ),
        )
    )
    index.register(
        index.Source(
            kind=SearchKind.PERSON,
            model=User,
            order=30,
            documents=person_documents,
            visible=User.objects.visible_to,
            url_name="portal:person_detail",
            url_kwarg="uuid",
            indexed_fields=frozenset({"first_name", "last_name", "title"}),
        )
    )


@receiver(post_save, sender=Affiliation, dispatch_uid="search_affiliation_saved")
@receiver(post_delete, sender=Affiliation, dispatch_uid="search_affiliation_deleted")
def affiliation_changed(sender, instance, raw=False, **kwargs):
    """A person's row lists their organisations."""
    if not raw:
        index.reindex_later(SearchKind.PERSON, [instance.user_id])


@receiver(m2m_changed, sender=User.expertise.through, dispatch_uid="search_expertise_changed")
def expertise_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """A person's row lists their areas of expertise."""
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        index.reindex_later(SearchKind.PERSON, [instance.pk])
    elif action in ("post_add", "post_remove") and reverse:
        index.reindex_later(SearchKind.PERSON, list(pk_set))
    elif action == "pre_clear" and reverse:
        index.reindex_later(SearchKind.PERSON, list(instance.people.values_list("pk", flat=True)))


@receiver(post_save, sender=ExpertiseArea, dispatch_uid="search_expertise_area_saved")
def expertise_area_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """A renamed term: the people who have it."""
    if not raw and not created and (update_fields is None or "name" in update_fields):
        index.reindex_later(SearchKind.PERSON, list(instance.people.values_list("pk", flat=True)))


@receiver(pre_delete, sender=ExpertiseArea, dispatch_uid="search_expertise_area_deleted")
def expertise_area_deleted(sender, instance, **kwargs):
    """A deleted term: the people who had it (known only before the delete)."""
    index.reindex_later(SearchKind.PERSON, list(instance.people.values_list("pk", flat=True)))
