"""Answering a trust survey: only the representative or deputy of an organisation asked; drafts kept and
resumed; submitting needs a complete answer; a submitted answer can be changed; a stale save is refused."""

import pytest
from django.urls import reverse

from networks.trust import answering
from networks.trust.models import SurveyResponse, TrustRating
from portal.lib.errors import DomainError, StaleEditError
from tests import factories
from tests.networks.trust.rounds.conftest import full, on, post_data

pytestmark = pytest.mark.django_db


def url(round_, organisation=None):
    base = reverse("trust:round_answer", kwargs={"pk": round_.pk})
    return f"{base}?organisation={organisation.pk}" if organisation is not None else base


def test_who_may_open_the_form(client_for, opened, people, observer, coordinator, outsider, network):
    assert client_for(people["member"]).get(url(opened)).status_code == 200
    assert client_for(people["gradia_deputy"]).get(url(opened)).status_code == 404  # no role in the network
    assert client_for(outsider).get(url(opened)).status_code == 404
    assert client_for(observer).get(url(opened)).status_code == 403
    assert client_for(coordinator).get(url(opened)).status_code == 403  # speaks for no organisation
    plain_member = factories.UserFactory()
    factories.NetworkRoleFactory(network=network, user=plain_member)
    assert client_for(plain_member).get(url(opened)).status_code == 403


def test_another_organisations_answer_is_not_reachable(client_for, opened, people):
    client = client_for(people["member"])
    assert client.get(url(opened, people["gradia"])).status_code == 404
    response = client.post(url(opened, people["gradia"]), post_data({people["organisation"].pk: 1}))
    assert response.status_code == 404
    assert not SurveyResponse.objects.exists()
    # The service refuses it too.
    with pytest.raises(DomainError):
        answering.response_save(
            round_=opened, organisation_id=people["gradia"].pk, user=people["member"], answers={}, submit=False
        )


def test_the_form_lists_every_other_organisation_by_name(client_for, opened, people):
    page = client_for(people["member"]).get(url(opened)).content.decode()
    assert page.index("Gradia") < page.index("Omnia") < page.index("Riveria")
    assert '<legend class="h5 float-none w-auto px-1 mb-1">Jyväskylän kansalaisopisto' not in page
    assert "Millainen suhde organisaatiollanne on tähän organisaatioon?" in page
    for words in (
        "Ei suhdetta",
        "Tietoisuus",
        "Yhteistyö",
        "Koordinointi",
        "Integraatio",
        "Luotettavuus",
        "Avoimuus keskustelulle",
        "Sitoutuminen yhteiseen tehtävään",
        "Vaikutusvalta",
        "Osallistumisen taso",
        "Resurssien tuominen",
        "Ei lainkaan",
        "Erittäin paljon",
    ):
        assert words in page, words
    assert f'for="r{people["gradia"].pk}-relationship-2"' in page


def test_a_draft_is_kept_and_resumed(client_for, opened, people):
    client = client_for(people["member"])
    gradia, omnia = people["gradia"].pk, people["omnia"].pk
    data = post_data({gradia: (3, 4), omnia: 1})
    data[f"r{omnia}-reliability"] = "2"  # no trust without working together: cleared
    data[f"r{gradia}-comment"] = "Hyvä kumppani"
    response = client.post(url(opened, people["organisation"]), data)
    assert response.status_code == 302 and "organisation=" in response["Location"]
    saved = SurveyResponse.objects.get()
    assert saved.submitted_at is None and saved.answered_by == people["member"]
    ratings = {rating.about_id: rating for rating in TrustRating.objects.all()}
    assert ratings[gradia].relationship == 3 and ratings[gradia].reliability == 4
    assert ratings[gradia].comment == "Hyvä kumppani"
    assert ratings[omnia].relationship == 1 and ratings[omnia].reliability is None
    page = client.get(response["Location"]).content.decode()
    assert f'id="r{gradia}-relationship-3" value="3" checked' in page
    assert f'id="r{omnia}-relationship-1" value="1" checked' in page
    assert "Hyvä kumppani" in page
    assert "Luonnos tallennettiin" in page


def test_submitting_needs_a_complete_answer(client_for, opened, people):
    client = client_for(people["member"])
    gradia, omnia, riveria = people["gradia"].pk, people["omnia"].pk, people["riveria"].pk
    incomplete = post_data({gradia: 2, omnia: 0}, action="submit")  # Gradia's scores and Riveria missing
    incomplete[f"r{gradia}-comment"] = "Säilyy"
    response = client.post(url(opened), incomplete)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 organisaatiota on vielä vastaamatta" in page
    assert "Valitse suhde." in page and "kaikkiin kuuteen" in page
    assert "Säilyy" in page  # nothing lost
    assert not SurveyResponse.objects.exists()
    response = client.post(url(opened), post_data({gradia: (2, 3), omnia: 0, riveria: 1}, action="submit"))
    assert response.status_code == 302
    assert response["Location"] == reverse("trust:round_detail", kwargs={"pk": opened.pk})
    assert SurveyResponse.objects.get().is_submitted
    assert TrustRating.objects.count() == 3


def test_a_submitted_answer_can_be_changed_until_the_deadline(opened, people):
    member, own = people["member"], people["organisation"].pk
    others = [people["gradia"].pk, people["omnia"].pk, people["riveria"].pk]
    first = answering.response_save(
        round_=opened, organisation_id=own, user=member, answers={pk: full() for pk in others}, submit=True
    )
    changed = {pk: full() for pk in others} | {others[0]: full(relationship=4, score=4)}
    again = answering.response_save(
        round_=opened, organisation_id=own, user=member, answers=changed, submit=False, version=first.updated_at
    )
    assert again.is_submitted and again.submitted_at >= first.submitted_at
    assert TrustRating.objects.get(about_id=others[0]).relationship == 4
    # Once submitted it stays complete: a "draft" with a gap is refused.
    with pytest.raises(DomainError):
        answering.response_save(
            round_=opened, organisation_id=own, user=member, answers={others[0]: full()}, submit=False
        )
    with pytest.raises(DomainError, match="Vastausaika on päättynyt"):
        answering.response_save(
            round_=opened, organisation_id=own, user=member, answers=changed, submit=True, today=on(11)
        )


def test_a_stale_save_is_refused_and_nothing_is_lost(client_for, opened, people):
    """The representative and the deputy of Gradia open the form; the deputy saves first."""
    deputy, rep = people["gradia_deputy"], people["gradia_rep"]
    factories.NetworkRoleFactory(network=opened.network, user=deputy)
    factories.NetworkRoleFactory(network=opened.network, user=rep)
    own = people["organisation"].pk
    answering.response_save(
        round_=opened,
        organisation_id=people["gradia"].pk,
        user=deputy,
        answers={own: full()},
        submit=False,
        version=answering.NEW,
    )
    client = client_for(rep)
    data = post_data({own: 0}, version=answering.NEW)
    data[f"r{own}-comment"] = "Edustajan teksti"
    response = client.post(url(opened), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Edustajan teksti" in page
    assert "Toinen organisaationne edustaja tallensi vastauksen" in page
    assert TrustRating.objects.get().relationship == 2 and TrustRating.objects.get().comment == ""
    # The form now carries the saved version: saving again deliberately replaces the deputy's answer.
    saved = SurveyResponse.objects.get()
    data["version"] = saved.updated_at.isoformat()
    assert client.post(url(opened), data).status_code == 302
    assert TrustRating.objects.get().relationship == 0
    with pytest.raises(StaleEditError):
        answering.response_save(
            round_=opened,
            organisation_id=people["gradia"].pk,
            user=deputy,
            answers={},
            submit=False,
            version=saved.updated_at,
        )


def test_a_person_answering_for_two_organisations_chooses(client_for, opened, people, network):
    network.memberships.filter(organisation=people["omnia"]).update(deputy=people["member"])
    client = client_for(people["member"])
    page = client.get(url(opened)).content.decode()
    assert "Valitse, minkä organisaation puolesta vastaat nyt" in page
    assert client.get(url(opened, people["omnia"])).status_code == 200
    assert client.get(url(opened) + "?organisation=x").status_code == 404


def test_a_closed_round_is_not_answered(client_for, opened, people, coordinator):
    from networks.trust.rounds import round_cancel

    round_cancel(round_=opened, user=coordinator)
    response = client_for(people["member"]).get(url(opened))
    assert response.status_code == 302
    assert response["Location"] == reverse("trust:round_detail", kwargs={"pk": opened.pk})


def test_an_observer_who_speaks_for_an_asked_organisation_does_not_answer(opened, people, network, observer):
    network.memberships.filter(organisation=people["organisation"]).update(deputy=observer)
    with pytest.raises(DomainError):
        answering.response_save(
            round_=opened, organisation_id=people["organisation"].pk, user=observer, answers={}, submit=False
        )
    assert not SurveyResponse.objects.filter(round=opened).exists()
