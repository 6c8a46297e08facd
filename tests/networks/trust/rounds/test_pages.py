"""The pages of trust survey rounds: the list, opening, the round's page with the live response rate (and its
htmx partial), cancelling and closing, the dashboard panels and the link from the network's page."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from networks.trust import answering
from networks.trust.models import RoundResult, RoundStatus, SurveyKind, SurveyRound
from tests import factories
from tests.networks.trust.rounds.conftest import on

pytestmark = pytest.mark.django_db


def detail(round_):
    return reverse("trust:round_detail", kwargs={"pk": round_.pk})


def test_the_empty_list(client_for, network, coordinator, member):
    url = reverse("trust:round_list", kwargs={"slug": network.slug})
    page = client_for(coordinator).get(url).content.decode()
    assert "Verkostolla ei ole vielä luottamuskyselyitä." in page
    assert reverse("trust:round_open", kwargs={"slug": network.slug}) in page
    page = client_for(member).get(url).content.decode()
    assert "Verkostolla ei ole vielä luottamuskyselyitä." in page
    assert reverse("trust:round_open", kwargs={"slug": network.slug}) not in page


def test_the_list_shows_status_deadline_and_for_coordinators_the_rate(client_for, opened, people, coordinator):
    factories.SurveyResponseFactory(round=opened, organisation=people["gradia"], submitted_at=timezone.now())
    url = reverse("trust:round_list", kwargs={"slug": opened.network.slug})
    page = client_for(coordinator).get(url).content.decode()
    assert "Luottamuskysely 2026" in page and "Avoin" in page
    assert "1/4 (25&nbsp;%)" in page
    assert reverse("trust:round_open", kwargs={"slug": opened.network.slug}) not in page  # one is open
    page = client_for(people["member"]).get(url).content.decode()
    assert "Luottamuskysely 2026" in page and "1/4" not in page


def test_opening_from_the_form(client_for, network, coordinator, people, django_capture_on_commit_callbacks):
    url = reverse("trust:round_open", kwargs={"slug": network.slug})
    client = client_for(coordinator)
    page = client.get(url).content.decode()
    assert f"Luottamuskysely {timezone.localdate().year}" in page
    bad = {"title": "Kysely", "period_start": "2026-01-01", "period_end": "2026-12-31", "deadline": "2020-01-01"}
    page = client.post(url, bad).content.decode()
    assert "Määräpäivän on oltava tulevaisuudessa" in page
    assert not SurveyRound.objects.exists()
    good = bad | {"deadline": on(14).isoformat(), "period_start": on(-365).isoformat(), "period_end": on(0).isoformat()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, good)
    round_ = SurveyRound.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(round_)
    assert len(mail.outbox) == 4
    page = client.get(url).content.decode()
    assert "Sulje tai peru se ennen uuden avaamista" in page
    page = client.post(url, good).content.decode()
    assert "jo avoin luottamuskysely" in page
    assert SurveyRound.objects.count() == 1


def test_the_round_page_for_a_coordinator(client_for, opened, people, coordinator):
    factories.SurveyResponseFactory(round=opened, organisation=people["gradia"], submitted_at=timezone.now())
    factories.SurveyResponseFactory(round=opened, organisation=people["omnia"])
    page = client_for(coordinator).get(detail(opened)).content.decode()
    assert "1/4 organisaatiota on lähettänyt vastauksensa" in page
    assert '<progress class="w-100 mb-2" max="4" value="1"' in page
    assert 'data-hx-trigger="every 30s"' in page and f'data-hx-get="{detail(opened)}"' in page
    assert "Luonnos tallennettu" in page and "Ei aloitettu" in page and "Lähetetty" in page
    assert reverse("trust:round_close", kwargs={"pk": opened.pk}) in page
    assert reverse("trust:round_cancel", kwargs={"pk": opened.pk}) in page


def test_the_partial_refreshes_only_the_response_rate(client_for, opened, coordinator, people):
    factories.SurveyResponseFactory(round=opened, organisation=people["gradia"], submitted_at=timezone.now())
    response = client_for(coordinator).get(detail(opened), headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="round-progress"')
    assert "<html" not in page and "1/4 organisaatiota" in page and "<progress" in page
    # The counts and the bar only: not the organisations, however many the network has.
    assert "Gradia" not in page and "Omnia" not in page and "<table" not in page
    assert "HX-Request" in response["Vary"]
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    restored = client_for(coordinator).get(detail(opened), headers=headers)
    assert "<html" in restored.text and "HX-Request" in restored["Vary"]


def test_the_organisations_asked_are_listed_a_page_at_a_time_not_submitted_first(client_for, opened, coordinator):
    from tests.networks.trust.rounds.test_budgets import _grow_asked

    _grow_asked(opened, 56)  # 60 asked, 28 of them submitted
    client = client_for(coordinator)
    page = client.get(detail(opened)).content.decode()
    assert page.count('<th scope="row" class="fw-normal">') == 50
    assert page.count('text-bg-success">Lähetetty') == 18  # 32 not submitted first, then submitted ones
    assert 'href="?page=2"' in page
    page = client.get(detail(opened) + "?page=2").content.decode()
    assert page.count('<th scope="row" class="fw-normal">') == 10
    assert page.count('text-bg-success">Lähetetty') == 10


def test_the_round_page_for_a_respondent(client_for, opened, people, observer):
    client = client_for(people["member"])
    page = client.get(detail(opened)).content.decode()
    assert "Organisaationne vastaus" in page and "Ei aloitettu" in page
    assert reverse("trust:round_answer", kwargs={"pk": opened.pk}) in page
    assert "round-progress" not in page and "Gradia" not in page  # not who answered what
    answering.response_save(
        round_=opened, organisation_id=people["organisation"].pk, user=people["member"], answers={}, submit=False
    )
    page = client.get(detail(opened)).content.decode()
    assert "Luonnos tallennettu" in page and "Jatka vastaamista" in page
    page = client_for(observer).get(detail(opened)).content.decode()
    assert "Luottamuskysely 2026" in page and "Organisaationne vastaus" not in page


def test_cancelling_asks_first(client_for, opened, coordinator):
    url = reverse("trust:round_cancel", kwargs={"pk": opened.pk})
    client = client_for(coordinator)
    assert "Peru kysely" in client.get(url).content.decode()
    assert client.post(url, {}).status_code == 200  # not confirmed: asked again
    opened.refresh_from_db()
    assert opened.is_open
    assert client.post(url, {"confirm": "yes"})["Location"] == detail(opened)
    opened.refresh_from_db()
    assert opened.status == RoundStatus.CANCELLED
    assert client.get(url)["Location"] == detail(opened)  # no longer open: said on the round's page


def test_closing_asks_first_and_computes(client_for, opened, coordinator, people):
    url = reverse("trust:round_close", kwargs={"pk": opened.pk})
    client = client_for(coordinator)
    assert "Sulje kysely" in client.get(url).content.decode()
    # The round page's button POSTs without the confirmation: the question is asked first.
    assert f'<form method="post" action="{url}">' in client.get(detail(opened)).content.decode()
    page = client.post(url).content.decode()
    assert 'name="confirm" value="yes"' in page
    opened.refresh_from_db()
    assert opened.is_open
    assert client.post(url, {"confirm": "yes"})["Location"] == detail(opened)
    opened.refresh_from_db()
    assert opened.status == RoundStatus.CLOSED
    assert RoundResult.objects.get(round=opened).asked == 4
    assert client_for(people["member"]).post(url, {"confirm": "yes"}).status_code == 403


def test_the_dashboard_panels(client_for, opened, people, coordinator, network):
    health = factories.SurveyRoundFactory(
        network=network, kind=SurveyKind.HEALTH, title="Terveystarkastus", organisations=[people["organisation"]]
    )
    page = client_for(people["member"]).get(reverse("portal:home")).content.decode()
    assert "Organisaatiosi vastausta odottavat kyselyt" in page
    assert "Luottamuskysely 2026" in page and "Terveystarkastus" in page
    assert reverse("trust:round_answer", kwargs={"pk": opened.pk}) in page
    factories.SurveyResponseFactory(round=health, organisation=people["organisation"], submitted_at=timezone.now())
    page = client_for(people["member"]).get(reverse("portal:home")).content.decode()
    assert "Terveystarkastus" not in page
    page = client_for(coordinator).get(reverse("portal:home")).content.decode()
    assert "Avointen kyselyiden vastausaste" in page
    assert "0/4 organisaatiota on lähettänyt vastauksensa" in page
    assert "1/1 organisaatiota" in page  # the health check


def test_the_network_page_links_to_the_surveys(client_for, network, member):
    page = client_for(member).get(reverse("networks:network_detail", kwargs={"slug": network.slug})).content.decode()
    assert reverse("trust:round_list", kwargs={"slug": network.slug}) in page


def test_the_partial_stops_refreshing_once_the_round_is_closed(client_for, opened, coordinator):
    from networks.trust.results import round_close

    round_close(round_=opened, user=coordinator)
    page = client_for(coordinator).get(detail(opened), headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="round-progress">')  # no data-hx-get: htmx stops asking
    assert "data-hx-trigger" not in page
