"""``manage.py seed_demo`` gives the main network memberships with history and representatives, an application
and an invitation, its own expertise terms and contacts without an account."""

import io

import pytest
from django.urls import reverse

from networks.memberships import selectors
from networks.memberships.models import Membership, MembershipLevel, Network
from partners.directory.models import ExpertiseArea
from portal.accounts.models import User
from portal.lib.access import MembershipStatus

L = MembershipLevel
S = MembershipStatus
PEOPLE = reverse("portal:people_list")


def _names(response) -> set[str]:
    return {person.email for person in response.context["page_obj"]}


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
