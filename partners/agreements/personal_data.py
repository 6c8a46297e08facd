"""The agreements' share of a person's data: agreements they coordinate or created, signatures they
recorded or signed, documents they uploaded, amendments they made, and the history rows that name them (see
:mod:`portal.lib.personal_data`).

Erasure keeps the agreements and their history (shared records), attributed to the removed-user marker;
the person stops being an agreement's responsible coordinator; where a party's signatory is the person
(their name, on a party they recorded or of an organisation they worked for), the name becomes the marker
and the title goes, in the party and in its history rows.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from partners.agreements.models import (
    Agreement,
    AgreementAmendment,
    AgreementDocument,
    AgreementParty,
    AgreementStatus,
)
from portal.accounts.models import REMOVED_PERSON
from portal.lib.personal_data import register, rows


def _events(name):
    return apps.get_model("partners", name)


def _signed_as(user):
    """The parties whose signatory is the person: by name, on a party they recorded or of their organisation."""
    name = user.get_full_name()
    if not name:
        return AgreementParty.objects.none()
    theirs = Q(signed_by=user) | Q(organisation__in=user.affiliations.values("organisation"))
    return AgreementParty.objects.filter(theirs, signatory_name__iexact=name)


def export(user):
    return {
        "agreements_coordinated_or_created": rows(
            Agreement.objects.filter(Q(coordinator=user) | Q(created_by=user)).order_by("created_at", "pk"),
            "network__name",
            "title",
            "status",
            "created_at",
        ),
        "signatures": rows(
            AgreementParty.objects.filter(Q(signed_by=user) | Q(pk__in=_signed_as(user).values("pk"))).order_by("pk"),
            "agreement__title",
            "organisation__name",
            "signatory_name",
            "signatory_title",
            "signed_on",
        ),
        "documents_uploaded": rows(
            AgreementDocument.objects.filter(uploaded_by=user).order_by("uploaded_at", "pk"),
            "agreement__title",
            "title",
            "original_name",
            "uploaded_at",
        ),
        "amendments_made": rows(
            AgreementAmendment.objects.filter(made_by=user).order_by("made_at", "pk"),
            "agreement__title",
            "number",
            "summary",
            "made_at",
        ),
        "history_of_signatures": rows(
            _events("AgreementPartyEvent").objects.filter(signed_by=user).order_by("pgh_created_at", "pgh_id"),
            "pgh_created_at",
            "pgh_label",
            "signatory_name",
            "signatory_title",
            "signed_on",
        ),
        "history_of_agreements": rows(
            _events("AgreementEvent")
            .objects.filter(Q(coordinator=user) | Q(created_by=user))
            .order_by("pgh_created_at", "pgh_id"),
            "pgh_created_at",
            "pgh_label",
            "title",
            "status",
        ),
    }


def erase(user):
    with override(settings.LANGUAGE_CODE):
        marker = str(REMOVED_PERSON)
    parties = list(_signed_as(user).values_list("pk", flat=True))
    name = user.get_full_name()
    if parties:
        AgreementParty.objects.filter(pk__in=parties).update(signatory_name=marker, signatory_title="")
        _events("AgreementPartyEvent").objects.filter(pgh_obj_id__in=parties, signatory_name__iexact=name).update(
            signatory_name=marker, signatory_title=""
        )
    Agreement.objects.filter(coordinator=user).update(coordinator=None)


register(
    name="agreements",
    title=_("Partner agreements"),
    order=10,
    fields=[
        (Agreement, ["coordinator", "created_by"]),
        (AgreementAmendment, ["made_by"]),
        (AgreementDocument, ["uploaded_by"]),
        (AgreementParty, ["signatory_name", "signatory_title", "signed_by"]),
        (_events("AgreementEvent"), ["coordinator", "created_by"]),
        (_events("AgreementPartyEvent"), ["signatory_name", "signatory_title", "signed_by"]),
        (_events("AgreementDocumentEvent"), ["uploaded_by"]),
    ],
    export=export,
    erase=erase,
    choices={"status": AgreementStatus},
    sections={
        "agreements_coordinated_or_created": _("Agreements you coordinate or created"),
        "signatures": _("Signatures"),
        "documents_uploaded": _("Documents you uploaded"),
        "amendments_made": _("Amendments to agreements you made"),
        "history_of_signatures": _("History of signatures"),
        "history_of_agreements": _("History of agreements"),
    },
    not_personal=[
        (Agreement, ["title", "termination_reason"], "an agreement's title and why it was terminated"),
        (_events("AgreementEvent"), ["title", "termination_reason"], "an agreement's title, as it was"),
        (AgreementDocument, ["title", "original_name"], "a document's title and file name"),
        (_events("AgreementDocumentEvent"), ["title", "original_name"], "a document's title and file name"),
    ],
)
