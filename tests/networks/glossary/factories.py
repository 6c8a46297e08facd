"""What the glossary's tests share: terms in a network, and member organisations with a representative."""

from django.utils import timezone

from networks.glossary.models import Term, TermStatus
from tests import factories


def term(network, term_fi="ohjaus", definition_fi="Ohjaus on aikuisen tukemista valinnoissa.", **kwargs) -> Term:
    """A term of ``network`` (proposed unless ``status`` is given), saved as a service would."""
    kwargs.setdefault("status", TermStatus.PROPOSED)
    now = timezone.now()
    return Term.objects.create(
        network=network,
        term_fi=term_fi,
        definition_fi=definition_fi,
        proposed_at=now,
        defined_at=now,
        status_changed_at=now,
        **kwargs,
    )


def agreed(network, term_fi, definition_fi, **kwargs) -> Term:
    return term(network, term_fi, definition_fi, status=TermStatus.AGREED, **kwargs)


def represented_member(network, name):
    """A new active member organisation of ``network`` and its representative (a member of the network)."""
    organisation = factories.OrganisationFactory(name=name)
    representative = factories.UserFactory()
    factories.AffiliationFactory(user=representative, organisation=organisation)
    factories.NetworkRoleFactory(network=network, user=representative, role="member")
    factories.MembershipFactory(network=network, organisation=organisation, representative=representative)
    return organisation, representative
