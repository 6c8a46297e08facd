"""The health check pages: the network's list, opening one (of an agreement or of the network, once), the
check's page while open and once closed, answering (rights, draft, resume, submit, a stale form), closing and
cancelling with a confirmation."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.trust.models import RoundStatus, SurveyKind, SurveyResponse, SurveyRound
from tests import factories
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.networks.trust.health.factories import HealthCheckFactory, answer, closed_check

REVIEW_BUTTON = "Luo arviointikokous"
ASPECTS = ("goals", "commitments", "communication", "decisions", "resources", "benefits")


def _detail(round_):
    return reverse("trust:health_detail", kwargs={"pk": round_.pk})


def _answer_url(round_, organisation=None):
    url = reverse("trust:health_answer", kwargs={"pk": round_.pk})
    return f"{url}?organisation={organisation.pk}" if organisation else url


def _open_data(**changes):
    today = timezone.localdate()
    return {
        "title": "Kumppanuuden terveystarkastus 2026",
        "agreement": "",
        "period_start": today.replace(month=1, day=1).isoformat(),
        "period_end": today.isoformat(),
        "deadline": (today + datetime.timedelta(days=14)).isoformat(),
        **changes,
    }


def _ratings(colour="green", **colours):
    data = {f"{aspect}_colour": colours.get(aspect, colour) for aspect in ASPECTS}
    return {**data, **{f"{aspect}_comment": "" for aspect in ASPECTS}}


@pytest.fixture
def check(network, organisation, partner_organisation):
    return HealthCheckFactory(network=network, organisations=[organisation, partner_organisation])


# --- the list and opening -------------------------------------------------------------------------------


def test_the_list_is_empty_then_lists_the_checks_newest_first(network, coordinator, member, client_for, organisation):
    url = reverse("trust:health_list", kwargs={"slug": network.slug})
    page = client_for(coordinator).get(url).content.decode()
    assert "Terveystarkastuksia ei ole vielä" in page and reverse("trust:health_create", args=[network.slug]) in page
    older = HealthCheckFactory(network=network, organisations=[organisation], title="Vanhempi")
    newer = HealthCheckFactory(network=network, organisations=[organisation], title="Uudempi")
    SurveyRound.objects.filter(pk=older.pk).update(opened_at=timezone.now() - datetime.timedelta(days=30))
    HealthCheckFactory(network=network, kind=SurveyKind.TRUST, title="Luottamuskysely ei kuulu tänne")
    page = client_for(member).get(url).content.decode()
    assert page.index("Uudempi") < page.index("Vanhempi")
    assert "Luottamuskysely ei kuulu" not in page
    assert reverse("trust:health_create", args=[network.slug]) not in page
    assert newer.title in page


def test_the_list_of_one_agreement(network, coordinator, client_for, organisation, agreement_in_force):
    HealthCheckFactory(network=network, organisations=[organisation], agreement=agreement_in_force, title="Sopimuksen")
    HealthCheckFactory(network=network, organisations=[organisation], title="Koko verkoston")
    url = reverse("trust:health_list", kwargs={"slug": network.slug})
    page = client_for(coordinator).get(f"{url}?agreement={agreement_in_force.pk}").content.decode()
    assert "Sopimuksen" in page and "Koko verkoston" not in page
    assert client_for(coordinator).get(f"{url}?agreement=999999").status_code == 404


def test_opening_a_check_of_an_agreement(
    network, coordinator, client_for, agreement_in_force, organisation, partner_organisation, mailoutbox,
    django_capture_on_commit_callbacks, member,
):  # fmt: skip
    url = reverse("trust:health_create", kwargs={"slug": network.slug})
    client = client_for(coordinator)
    form = client.get(f"{url}?agreement={agreement_in_force.pk}").content.decode()
    assert f'<option value="{agreement_in_force.pk}" selected>' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _open_data(agreement=agreement_in_force.pk))
    round_ = SurveyRound.objects.get()
    assert response["Location"] == _detail(round_)
    assert round_.kind == SurveyKind.HEALTH and round_.agreement == agreement_in_force
    assert set(round_.organisations.all()) == {organisation, partner_organisation}
    assert member.email in [message.to[0] for message in mailoutbox]


def test_a_bad_form_is_shown_again_with_the_input(network, coordinator, client_for):
    url = reverse("trust:health_create", kwargs={"slug": network.slug})
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client_for(coordinator).post(url, _open_data(deadline=yesterday, title="Oma otsikko"))
    assert response.status_code == 200 and "Oma otsikko" in response.content.decode()
    assert not SurveyRound.objects.exists()


def test_opening_twice_with_one_token_opens_one(network, coordinator, client_for, django_capture_on_commit_callbacks):
    url = reverse("trust:health_create", kwargs={"slug": network.slug})
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    assert_created_once(client, url, _open_data, SurveyRound.objects.count, django_capture_on_commit_callbacks)


# --- the check's page -----------------------------------------------------------------------------------


def test_while_open_the_coordinator_sees_the_rate_and_the_member_their_state(
    check, coordinator, member, organisation, client_for
):
    answer(check, organisation, submitted=False)
    page = client_for(coordinator).get(_detail(check)).content.decode()
    assert "Vastausprosentti" in page and "(0 %)" in page
    assert "Päätä terveystarkastus" in page
    page = client_for(member).get(_detail(check)).content.decode()
    assert organisation.name in page and "luonnos" in page
    assert "Vastausprosentti" not in page and "Päätä terveystarkastus" not in page


def test_once_closed_everyone_sees_the_table_and_comments_without_names(
    network, organisation, partner_organisation, observer, member, client_for
):
    network.trust_threshold = 2
    network.save(update_fields=["trust_threshold"])
    round_ = HealthCheckFactory(network=network, organisations=[organisation, partner_organisation])
    answer(round_, organisation, {"goals": "red"}, comments={"goals": "Tavoitteet hukassa"}, by=member)
    answer(round_, partner_organisation, {"goals": "amber"})
    from networks.trust.results import round_close

    round_close(round_=round_)
    page = client_for(observer).get(_detail(round_)).content.decode()
    assert "<caption" in page and "Arviot osa-alueittain" in page and "Yhteiset tavoitteet ovat selkeät" in page
    assert "Tavoitteet hukassa" in page and "Punainen" in page
    assert member.last_name not in page
    assert REVIEW_BUTTON not in page  # observers do not make meetings


# --- answering ------------------------------------------------------------------------------------------


def test_the_answer_page_speaks_for_the_representative_only(
    check, coordinator, member, observer, outsider, partner_rep, partner_deputy, organisation, client_for
):
    assert client_for(member).get(_answer_url(check)).status_code == 200
    assert client_for(partner_rep).get(_answer_url(check)).status_code == 200
    assert client_for(partner_deputy).get(_answer_url(check)).status_code == 200
    assert client_for(coordinator).get(_answer_url(check)).status_code == 403
    assert client_for(observer).get(_answer_url(check)).status_code == 403
    assert client_for(outsider).get(_answer_url(check)).status_code == 404
    # Someone else's organisation is not offered: the page answers for the person's own.
    page = client_for(partner_rep).get(_answer_url(check, organisation)).content.decode()
    assert "Gradia" in page and organisation.name not in page


def test_an_organisation_not_asked_cannot_answer(network, organisation, member, client_for, partner_organisation):
    round_ = HealthCheckFactory(network=network, organisations=[partner_organisation])
    assert client_for(member).get(_answer_url(round_)).status_code == 403


def test_the_form_has_a_fieldset_per_aspect_with_colours_in_words(check, member, client_for):
    page = client_for(member).get(_answer_url(check)).content.decode()
    assert page.count("<fieldset") == 6 and page.count("<legend") == 6
    for label in ("Punainen", "Keltainen", "Vihreä", "Viestintä toimii", "Sitoumukset pidetään"):
        assert label in page
    assert 'for="id_goals_colour_0"' in page


def test_draft_resume_and_submit(check, member, organisation, client_for):
    client = client_for(member)
    url = _answer_url(check)
    draft = {"goals_colour": "red", "goals_comment": "Tavoitteet hukassa", "action": "draft", "version": ""}
    response = client.post(url, draft)
    assert response.status_code == 302 and response["Location"].endswith(f"?organisation={organisation.pk}")
    saved = SurveyResponse.objects.get(round=check)
    assert not saved.is_submitted
    page = client.get(url).content.decode()
    assert (
        "Tavoitteet hukassa" in page and 'value="red" class="form-check-input" id="id_goals_colour_0" checked' in page
    )
    # Submitting with aspects missing: the form again with errors, nothing lost.
    response = client.post(url, {**draft, "action": "submit", "version": saved.updated_at.isoformat()})
    assert response.status_code == 200 and "Tavoitteet hukassa" in response.content.decode()
    assert not SurveyResponse.objects.get(round=check).is_submitted
    data = {**_ratings(goals="red"), "goals_comment": "Tavoitteet hukassa", "action": "submit"}
    response = client.post(url, {**data, "version": saved.updated_at.isoformat()})
    assert response["Location"] == _detail(check)
    submitted = SurveyResponse.objects.get(round=check)
    assert submitted.is_submitted and submitted.health_ratings.count() == 6
    # Submitted again, until the check closes.
    response = client.post(url, {**_ratings(), "action": "submit", "version": submitted.updated_at.isoformat()})
    assert response.status_code == 302
    assert set(SurveyResponse.objects.get(round=check).health_ratings.values_list("colour", flat=True)) == {"green"}


def test_a_stale_form_is_refused_and_keeps_the_input(check, partner_rep, partner_deputy, partner_organisation):
    from django.test import Client

    rep, deputy = Client(), Client()
    rep.force_login(partner_rep)
    deputy.force_login(partner_deputy)
    url = _answer_url(check)
    assert deputy.get(url).status_code == 200  # the deputy opens the form: no response yet
    rep.post(url, {**_ratings(), "action": "submit", "version": ""})
    response = deputy.post(url, {**_ratings("red"), "goals_comment": "Minun kommenttini", "action": "submit"})
    page = response.content.decode()
    assert response.status_code == 200 and "Minun kommenttini" in page
    assert set(SurveyResponse.objects.get(round=check).health_ratings.values_list("colour", flat=True)) == {"green"}
    saved = SurveyResponse.objects.get(round=check)
    assert f'value="{saved.updated_at.isoformat()}"' in page  # saving again replaces it deliberately


def test_no_answers_once_closed(network, organisation, member, client_for):
    round_ = closed_check(network, [organisation], {})
    assert client_for(member).get(_answer_url(round_)).status_code == 403


def test_speaking_for_two_organisations_chooses_one(network, organisation, partner_organisation, member, client_for):
    network.memberships.filter(organisation=partner_organisation).update(deputy=member)
    round_ = HealthCheckFactory(network=network, organisations=[organisation, partner_organisation])
    client = client_for(member)
    page = client.get(_answer_url(round_)).content.decode()
    assert _answer_url(round_, partner_organisation) in page
    assert "<fieldset" not in page
    response = client.post(_answer_url(round_, partner_organisation), {**_ratings(), "action": "submit"})
    assert response.status_code == 302
    assert SurveyResponse.objects.get(round=round_).organisation == partner_organisation
    stranger = factories.OrganisationFactory()
    assert client.get(_answer_url(round_, stranger)).status_code == 404


# --- closing and cancelling -----------------------------------------------------------------------------


def test_closing_asks_first_then_closes(check, coordinator, organisation, client_for):
    answer(check, organisation, {"goals": "red"})
    client = client_for(coordinator)
    url = reverse("trust:health_close", kwargs={"pk": check.pk})
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200  # not confirmed: asked again
    assert SurveyRound.objects.get(pk=check.pk).status == RoundStatus.OPEN
    response = client.post(url, {"confirm": "yes"})
    assert response["Location"] == _detail(check)
    check.refresh_from_db()
    assert check.status == RoundStatus.CLOSED and check.result.figures["aspects"][0]["red"] == 1
    page = client.get(_detail(check)).content.decode()
    assert REVIEW_BUTTON in page
    assert client.post(url, {"confirm": "yes"}).status_code == 302  # closed already: a note, nothing else


def test_cancelling_asks_first(check, coordinator, member, client_for):
    url = reverse("trust:health_cancel", kwargs={"pk": check.pk})
    assert client_for(member).post(url, {"confirm": "yes"}).status_code == 403
    client = client_for(coordinator)
    assert client.get(url).status_code == 200
    client.post(url, {"confirm": "yes"})
    assert SurveyRound.objects.get(pk=check.pk).status == RoundStatus.CANCELLED
    assert "peruttiin" in client.get(_detail(check)).content.decode()


def test_a_trust_survey_is_not_a_health_check(network, organisation, coordinator, client_for):
    trust = HealthCheckFactory(network=network, organisations=[organisation], kind=SurveyKind.TRUST)
    assert client_for(coordinator).get(_detail(trust)).status_code == 404


def test_the_network_and_agreement_pages_link_to_the_health_checks(network, member, client_for, agreement):
    url = reverse("trust:health_list", kwargs={"slug": network.slug})
    client = client_for(member)
    assert url in client.get(reverse("networks:network_detail", kwargs={"slug": network.slug})).content.decode()
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert f"{url}?agreement={agreement.pk}" in page
