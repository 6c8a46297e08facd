"""A term's related terms are named, one per line, in a field that stays the same size however many terms the
network has: a name in Finnish (or in Swedish or English where only one term has it), any case; unknown and
ambiguous names are said and nothing is saved."""

import pytest
from django.urls import reverse
from django.utils import translation

from networks.glossary.forms import MAX_RELATED, TermForm
from networks.glossary.models import Term, TermStatus
from tests.networks.glossary.factories import agreed, term

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The assertions quote the English messages."""
    with translation.override("en"):
        yield


TEXTS = {"term_fi": "ohjaus", "definition_fi": "Tukemista."}


@pytest.fixture
def guidance(network):
    return agreed(network, "ohjaus", "Tukemista.")


@pytest.fixture
def counselling(network):
    return agreed(network, "neuvonta", "Tiedon antamista.", term_sv="rådgivning", term_en="counselling")


def _form(network, related, instance=None):
    form = TermForm({**TEXTS, "related": related}, instance=instance or Term(network=network), network=network)
    form.fields.pop("version", None)
    return form


def test_the_form_does_not_list_the_networks_terms(client_for, network, coordinator, guidance, counselling):
    for number in range(40):
        term(network, f"termi {number}", "Määritelmä.")
    page = client_for(coordinator).get(reverse("glossary:term_edit", kwargs={"pk": guidance.pk})).content.decode()
    assert "termi 1" not in page
    assert '<textarea name="related"' in page


def test_names_in_any_case_and_language(network, guidance, counselling):
    other = agreed(network, "urasuunnittelu", "Suunnittelua.")
    form = _form(network, "NEUVONTA\n\n  urasuunnittelu \nneuvonta\n")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["related"] == [counselling, other]
    for name in ("Rådgivning", "counselling"):
        form = _form(network, name)
        assert form.is_valid() and form.cleaned_data["related"] == [counselling]


def test_unknown_retired_and_other_networks_terms_are_said(network, other_network, guidance, counselling):
    term(network, "vanha", "Vanha.", status=TermStatus.RETIRED)
    term(other_network, "muualla", "Toisen verkoston.")
    form = _form(network, "neuvonta\nvanha\nmuualla\nkeksitty")
    assert not form.is_valid()
    assert form.errors["related"] == ["Not a term of the network's glossary: “vanha”, “muualla”, “keksitty”."]


def test_a_name_two_terms_have_in_another_language_is_said(network, counselling):
    agreed(network, "neuvonnan palvelu", "Toinen.", term_sv="Rådgivning")
    form = _form(network, "rådgivning")
    assert not form.is_valid()
    assert "Write it in Finnish" in form.errors["related"][0]
    assert _form(network, "neuvonta").is_valid()


def test_at_most_a_bounded_number(network):
    form = _form(network, "\n".join(f"termi {number}" for number in range(MAX_RELATED + 1)))
    assert not form.is_valid() and "At most" in form.errors["related"][0]


def test_the_edit_form_names_the_related_terms_and_the_term_itself_is_left_out(
    client_for, network, coordinator, guidance, counselling
):
    retired = term(network, "vanha", "Vanha.", status=TermStatus.RETIRED)
    guidance.related.set([counselling, retired])
    url = reverse("glossary:term_edit", kwargs={"pk": guidance.pk})
    client = client_for(coordinator)
    form = client.get(url).context["form"]
    assert form.initial["related"] == "neuvonta"
    data = {**TEXTS, "related": "ohjaus\nneuvonta", "version": form.initial["version"]}
    assert client.post(url, data).status_code == 302
    assert list(guidance.related.all()) == [counselling]
