"""The glossary's share of a person's data: what they proposed, wrote, said and answered is exported; erasing
them deletes their comments and keeps the network's terms, attributed to nobody."""

import pytest

from networks.glossary import endorsement, services
from networks.glossary.models import Term, TermComment
from networks.glossary.personal_data import erase, export

pytestmark = pytest.mark.django_db


def test_export_and_erase(network, organisation, coordinator, member):
    term = services.term_propose(
        network=network, user=member, data={"term_fi": "ohjaus", "definition_fi": "Tukemista."}
    )
    services.comment_add(term=term, user=member, body="Jäsenen kommentti")
    services.comment_add(term=term, user=coordinator, body="Koordinaattorin kommentti")
    endorsement.round_open(term=term, user=coordinator)
    endorsement.term_answer(term=term, organisation=organisation, user=member, answer="reservations", reason="Sana")
    data = {section: list(rows) for section, rows in export(member).items()}
    assert [row["term_fi"] for row in data["terms_proposed_or_defined"]] == ["ohjaus"]
    assert [row["body"] for row in data["term_comments"]] == ["Jäsenen kommentti"]
    assert [row["reason"] for row in data["term_answers"]] == ["Sana"]
    assert data["term_rounds_opened"] == []
    erase(member)
    assert list(TermComment.objects.values_list("body", flat=True)) == ["Koordinaattorin kommentti"]
    assert Term.objects.get().term_fi == "ohjaus"
