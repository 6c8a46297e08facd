"""The people directory ("who knows what"), the contact-detail rule, own affiliations, contacts without an account."""

import io
import re
from datetime import date

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from networks.memberships import contacts, invitations
from networks.memberships.models import Membership, NetworkRole
from partners.directory import selectors, services
from partners.directory.models import Affiliation, ExpertiseArea, Organisation
from portal.accounts.models import User
from portal.lib.access import MembershipStatus
from portal.lib.errors import DomainError
from tests import factories
from tests.querybudget import assert_budget

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


# --- the directory and its filters -----------------------------------------------------------------


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


# --- the contact-detail rule -----------------------------------------------------------------------


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


# --- query budget ------------------------------------------------------------------------------------


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
    assert_budget(client, PEOPLE + query, budget=9, grow=lambda: _grow(network, 990, areas=areas))


# --- own affiliations --------------------------------------------------------------------------------


AFFILIATIONS = reverse("portal:affiliation_create")


@pytest.mark.django_db
def test_add_an_affiliation(client, member, network):
    other = factories.OrganisationFactory(name="Gradia")
    factories.MembershipFactory(network=network, organisation=other)
    client.force_login(member)
    page = client.get(AFFILIATIONS)
    assert other in page.context["form"].fields["organisation"].queryset
    response = client.post(
        AFFILIATIONS, {"organisation": other.pk, "title": "Opinto-ohjaaja", "since": "2024-08-01", "primary": ""}
    )
    assert response.status_code == 302
    affiliation = Affiliation.objects.get(user=member, organisation=other)
    assert (affiliation.title, affiliation.since, affiliation.primary) == ("Opinto-ohjaaja", date(2024, 8, 1), False)
    assert "Gradia" in client.get(reverse("portal:profile_detail")).text


@pytest.mark.django_db
def test_one_primary_and_one_current_per_organisation_are_form_errors(client, member, network, organisation):
    other = factories.OrganisationFactory()
    factories.MembershipFactory(network=network, organisation=other)
    client.force_login(member)
    response = client.post(AFFILIATIONS, {"organisation": organisation.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    response = client.post(AFFILIATIONS, {"organisation": other.pk, "primary": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["primary"]
    assert Affiliation.objects.filter(user=member).count() == 1


@pytest.mark.django_db
def test_a_race_past_the_form_is_a_clear_error_not_a_500(member, organisation):
    with pytest.raises(DomainError):
        services.affiliation_create(user=member, organisation=organisation, title="", since=None, primary=False)


@pytest.mark.django_db
def test_only_visible_organisations_can_be_added(client, member, other_network):
    hidden = other_network.memberships.get().organisation
    client.force_login(member)
    response = client.post(AFFILIATIONS, {"organisation": hidden.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not Affiliation.objects.filter(user=member, organisation=hidden).exists()


@pytest.mark.django_db
def test_end_an_affiliation_after_confirming(client, member, organisation):
    affiliation = Affiliation.objects.get(user=member)
    affiliation.since = date(2020, 1, 1)
    affiliation.save()
    url = reverse("portal:affiliation_end", kwargs={"pk": affiliation.pk})
    client.force_login(member)
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert organisation.name in confirm.text
    affiliation.refresh_from_db()
    assert affiliation.until is None  # a GET changes nothing
    too_early = client.post(url, {"until": "2019-12-31"})
    assert too_early.status_code == 200
    assert too_early.context["form"].errors["until"]
    assert client.post(url, {"until": "2025-06-30"}).status_code == 302
    affiliation.refresh_from_db()
    assert affiliation.until == date(2025, 6, 30)
    # Ended: no longer shown as current, and cannot be ended twice.
    assert client.get(reverse("portal:profile_detail")).context["person"].current_affiliations == []
    assert client.post(url, {"until": "2025-07-01"}).status_code == 404


@pytest.mark.django_db
def test_another_persons_affiliation_cannot_be_ended(client, member, coordinator, admin_user):
    url = reverse("portal:affiliation_end", kwargs={"pk": Affiliation.objects.get(user=coordinator).pk})
    for user in (member, admin_user):
        client.force_login(user)
        assert client.post(url, {"until": "2025-06-30"}).status_code == 404
    assert Affiliation.objects.get(user=coordinator).until is None


@pytest.mark.django_db
def test_profile_form_offers_only_terms_the_person_may_see(client, member, network, other_network):
    shared = factories.ExpertiseAreaFactory(name="Yhteinen")
    own = factories.ExpertiseAreaFactory(name="Oman verkoston", network=network)
    private = factories.ExpertiseAreaFactory(name="Toisen verkoston", network=other_network)
    client.force_login(member)
    offered = set(client.get(reverse("portal:profile_edit")).context["form"].fields["expertise"].queryset)
    assert offered == {shared, own}
    response = client.post(
        reverse("portal:profile_edit"),
        {"first_name": "A", "last_name": "B", "expertise": [own.pk, private.pk]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["expertise"]
    assert not member.expertise.exists()
    assert private.pk  # exists, just not offered


# --- contacts without an account ----------------------------------------------------------------------


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
def test_coordinator_adds_a_contact_whom_members_see_with_a_badge(client, coordinator, member, network, organisation):
    area = factories.ExpertiseAreaFactory(network=network, name="Etsivä työ")
    client.force_login(coordinator)
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
    assert response["Location"] == reverse("portal:person_detail", kwargs={"uuid": contact.uuid})

    client.force_login(member)
    listing = client.get(PEOPLE, {"expertise": area.slug})
    assert _names(listing) == {contact.email}
    assert "Ei vielä tiliä" in listing.text or "No account yet" in listing.text
    page = client.get(reverse("portal:person_detail", kwargs={"uuid": contact.uuid}))
    assert contact.email in page.text
    assert "invitation_targets" not in page.context  # a member cannot invite


@pytest.mark.django_db
@pytest.mark.parametrize("existing", ["account", "account_secondary_address", "contact"])
def test_an_address_already_in_use_is_refused_clearly(client, coordinator, network, organisation, existing):
    if existing == "account":
        factories.UserFactory(email="kaisa.kontakti@example.fi")
    elif existing == "account_secondary_address":
        other = factories.UserFactory()
        EmailAddress.objects.create(user=other, email="kaisa.kontakti@example.fi", verified=True, primary=False)
    else:
        _contact(network, organisation)
    before = User.objects.count()
    client.force_login(coordinator)
    response = client.post(_add_contact_url(network), {**CONTACT, "organisation": organisation.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert User.objects.count() == before


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


# --- demo data ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_data_has_network_terms_and_contacts(client):
    from django.core.management import call_command

    from portal.demo_data import COUNSELLOR_EMAIL
    from portal.demo_data.people_directory import CONTACTS, NETWORK_TERMS

    call_command("seed_demo", stdout=io.StringIO())
    contacts = User.objects.filter(is_contact=True)
    assert contacts.count() == len(CONTACTS)
    assert not any(contact.has_usable_password() for contact in contacts)
    terms = ExpertiseArea.objects.filter(network__slug="keski-suomi")
    assert terms.count() == len(NETWORK_TERMS)
    client.force_login(User.objects.get(email=COUNSELLOR_EMAIL))
    listing = client.get(PEOPLE, {"expertise": "ks-monialainen-yhteistyo"})
    assert {"kaisa.nurmi@laukaa.example.fi", "koordinaattori@verkosto.example.fi"} <= _names(listing)
