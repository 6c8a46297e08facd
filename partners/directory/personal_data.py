"""The directory's share of a person's data: their affiliations with organisations, and their row in the
search index (see :mod:`portal.lib.personal_data`)."""

from django.utils.translation import gettext_lazy as _

from partners.directory.models import Affiliation, ExpertiseArea, GuidanceService, Organisation
from portal.lib.personal_data import register, rows
from portal.lib.translated import with_languages
from portal.search import index
from portal.search.models import SearchEntry, SearchKind


def export(user):
    return {
        "affiliations": rows(
            Affiliation.objects.filter(user=user).order_by("since", "pk"),
            "organisation__name",
            "title",
            "primary",
            "since",
            "until",
        ),
    }


def erase(user):
    Affiliation.objects.filter(user=user).delete()
    index.remove(SearchKind.PERSON, [user.pk])


register(
    name="directory",
    title=_("Organisations you work for"),
    order=40,
    fields=[(Affiliation, ["user", "title"]), (SearchEntry, ["title"])],
    export=export,
    erase=erase,
    sections={
        "affiliations": _("Affiliations"),
    },
    not_personal=[
        (
            Organisation,
            [*with_languages("name"), "short_name", "address", "email", "phone"],
            "an organisation's own contact details",
        ),
        (
            GuidanceService,
            [*with_languages("name"), "contact_email", "contact_phone"],
            "a service's shared contact details",
        ),
        (ExpertiseArea, ["name"], "a term of the expertise vocabulary"),
    ],
)
