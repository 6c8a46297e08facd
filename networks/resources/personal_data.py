"""The resource library's share of a person's data: the resources they added and the versions they uploaded
(see :mod:`portal.lib.personal_data`).

Erasure keeps the library's documents and links, which are the network's, attributed to the removed-user marker.
"""

from django.utils.translation import gettext_lazy as _

from networks.resources.models import Resource, ResourceKind, ResourceVersion
from portal.lib.personal_data import register, rows


def export(user):
    return {
        "resources_added": rows(
            Resource.objects.filter(added_by=user).order_by("created_at", "pk"),
            "network__name",
            "title_fi",
            "kind",
            "url",
            "created_at",
        ),
        "versions_uploaded": rows(
            ResourceVersion.objects.filter(uploaded_by=user).order_by("created_at", "pk"),
            "resource__title_fi",
            "number",
            "original_name",
            "note",
            "created_at",
        ),
    }


def erase(user):
    """Nothing of the person's own: the resources and their versions stay the network's (the account they
    point to becomes the removed-user marker)."""


register(
    name="resources",
    title=_("Resource library"),
    order=14,
    fields=[
        (Resource, ["added_by"]),
        (ResourceVersion, ["uploaded_by"]),
    ],
    export=export,
    erase=erase,
    choices={"kind": ResourceKind},
    sections={
        "resources_added": _("Resources you added to a library"),
        "versions_uploaded": _("Versions of documents you uploaded"),
    },
    not_personal=[
        (Resource, ["title", "title_fi", "title_sv", "title_en"], "a resource's title"),
        (ResourceVersion, ["original_name", "note"], "a document's file name and what changed in a version"),
    ],
)
