"""The admin of memberships: people chosen by autocomplete, every change kept in the history, which is
view-only."""

import pytest
from django.urls import reverse
from django.utils import translation

from networks.memberships.models import Membership, MembershipChange, MembershipLevel
from portal.lib.access import MembershipStatus
from tests import factories


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are compared in English (the source language)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_admin_membership_uses_autocomplete_and_keeps_history(client, admin_user, network, organisation):
    factories.UserFactory.create_batch(5)
    person = factories.UserFactory(email="edustaja@example.fi")
    client.force_login(admin_user)
    membership = Membership.objects.get(network=network, organisation=organisation)
    url = reverse("admin:networks_membership_change", args=[membership.pk])
    page = client.get(url)
    assert page.status_code == 200
    # Autocomplete widgets: no <option> per person.
    assert "edustaja@example.fi" not in page.text
    assert 'data-model-name="user"' in page.text or "admin-autocomplete" in page.text
    response = client.post(
        url,
        {
            "network": network.pk,
            "organisation": organisation.pk,
            "level": MembershipLevel.STRATEGIC,
            "status": MembershipStatus.ACTIVE,
            "representative": person.pk,
            "change_reason": "Sopimus allekirjoitettu",
            "changes-TOTAL_FORMS": "0",
            "changes-INITIAL_FORMS": "0",
            "changes-MIN_NUM_FORMS": "0",
            "changes-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    change = MembershipChange.objects.get(membership=membership)
    assert (change.old_level, change.new_level) == (MembershipLevel.COOPERATION, MembershipLevel.STRATEGIC)
    assert change.changed_by == admin_user
    assert change.reason == "Sopimus allekirjoitettu"
    membership.refresh_from_db()
    assert membership.representative == person
    page = client.get(url)
    assert "Sopimus allekirjoitettu" in page.text  # the read-only history inline


@pytest.mark.django_db
def test_admin_membership_change_history_is_view_only(client, admin_user, network, organisation):
    membership = Membership.objects.get(network=network, organisation=organisation)
    change = MembershipChange.objects.create(
        membership=membership, network=network, new_level="cooperation", new_status="active", reason="Alku"
    )
    client.force_login(admin_user)
    assert client.get(reverse("admin:networks_membershipchange_add")).status_code == 403
    url = reverse("admin:networks_membershipchange_change", args=[change.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    client.post(url, {"reason": "Muutettu"})
    change.refresh_from_db()
    assert change.reason == "Alku"
