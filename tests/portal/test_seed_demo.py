"""``manage.py seed_demo``: the demo network, once, and bulk data for benchmarks (what each domain's demo data
holds: the domains' test_demo_data.py)."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from networks.memberships.models import Network
from partners.directory.models import Organisation
from portal.accounts.models import User
from portal.demo_data import DEMO_PASSWORD
from portal.lib.access import Role
from portal.middleware import mfa_required_for


def _seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_creates_a_believable_network_once():
    output = _seed()
    assert 12 <= Organisation.objects.count() <= 20
    assert 28 <= User.objects.count() <= 40
    assert Network.objects.count() >= 3
    main = Network.objects.get(slug="keski-suomi")
    assert main.require_mfa_for_coordinators
    for org in Organisation.objects.all():
        org.full_clean()  # valid business IDs and all
    for email in ("admin", "koordinaattori", "ohjaaja", "tarkkailija", "ulkopuolinen"):
        assert f"{email}@verkosto.example.fi" in output
        assert authenticate(email=f"{email}@verkosto.example.fi", password=DEMO_PASSWORD) is not None
    coordinator = User.objects.get(email="koordinaattori@verkosto.example.fi")
    assert main.roles.get(user=coordinator).role == Role.COORDINATOR
    assert mfa_required_for(coordinator)
    outsider = User.objects.get(email="ulkopuolinen@verkosto.example.fi")
    assert not Network.objects.visible_to(outsider).filter(pk=main.pk).exists()

    # A second run changes nothing.
    before = Organisation.objects.count()
    _seed()
    assert Organisation.objects.count() == before


@pytest.mark.django_db
def test_seed_demo_scale_adds_bulk_organisations():
    _seed()
    before = Organisation.objects.count()
    _seed("--scale", "60")
    assert Organisation.objects.count() == before + 60
    assert User.objects.count() >= 120


@pytest.mark.django_db
def test_accounts_only_prints_and_changes_nothing():
    assert "not in this database" in _seed("--accounts")
    assert not Organisation.objects.exists()
    _seed()
    output = _seed("--accounts")
    assert "koordinaattori@verkosto.example.fi" in output
    assert "verkosto-demo-2026" in output
