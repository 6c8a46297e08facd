"""A network's expertise vocabulary: members read it (with how many people use each term), coordinators curate it."""

import pytest
from django.urls import reverse

from networks.memberships.models import NetworkRole
from partners.directory.models import ExpertiseArea
from portal.accounts.models import User
from tests import factories
from tests.querybudget import assert_budget
from tests.stale_edits import version_of


def _url(name, network, area=None):
    kwargs = {"slug": network.slug}
    if area is not None:
        kwargs["pk"] = area.pk
    return reverse(f"networks:{name}", kwargs=kwargs)


@pytest.mark.django_db
def test_members_read_the_vocabulary_with_counts(
    client, network, member, coordinator, observer, outsider, other_network
):
    term = factories.ExpertiseAreaFactory(network=network, name="Monialainen yhteistyö")
    shared = factories.ExpertiseAreaFactory(name="Urasuunnittelu")
    factories.ExpertiseAreaFactory(network=other_network, name="Toisen verkoston termi")
    member.expertise.add(term, shared)
    coordinator.expertise.add(term)
    outsider.expertise.add(shared)  # not in this network: not counted here
    for user in (member, observer, coordinator):
        client.force_login(user)
        response = client.get(_url("expertise_list", network))
        assert response.status_code == 200
        assert "Monialainen yhteistyö" in response.text
        assert "Toisen verkoston termi" not in response.text
        counts = {area.name: area.people_count for area in response.context["page_obj"]}
        assert counts == {"Monialainen yhteistyö": 2}
        assert {area.name: area.people_count for area in response.context["shared_page"]} == {"Urasuunnittelu": 1}
        assert response.context["can_edit"] is (user == coordinator)
    client.force_login(outsider)
    assert client.get(_url("expertise_list", network)).status_code == 404


@pytest.mark.django_db
def test_coordinator_adds_a_term_with_a_generated_unique_identifier(
    client, network, other_network, coordinator, outsider
):
    factories.ExpertiseAreaFactory(name="Digituki", slug="digituki")  # a portal-wide term has the plain identifier
    client.force_login(coordinator)
    response = client.post(
        _url("expertise_create", network), {"name": "  Digituki  ", "description": "Apua laitteiden kanssa"}
    )
    assert response.status_code == 302
    term = ExpertiseArea.objects.get(network=network)
    assert (term.name, term.slug, term.description) == ("Digituki", "digituki-2", "Apua laitteiden kanssa")
    # The same name in another network is that network's own term.
    client.force_login(outsider)
    assert client.post(_url("expertise_create", other_network), {"name": "Digituki"}).status_code == 302
    assert ExpertiseArea.objects.get(network=other_network).slug == "digituki-3"


@pytest.mark.django_db
def test_a_duplicate_name_is_a_form_error(client, network, coordinator):
    factories.ExpertiseAreaFactory(network=network, name="Työnhaku")
    client.force_login(coordinator)
    response = client.post(_url("expertise_create", network), {"name": "TYÖNHAKU"})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert ExpertiseArea.objects.filter(network=network).count() == 1
    assert client.post(_url("expertise_create", network), {"name": ""}).context["form"].errors["name"]


@pytest.mark.django_db
def test_coordinator_edits_a_term(client, network, coordinator):
    term = factories.ExpertiseAreaFactory(network=network, name="Vanha nimi")
    other = factories.ExpertiseAreaFactory(network=network, name="Toinen")
    client.force_login(coordinator)
    assert client.get(_url("expertise_edit", network, term)).status_code == 200
    assert (
        client.post(_url("expertise_edit", network, term), {"name": "Uusi nimi", **version_of(term)}).status_code == 302
    )
    term.refresh_from_db()
    assert term.name == "Uusi nimi"
    response = client.post(_url("expertise_edit", network, term), {"name": "toinen", **version_of(term)})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    # Keeping its own name is not a duplicate.
    assert (
        client.post(
            _url("expertise_edit", network, other), {"name": "Toinen", "description": "x", **version_of(other)}
        ).status_code
        == 302
    )


@pytest.mark.django_db
def test_delete_asks_first(client, network, coordinator, member):
    term = factories.ExpertiseAreaFactory(network=network, name="Poistettava")
    member.expertise.add(term)
    url = _url("expertise_delete", network, term)
    client.force_login(coordinator)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert confirm.context["people_count"] == 1
    assert client.post(url, {}).status_code == 200  # no confirmation: the page again
    assert ExpertiseArea.objects.filter(pk=term.pk).exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not ExpertiseArea.objects.filter(pk=term.pk).exists()
    assert not member.expertise.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["expertise_edit", "expertise_delete"])
def test_who_may_curate(client, network, other_network, member, observer, coordinator, outsider, admin_user, action):
    term = factories.ExpertiseAreaFactory(network=network, name="Termi")
    foreign = factories.ExpertiseAreaFactory(network=other_network, name="Vieras")
    portal_wide = factories.ExpertiseAreaFactory(name="Yhteinen")
    data = {"name": "Muutettu", "confirm": "yes"}
    for user, status in ((member, 403), (observer, 403), (outsider, 404)):
        client.force_login(user)
        assert client.post(_url(action, network, term), data).status_code == status, user
        assert client.get(_url(action, network, term)).status_code == status, user
    # Another network's term, or a portal-wide one, is not found through this network, even by its coordinator.
    client.force_login(coordinator)
    assert client.post(_url(action, network, foreign), data).status_code == 404
    assert client.post(_url(action, network, portal_wide), data).status_code == 404
    # The outsider coordinates the other network: its own terms are theirs to curate, not ours.
    client.force_login(outsider)
    assert client.get(_url(action, other_network, foreign)).status_code == 200
    assert client.get(_url(action, other_network, term)).status_code == 404
    assert ExpertiseArea.objects.get(pk=term.pk).name == "Termi"
    assert ExpertiseArea.objects.filter(pk=portal_wide.pk).exists()
    client.force_login(admin_user)
    assert client.get(_url(action, network, term)).status_code == 200


@pytest.mark.django_db
def test_permits(network, member, coordinator, outsider):
    term = factories.ExpertiseAreaFactory(network=network)
    portal_wide = factories.ExpertiseAreaFactory()
    assert term.permits(coordinator, "edit")
    assert not term.permits(member, "edit")
    assert not term.permits(outsider, "edit")
    assert not portal_wide.permits(coordinator, "edit")
    assert term.permits(member, "view")


@pytest.mark.django_db
def test_create_is_for_coordinators_only(client, network, member, outsider):
    for user, status in ((member, 403), (outsider, 404)):
        client.force_login(user)
        assert client.post(_url("expertise_create", network), {"name": "Uusi"}).status_code == status
    assert not ExpertiseArea.objects.exists()


@pytest.mark.django_db
def test_query_budget_of_the_vocabulary(client, network, member):
    def grow(terms, people):
        areas = ExpertiseArea.objects.bulk_create(
            ExpertiseArea(network=network, name=f"Termi {n}", slug=f"termi-{network.pk}-{n}")
            for n in range(ExpertiseArea.objects.count(), ExpertiseArea.objects.count() + terms)
        )
        start = User.objects.count()
        users = User.objects.bulk_create(
            User(email=f"sanasto{n}@example.fi", password="!") for n in range(start, start + people)
        )
        NetworkRole.objects.bulk_create(NetworkRole(network=network, user=user) for user in users)
        through = User.expertise.through
        through.objects.bulk_create(
            through(user_id=user.pk, expertisearea_id=area.pk) for user in users for area in areas[:5]
        )

    grow(5, 5)
    client.force_login(member)
    assert_budget(client, _url("expertise_list", network), budget=9, grow=lambda: grow(200, 300))
