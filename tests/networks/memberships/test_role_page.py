"""The coordinators' roles page: giving a role on a basis, changing and taking one after a
confirmation, the e-mail to the person, the history kept by django-pghistory, the last coordinator kept, and
the page's query count. Before, only the Django admin could give or take a role."""

import pytest
from django.apps import apps
from django.core import mail
from django.urls import reverse

from networks.memberships.models import NetworkRole, RoleBasis
from portal.lib.access import Role
from tests import factories
from tests.querybudget import assert_budget, grow_network

pytestmark = pytest.mark.django_db
EN = {"accept-language": "en"}


def _url(name, network, **kwargs):
    return reverse(f"networks:{name}", kwargs={"slug": network.slug, **kwargs})


def _events(label):
    return apps.get_model("networks", "NetworkRoleEvent").objects.filter(pgh_label=label)


@pytest.fixture
def newcomer(organisation):
    """Works for the network's member organisation and has no role in it yet."""
    user = factories.UserFactory(email="tulokas@example.fi", first_name="Tuula", last_name="Tulokas", languages=["en"])
    factories.AffiliationFactory(user=user, organisation=organisation)
    return user


def test_a_coordinator_gives_a_role_on_the_organisation_the_person_works_for(
    client, network, organisation, coordinator, newcomer, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("role_add", network), {"user": newcomer.pk, "role": Role.OBSERVER}, headers=EN)
    assert response.status_code == 302
    role = NetworkRole.objects.get(network=network, user=newcomer)
    assert (role.role, role.basis, role.organisation) == (Role.OBSERVER, RoleBasis.ORGANISATION, organisation)
    [message] = mail.outbox
    assert message.to == [newcomer.email] and "Observer" in message.body
    assert _events("insert").filter(pgh_obj_id=role.pk, role=Role.OBSERVER).exists()
    page = client.get(_url("role_list", network), headers=EN).content.decode()
    assert "Role given" in page and "Tuula Tulokas" in page


def test_a_person_without_a_member_organisation_needs_the_coordinators_word_and_a_reason(
    client, network, coordinator, outsider
):
    """The outsider shares no network with the coordinator: not offered at all. A person of another network the
    coordinator also coordinates is offered, but only as an individual expert with a reason."""
    client.force_login(coordinator)
    assert client.post(_url("role_add", network), {"user": outsider.pk, "role": Role.MEMBER}).status_code == 200
    expert = factories.UserFactory()
    shared = factories.NetworkFactory()
    factories.NetworkRoleFactory(network=shared, user=coordinator, role=Role.COORDINATOR)
    factories.NetworkRoleFactory(network=shared, user=expert)
    response = client.post(_url("role_add", network), {"user": expert.pk, "role": Role.MEMBER}, headers=EN)
    assert response.status_code == 200
    assert "does not work for a member organisation" in response.content.decode()
    response = client.post(_url("role_add", network), {"user": expert.pk, "role": Role.MEMBER, "expert": "on"})
    assert response.status_code == 200 and not NetworkRole.objects.filter(network=network, user=expert).exists()
    data = {"user": expert.pk, "role": Role.MEMBER, "expert": "on", "reason": "Tutkija, aikuisohjauksen asiantuntija"}
    assert client.post(_url("role_add", network), data).status_code == 302
    role = NetworkRole.objects.get(network=network, user=expert)
    assert (role.basis, role.organisation, role.basis_reason) == (RoleBasis.EXPERT, None, data["reason"])


def test_changing_a_role_asks_for_confirmation_first(
    client, network, coordinator, member, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    role = NetworkRole.objects.get(network=network, user=member)
    url = _url("role_change", network, pk=role.pk)
    assert client.get(url).status_code == 200
    response = client.post(url, {"role": Role.COORDINATOR}, headers=EN)
    assert response.status_code == 200 and 'name="confirm" value="yes"' in response.content.decode()
    role.refresh_from_db()
    assert role.role == Role.MEMBER
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"role": Role.COORDINATOR, "confirm": "yes"}).status_code == 302
    role.refresh_from_db()
    assert (role.role, role.basis) == (Role.COORDINATOR, RoleBasis.ORGANISATION)
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert _events("update").filter(pgh_obj_id=role.pk, role=Role.COORDINATOR).exists()
    page = client.get(_url("role_list", network), headers=EN).content.decode()
    assert "Role changed" in page and "Member → Coordinator" in page


def test_a_role_form_opened_before_another_change_is_refused_and_nothing_is_saved(
    client, network, coordinator, member, django_capture_on_commit_callbacks
):
    """No lost updates on the roles page: two coordinators change the same role; the one whose
    form was opened before the other's save is refused with the clear message, and may then save on purpose."""
    client.force_login(coordinator)
    role = NetworkRole.objects.get(network=network, user=member)
    url = _url("role_change", network, pk=role.pk)
    seen = client.get(url).context["form"].initial["seen"]
    NetworkRole.objects.filter(pk=role.pk).update(role=Role.OBSERVER)  # another coordinator's change
    data = {"role": Role.COORDINATOR, "seen": seen, "confirm": "yes"}
    response = client.post(url, data, headers=EN)
    assert response.status_code == 200
    assert "Someone else saved" in response.content.decode() or "in the meantime" in response.content.decode()
    role.refresh_from_db()
    assert role.role == Role.OBSERVER
    again = response.context["form"].data
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, again).status_code == 302
    role.refresh_from_db()
    assert role.role == Role.COORDINATOR


def test_taking_a_role_asks_for_confirmation_and_tells_the_person(
    client, network, coordinator, observer, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    role = NetworkRole.objects.get(network=network, user=observer)
    url = _url("role_remove", network, pk=role.pk)
    assert 'value="yes"' in client.get(url).content.decode()
    assert client.post(url).status_code == 200  # without the confirmation nothing happens
    assert NetworkRole.objects.filter(pk=role.pk).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not NetworkRole.objects.filter(pk=role.pk).exists()
    assert [message.to for message in mail.outbox] == [[observer.email]]
    assert _events("delete").filter(pgh_obj_id=role.pk, user=observer).exists()
    assert client_page_has(client, network, "Role ended")


def client_page_has(client, network, text) -> bool:
    return text in client.get(_url("role_list", network), headers=EN).content.decode()


def test_changing_only_the_basis_is_told_too(client, network, coordinator, member, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    role = NetworkRole.objects.get(network=network, user=member)
    data = {"role": Role.MEMBER, "expert": "on", "reason": "Alan tutkija", "confirm": "yes"}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_url("role_change", network, pk=role.pk), data).status_code == 302
    role.refresh_from_db()
    assert (role.basis, role.organisation, role.basis_reason) == (RoleBasis.EXPERT, None, "Alan tutkija")
    [message] = mail.outbox
    assert message.to == [member.email] and "perustuu" in message.body


def test_the_last_coordinator_cannot_be_removed_or_changed(client, network, coordinator, member):
    client.force_login(coordinator)
    role = NetworkRole.objects.get(network=network, user=coordinator)
    response = client.post(_url("role_remove", network, pk=role.pk), {"confirm": "yes"}, headers=EN, follow=True)
    assert "last coordinator" in response.content.decode()
    data = {"role": Role.MEMBER, "expert": "on", "reason": "Koordinaattori", "confirm": "yes"}
    response = client.post(_url("role_change", network, pk=role.pk), data, headers=EN)
    assert response.status_code == 200 and "last coordinator" in response.content.decode()
    role.refresh_from_db()
    assert role.role == Role.COORDINATOR
    # with a second coordinator, the first may step down
    NetworkRole.objects.filter(network=network, user=member).update(role=Role.COORDINATOR)
    response = client.post(_url("role_remove", network, pk=role.pk), {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    assert not NetworkRole.objects.filter(pk=role.pk).exists()


def test_a_role_of_another_network_is_not_found(client, network, coordinator, other_network, outsider):
    foreign = NetworkRole.objects.get(network=other_network, user=outsider)
    client.force_login(coordinator)
    assert client.get(_url("role_change", network, pk=foreign.pk)).status_code == 404
    assert client.post(_url("role_remove", network, pk=foreign.pk), {"confirm": "yes"}).status_code == 404
    assert NetworkRole.objects.filter(pk=foreign.pk).exists()


def test_the_roles_page_has_a_query_budget(client, network, organisation, coordinator, member, observer):
    client.force_login(coordinator)
    for person in (member, observer):
        role = NetworkRole.objects.get(network=network, user=person)
        client.post(_url("role_change", network, pk=role.pk), {"role": Role.OBSERVER, "confirm": "yes"})

    def grow():
        grow_network(network, organisation, 60)
        for role in NetworkRole.objects.filter(network=network, role=Role.MEMBER)[:40]:
            role.role, role.basis, role.organisation = Role.OBSERVER, RoleBasis.ORGANISATION, organisation
            role.save()

    assert_budget(client, _url("role_list", network), budget=14, grow=grow)
