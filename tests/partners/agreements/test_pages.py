"""The agreement's pages: creating, the concurrent-edit refusal, who sees the commitments, and the
detail page's query budget."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from partners.agreements import services
from partners.agreements.models import Agreement, AgreementAmendment
from portal.lib.access import Role
from portal.lib.errors import StaleEditError
from tests import factories
from tests.querybudget import assert_budget

EN = {"accept-language": "en"}


def _url(name, agreement):
    return reverse(f"agreements:{name}", kwargs={"pk": agreement.pk})


def _edit_data(form, **changes) -> dict:
    """What a browser posts for an edit form as it was shown, with ``changes``."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if name == "share_details":
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    for name in ("valid_from", "valid_until", "review_date"):
        if data[name]:
            data[name] = data[name].isoformat()
    data.update(changes)
    return data


@pytest.fixture
def second_coordinator(network, organisation):
    user = factories.UserFactory(email="toinen.koordinaattori@example.fi")
    factories.NetworkRoleFactory(network=network, user=user, role=Role.COORDINATOR)
    return user


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- creating ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_coordinator_creates_a_draft_and_is_responsible_for_it(client_for, coordinator, network):
    client = client_for(coordinator)
    url = reverse("agreements:agreement_create", kwargs={"network": network.slug})
    form = client.get(url).context["form"]
    assert form["coordinator"].value() == coordinator.pk
    response = client.post(
        url,
        {
            "title": "Ohjauksen palveluketju",
            "kind": "mou",
            "purpose": "Yhteinen palveluketju.",
            "notice_period_days": "60",
            "valid_from": "2026-01-01",
            "valid_until": "2026-12-31",
            "coordinator": "",
        },
    )
    agreement = Agreement.objects.get(title="Ohjauksen palveluketju")
    assert response.url == _url("agreement_detail", agreement)
    assert agreement.status == Agreement.Status.DRAFT
    assert agreement.network == network
    assert agreement.coordinator == coordinator
    assert agreement.created_by == coordinator
    assert agreement.kind == "mou"
    assert agreement.notice_period_days == 60
    assert str(agreement.valid_until) == "2026-12-31"


@pytest.mark.django_db
def test_the_create_form_checks_dates_and_offers_only_coordinators(client_for, coordinator, member, network):
    client = client_for(coordinator)
    url = reverse("agreements:agreement_create", kwargs={"network": network.slug})
    response = client.post(
        url,
        {
            "title": "Väärin päin",
            "kind": "mou",
            "notice_period_days": "60",
            "valid_from": "2026-12-31",
            "valid_until": "2026-01-01",
            "coordinator": member.pk,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "coordinator" in form.errors  # a member cannot be made responsible
    assert form.non_field_errors()  # and the end is before the start (the model's constraint)
    assert list(form.fields["coordinator"].queryset) == [coordinator]
    assert not Agreement.objects.filter(title="Väärin päin").exists()


@pytest.mark.django_db
def test_only_coordinators_create(client_for, member, outsider, network):
    url = reverse("agreements:agreement_create", kwargs={"network": network.slug})
    assert client_for(member).get(url).status_code == 403
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(member).post(url, {"title": "X", "kind": "mou", "notice_period_days": "1"}).status_code == 403
    assert not Agreement.objects.exists()


# --- two coordinators edit at once -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_save_over_someone_elses_save_is_refused_and_keeps_the_input(coordinator, second_coordinator, agreement):
    first, second = _client(coordinator), _client(second_coordinator)
    url = _url("agreement_edit", agreement)
    first_form = first.get(url).context["form"]
    second_form = second.get(url).context["form"]
    assert first_form["version"].value() == second_form["version"].value()

    response = first.post(url, _edit_data(first_form, title="Ensimmäisen nimi"))
    assert response.status_code == 302
    saved_version = Agreement.objects.get(pk=agreement.pk).updated_at

    response = second.post(url, _edit_data(second_form, title="Toisen nimi", indicators="Toisen mittarit"), headers=EN)
    assert response.status_code == 200
    form = response.context["form"]
    with translation.override("en"):
        expected = str(StaleEditError(services.STALE_EDIT, current_version=saved_version))
    assert form.non_field_errors() == [expected]
    assert expected.replace("'", "&#x27;") in response.content.decode()
    # Their input is still in the form, which now carries the saved version.
    assert form["title"].value() == "Toisen nimi"
    assert 'value="Toisen nimi"' in response.content.decode()
    assert "Toisen mittarit" in response.content.decode()
    assert form.data["version"] == saved_version.isoformat()
    # Nothing of theirs was saved.
    agreement.refresh_from_db()
    assert agreement.title == "Ensimmäisen nimi"
    assert agreement.indicators == ""
    assert agreement.updated_at == saved_version

    # Saving again, having seen the message, replaces the first save.
    response = second.post(url, _edit_data(form))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.title, agreement.indicators) == ("Toisen nimi", "Toisen mittarit")


@pytest.mark.django_db
def test_a_tampered_version_is_refused(client_for, coordinator, agreement):
    client = client_for(coordinator)
    url = _url("agreement_edit", agreement)
    form = client.get(url).context["form"]
    response = client.post(url, _edit_data(form, title="Uusi", version="eilen"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Agreement.objects.get(pk=agreement.pk).title == "Yhteinen ohjauspiste"


# --- who sees what on the agreement's page -------------------------------------------------------------


@pytest.fixture
def secret(agreement, organisation):
    party = agreement.parties.get(organisation=organisation)
    return factories.CommitmentFactory(party=party, description="Tilat tiistaisin kello 9–12").description


@pytest.mark.django_db
def test_commitments_are_shown_to_party_representatives_not_to_observers(
    client_for, coordinator, member, observer, agreement, secret
):
    url = _url("agreement_detail", agreement)
    for user in (coordinator, member):
        response = client_for(user).get(url)
        assert response.context["may"]["details"]
        assert secret in response.content.decode()
    response = client_for(observer).get(url)
    assert response.status_code == 200
    assert not response.context["may"]["details"]
    page = response.content.decode()
    assert secret not in page
    assert agreement.title in page
    assert "Gradia" in page  # the parties are visible to every member


@pytest.mark.django_db
def test_commitments_are_shown_to_every_member_once_shared(client_for, observer, agreement, secret):
    Agreement.objects.filter(pk=agreement.pk).update(share_details=True)
    response = client_for(observer).get(_url("agreement_detail", agreement))
    assert response.context["may"]["details"]
    assert secret in response.content.decode()
    # Sharing does not make the observer a manager.
    assert not response.context["may"]["manage"]
    assert b"/edit/" not in response.content


@pytest.mark.django_db
def test_amendments_are_details(client_for, coordinator, observer, agreement):
    services.agreement_start_negotiation(agreement=agreement)
    for party in agreement.parties.all():
        services.party_sign(
            party=party,
            user=coordinator,
            signatory_name="N",
            signatory_title="",
            signed_on=timezone.localdate(),
        )
    agreement.refresh_from_db()
    services.agreement_update(
        agreement=agreement,
        data={"indicators": "Kävijämäärät"},
        user=coordinator,
        amendment_summary="Mittarit lisätty.",
    )
    assert AgreementAmendment.objects.count() == 1
    url = _url("agreement_detail", agreement)
    assert "Mittarit lisätty." in client_for(coordinator).get(url).content.decode()
    assert "Mittarit lisätty." not in client_for(observer).get(url).content.decode()


@pytest.mark.django_db
def test_the_agreements_state_decides_its_buttons_for_administrators_too(client_for, admin_user, agreement):
    may = client_for(admin_user).get(_url("agreement_detail", agreement)).context["may"]
    assert may["manage"] and may["details"] and may["history"]
    assert may["edit"] and may["edit_parties"] and may["send_for_signing"] and may["delete"]
    assert not (may["back_to_draft"] or may["terminate"] or may["renew"])  # a draft


@pytest.mark.django_db
def test_outsiders_do_not_find_the_agreement(client_for, outsider, agreement):
    assert client_for(outsider).get(_url("agreement_detail", agreement)).status_code == 404


# --- query budget ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("viewer", ["coordinator", "member", "observer"])
def test_the_agreement_page_does_not_grow_with_the_network(request, client_for, network, agreement, viewer):
    user = request.getfixturevalue(viewer)
    for number in range(4):
        factories.AgreementFactory(network=network, title=f"Muu sopimus {number}")

    def grow():
        Agreement.objects.bulk_create(
            Agreement(network=network, title=f"Lisäsopimus {number}", kind="cooperation") for number in range(495)
        )

    # session, user, the MFA check, the agreement (network, coordinator, versions), parties, commitments,
    # documents, amendments, the shared goals it serves, the viewer's role, and (not for coordinators) the
    # parties they represent; the header's unread count.
    assert_budget(client_for(user), _url("agreement_detail", agreement), budget=12, grow=grow)
