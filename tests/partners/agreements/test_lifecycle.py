"""An agreement's lifecycle, through the services and through the pages: draft → negotiation → active →
expiring → expired, back to draft, termination, renewal, deletion, and editing in each state."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from partners.agreements import services
from partners.agreements.models import Agreement, AgreementAmendment, AgreementParty, Commitment
from partners.agreements.services import lifecycle
from portal.lib.errors import DomainError
from tests import factories

TODAY = timezone.localdate


def _url(name, agreement):
    return reverse(f"agreements:{name}", kwargs={"pk": agreement.pk})


def _refresh(agreement) -> Agreement:
    return Agreement.objects.get(pk=agreement.pk)


def _level(response) -> str:
    """The level of the message the request added (messages of earlier requests may still be queued)."""
    return [message.level_tag for message in get_messages(response.wsgi_request)][-1]


def _sign(party, user, day=None):
    return services.party_sign(
        party=party, user=user, signatory_name="Maija Meikäläinen", signatory_title="Rehtori", signed_on=day or TODAY()
    )


def _bring_into_force(agreement, user) -> Agreement:
    services.agreement_start_negotiation(agreement=agreement)
    for party in agreement.parties.all():
        _sign(party, user)
    return _refresh(agreement)


def _form_data(agreement, **changes) -> dict:
    """What the edit form posts for ``agreement`` as it is saved, with ``changes``."""
    data = {
        "title": agreement.title,
        "kind": agreement.kind,
        "purpose": agreement.purpose,
        "indicators": agreement.indicators,
        "review_arrangements": agreement.review_arrangements,
        "valid_from": agreement.valid_from.isoformat() if agreement.valid_from else "",
        "valid_until": agreement.valid_until.isoformat() if agreement.valid_until else "",
        "notice_period_days": agreement.notice_period_days,
        "review_date": agreement.review_date.isoformat() if agreement.review_date else "",
        "coordinator": agreement.coordinator_id or "",
        "version": agreement.updated_at.isoformat(),
    }
    if agreement.share_details:
        data["share_details"] = "on"
    data.update(changes)
    return data


# --- draft → negotiation → active ---------------------------------------------------------------


@pytest.mark.django_db
def test_negotiation_needs_two_parties(agreement, partner_organisation):
    agreement.parties.get(organisation=partner_organisation).delete()
    with pytest.raises(DomainError):
        services.agreement_start_negotiation(agreement=agreement)
    assert _refresh(agreement).status == Agreement.Status.DRAFT


@pytest.mark.django_db
def test_sending_for_signing_on_the_page(client_for, coordinator, agreement, partner_organisation):
    client = client_for(coordinator)
    party = agreement.parties.get(organisation=partner_organisation)
    party.delete()
    response = client.post(_url("agreement_negotiate", agreement))
    assert response.status_code == 302
    assert _level(response) == "error"
    assert _refresh(agreement).status == Agreement.Status.DRAFT

    factories.AgreementPartyFactory(agreement=agreement, organisation=partner_organisation)
    response = client.post(_url("agreement_negotiate", agreement))
    assert response.url == _url("agreement_detail", agreement)
    assert _level(response) == "success"
    assert _refresh(agreement).status == Agreement.Status.NEGOTIATION
    # A second send is refused with a message, not an error page.
    response = client.post(_url("agreement_negotiate", agreement))
    assert response.status_code == 302
    assert _level(response) == "error"


@pytest.mark.django_db
def test_lifecycle_actions_are_post_only_and_for_managers(client_for, member, coordinator, agreement):
    assert client_for(coordinator).get(_url("agreement_negotiate", agreement)).status_code == 405
    assert client_for(member).post(_url("agreement_negotiate", agreement)).status_code == 403
    assert _refresh(agreement).status == Agreement.Status.DRAFT


@pytest.mark.django_db
def test_back_to_draft_clears_signatures(client_for, coordinator, agreement):
    services.agreement_start_negotiation(agreement=agreement)
    _sign(agreement.parties.first(), coordinator)
    assert agreement.parties.filter(signed_on__isnull=False).count() == 1

    response = client_for(coordinator).post(_url("agreement_back_to_draft", agreement))
    assert _level(response) == "success"
    assert _refresh(agreement).status == Agreement.Status.DRAFT
    assert not agreement.parties.filter(signed_on__isnull=False).exists()
    assert not agreement.parties.filter(signed_by__isnull=False).exists()
    # From a draft it is refused.
    response = client_for(coordinator).post(_url("agreement_back_to_draft", agreement))
    assert _level(response) == "error"


@pytest.mark.django_db
def test_the_last_signature_brings_the_agreement_into_force(agreement, coordinator):
    services.agreement_start_negotiation(agreement=agreement)
    first, second = agreement.parties.all()
    _sign(first, coordinator)
    assert _refresh(agreement).status == Agreement.Status.NEGOTIATION
    _sign(second, coordinator)
    agreement = _refresh(agreement)
    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.activated_on == TODAY()


@pytest.mark.django_db
def test_activation_is_refused_while_a_party_has_not_signed(agreement, coordinator):
    services.agreement_start_negotiation(agreement=agreement)
    _sign(agreement.parties.first(), coordinator)
    with pytest.raises(DomainError):
        lifecycle._activate(_refresh(agreement))
    agreement = _refresh(agreement)
    assert agreement.status == Agreement.Status.NEGOTIATION
    assert agreement.activated_on is None


@pytest.mark.django_db
def test_coming_into_force_inside_the_notice_window_is_expiring(agreement, coordinator):
    agreement.valid_from = TODAY() - datetime.timedelta(days=300)
    agreement.valid_until = TODAY() + datetime.timedelta(days=10)
    agreement.notice_period_days = 30
    agreement.save()
    assert _bring_into_force(agreement, coordinator).status == Agreement.Status.EXPIRING


@pytest.mark.django_db
def test_statuses_follow_the_dates(agreement, coordinator):
    until = TODAY() + datetime.timedelta(days=200)
    agreement.valid_from = TODAY()
    agreement.valid_until = until
    agreement.notice_period_days = 30
    agreement.save()
    assert _bring_into_force(agreement, coordinator).status == Agreement.Status.ACTIVE

    services.agreements_refresh_statuses(today=until - datetime.timedelta(days=31))
    assert _refresh(agreement).status == Agreement.Status.ACTIVE
    counts = services.agreements_refresh_statuses(today=until - datetime.timedelta(days=30))
    assert counts[Agreement.Status.EXPIRING] == 1
    assert _refresh(agreement).status == Agreement.Status.EXPIRING
    services.agreements_refresh_statuses(today=until)
    assert _refresh(agreement).status == Agreement.Status.EXPIRING
    counts = services.agreements_refresh_statuses(today=until + datetime.timedelta(days=1))
    assert counts[Agreement.Status.EXPIRED] == 1
    assert _refresh(agreement).status == Agreement.Status.EXPIRED


# --- termination ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_termination_needs_a_reason_and_an_agreement_that_has_started(agreement, coordinator):
    with translation.override("en"), pytest.raises(DomainError) as refused:
        services.agreement_terminate(agreement=agreement, reason="Ei tarvita.")
    # A refusal about the agreement's state: one message, said on its page (not next to a field).
    assert not hasattr(refused.value, "error_dict")
    assert str(refused.value) == "Only an agreement in negotiation or in force can be terminated."
    agreement = _bring_into_force(agreement, coordinator)
    with pytest.raises(DomainError) as refused:
        services.agreement_terminate(agreement=agreement, reason="  ")
    assert "reason" in refused.value.error_dict
    assert _refresh(agreement).status == Agreement.Status.ACTIVE


@pytest.mark.django_db
def test_terminating_on_the_page(client_for, coordinator, agreement):
    client = client_for(coordinator)
    # A draft cannot be terminated: the page says so instead of offering the form.
    response = client.get(_url("agreement_terminate", agreement))
    assert response.status_code == 302
    assert _level(response) == "error"

    agreement = _bring_into_force(agreement, coordinator)
    assert client.get(_url("agreement_terminate", agreement)).status_code == 200
    today = TODAY().isoformat()
    response = client.post(_url("agreement_terminate", agreement), {"reason": " ", "terminated_on": today})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    tomorrow = (TODAY() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        _url("agreement_terminate", agreement), {"reason": "Rahoitus päättyi.", "terminated_on": tomorrow}
    )
    assert "terminated_on" in response.context["form"].errors
    assert _refresh(agreement).status == Agreement.Status.ACTIVE

    yesterday = TODAY() - datetime.timedelta(days=1)
    response = client.post(
        _url("agreement_terminate", agreement), {"reason": "Rahoitus päättyi.", "terminated_on": yesterday.isoformat()}
    )
    assert response.url == _url("agreement_detail", agreement)
    agreement = _refresh(agreement)
    assert agreement.status == Agreement.Status.TERMINATED
    assert agreement.termination_reason == "Rahoitus päättyi."
    assert agreement.terminated_on == yesterday
    page = client.get(_url("agreement_detail", agreement)).content.decode()
    assert "Rahoitus päättyi." in page


# --- renewal ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_renewing_makes_a_new_draft_with_the_parties_and_commitments_but_no_signatures(
    client_for, coordinator, agreement
):
    start, end = TODAY() - datetime.timedelta(days=100), TODAY() + datetime.timedelta(days=200)
    agreement.valid_from, agreement.valid_until = start, end
    agreement.save()
    agreement = _bring_into_force(agreement, coordinator)
    client = client_for(coordinator)
    assert client.get(_url("agreement_renew", agreement)).status_code == 200
    response = client.post(_url("agreement_renew", agreement), {"confirm": "yes"})

    renewal = Agreement.objects.get(renewal_of=agreement)
    assert response.url == _url("agreement_detail", renewal)
    assert renewal.status == Agreement.Status.DRAFT
    assert renewal.version == 2
    assert renewal.title == agreement.title
    # It runs from the day after this one ends, for as long again.
    assert renewal.valid_from == end + datetime.timedelta(days=1)
    assert renewal.valid_until == renewal.valid_from + (end - start)
    old_parties = {p.organisation_id: p for p in agreement.parties.all()}
    new_parties = list(renewal.parties.all())
    assert {p.organisation_id for p in new_parties} == set(old_parties)
    assert all(p.signed_on is None and p.signed_by is None for p in new_parties)
    assert all(p.signatory_name == "Maija Meikäläinen" for p in new_parties)
    for party in new_parties:
        old = old_parties[party.organisation_id]
        assert [c.description for c in party.commitments.all()] == [c.description for c in old.commitments.all()]
    assert Commitment.objects.filter(agreement=renewal).count() == 2
    # The old version is untouched.
    assert _refresh(agreement).status == Agreement.Status.ACTIVE

    # A second renewal of the same version is refused, on the page and in the service.
    response = client.post(_url("agreement_renew", agreement), {"confirm": "yes"})
    assert _level(response) == "error"
    assert client.get(_url("agreement_renew", agreement)).status_code == 302
    with pytest.raises(DomainError):
        services.agreement_renew(agreement=agreement, user=coordinator)
    assert Agreement.objects.filter(network=agreement.network).count() == 2


@pytest.mark.django_db
def test_a_draft_cannot_be_renewed(client_for, coordinator, agreement):
    response = client_for(coordinator).post(_url("agreement_renew", agreement), {"confirm": "yes"})
    assert _level(response) == "error"
    assert not Agreement.objects.filter(renewal_of=agreement).exists()


@pytest.mark.django_db
def test_the_chain_of_versions_is_on_every_version_page(client_for, coordinator, agreement):
    first = _bring_into_force(agreement, coordinator)
    second = _bring_into_force(services.agreement_renew(agreement=first, user=coordinator), coordinator)
    third = services.agreement_renew(agreement=second, user=coordinator)
    assert third.version == 3

    page = client_for(coordinator).get(_url("agreement_detail", second)).content.decode()
    for version in (first, second, third):
        assert f'href="{_url("agreement_detail", version)}"' in page
    assert f'href="{_url("agreement_detail", second)}" aria-current="page"' in page
    # The renewed version says so, with a link to the new one.
    first_page = client_for(coordinator).get(_url("agreement_detail", first)).content.decode()
    assert f'<a class="alert-link" href="{_url("agreement_detail", second)}">' in first_page
    for other in (first, third):
        assert f'href="{_url("agreement_detail", other)}" aria-current' not in page


# --- deletion --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_only_a_draft_is_deleted(client_for, coordinator, agreement):
    client = client_for(coordinator)
    services.agreement_start_negotiation(agreement=agreement)
    response = client.post(_url("agreement_delete", agreement), {"confirm": "yes"})
    assert response.url == _url("agreement_detail", agreement)
    assert _level(response) == "error"
    with pytest.raises(DomainError):
        services.agreement_delete(agreement=agreement)
    assert Agreement.objects.filter(pk=agreement.pk).exists()

    services.agreement_back_to_draft(agreement=agreement)
    assert client.get(_url("agreement_delete", agreement)).status_code == 200
    response = client.post(_url("agreement_delete", agreement), {"confirm": "yes"})
    assert response.status_code == 302
    assert not Agreement.objects.filter(pk=agreement.pk).exists()
    assert not AgreementParty.objects.filter(agreement_id=agreement.pk).exists()


# --- editing in each state -------------------------------------------------------------------------


@pytest.mark.django_db
def test_editing_an_agreement_in_force_needs_an_amendment_summary(client_for, coordinator, agreement):
    agreement = _bring_into_force(agreement, coordinator)
    client = client_for(coordinator)
    url = _url("agreement_edit", agreement)
    response = client.post(url, _form_data(agreement, purpose="Uusi tarkoitus."))
    assert response.status_code == 200
    assert "amendment_summary" in response.context["form"].errors
    assert _refresh(agreement).purpose == "Yhteinen aikuisohjauksen palvelu."
    assert not AgreementAmendment.objects.exists()

    response = client.post(
        url, _form_data(agreement, purpose="Uusi tarkoitus.", amendment_summary="Tarkoitus laajeni.")
    )
    assert response.url == _url("agreement_detail", agreement)
    agreement = _refresh(agreement)
    assert agreement.purpose == "Uusi tarkoitus."
    assert agreement.status == Agreement.Status.ACTIVE
    amendment = AgreementAmendment.objects.get(agreement=agreement)
    assert amendment.number == 1
    assert amendment.summary == "Tarkoitus laajeni."
    assert amendment.made_by == coordinator
    assert [(change["field"], change["old"], change["new"]) for change in amendment.changes] == [
        ("purpose", "Yhteinen aikuisohjauksen palvelu.", "Uusi tarkoitus.")
    ]
    # The amendment, with what changed, is on the page.
    page = client.get(_url("agreement_detail", agreement)).content.decode()
    assert "Tarkoitus laajeni." in page
    assert "Yhteinen aikuisohjauksen palvelu." in page


@pytest.mark.django_db
def test_changing_only_the_review_date_in_force_needs_no_amendment(client_for, coordinator, agreement):
    agreement = _bring_into_force(agreement, coordinator)
    day = TODAY() + datetime.timedelta(days=100)
    response = client_for(coordinator).post(
        _url("agreement_edit", agreement), _form_data(agreement, review_date=day.isoformat())
    )
    assert response.status_code == 302
    assert _refresh(agreement).review_date == day
    assert not AgreementAmendment.objects.exists()


@pytest.mark.django_db
def test_editing_the_text_in_negotiation_clears_the_signatures(client_for, coordinator, agreement):
    services.agreement_start_negotiation(agreement=agreement)
    _sign(agreement.parties.first(), coordinator)
    agreement = _refresh(agreement)
    response = client_for(coordinator).post(_url("agreement_edit", agreement), _form_data(agreement, title="Uusi nimi"))
    assert response.status_code == 302
    agreement = _refresh(agreement)
    assert agreement.title == "Uusi nimi"
    assert agreement.status == Agreement.Status.NEGOTIATION
    assert not agreement.parties.filter(signed_on__isnull=False).exists()


@pytest.mark.django_db
def test_a_closed_agreement_cannot_be_edited(client_for, coordinator, agreement):
    agreement = _bring_into_force(agreement, coordinator)
    services.agreement_terminate(agreement=agreement, reason="Loppui.")
    agreement = _refresh(agreement)
    client = client_for(coordinator)
    response = client.get(_url("agreement_edit", agreement))
    assert response.url == _url("agreement_detail", agreement)
    assert _level(response) == "error"
    response = client.post(
        _url("agreement_edit", agreement), _form_data(agreement, title="Muutettu", amendment_summary="Syy.")
    )
    assert response.status_code == 302
    assert _refresh(agreement).title == agreement.title
    with pytest.raises(DomainError):
        services.agreement_update(agreement=agreement, data={"title": "Muutettu"}, user=coordinator)
    assert _refresh(agreement).title == agreement.title


@pytest.mark.django_db
def test_only_managers_edit(client_for, member, observer, outsider, agreement):
    assert client_for(member).get(_url("agreement_edit", agreement)).status_code == 403
    assert client_for(observer).post(_url("agreement_edit", agreement), _form_data(agreement)).status_code == 403
    assert client_for(outsider).get(_url("agreement_edit", agreement)).status_code == 404
