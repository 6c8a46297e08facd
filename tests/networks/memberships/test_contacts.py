"""Contacts without an account: a coordinator adds them for the network's member organisations; they cannot sign
in, and an invitation to their address turns the contact into the account."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse

from networks.memberships import contacts, invitations
from networks.memberships.models import NetworkRole
from partners.directory.models import Affiliation
from portal.accounts.models import Invitation, User
from portal.lib.errors import DomainError
from tests import factories

PEOPLE = reverse("portal:people_list")
NEW_PASSWORD = "Vahva-salasana-2026"


def _names(response) -> set[str]:
    return {person.email for person in response.context["page_obj"]}


def _contact(network, organisation, email="kaisa.kontakti@example.fi", **extra):
    return contacts.contact_create(
        network=network,
        organisation=organisation,
        email=email,
        first_name=extra.pop("first_name", "Kaisa"),
        last_name=extra.pop("last_name", "Kontakti"),
        **extra,
    )


def _add_contact_url(network):
    return reverse("networks:contact_create", kwargs={"slug": network.slug})


CONTACT = {
    "first_name": "Kaisa",
    "last_name": "Kontakti",
    "email": "Kaisa.Kontakti@Example.fi",
    "title": "Etsivä nuorisotyöntekijä",
    "phone": "+358 40 123 0000",
    "languages": ["fi", "sv"],
}


@pytest.mark.django_db
def test_coordinator_adds_a_contact_whom_members_see_with_a_badge(
    client, coordinator, member, network, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    area = factories.ExpertiseAreaFactory(network=network, name="Etsivä työ")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _add_contact_url(network), {**CONTACT, "organisation": organisation.pk, "expertise": [area.pk]}
        )
    assert response.status_code == 302
    contact = User.objects.get(email="kaisa.kontakti@example.fi")
    assert contact.is_contact
    assert not contact.has_usable_password()
    assert list(contact.expertise.all()) == [area]
    assert Affiliation.objects.get(user=contact, until__isnull=True).organisation == organisation
    assert NetworkRole.objects.get(user=contact).network == network
    assert not EmailAddress.objects.filter(user=contact).exists()
    assert response["Location"] == reverse("networks:network_detail", kwargs={"slug": network.slug})
    # The person is told who added them, where, and whom to ask (what is recorded about them is not a secret).
    assert [message.to for message in mailoutbox] == [[contact.email]]
    assert coordinator.get_full_name() in mailoutbox[0].body
    assert network.name in mailoutbox[0].body
    assert "/invitations/" not in mailoutbox[0].body

    client.force_login(member)
    listing = client.get(PEOPLE, {"expertise": area.slug})
    assert _names(listing) == {contact.email}
    assert "Ei vielä tiliä" in listing.text or "No account yet" in listing.text
    page = client.get(reverse("portal:person_detail", kwargs={"uuid": contact.uuid}))
    assert contact.email in page.text
    assert "invitation_targets" not in page.context  # a member cannot invite


@pytest.mark.django_db
@pytest.mark.parametrize("existing", ["account", "account_secondary_address", "contact"])
def test_an_address_of_a_person_the_coordinator_sees_is_named_and_linked(
    client, coordinator, network, organisation, existing
):
    """A person the coordinator may already see in the directory is named (nothing is added twice)."""
    if existing == "contact":
        person = _contact(network, organisation)
    else:
        person = factories.UserFactory(
            email="kaisa.kontakti@example.fi" if existing == "account" else "kaisa.toinen@example.fi"
        )
        factories.NetworkRoleFactory(network=network, user=person)
        if existing == "account_secondary_address":
            EmailAddress.objects.create(user=person, email="kaisa.kontakti@example.fi", verified=True, primary=False)
    before = User.objects.count()
    client.force_login(coordinator)
    response = client.post(_add_contact_url(network), {**CONTACT, "organisation": organisation.pk})
    assert response.status_code == 200
    assert person.get_full_name() in response.context["form"].errors["email"][0]
    assert reverse("portal:person_detail", kwargs={"uuid": person.uuid}) in response.text
    assert User.objects.count() == before


def _hidden_person(other_network, email):
    """A person with an account only in ``other_network``, which the coordinator of ``network`` cannot see."""
    person = factories.UserFactory(email=email)
    factories.AffiliationFactory(user=person, organisation=other_network.memberships.get().organisation)
    factories.NetworkRoleFactory(network=other_network, user=person)
    return person


@pytest.mark.django_db
def test_adding_a_hidden_persons_address_answers_as_for_an_unknown_one(
    client, coordinator, network, other_network, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    """No e-mail oracle: adding the address of a person only in a network the coordinator cannot see gives the
    same status, redirect, message, page and number of e-mails as a fresh address (the address aside). Today
    the hidden address is refused ("already belongs to a person in Verkosto") and the fresh one added."""
    hidden = _hidden_person(other_network, "piilossa@example.fi")
    client.force_login(coordinator)

    def attempt(email):
        with transaction.atomic():
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(
                    _add_contact_url(network), {**CONTACT, "email": email, "organisation": organisation.pk}
                )
            shown = client.get(response["Location"]) if response.status_code == 302 else response
            outcome = {
                "status": response.status_code,
                "location": response.get("Location"),
                "page": _normalised(shown.content.decode(), email),
                "mails": [_normalised(" ".join(m.to), email) for m in mailoutbox],
            }
            transaction.set_rollback(True)  # the same starting point for the other address
        mailoutbox.clear()
        return outcome

    hidden_outcome = attempt(hidden.email)
    fresh_outcome = attempt("ei.ketaan@example.fi")
    assert hidden_outcome == fresh_outcome
    assert fresh_outcome["status"] == 302
    assert fresh_outcome["mails"] == ["ADDRESS"]


def _normalised(text: str, email: str) -> str:
    text = text.replace(email, "ADDRESS")
    return re.sub(r'(name="csrfmiddlewaretoken" value=|"X-CSRFToken": )"[^"]*"', r"\1", text)


@pytest.mark.django_db
def test_a_hidden_person_is_invited_to_join_instead(
    client, coordinator, network, other_network, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    """The hidden person's own account is not touched: they get an invitation and accept it if they wish."""
    hidden = _hidden_person(other_network, "piilossa@example.fi")
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_add_contact_url(network), {**CONTACT, "email": hidden.email, "organisation": organisation.pk})
    invitation = Invitation.objects.get(email=hidden.email)
    assert (invitation.organisation, invitation.network, invitation.invited_by) == (organisation, network, coordinator)
    assert [message.to for message in mailoutbox] == [[hidden.email]]
    assert invitation.token in mailoutbox[0].body
    hidden.refresh_from_db()
    assert (hidden.first_name, hidden.is_contact) != ("Kaisa", True)
    assert not NetworkRole.objects.filter(user=hidden, network=network).exists()
    assert User.objects.filter(email__iexact=hidden.email).count() == 1


@pytest.mark.django_db
def test_contact_only_for_the_networks_member_organisations(client, coordinator, network, other_network):
    foreign = other_network.memberships.get().organisation
    client.force_login(coordinator)
    response = client.post(_add_contact_url(network), {**CONTACT, "organisation": foreign.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not User.objects.filter(email="kaisa.kontakti@example.fi").exists()


@pytest.mark.django_db
def test_members_and_other_coordinators_cannot_add_contacts(client, member, outsider, network, organisation):
    for user, status in ((member, 403), (outsider, 404)):
        client.force_login(user)
        assert (
            client.post(_add_contact_url(network), {**CONTACT, "organisation": organisation.pk}).status_code == status
        )
    assert not User.objects.filter(email="kaisa.kontakti@example.fi").exists()


@pytest.mark.django_db
def test_a_contact_cannot_sign_in_or_reset_a_password(
    client, network, organisation, member, mailoutbox, django_capture_on_commit_callbacks
):
    contact = _contact(network, organisation)
    assert not client.login(email=contact.email, password="")
    response = client.post(reverse("account_login"), {"login": contact.email, "password": "anything-at-all"})
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": contact.email})
    assert all("/password/reset/key/" not in message.body for message in mailoutbox)
    # A real account does get the link (so the check above can fail).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": member.email})
    assert any("/password/reset/key/" in message.body for message in mailoutbox)


@pytest.mark.django_db
def test_invitation_to_a_contact_turns_it_into_the_account(
    client, coordinator, member, network, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    area = factories.ExpertiseAreaFactory(network=network)
    contact = _contact(network, organisation, title="Uraohjaaja", expertise=[area])
    person_url = reverse("portal:person_detail", kwargs={"uuid": contact.uuid})
    client.force_login(coordinator)
    page = client.get(person_url)
    assert page.context["invitation_targets"] == [(network, organisation)]
    assert reverse("networks:invitation_create", kwargs={"slug": network.slug}) in page.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("networks:invitation_create", kwargs={"slug": network.slug}),
            {"email": contact.email, "organisation": organisation.pk},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    token = re.search(r"/invitations/(\S+)/", mailoutbox[0].body).group(1)

    client.logout()
    accept_url = reverse("portal:invitation_accept", kwargs={"token": token})
    form_page = client.get(accept_url)
    assert form_page.status_code == 200  # the account form, not "sign in first"
    assert form_page.context["form"].initial == {"first_name": "Kaisa", "last_name": "Kontakti"}
    response = client.post(
        accept_url,
        {"first_name": "Kaisa", "last_name": "Kontakti-Uusi", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert User.objects.filter(email__iexact=contact.email).count() == 1
    claimed = User.objects.get(pk=contact.pk)  # the same row: nothing made twice
    assert not claimed.is_contact
    assert claimed.last_name == "Kontakti-Uusi"
    assert claimed.check_password(NEW_PASSWORD)
    assert EmailAddress.objects.get(user=claimed).verified
    assert list(claimed.expertise.all()) == [area]
    assert Affiliation.objects.filter(user=claimed, until__isnull=True).count() == 1
    assert NetworkRole.objects.filter(user=claimed, network=network).count() == 1
    assert int(client.session["_auth_user_id"]) == claimed.pk

    client.logout()
    assert client.login(email=claimed.email, password=NEW_PASSWORD)
    client.force_login(member)
    assert "Ei vielä tiliä" not in client.get(PEOPLE).text


@pytest.mark.django_db
def test_invitation_to_an_existing_account_still_asks_to_sign_in(client, coordinator, network, organisation):
    person = factories.UserFactory(email="jo.tili@example.fi")
    invitation = factories.InvitationFactory(email=person.email, organisation=organisation, network=network)
    response = client.get(reverse("portal:invitation_accept", kwargs={"token": invitation.token}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert invitations.existing_account(person.email) == person
    contact = _contact(network, organisation)
    assert invitations.existing_account(contact.email) is None
    assert invitations.existing_contact(contact.email.upper()) == contact


@pytest.mark.django_db
def test_contact_flow_service_refuses_duplicates(network, organisation, member):
    _contact(network, organisation)
    with pytest.raises(DomainError):
        _contact(network, organisation, email="KAISA.kontakti@example.fi")
    with pytest.raises(DomainError):
        _contact(network, organisation, email=member.email)
    assert User.objects.filter(is_contact=True).count() == 1
