"""No doubled writes: each create form of the memberships domain, sent twice with the same
one-time token, creates once, e-mails once and leads the second time to what the first one created."""

import pytest
from django.core import mail
from django.urls import reverse

from networks.memberships.models import Membership
from partners.directory.models import ExpertiseArea, Organisation
from portal.accounts.models import Invitation, User
from tests.createonce import assert_created_once, assert_form_carries_token
from tests.networks.memberships.test_contacts import CONTACT
from tests.networks.memberships.test_import import GOOD_FILE, upload

pytestmark = pytest.mark.django_db


def _url(name, network):
    return reverse(f"networks:{name}", kwargs={"slug": network.slug})


def test_inviting_a_person_twice_sends_one_invitation(
    client_for, network, coordinator, organisation, django_capture_on_commit_callbacks
):
    url = _url("invitation_create", network)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    data = {"email": "uusi.ihminen@example.fi", "organisation": organisation.pk}
    assert_created_once(client, url, lambda: data, Invitation.objects.count, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_applying_twice_sends_one_application(
    client_for, network, applicant, applicant_org, coordinator, django_capture_on_commit_callbacks
):
    network.is_public = True
    network.save()
    url = _url("membership_apply", network)
    client = client_for(applicant)
    assert_form_carries_token(client, url)
    data = {"organisation": applicant_org.pk, "note": "Mukaan"}
    assert_created_once(client, url, lambda: data, Membership.objects.count, django_capture_on_commit_callbacks)


def test_inviting_an_organisation_twice_invites_once(
    client_for, network, coordinator, django_capture_on_commit_callbacks
):
    url = _url("membership_invite", network)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    data = {"name": "Sivistysliitto", "email": "info@sivistys.example.fi", "level": "networking"}
    assert_created_once(client, url, lambda: data, Membership.objects.count, django_capture_on_commit_callbacks)
    assert Organisation.objects.filter(name="Sivistysliitto").count() == 1
    assert len(mail.outbox) == 1


def test_adding_a_term_twice_adds_one(client_for, network, coordinator, django_capture_on_commit_callbacks):
    url = _url("expertise_create", network)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    data = {"name": "Digituki", "description": "Apua laitteiden kanssa"}
    assert_created_once(client, url, lambda: data, ExpertiseArea.objects.count, django_capture_on_commit_callbacks)


def test_adding_a_contact_twice_adds_one(
    client_for, network, coordinator, organisation, django_capture_on_commit_callbacks
):
    url = _url("contact_create", network)
    client = client_for(coordinator)
    assert_form_carries_token(client, url)
    data = {**CONTACT, "organisation": organisation.pk}
    first = assert_created_once(client, url, lambda: data, User.objects.count, django_capture_on_commit_callbacks)
    assert User.objects.filter(email__iexact=CONTACT["email"]).count() == 1
    # the same answer whether or not the address was somebody's (no e-mail oracle): back to the network
    assert first["Location"] == reverse("networks:network_detail", kwargs={"slug": network.slug})


def test_confirming_an_import_twice_imports_once(client_for, network, coordinator, django_capture_on_commit_callbacks):
    client = client_for(coordinator)
    preview = upload(client, network, GOOD_FILE)
    assert 'name="once"' in preview.content.decode()
    token = preview.context["token"]
    assert_created_once(
        client,
        _url("organisation_import", network),
        lambda: {"token": token},
        Organisation.objects.count,
        django_capture_on_commit_callbacks,
        made=2,
    )
