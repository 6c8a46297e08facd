"""Joining a network through the services: applying, approval and rejection, invitations and accepting them,
with their history and e-mail."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from networks.memberships import joining, selectors, services
from networks.memberships.models import Membership, MembershipLevel
from partners.directory.models import Affiliation, Organisation
from portal.accounts.models import Invitation
from portal.lib.access import MembershipStatus, Role
from portal.lib.errors import DomainError
from tests import factories
from tests.networks.memberships.membership_helpers import changes_of

L = MembershipLevel
S = MembershipStatus


@pytest.fixture(autouse=True)
def _english():
    """Service errors are checked in English (the default language is Finnish)."""
    with translation.override("en"):
        yield


# --- apply ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_apply_creates_an_application_with_history_and_tells_the_coordinators(
    network, applicant_org, applicant, coordinator, commit
):
    coordinator.languages = ["fi"]
    coordinator.save()
    with commit():
        membership = joining.membership_apply(
            network=network, organisation=applicant_org, applicant=applicant, note="  Haluamme mukaan.  "
        )
    assert membership.status == S.APPLIED
    assert membership.level == L.NETWORKING
    assert membership.application_note == "Haluamme mukaan."
    # Applying gives no right to speak for the organisation: the applicant is named at approval.
    assert membership.representative is None
    [change] = changes_of(membership)
    assert (change.old_level, change.old_status, change.new_level, change.new_status) == (
        "",
        "",
        L.NETWORKING,
        S.APPLIED,
    )
    assert change.changed_by == applicant
    assert change.network == network
    [message] = mail.outbox
    assert message.to == [coordinator.email]
    assert "Hakijaopisto" in message.subject
    assert "Haluamme mukaan." in message.body
    assert f"/networks/{network.slug}/members/{membership.pk}/" in message.body


@pytest.mark.django_db
def test_only_staff_of_the_organisation_may_apply(network, applicant_org, member):
    with pytest.raises(DomainError):
        joining.membership_apply(network=network, organisation=applicant_org, applicant=member)
    assert not Membership.objects.filter(organisation=applicant_org).exists()


@pytest.mark.django_db
def test_former_staff_may_not_apply(network, applicant_org, applicant):
    Affiliation.objects.filter(user=applicant).update(until=datetime.date(2024, 1, 1))
    with pytest.raises(DomainError):
        joining.membership_apply(network=network, organisation=applicant_org, applicant=applicant)


@pytest.mark.django_db
def test_cannot_apply_twice_or_when_already_a_member(network, organisation, member, application, applicant):
    with pytest.raises(DomainError, match="already applied"):
        joining.membership_apply(network=network, organisation=application.organisation, applicant=applicant)
    with pytest.raises(DomainError):
        joining.membership_apply(network=network, organisation=organisation, applicant=member)
    assert len(changes_of(application)) == 1


@pytest.mark.django_db
def test_applying_again_after_a_rejection_reuses_the_row(network, application, applicant, coordinator):
    services.membership_reject(membership=application, rejected_by=coordinator, reason="Ei nyt.")
    again = joining.membership_apply(
        network=network, organisation=application.organisation, applicant=applicant, note="Uusi yritys."
    )
    assert again.pk == application.pk
    assert again.status == S.APPLIED
    assert again.application_note == "Uusi yritys."
    assert [c.new_status for c in changes_of(again)] == [S.APPLIED, S.REJECTED, S.APPLIED]
    assert Membership.objects.filter(organisation=application.organisation).count() == 1


# --- approve and reject ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_approve_makes_an_active_member_today_and_tells_the_representative_in_their_language(
    network, application, applicant, coordinator, commit
):
    with commit():
        services.membership_approve(membership=application, approved_by=coordinator)
    application.refresh_from_db()
    assert application.status == S.ACTIVE
    assert application.joined_on == timezone.localdate()
    last = changes_of(application)[-1]
    assert (last.old_status, last.new_status, last.changed_by) == (S.APPLIED, S.ACTIVE, coordinator)
    # The applicant is named the representative now that a coordinator has accepted the application,
    # and takes part in the network from now on.
    assert application.representative == applicant
    assert network.role_of(applicant) == Role.MEMBER
    [message] = mail.outbox
    assert message.to == [applicant.email]
    assert "Nätverkande" in message.body  # the level, in Swedish: the applicant's first portal language


@pytest.mark.django_db
def test_mail_is_in_finnish_when_the_language_is_unknown(network, application, applicant, coordinator, commit):
    applicant.languages = ["ru"]
    applicant.save()
    with commit():
        services.membership_approve(membership=application, approved_by=coordinator)
    [message] = mail.outbox
    assert "Verkostoituminen" in message.body


@pytest.mark.django_db
def test_an_active_membership_cannot_be_approved_or_rejected(active, coordinator):
    with pytest.raises(DomainError):
        services.membership_approve(membership=active, approved_by=coordinator)
    with pytest.raises(DomainError):
        services.membership_reject(membership=active, rejected_by=coordinator, reason="Syy")
    assert changes_of(active) == []
    assert mail.outbox == []


@pytest.mark.django_db
def test_reject_needs_a_reason(application, coordinator):
    for reason in ("", "   "):
        with pytest.raises(DomainError, match="reason"):
            services.membership_reject(membership=application, rejected_by=coordinator, reason=reason)
    application.refresh_from_db()
    assert application.status == S.APPLIED


@pytest.mark.django_db
def test_reject_records_and_mails_the_reason(application, applicant, coordinator, commit):
    with commit():
        services.membership_reject(membership=application, rejected_by=coordinator, reason="Verkosto on alueellinen.")
    application.refresh_from_db()
    assert application.status == S.REJECTED
    last = changes_of(application)[-1]
    assert last.reason == "Verkosto on alueellinen."
    [message] = mail.outbox
    assert message.to == [applicant.email]
    assert "Verkosto on alueellinen." in message.body


# --- invite and accept ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_invite_an_existing_organisation_and_its_staff_accepts(network, coordinator, outsider, other_network, commit):
    toinen = Organisation.objects.get(slug="toinen-org")
    # A former member invited back (its row is reused).
    factories.MembershipFactory(network=network, organisation=toinen, status=S.LEFT)
    with commit():
        membership = joining.membership_invite(
            network=network, invited_by=coordinator, organisation=toinen, level=L.COOPERATION, message="Tervetuloa"
        )
    assert membership.status == S.INVITED
    assert membership.level == L.COOPERATION
    assert changes_of(membership)[-1].reason == "Tervetuloa"
    [message] = mail.outbox
    assert message.to == [outsider.email]  # the organisation's staff (no representative yet)
    assert "Tervetuloa" in message.body
    mail.outbox.clear()

    with pytest.raises(DomainError):
        joining.membership_accept_invitation(membership=membership, accepted_by=coordinator)
    # Working for the organisation is not enough (anyone can add an affiliation to their profile) ...
    with pytest.raises(DomainError):
        joining.membership_accept_invitation(membership=membership, accepted_by=outsider)
    # ... representing it (here: in the other network) is.
    other_network.memberships.filter(organisation=toinen).update(representative=outsider)
    with commit():
        joining.membership_accept_invitation(membership=membership, accepted_by=outsider)
    membership.refresh_from_db()
    assert membership.status == S.ACTIVE
    assert membership.representative == outsider
    assert membership.joined_on == timezone.localdate()
    assert network.role_of(outsider) == Role.MEMBER
    assert [c.new_status for c in changes_of(membership)][-2:] == [S.INVITED, S.ACTIVE]
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    with pytest.raises(DomainError):
        joining.membership_accept_invitation(membership=membership, accepted_by=outsider)


@pytest.mark.django_db
def test_invite_a_new_organisation_by_name_with_its_contact_person(network, coordinator, commit):
    with commit():
        membership = joining.membership_invite(
            network=network,
            invited_by=coordinator,
            name="Uusi Yhdistys ry",
            business_id="1572860-0",
            email="Yhteys@Uusi.example.fi",
        )
    organisation = membership.organisation
    assert (organisation.name, organisation.business_id, organisation.slug) == (
        "Uusi Yhdistys ry",
        "1572860-0",
        "uusi-yhdistys-ry",
    )
    assert membership.status == S.INVITED
    invitation = Invitation.objects.get(organisation=organisation)
    assert (invitation.email, invitation.network) == ("yhteys@uusi.example.fi", network)
    [message] = mail.outbox  # the account invitation; the new organisation has no staff yet
    assert message.to == ["yhteys@uusi.example.fi"]


@pytest.mark.django_db
def test_a_bad_business_id_saves_nothing(network, coordinator, commit):
    with commit(), pytest.raises(DomainError):
        joining.membership_invite(
            network=network, invited_by=coordinator, name="Väärä ry", business_id="1234567-8", email="a@example.fi"
        )
    assert not Organisation.objects.filter(name="Väärä ry").exists()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_cannot_invite_a_member_or_an_applicant(network, organisation, coordinator, application):
    with pytest.raises(DomainError):
        joining.membership_invite(network=network, invited_by=coordinator, organisation=organisation)
    with pytest.raises(DomainError):
        joining.membership_invite(network=network, invited_by=coordinator, organisation=application.organisation)


@pytest.mark.django_db
def test_organisations_to_invite_are_only_those_the_coordinator_can_see(network, coordinator, other_network):
    hidden = Organisation.objects.get(slug="toinen-org")
    visible = factories.OrganisationFactory()
    factories.MembershipFactory(network=network, organisation=visible, status=S.REJECTED)
    choices = set(selectors.organisations_to_invite(network=network, user=coordinator))
    assert visible in choices
    assert hidden not in choices
    assert network.memberships.get(status=S.ACTIVE).organisation not in choices
