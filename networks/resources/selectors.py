"""Reads of the resource library, shaped for its pages so that their query counts do not grow with the data.

- the library: a network's resources, filtered, each with its current version's file name and size (two
  subqueries of the one query) and its tags (one query per kind of tag for the page shown);
- a resource's page: the resource with its network and who added it, its tags, and a page of its versions (or
  the current one alone);
- the public page's list: the public resources of a network.
"""

from django.db.models import OuterRef, Prefetch, Q, Subquery

from networks.goals.models import Goal
from networks.resources.models import Resource, ResourceVersion
from partners.directory.models import ExpertiseArea
from portal.lib.errors import DomainError
from portal.search import query as search_query
from portal.search.models import SearchEntry, SearchKind


def _current(field: str) -> Subquery:
    """The newest version's ``field`` (None for a link)."""
    return Subquery(ResourceVersion.objects.filter(resource=OuterRef("pk")).order_by("-number").values(field)[:1])


def with_current_version(queryset):
    return queryset.annotate(
        current_name=_current("original_name"), current_size=_current("size"), current_number=_current("number")
    )


def with_tags(queryset):
    """Each resource's expertise areas and goals, by name (one query each for the resources fetched)."""
    return queryset.prefetch_related(
        Prefetch("expertise", queryset=ExpertiseArea.objects.order_by("name").only("pk", "name", "network_id")),
        Prefetch("goals", queryset=Goal.objects.order_by("title", "pk").only("pk", "title", "network_id")),
    )


def _matching(queryset, text: str):
    """Resources the portal's search finds for ``text`` (Finnish and Swedish words in any form, their titles and
    descriptions in every language, tags and address: :mod:`networks.resources.search`), and those whose
    texts or address contain ``text`` as written."""
    contains = Q()
    for field in ("title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en", "url"):
        contains |= Q(**{f"{field}__icontains": text})
    try:
        parsed = search_query.parse(text)
    except DomainError:  # no words to search for (only punctuation, too long): as written only
        return queryset.filter(contains)
    found = SearchEntry.objects.filter(kind=SearchKind.RESOURCE, document=parsed.tsquery).values("object_id")
    return queryset.filter(Q(pk__in=found) | contains)


def library(network, *, kind="", expertise=None, goal=None, quality_area="", q=""):
    """The resources of ``network``, the newest first, with the filters applied. The library page is for the
    network's people, who read every resource of it (the view has checked that)."""
    resources = Resource.objects.filter(network=network)
    if kind:
        resources = resources.filter(kind=kind)
    if expertise is not None:
        resources = resources.filter(expertise=expertise)
    if goal is not None:
        resources = resources.filter(goals=goal)
    if quality_area:
        resources = resources.filter(quality_areas__contains=[quality_area])
    if q:
        resources = _matching(resources, q)
    return with_tags(with_current_version(resources.select_related("added_by"))).order_by("-created_at", "-pk")


def resource_page():
    """A resource with what its page shows about it (its network, who added it, its tags)."""
    return with_tags(Resource.objects.select_related("network", "added_by"))


def versions(resource):
    """The versions of a document, the newest (the current one) first, with who uploaded each."""
    return resource.versions.select_related("uploaded_by").order_by("-number")


def current_version(resource):
    """The document's current version (the newest), or None."""
    return resource.versions.order_by("-number").first()


def public_resources(network):
    """The public resources of ``network``, the newest first, with their current versions."""
    return with_current_version(Resource.objects.public().filter(network=network)).order_by("-created_at", "-pk")
