"""The people directory ("who knows what"): who is listed, its filters, the contact-detail rule, the query budget."""

from datetime import date

import pytest
from django.urls import reverse

from networks.memberships.models import Membership, NetworkRole
from partners.directory import selectors
from partners.directory.models import Affiliation, Organisation
from portal.accounts.models import User
from portal.lib.access import MembershipStatus
from tests import factories
from tests.querybudget import assert_budget

PEOPLE = reverse("portal:people_list")


def _names(response) -> set[str]:
    return {person.email for person in response.context["page_obj"]}


# --- the directory and its filters ----------------------------------------------------------------


@pytest.mark.django_db
def test_directory_lists_the_people_of_my_networks_only(client, member, coordinator, observer, outsider):
    client.force_login(member)
    response = client.get(PEOPLE)
    assert response.status_code == 200
    assert _names(response) == {member.email, coordinator.email, observer.email}
    assert outsider.email not in response.text


@pytest.mark.django_db
def test_filters(client, network, organisation, member, coordinator, observer):
    area = factories.ExpertiseAreaFactory(name="Urasuunnittelu", slug="urasuunnittelu")
    coordinator.expertise.add(area)
    coordinator.languages = ["fi", "sv"]
    coordinator.save()
    other_org = factories.OrganisationFactory(name="Laukaan kunta", slug="laukaa", short_name="Laukaa")
    other_org.regions = ["keski-suomi"]
    other_org.save()
    factories.MembershipFactory(network=network, organisation=other_org)
    Affiliation.objects.filter(user=observer).update(organisation=other_org)
    client.force_login(member)

    assert _names(client.get(PEOPLE, {"expertise": "urasuunnittelu"})) == {coordinator.email}
    assert _names(client.get(PEOPLE, {"language": "sv"})) == {coordinator.email}
    assert _names(client.get(PEOPLE, {"region": "keski-suomi"})) == {observer.email}
    assert _names(client.get(PEOPLE, {"organisation": "laukaa"})) == {observer.email}  # identifier
    assert _names(client.get(PEOPLE, {"organisation": "kaan ku"})) == {observer.email}  # part of the name
    assert _names(client.get(PEOPLE, {"organisation": "kansalaisopisto"})) == {member.email, coordinator.email}
    assert _names(client.get(PEOPLE, {"q": coordinator.last_name[:4].lower()})) >= {coordinator.email}
    full = f"{coordinator.first_name} {coordinator.last_name}"
    assert _names(client.get(PEOPLE, {"q": full})) == {coordinator.email}
    assert _names(client.get(PEOPLE, {"expertise": "urasuunnittelu", "language": "fi"})) == {coordinator.email}
    assert _names(client.get(PEOPLE, {"expertise": "urasuunnittelu", "region": "keski-suomi"})) == set()


@pytest.mark.django_db
def test_a_former_organisation_does_not_match(client, network, member, coordinator, organisation):
    Affiliation.objects.filter(user=coordinator).update(until=date(2025, 1, 31), primary=False)
    client.force_login(member)
    assert coordinator.email not in _names(client.get(PEOPLE, {"organisation": organisation.slug}))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"expertise": "no-such-term"},
        {"language": "xx"},
        {"region": "keski-suomi; drop"},
        {"q": "x" * 5000},
        {"organisation": "x" * 5000},
        {"page": "abc"},
        {"page": "99999"},
        {"expertise": ["a", "b"], "language": ""},
    ],
)
def test_bad_filter_values_are_ignored_never_an_error(client, member, coordinator, params):
    client.force_login(member)
    response = client.get(PEOPLE, params)
    assert response.status_code == 200
    assert coordinator.email in _names(response) or "page" in params


@pytest.mark.django_db
def test_nul_bytes_are_a_400(client, member):
    client.force_login(member)
    assert client.get(PEOPLE, {"q": "nul\x00byte"}).status_code == 400
    assert client.get(PEOPLE, {"organisation": "a\x00b"}).status_code == 400


@pytest.mark.django_db
def test_another_networks_terms_are_neither_offered_nor_shown(client, member, coordinator, other_network):
    private = factories.ExpertiseAreaFactory(name="Toisen verkoston termi", network=other_network)
    # The coordinator belongs to both networks and uses the other network's term.
    factories.NetworkRoleFactory(network=other_network, user=coordinator)
    coordinator.expertise.add(private)
    client.force_login(member)
    response = client.get(PEOPLE)
    assert private not in response.context["form"].fields["expertise"].queryset
    assert "Toisen verkoston termi" not in response.text
    assert _names(client.get(PEOPLE, {"expertise": private.slug})) >= {coordinator.email}  # ignored, not applied
    person = client.get(reverse("portal:person_detail", kwargs={"uuid": coordinator.uuid}))
    assert "Toisen verkoston termi" not in person.text


@pytest.mark.django_db
def test_rows_show_organisations_expertise_and_contact_details(client, member, coordinator, organisation):
    area = factories.ExpertiseAreaFactory(name="Digituki")
    coordinator.expertise.add(area)
    coordinator.phone = "+358 40 111 2222"
    coordinator.title = "Verkostokoordinaattori"
    coordinator.save()
    client.force_login(member)
    response = client.get(PEOPLE)
    for text in (organisation.name, "Digituki", "Verkostokoordinaattori", coordinator.email, "+358 40 111 2222"):
        assert text in response.text


# --- the contact-detail rule ----------------------------------------------------------------------


@pytest.mark.django_db
def test_contact_details_rule(member, coordinator, outsider, admin_user):
    assert selectors.contact_details_visible(viewer=member, person=member)  # oneself
    assert selectors.contact_details_visible(viewer=member, person=coordinator)  # a shared network
    assert not selectors.contact_details_visible(viewer=member, person=outsider)
    assert not selectors.contact_details_visible(viewer=outsider, person=member)
    # An administrator sees every profile (the admin bypass) but shares no network: no e-mail or phone.
    assert not selectors.contact_details_visible(viewer=admin_user, person=member)
    people = selectors.with_contact_visibility(User.objects.all(), viewer=member)
    assert dict(people.values_list("email", "contact_visible")) == {
        member.email: True,
        coordinator.email: True,
        outsider.email: False,
        admin_user.email: False,
    }


@pytest.mark.django_db
def test_person_page_hides_contact_details_from_those_who_share_no_network(client, member, admin_user):
    member.phone = "+358 40 999 8888"
    member.save()
    client.force_login(admin_user)
    response = client.get(reverse("portal:person_detail", kwargs={"uuid": member.uuid}))
    assert response.status_code == 200
    assert member.email not in response.text
    assert "+358 40 999 8888" not in response.text
    client.force_login(member)
    assert member.email in client.get(reverse("portal:profile_detail")).text


# --- query budget ---------------------------------------------------------------------------------


def _grow(network, count, *, areas):
    """``count`` organisations in ``network``, each with a person who has a role, an affiliation and expertise."""
    start = Organisation.objects.count()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Budjettiorganisaatio {n:05d}", slug=f"budjetti-{n:05d}", regions=["keski-suomi"])
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(network=network, organisation=org, status=MembershipStatus.ACTIVE) for org in organisations
    )
    people = User.objects.bulk_create(
        User(
            email=f"budjetti-{org.slug}@example.fi",
            first_name="Budjetti",
            last_name=org.slug,
            languages=["fi", "sv"],
            password="!",
        )
        for org in organisations
    )
    Affiliation.objects.bulk_create(
        Affiliation(user=person, organisation=org, primary=True)
        for person, org in zip(people, organisations, strict=True)
    )
    NetworkRole.objects.bulk_create(NetworkRole(network=network, user=person) for person in people)
    through = User.expertise.through
    through.objects.bulk_create(
        through(user_id=person.pk, expertisearea_id=area.pk) for person in people for area in areas
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["", "?expertise=budjetti&language=sv&region=keski-suomi&organisation=budjetti&q=bud"]
)
def test_query_budget_same_at_10_and_1000_organisations(client, network, member, query):
    areas = [
        factories.ExpertiseAreaFactory(slug="budjetti", name="Budjetti"),
        factories.ExpertiseAreaFactory(network=network),
    ]
    _grow(network, 9, areas=areas)  # with the cast's organisation: 10
    client.force_login(member)
    # session, user, MFA check; the expertise choices (plus one to clean a chosen term), the count, the page,
    # its expertise and its current organisations: 8, or 9 with a term chosen.
    assert_budget(client, PEOPLE + query, budget=11, grow=lambda: _grow(network, 990, areas=areas))
