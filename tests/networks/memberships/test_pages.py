"""The membership pages: applying, approving, rejecting, editing, inviting and accepting through them; who may
see and post what; the network page's levels and chart; the coordinator's to-do on the dashboard."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from networks.memberships import joining, selectors, services
from networks.memberships.models import Membership, MembershipLevel
from partners.directory.models import Organisation
from portal.lib.access import MembershipStatus
from tests import factories
from tests.networks.memberships.membership_helpers import add_history, changes_of, page_url

L = MembershipLevel
S = MembershipStatus


@pytest.fixture(autouse=True)
def _english():
    """Service errors and chart labels are checked in English (the default language is Finnish)."""
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_apply_page_sends_an_application(client, network, applicant, applicant_org, coordinator):
    network.is_public = True
    network.save()
    client.force_login(applicant)
    page = client.get(page_url("membership_apply"))
    assert page.status_code == 200
    assert "Hakijaopisto" in page.text
    response = client.post(page_url("membership_apply"), {"organisation": applicant_org.pk, "note": "Mukaan"})
    membership = Membership.objects.get(organisation=applicant_org)
    assert response.status_code == 302
    assert response["Location"] == page_url("membership_detail", membership)
    assert membership.status == S.APPLIED
    # The applicant follows the application on its page (as staff, without a role in the network).
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_apply_page_is_hidden_unless_public_or_invited(client, network, applicant, applicant_org, coordinator):
    client.force_login(applicant)
    assert client.get(page_url("membership_apply")).status_code == 404
    assert client.post(page_url("membership_apply"), {"organisation": applicant_org.pk}).status_code == 404
    joining.membership_invite(network=network, invited_by=coordinator, name="Toinen hakija")  # not theirs
    assert client.get(page_url("membership_apply")).status_code == 404
    Membership.objects.create(network=network, organisation=applicant_org, status=S.INVITED)
    response = client.get(page_url("membership_apply"))
    assert response.status_code == 200
    assert "accept" in response.text.lower() or "hyväksy" in response.text.lower()


@pytest.mark.django_db
def test_apply_form_offers_only_the_persons_own_organisations(client, network, applicant, applicant_org, other_network):
    network.is_public = True
    network.save()
    client.force_login(applicant)
    toinen = Organisation.objects.get(slug="toinen-org")
    response = client.post(page_url("membership_apply"), {"organisation": toinen.pk})
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Membership.objects.filter(network=network, organisation=toinen).exists()


@pytest.mark.django_db
def test_coordinator_approves_rejects_and_edits_through_the_pages(client, network, coordinator, member, application):
    client.force_login(coordinator)
    affiliation = factories.AffiliationFactory()
    other = joining.membership_apply(network=network, organisation=affiliation.organisation, applicant=affiliation.user)
    # Reject without a reason: the form comes back, nothing changes.
    response = client.post(page_url("membership_reject", other), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(page_url("membership_reject", other), {"reason": "Ei sovi"})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == S.REJECTED

    response = client.post(page_url("membership_approve", application))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.ACTIVE
    # Approving again: a message, no change.
    client.post(page_url("membership_approve", application))
    assert len(changes_of(application)) == 2

    edit = page_url("membership_edit", application)
    form = client.get(edit).context["form"]
    data = {
        "level": L.STRATEGIC,
        "status": S.ACTIVE,
        "representative": application.representative_id,
        "deputy": "",
        "reason": "",
        "seen": form.initial["seen"].isoformat(),
    }
    response = client.post(edit, data)
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(edit, {**data, "reason": "Kumppanuussopimus"})
    assert response.status_code == 302
    detail = client.get(page_url("membership_detail", application))
    assert "Kumppanuussopimus" in detail.text
    assert str(coordinator) in detail.text


@pytest.mark.django_db
def test_edit_offers_only_the_organisations_people(client, network, coordinator, active, outsider):
    client.force_login(coordinator)
    form = client.get(page_url("membership_edit", active)).context["form"]
    people = set(form.fields["representative"].queryset)
    assert outsider not in people
    assert coordinator in people
    response = client.post(
        page_url("membership_edit", active),
        {"level": active.level, "status": active.status, "representative": outsider.pk, "reason": ""},
    )
    assert response.status_code == 200
    assert "representative" in response.context["form"].errors


@pytest.mark.django_db
def test_invite_page_invites_a_new_organisation(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        page_url("membership_invite"),
        {"name": "Sivistysliitto", "email": "info@sivistys.example.fi", "level": "networking"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organisation__name="Sivistysliitto")
    assert membership.status == S.INVITED
    # A new organisation without a contact person is refused with a clear error.
    response = client.post(page_url("membership_invite"), {"name": "Ilman yhteyshenkilöä", "level": "networking"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


@pytest.mark.django_db
def test_accept_page(client, network, coordinator, other_network, outsider):
    toinen = Organisation.objects.get(slug="toinen-org")
    membership = Membership.objects.create(network=network, organisation=toinen, status=S.INVITED)
    other_network.memberships.filter(organisation=toinen).update(representative=outsider)
    client.force_login(outsider)
    assert client.get(page_url("membership_detail", membership)).status_code == 200
    response = client.post(page_url("membership_accept", membership), {"representative": outsider.pk})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == S.ACTIVE
    assert client.get(response["Location"]).status_code == 200  # the network page, now as a member


@pytest.mark.django_db
def test_members_see_members_but_not_applications(client, member, active, application):
    client.force_login(member)
    assert client.get(page_url("membership_detail", active)).status_code == 200
    assert client.get(page_url("membership_detail", application)).status_code == 404
    assert client.get(page_url("membership_edit", active)).status_code == 403
    page = client.get(page_url("network_detail"))
    assert application.organisation.name not in page.text
    assert not page.context["pending"]


@pytest.mark.django_db
def test_forged_posts_by_a_coordinator_of_another_network(
    client, network, outsider, other_network, application, active
):
    """The outsider coordinates ``toinen``: nothing of ``keski-suomi`` is reachable, by either address."""
    client.force_login(outsider)
    for name, data in (
        ("membership_approve", {}),
        ("membership_reject", {"reason": "x"}),
        ("membership_edit", {"level": L.STRATEGIC, "status": S.LEFT, "reason": "x"}),
        ("membership_accept", {"representative": outsider.pk}),
    ):
        for membership in (application, active):
            assert client.post(page_url(name, membership), data).status_code == 404, name
            # The same membership through the outsider's own network's address.
            assert client.post(page_url(name, membership, slug="toinen"), data).status_code == 404, name
    response = client.post(page_url("membership_invite"), {"name": "Kaapattu", "email": "x@example.fi"})
    assert response.status_code == 404
    application.refresh_from_db()
    active.refresh_from_db()
    assert application.status == S.APPLIED
    assert (active.status, active.level) == (S.ACTIVE, L.COOPERATION)
    assert not Organisation.objects.filter(name="Kaapattu").exists()


@pytest.mark.django_db
def test_members_and_observers_cannot_post_coordinator_actions(client, observer, member, application, active):
    for person in (observer, member):
        client.force_login(person)
        assert client.post(page_url("membership_approve", application)).status_code == 404
        assert (
            client.post(page_url("membership_edit", active), {"level": L.STRATEGIC, "reason": "x"}).status_code == 403
        )
        assert client.post(page_url("membership_invite"), {"name": "X", "email": "x@example.fi"}).status_code == 403
    active.refresh_from_db()
    assert active.level == L.COOPERATION


@pytest.mark.django_db
def test_network_page_groups_members_by_level_and_draws_the_chart(client, network, coordinator, active, application):
    second = factories.MembershipFactory(network=network, level=L.STRATEGIC)
    add_history(second, (timezone.now() - datetime.timedelta(days=400), L.NETWORKING, S.ACTIVE))
    add_history(second, (timezone.now() - datetime.timedelta(days=100), L.STRATEGIC, S.ACTIVE))
    client.force_login(coordinator)
    response = client.get(page_url("network_detail"))
    groups = response.context["level_groups"]
    assert [g["level"] for g in groups] == [L.COOPERATION, L.STRATEGIC]
    text = response.text
    assert 'role="img"' in text and '<title id="level-chart-title">' in text and "<desc" in text
    assert 'aria-labelledby="level-chart-title level-chart-desc"' in text
    assert "chart-level-strategic" in text and "chart-level-networking" in text
    assert " style=" not in text  # strict CSP: no inline styles
    assert application.organisation.name in text  # pending, for the coordinator
    assert page_url("membership_approve", application) in text
    # The year view and a bad value both work.
    assert client.get(page_url("network_detail"), {"chart": "year"}).context["chart_by"] == "year"
    assert client.get(page_url("network_detail"), {"chart": "pie"}).context["chart_by"] == "quarter"
    assert client.get(page_url("network_detail"), {"chart": "\x00"}).status_code in (200, 400)


@pytest.mark.django_db
def test_working_for_an_organisation_does_not_open_its_memberships_elsewhere(
    client, observer, organisation, other_network, outsider
):
    """Another network's rejection of our organisation, with its reason, stays with that network's coordinators."""
    rejected = factories.MembershipFactory(network=other_network, organisation=organisation, status=S.APPLIED)
    services.membership_reject(membership=rejected, rejected_by=outsider, reason="SALAINEN")
    client.force_login(observer)
    url = reverse("networks:membership_detail", kwargs={"slug": other_network.slug, "pk": rejected.pk})
    assert client.get(url).status_code == 404


# --- the coordinator's to-do on the dashboard -----------------------------------------------------


@pytest.mark.django_db
def test_dashboard_lists_the_coordinators_work(client, network, coordinator, member, application, other_network):
    unrepresented = factories.MembershipFactory(network=network)
    invited = factories.MembershipFactory(network=network, status=S.INVITED)
    factories.MembershipFactory(network=other_network, status=S.APPLIED)  # not theirs
    client.force_login(coordinator)
    response = client.get(reverse("portal:home"))
    todo = response.context["todo"]
    assert todo.applications == [application]
    assert todo.invitations == [invited]
    assert unrepresented in todo.unrepresented
    assert todo.counts["applications"] == 1
    assert page_url("membership_detail", application) in response.text
    client.force_login(member)
    assert "todo" not in client.get(reverse("portal:home")).context


@pytest.mark.django_db
def test_todo_shows_the_first_ten_of_each_kind_and_the_counts(network, coordinator):
    orgs = Organisation.objects.bulk_create(Organisation(name=f"O{i}", slug=f"o-{i}") for i in range(30))
    Membership.objects.bulk_create(
        Membership(network=network, organisation=o, status=S.APPLIED if i % 2 else S.INVITED)
        for i, o in enumerate(orgs)
    )
    todo = selectors.coordinator_todo(network_ids=[network.pk])
    assert len(todo.applications) == len(todo.invitations) == selectors.TODO_LIMIT
    assert todo.counts["applications"] == todo.counts["invitations"] == 15
