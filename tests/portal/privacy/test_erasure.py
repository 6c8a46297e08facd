"""Erasure (GDPR article 17): the person's own data goes, what was done together stays under the
removed-user marker; the administrator's delete is an erasure, and a person erases themselves with their
password.

Guards the findings that deleting a person cascaded their attendance and replies away (and was blocked by
their action items), and that the privacy notice promised an anonymous marker that did not exist."""

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.db.models import ProtectedError
from django.urls import reverse

from networks.goals.models import Endorsement, Measurement
from networks.meetings.models import ActionItem, Attendance, Decision, Invitee, MinutesComment, SlotAnswer
from networks.memberships.models import Membership, NetworkRole
from partners.agreements.models import AgreementParty
from partners.directory.models import Affiliation
from portal.accounts.models import User
from portal.lib.errors import DomainError
from portal.privacy import exporting, services
from portal.privacy.models import DataExport
from portal.search.models import SearchEntry
from tests.factories import PASSWORD

SHARED = (Invitee, Attendance, SlotAnswer, MinutesComment, ActionItem, Decision, Measurement, Endorsement)


def _shared_counts():
    return {model.__name__: model.objects.count() for model in (*SHARED, AgreementParty)}


def _assert_erased(user, name):
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.title, user.phone, user.languages) == ("", "", "", "", [])
    assert user.email.endswith("@removed.invalid")
    assert not user.has_usable_password() and not user.is_active and user.erased_at is not None
    assert str(user) == "Poistettu käyttäjä"
    assert not Affiliation.objects.filter(user=user).exists()
    assert not NetworkRole.objects.filter(user=user).exists()
    assert not Membership.objects.filter(representative=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not User.objects.filter(first_name__in=name.split()).filter(pk=user.pk).exists()
    assert not SearchEntry.objects.filter(title__icontains=name).exists()


@pytest.mark.django_db
def test_erasure_keeps_shared_records_and_removes_the_persons_data(person_with_data):
    data = person_with_data
    name = data.user.get_full_name()
    before = _shared_counts()
    services.account_erase(user=data.user)
    assert _shared_counts() == before, "nothing shared is lost"
    _assert_erased(data.user, name)
    # the shared records are still the person's, shown as the marker
    for model in (Invitee, Attendance, SlotAnswer):
        assert model.objects.filter(user=data.user).count() == 1
    assert MinutesComment.objects.get(author=data.user).body == "Jäsenen kommentti pöytäkirjaan"
    assert ActionItem.objects.get(pk=data.action.pk).owner == data.user
    assert Decision.objects.get(pk=data.decision.pk).recorded_by == data.user
    # the signatory's name becomes the marker, in the party and in its history
    party = AgreementParty.objects.get(pk=data.party.pk)
    assert (party.signatory_name, party.signatory_title) == ("Poistettu käyttäjä", "")
    history = apps.get_model("partners", "AgreementPartyEvent").objects.filter(pgh_obj_id=party.pk)
    assert history.exists()
    assert not history.filter(signatory_name__iexact=name).exists()
    assert not history.filter(signatory_title="Rehtori").exists()


@pytest.mark.django_db
def test_an_erased_person_can_no_longer_sign_in(person_with_data, client):
    email = person_with_data.user.email
    services.account_erase(user=person_with_data.user)
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert client.get(reverse("portal:profile_detail")).status_code == 302


@pytest.mark.django_db
def test_deleting_a_person_no_longer_cascades_their_attendance_and_replies_away(person_with_data):
    """Deleting the row would have taken attendance and replies with it: it is refused, erasure is the way."""
    user = person_with_data.user
    ActionItem.objects.filter(owner=user).delete()  # (these always blocked it)
    with pytest.raises(ProtectedError):
        user.delete()
    assert Attendance.objects.filter(user=user).exists() and Invitee.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_the_only_coordinator_of_a_network_is_not_erased(coordinator, network):
    with pytest.raises(DomainError, match="ei ole muuta koordinaattoria"):
        services.account_erase(user=coordinator)
    coordinator.refresh_from_db()
    assert coordinator.erased_at is None and coordinator.is_active


@pytest.mark.django_db
def test_erasing_twice_is_refused(member):
    services.account_erase(user=member)
    with pytest.raises(DomainError):
        services.account_erase(user=member)


@pytest.mark.django_db
def test_a_person_erases_themselves_with_their_password_and_is_signed_out(person_with_data, client_for):
    user = person_with_data.user
    client = client_for(user)
    page = client.get(reverse("portal:account_erase"))
    assert "Mitä jää, ilman nimeä" in page.text
    wrong = client.post(reverse("portal:account_erase"), {"password": "not-it"})
    assert wrong.status_code == 200 and "Salasana ei ole oikein." in wrong.text
    user.refresh_from_db()
    assert user.erased_at is None
    done = client.post(reverse("portal:account_erase"), {"password": PASSWORD})
    assert done.status_code == 302 and done["Location"] == reverse("portal:home")
    user.refresh_from_db()
    assert user.erased_at is not None
    assert client.get(reverse("portal:profile_detail")).status_code == 302  # signed out


@pytest.mark.django_db
def test_the_only_coordinator_is_told_why_and_not_erased(coordinator, client_for):
    client = client_for(coordinator)
    page = client.get(reverse("portal:account_erase"))
    assert "ei ole muuta koordinaattoria" in page.text and 'name="password"' not in page.text
    client.post(reverse("portal:account_erase"), {"password": PASSWORD})
    coordinator.refresh_from_db()
    assert coordinator.erased_at is None


@pytest.mark.django_db
def test_the_admins_delete_of_a_person_is_an_erasure_after_a_confirmation(person_with_data, admin_user, client_for):
    user = person_with_data.user
    before = _shared_counts()
    client = client_for(admin_user)
    url = reverse("admin:portal_user_delete", args=[user.pk])
    confirmation = client.get(url)
    assert confirmation.status_code == 200 and "Poistettu käyttäjä" in confirmation.text
    user.refresh_from_db()
    assert user.erased_at is None, "nothing happens before the confirmation"
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert _shared_counts() == before
    _assert_erased(user, "")


@pytest.mark.django_db
def test_the_admin_erases_several_people_with_an_action_after_a_confirmation(member, observer, admin_user, client_for):
    client = client_for(admin_user)
    url = reverse("admin:portal_user_changelist")
    chosen = {"action": "erase_people", "_selected_action": [member.pk, observer.pk]}
    confirmation = client.post(url, chosen)
    assert confirmation.status_code == 200 and "Kyllä, poista" in confirmation.text
    assert not User.objects.filter(erased_at__isnull=False).exists()
    client.post(url, {**chosen, "confirm": "yes"})
    assert set(User.objects.filter(erased_at__isnull=False)) == {member, observer}
    actions = client.get(url).context["action_form"].fields["action"].choices
    assert "delete_selected" not in [value for value, _label in actions]


@pytest.mark.django_db
def test_erasure_removes_the_persons_data_downloads_and_their_files(
    member, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    export = DataExport.objects.create(user=member)
    exporting.build(export, language="fi")
    export.refresh_from_db()
    path = exporting.export_path(export)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.account_erase(user=member)
    assert not DataExport.objects.filter(user=member).exists()
    assert not path.exists()
