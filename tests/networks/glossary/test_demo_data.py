"""The demo's glossary (:mod:`portal.demo_data.glossary`, which ``manage.py seed_demo`` runs for the main
network): agreed terms with their rounds, one with history, one under endorsement, one discussed."""

import pytest

from networks.glossary.models import DefinitionVersion, Term, TermComment, TermRound, TermStatus
from portal.demo_data.glossary import seed_glossary

pytestmark = pytest.mark.django_db


def test_a_handful_of_terms_agreed_and_proposed(network, coordinator, member, client_for):
    made = seed_glossary(network)
    assert len(made) == 5
    statuses = sorted(Term.objects.filter(network=network).values_list("status", flat=True))
    assert statuses.count(TermStatus.AGREED) == 3 and statuses.count(TermStatus.PROPOSED) == 2
    assert TermRound.objects.filter(outcome="open").count() == 1
    assert DefinitionVersion.objects.filter(term__term_fi="ohjaus").exists()
    assert TermComment.objects.count() == 2
    for term in made:
        assert client_for(member).get(term.get_absolute_url()).status_code == 200
