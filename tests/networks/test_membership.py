"""Membership on the collaboration continuum, and joining: services, history, e-mail, chart, pages, access."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from networks.memberships import charts, joining, selectors, services
from networks.memberships.models import Membership, MembershipChange, MembershipLevel, Network
from partners.directory.models import Affiliation, Organisation
from portal.accounts.models import Invitation
from portal.lib.access import MembershipStatus, Role
from portal.lib.errors import DomainError
from tests import factories
from tests.querybudget import assert_budget

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
L = MembershipLevel
S = MembershipStatus


@pytest.fixture(autouse=True)
def _english():
    """Service errors and chart labels are checked in English (the default language is Finnish)."""
    with translation.override("en"):
        yield


@pytest.fixture
def applicant_org(db):
    return factories.OrganisationFactory(name="Hakijaopisto", slug="hakijaopisto")


@pytest.fixture
def applicant(applicant_org):
    user = factories.UserFactory(email="hakija@example.fi", languages=["sv", "fi"])
    factories.AffiliationFactory(user=user, organisation=applicant_org)
    return user


@pytest.fixture
def application(network, applicant_org, applicant, coordinator):
    membership = joining.membership_apply(
        network=network, organisation=applicant_org, applicant=applicant, note="Haluamme mukaan."
    )
    mail.outbox.clear()
    return membership


@pytest.fixture
def active(network, organisation, member):
    """The cast's own organisation's membership (active, cooperation), with ``member`` as representative."""
    membership = network.memberships.get(organisation=organisation)
    membership.representative = member
    membership.save()
    return membership


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """``with commit():`` runs what the block registered with on_commit (the e-mails) at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _changes(membership):
    return list(MembershipChange.objects.filter(membership=membership).order_by("changed_at", "pk"))


# --- apply ------------------------------------------------------------------------------------


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
    [change] = _changes(membership)
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
    assert len(_changes(application)) == 1


@pytest.mark.django_db
def test_applying_again_after_a_rejection_reuses_the_row(network, application, applicant, coordinator):
    services.membership_reject(membership=application, rejected_by=coordinator, reason="Ei nyt.")
    again = joining.membership_apply(
        network=network, organisation=application.organisation, applicant=applicant, note="Uusi yritys."
    )
    assert again.pk == application.pk
    assert again.status == S.APPLIED
    assert again.application_note == "Uusi yritys."
    assert [c.new_status for c in _changes(again)] == [S.APPLIED, S.REJECTED, S.APPLIED]
    assert Membership.objects.filter(organisation=application.organisation).count() == 1


# --- approve and reject ---------------------------------------------------------------------


@pytest.mark.django_db
def test_approve_makes_an_active_member_today_and_tells_the_representative_in_their_language(
    network, application, applicant, coordinator, commit
):
    with commit():
        services.membership_approve(membership=application, approved_by=coordinator)
    application.refresh_from_db()
    assert application.status == S.ACTIVE
    assert application.joined_on == timezone.localdate()
    last = _changes(application)[-1]
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
    assert _changes(active) == []
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
    last = _changes(application)[-1]
    assert last.reason == "Verkosto on alueellinen."
    [message] = mail.outbox
    assert message.to == [applicant.email]
    assert "Verkosto on alueellinen." in message.body


# --- change level and status -----------------------------------------------------------------


@pytest.mark.django_db
def test_change_of_level_is_kept_with_who_when_why_and_mailed(active, member, coordinator, commit):
    before = timezone.now()
    with commit():
        services.membership_change(
            membership=active, changed_by=coordinator, level=L.COORDINATION, reason="Yhteinen malli"
        )
    active.refresh_from_db()
    assert active.level == L.COORDINATION
    [change] = _changes(active)
    assert (change.old_level, change.new_level, change.old_status, change.new_status) == (
        L.COOPERATION,
        L.COORDINATION,
        S.ACTIVE,
        S.ACTIVE,
    )
    assert change.changed_by == coordinator
    assert change.reason == "Yhteinen malli"
    assert change.changed_at >= before - datetime.timedelta(seconds=5)
    [message] = mail.outbox
    assert message.to == [member.email]  # the representative
    assert "Yhteinen malli" in message.body


@pytest.mark.django_db
def test_change_mail_goes_to_staff_in_the_network_when_no_representative(
    network, organisation, coordinator, member, commit
):
    membership = network.memberships.get(organisation=organisation)
    membership.representative = None  # the cast's member represents the organisation: not here
    membership.save(update_fields=["representative"])
    outside_the_network = factories.UserFactory()
    factories.AffiliationFactory(user=outside_the_network, organisation=organisation, primary=False)
    with commit():
        services.membership_change(membership=membership, changed_by=coordinator, status=S.PAUSED, reason="Tauko")
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([coordinator.email, member.email])  # the cast's staff with a role here


@pytest.mark.django_db
def test_change_needs_a_reason_and_a_settable_status(active, application, coordinator):
    with pytest.raises(DomainError, match="reason"):
        services.membership_change(membership=active, changed_by=coordinator, level=L.STRATEGIC, reason=" ")
    with pytest.raises(DomainError):
        services.membership_change(membership=active, changed_by=coordinator, status=S.APPLIED, reason="x")
    with pytest.raises(DomainError):
        services.membership_change(membership=application, changed_by=coordinator, status=S.ACTIVE, reason="x")
    with pytest.raises(DomainError):
        services.membership_change(membership=active, changed_by=coordinator, level="galactic", reason="x")
    assert _changes(active) == []
    # Nothing changed, nothing recorded (no reason needed).
    services.membership_change(membership=active, changed_by=coordinator, level=active.level, reason="")
    assert _changes(active) == []


@pytest.mark.django_db
def test_leaving_sets_the_date_and_coming_back_starts_a_new_period(active, coordinator):
    active.joined_on = datetime.date(2020, 1, 1)
    active.save()
    services.membership_change(membership=active, changed_by=coordinator, status=S.LEFT, reason="Lopetti")
    active.refresh_from_db()
    assert active.left_on == timezone.localdate()
    services.membership_change(membership=active, changed_by=coordinator, status=S.ACTIVE, reason="Palasi")
    active.refresh_from_db()
    assert active.left_on is None
    assert active.joined_on == timezone.localdate()
    assert [c.new_status for c in _changes(active)] == [S.LEFT, S.ACTIVE]


@pytest.mark.django_db
def test_a_change_made_meanwhile_is_not_overwritten(active, coordinator):
    seen = active.updated_at
    services.membership_change(membership=active, changed_by=coordinator, level=L.STRATEGIC, reason="Eka")
    with pytest.raises(DomainError, match="Someone else"):
        services.membership_change(
            membership=active, changed_by=coordinator, level=L.NETWORKING, reason="Toka", seen_updated_at=seen
        )
    active.refresh_from_db()
    assert active.level == L.STRATEGIC
    assert len(_changes(active)) == 1


@pytest.mark.django_db
def test_the_membership_row_is_locked_while_it_changes(active, coordinator, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        services.membership_change(membership=active, changed_by=coordinator, level=L.STRATEGIC, reason="x")
    assert any("FOR UPDATE" in query["sql"] for query in ctx.captured_queries)


# --- representatives ------------------------------------------------------------------------


@pytest.mark.django_db
def test_representative_and_deputy_must_work_for_the_organisation_now(active, member, coordinator, outsider):
    with pytest.raises(DomainError):
        services.membership_set_representatives(membership=active, representative=outsider, deputy=None)
    former = factories.UserFactory()
    factories.AffiliationFactory(
        user=former, organisation=active.organisation, primary=False, until=datetime.date(2023, 1, 1)
    )
    with pytest.raises(DomainError):
        services.membership_set_representatives(membership=active, representative=member, deputy=former)
    with pytest.raises(DomainError):
        services.membership_set_representatives(membership=active, representative=member, deputy=member)
    services.membership_set_representatives(membership=active, representative=coordinator, deputy=member)
    active.refresh_from_db()
    assert (active.representative, active.deputy) == (coordinator, member)


# --- invite and accept ------------------------------------------------------------------------


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
    assert _changes(membership)[-1].reason == "Tervetuloa"
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
    assert [c.new_status for c in _changes(membership)][-2:] == [S.INVITED, S.ACTIVE]
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


# --- the chart ---------------------------------------------------------------------------------


def _at(*args):
    return datetime.datetime(*args, 12, tzinfo=HELSINKI)


def _history(membership, *steps):
    MembershipChange.objects.bulk_create(
        MembershipChange(
            membership=membership,
            network_id=membership.network_id,
            changed_at=when,
            new_level=level,
            new_status=status,
        )
        for when, level, status in steps
    )


@pytest.mark.django_db
def test_levels_over_time_counts_active_members_at_each_quarter_end(network, other_network):
    now = _at(2026, 5, 15)
    a, b, c, d = (factories.MembershipFactory(network=network) for _ in range(4))
    _history(
        a,
        (_at(2025, 2, 10), L.NETWORKING, S.ACTIVE),
        (_at(2025, 8, 1), L.COOPERATION, S.ACTIVE),
        (_at(2026, 2, 1), L.COOPERATION, S.LEFT),
    )
    _history(b, (_at(2025, 3, 1), L.NETWORKING, S.APPLIED), (_at(2025, 3, 5), L.NETWORKING, S.ACTIVE))
    _history(c, (_at(2020, 1, 1), L.STRATEGIC, S.ACTIVE))
    _history(d, (_at(2025, 9, 1), L.COORDINATION, S.ACTIVE), (_at(2025, 11, 1), L.COORDINATION, S.PAUSED))
    elsewhere = other_network.memberships.get()
    _history(elsewhere, (_at(2020, 1, 1), L.NETWORKING, S.ACTIVE))

    periods = selectors.levels_over_time(network=network, now=now)
    assert len(periods) == 12
    by_label = {p.label: p for p in periods}
    assert periods[0].label == "Q3 2023" and periods[-1].label == "Q2 2026"
    assert periods[-1].is_current and periods[-1].end == now
    assert by_label["Q4 2024"].counts == {L.STRATEGIC: 1}
    assert by_label["Q1 2025"].counts == {L.STRATEGIC: 1, L.NETWORKING: 2}  # a and b (b approved 5.3.)
    assert by_label["Q3 2025"].counts == {L.STRATEGIC: 1, L.NETWORKING: 1, L.COOPERATION: 1, L.COORDINATION: 1}
    assert by_label["Q4 2025"].counts == {L.STRATEGIC: 1, L.NETWORKING: 1, L.COOPERATION: 1}  # d paused
    assert by_label["Q1 2026"].counts == {L.STRATEGIC: 1, L.NETWORKING: 1}  # a left
    assert by_label["Q1 2026"].total == 2
    assert by_label["Q1 2026"].rows == [(L.NETWORKING, 1), (L.COOPERATION, 0), (L.COORDINATION, 0), (L.STRATEGIC, 1)]

    years = selectors.levels_over_time(network=network, by="year", now=now)
    assert [p.label for p in years] == ["2023", "2024", "2025", "2026"]
    assert years[0].end == datetime.datetime(2024, 1, 1, tzinfo=HELSINKI)
    assert years[2].counts == {L.STRATEGIC: 1, L.NETWORKING: 1, L.COOPERATION: 1}


@pytest.mark.django_db
def test_the_quarter_ends_at_midnight_helsinki_time(network):
    m = factories.MembershipFactory(network=network)
    # 23:30 on 31 March in Helsinki is still the first quarter; 00:30 on 1 April is not.
    _history(m, (datetime.datetime(2026, 3, 31, 23, 30, tzinfo=HELSINKI), L.NETWORKING, S.ACTIVE))
    n = factories.MembershipFactory(network=network)
    _history(n, (datetime.datetime(2026, 4, 1, 0, 30, tzinfo=HELSINKI), L.NETWORKING, S.ACTIVE))
    periods = selectors.levels_over_time(network=network, now=_at(2026, 5, 15))
    assert periods[-2].label == "Q1 2026" and periods[-2].total == 1
    assert periods[-1].total == 2


def test_stacked_bars_geometry():
    periods = [
        selectors.Period(label="A", end=None, is_current=False, counts={L.NETWORKING: 3, L.STRATEGIC: 1}),
        selectors.Period(label="B", end=None, is_current=True, counts={}),
        selectors.Period(label="C", end=None, is_current=False, counts={L.COOPERATION: 8}),
    ]
    chart = charts.stacked_bars(periods)
    assert [tick.value for tick in chart.ticks] == [0, 2, 4, 6, 8]
    first, empty, third = chart.bars
    assert [s.level for s in first.segments] == [L.NETWORKING, L.STRATEGIC]  # loosest at the bottom
    assert first.segments[0].y + first.segments[0].height == pytest.approx(chart.plot_bottom)
    assert first.segments[1].y + first.segments[1].height == pytest.approx(first.segments[0].y)
    assert empty.segments == []
    assert third.segments[0].y == pytest.approx(chart.plot_top)  # the tallest bar reaches the top
    assert charts.nice_step(0) == 1 and charts.nice_step(37) == 10 and charts.nice_step(1200) == 500


# --- pages ---------------------------------------------------------------------------------------


def _url(name, membership=None, slug="keski-suomi"):
    if membership is None:
        return reverse(f"networks:{name}", kwargs={"slug": slug})
    return reverse(f"networks:{name}", kwargs={"slug": slug, "pk": membership.pk})


@pytest.mark.django_db
def test_apply_page_sends_an_application(client, network, applicant, applicant_org, coordinator):
    network.is_public = True
    network.save()
    client.force_login(applicant)
    page = client.get(_url("membership_apply"))
    assert page.status_code == 200
    assert "Hakijaopisto" in page.text
    response = client.post(_url("membership_apply"), {"organisation": applicant_org.pk, "note": "Mukaan"})
    membership = Membership.objects.get(organisation=applicant_org)
    assert response.status_code == 302
    assert response["Location"] == _url("membership_detail", membership)
    assert membership.status == S.APPLIED
    # The applicant follows the application on its page (as staff, without a role in the network).
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_apply_page_is_hidden_unless_public_or_invited(client, network, applicant, applicant_org, coordinator):
    client.force_login(applicant)
    assert client.get(_url("membership_apply")).status_code == 404
    assert client.post(_url("membership_apply"), {"organisation": applicant_org.pk}).status_code == 404
    joining.membership_invite(network=network, invited_by=coordinator, name="Toinen hakija")  # not theirs
    assert client.get(_url("membership_apply")).status_code == 404
    Membership.objects.create(network=network, organisation=applicant_org, status=S.INVITED)
    response = client.get(_url("membership_apply"))
    assert response.status_code == 200
    assert "accept" in response.text.lower() or "hyväksy" in response.text.lower()


@pytest.mark.django_db
def test_apply_form_offers_only_the_persons_own_organisations(client, network, applicant, applicant_org, other_network):
    network.is_public = True
    network.save()
    client.force_login(applicant)
    toinen = Organisation.objects.get(slug="toinen-org")
    response = client.post(_url("membership_apply"), {"organisation": toinen.pk})
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Membership.objects.filter(network=network, organisation=toinen).exists()


@pytest.mark.django_db
def test_coordinator_approves_rejects_and_edits_through_the_pages(client, network, coordinator, member, application):
    client.force_login(coordinator)
    affiliation = factories.AffiliationFactory()
    other = joining.membership_apply(network=network, organisation=affiliation.organisation, applicant=affiliation.user)
    # Reject without a reason: the form comes back, nothing changes.
    response = client.post(_url("membership_reject", other), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(_url("membership_reject", other), {"reason": "Ei sovi"})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.status == S.REJECTED

    response = client.post(_url("membership_approve", application))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.ACTIVE
    # Approving again: a message, no change.
    client.post(_url("membership_approve", application))
    assert len(_changes(application)) == 2

    edit = _url("membership_edit", application)
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
    detail = client.get(_url("membership_detail", application))
    assert "Kumppanuussopimus" in detail.text
    assert str(coordinator) in detail.text


@pytest.mark.django_db
def test_edit_offers_only_the_organisations_people(client, network, coordinator, active, outsider):
    client.force_login(coordinator)
    form = client.get(_url("membership_edit", active)).context["form"]
    people = set(form.fields["representative"].queryset)
    assert outsider not in people
    assert coordinator in people
    response = client.post(
        _url("membership_edit", active),
        {"level": active.level, "status": active.status, "representative": outsider.pk, "reason": ""},
    )
    assert response.status_code == 200
    assert "representative" in response.context["form"].errors


@pytest.mark.django_db
def test_invite_page_invites_a_new_organisation(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        _url("membership_invite"),
        {"name": "Sivistysliitto", "email": "info@sivistys.example.fi", "level": "networking"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organisation__name="Sivistysliitto")
    assert membership.status == S.INVITED
    # A new organisation without a contact person is refused with a clear error.
    response = client.post(_url("membership_invite"), {"name": "Ilman yhteyshenkilöä", "level": "networking"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


@pytest.mark.django_db
def test_accept_page(client, network, coordinator, other_network, outsider):
    toinen = Organisation.objects.get(slug="toinen-org")
    membership = Membership.objects.create(network=network, organisation=toinen, status=S.INVITED)
    other_network.memberships.filter(organisation=toinen).update(representative=outsider)
    client.force_login(outsider)
    assert client.get(_url("membership_detail", membership)).status_code == 200
    response = client.post(_url("membership_accept", membership), {"representative": outsider.pk})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == S.ACTIVE
    assert client.get(response["Location"]).status_code == 200  # the network page, now as a member


@pytest.mark.django_db
def test_members_see_members_but_not_applications(client, member, active, application):
    client.force_login(member)
    assert client.get(_url("membership_detail", active)).status_code == 200
    assert client.get(_url("membership_detail", application)).status_code == 404
    assert client.get(_url("membership_edit", active)).status_code == 403
    page = client.get(_url("network_detail"))
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
            assert client.post(_url(name, membership), data).status_code == 404, name
            # The same membership through the outsider's own network's address.
            assert client.post(_url(name, membership, slug="toinen"), data).status_code == 404, name
    response = client.post(_url("membership_invite"), {"name": "Kaapattu", "email": "x@example.fi"})
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
        assert client.post(_url("membership_approve", application)).status_code == 404
        assert client.post(_url("membership_edit", active), {"level": L.STRATEGIC, "reason": "x"}).status_code == 403
        assert client.post(_url("membership_invite"), {"name": "X", "email": "x@example.fi"}).status_code == 403
    active.refresh_from_db()
    assert active.level == L.COOPERATION


@pytest.mark.django_db
def test_network_page_groups_members_by_level_and_draws_the_chart(client, network, coordinator, active, application):
    second = factories.MembershipFactory(network=network, level=L.STRATEGIC)
    _history(second, (timezone.now() - datetime.timedelta(days=400), L.NETWORKING, S.ACTIVE))
    _history(second, (timezone.now() - datetime.timedelta(days=100), L.STRATEGIC, S.ACTIVE))
    client.force_login(coordinator)
    response = client.get(_url("network_detail"))
    groups = response.context["level_groups"]
    assert [g["level"] for g in groups] == [L.COOPERATION, L.STRATEGIC]
    text = response.text
    assert 'role="img"' in text and '<title id="level-chart-title">' in text and "<desc" in text
    assert 'aria-labelledby="level-chart-title level-chart-desc"' in text
    assert "chart-level-strategic" in text and "chart-level-networking" in text
    assert " style=" not in text  # strict CSP: no inline styles
    assert application.organisation.name in text  # pending, for the coordinator
    assert _url("membership_approve", application) in text
    # The year view and a bad value both work.
    assert client.get(_url("network_detail"), {"chart": "year"}).context["chart_by"] == "year"
    assert client.get(_url("network_detail"), {"chart": "pie"}).context["chart_by"] == "quarter"
    assert client.get(_url("network_detail"), {"chart": "\x00"}).status_code in (200, 400)


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
    assert _url("membership_detail", application) in response.text
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


# --- query budget ----------------------------------------------------------------------------------


def _grow_members(network, count, start):
    """``count`` member organisations with history rows, representatives and a few applications."""
    levels = MembershipLevel.values
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Jäsen {start + i:05d}", slug=f"jasen-{start + i:05d}") for i in range(count)
    )
    people = factories.UserFactory.create_batch(3)
    memberships = Membership.objects.bulk_create(
        Membership(
            network=network,
            organisation=o,
            level=levels[i % 4],
            status=S.APPLIED if i % 50 == 0 else S.ACTIVE,
            representative=people[i % 3],
            joined_on=datetime.date(2023, 1, 1),
        )
        for i, o in enumerate(orgs)
    )
    now = timezone.now()
    MembershipChange.objects.bulk_create(
        MembershipChange(
            membership=m,
            network=network,
            changed_at=now - datetime.timedelta(days=days),
            new_level=level,
            new_status=S.ACTIVE,
        )
        for i, m in enumerate(memberships)
        for days, level in ((900 - i % 300, L.NETWORKING), (400 - i % 200, m.level))
    )


@pytest.mark.django_db
def test_network_page_query_budget(client, network, coordinator, member):
    _grow_members(network, 10, 0)
    url = _url("network_detail")
    # session, user, MFA check, network, coordinator role (edit buttons), chart (one query), level counts,
    # member count, a page of memberships, pending applications, coordinators
    client.force_login(coordinator)
    assert_budget(client, url, budget=11, grow=lambda: _grow_members(network, 990, 10))
    client.force_login(member)
    assert_budget(client, url, budget=10, grow=lambda: _grow_members(network, 100, 2000))  # no pending list


@pytest.mark.django_db
def test_membership_detail_query_budget(client, network, coordinator, active):
    client.force_login(coordinator)
    url = _url("membership_detail", active)

    def grow():
        for i in range(60):
            services.membership_change(membership=active, changed_by=coordinator, level=L.values[i % 4], reason=f"{i}")

    # session, user, MFA check, membership with network and people, history, coordinator role
    assert_budget(client, url, budget=6, grow=grow)


@pytest.mark.django_db
def test_dashboard_query_budget_for_a_coordinator(client, network, coordinator):
    client.force_login(coordinator)
    _grow_members(network, 5, 0)
    # session, user, MFA check, networks, to-do (one query), affiliations; the agreement lists (one query)
    # and the agreements awaiting the person's organisation's signature (one query); goals awaiting the
    # organisation's answer and, for coordinators, goal proposals (one query each); the person's open action
    # items and next meetings (issue 6, one query each)
    assert_budget(client, reverse("portal:home"), budget=12, grow=lambda: _grow_members(network, 300, 100))


# --- demo data -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_seed_demo_gives_history_representatives_an_application_and_an_invitation():
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    main = Network.objects.get(slug="keski-suomi")
    assert not Membership.objects.filter(changes__isnull=True).exists()  # every membership has history
    periods = selectors.levels_over_time(network=main)
    assert periods[0].counts != periods[-1].counts  # the levels moved
    assert periods[-1].counts.get(L.STRATEGIC, 0) > periods[0].counts.get(L.STRATEGIC, 0)
    assert main.memberships.filter(status=S.APPLIED).count() == 1
    assert main.memberships.filter(status=S.INVITED).count() == 1
    current = main.memberships.filter(status__in=[S.ACTIVE, S.PAUSED])
    assert current.filter(representative__isnull=False).count() >= current.count() - 1
    for membership in current.filter(representative__isnull=False):
        assert membership.organisation.is_staff_member(membership.representative)
        # The history ends where the membership stands.
        last = membership.changes.order_by("-changed_at", "-pk").first()
        assert (last.new_level, last.new_status) == (membership.level, membership.status)
