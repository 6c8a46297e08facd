"""The cast every test can use, and shared helpers.

The cast (HOUSE-STYLE rule 20): in ``network`` there is a ``coordinator``, a
``member`` (the representative of ``organisation`` there) and an ``observer``; the
``outsider`` coordinates ``other_network`` and has no role in ``network``; ``admin`` is a
superuser with an authenticator; ``anonymous`` is nobody.
"""

import os

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from portal.lib.access import Role
from tests import factories

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The database cache backs allauth's rate limits, so its table must exist. The test database lets the
    flush between transactional tests truncate the append-only audit log (a deployment never does)."""
    from django.db import connection

    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)
        with connection.cursor() as cursor:
            name = connection.ops.quote_name(connection.settings_dict["NAME"])
            cursor.execute(f"ALTER DATABASE {name} SET verkosto.audit_allow_truncate = 'on'")
        connection.close()  # the setting applies to connections opened from now on


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a test client's request activates the request's language for
    the thread, which would otherwise leak into the next test (and make it depend on the order of tests)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache(db):
    """Rate-limit counters must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(name="Jyväskylän kansalaisopisto", slug="kansalaisopisto")


@pytest.fixture
def network(db, organisation):
    network = factories.NetworkFactory(name="Keski-Suomen ohjausverkosto", slug="keski-suomi")
    factories.MembershipFactory(network=network, organisation=organisation)
    return network


@pytest.fixture
def other_network(db):
    network = factories.NetworkFactory(name="Toinen verkosto", slug="toinen")
    factories.MembershipFactory(network=network, organisation__slug="toinen-org", organisation__name="Toinen org")
    return network


def _person(network, organisation, role, email):
    user = factories.UserFactory(email=email)
    factories.AffiliationFactory(user=user, organisation=organisation)
    if network is not None:
        factories.NetworkRoleFactory(network=network, user=user, role=role)
    return user


@pytest.fixture
def coordinator(network, organisation):
    return _person(network, organisation, Role.COORDINATOR, "koordinaattori@example.fi")


@pytest.fixture
def member(network, organisation):
    """A member who also represents the organisation in the network (so may edit the organisation)."""
    user = _person(network, organisation, Role.MEMBER, "jasen@example.fi")
    network.memberships.filter(organisation=organisation).update(representative=user)
    return user


@pytest.fixture
def observer(network, organisation):
    return _person(network, organisation, Role.OBSERVER, "tarkkailija@example.fi")


@pytest.fixture
def outsider(other_network):
    """A coordinator, but of another network: every right there, none here."""
    org = other_network.memberships.get().organisation
    return _person(other_network, org, Role.COORDINATOR, "ulkopuolinen@example.fi")


@pytest.fixture
def admin_user(db):
    user = factories.UserFactory(email="yllapito@example.fi", is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def cast(coordinator, member, observer, outsider, admin_user):
    """Everyone, by role name; ``anonymous`` is None."""
    return {
        "anonymous": None,
        "outsider": outsider,
        "observer": observer,
        "member": member,
        "coordinator": coordinator,
        "admin": admin_user,
    }


@pytest.fixture
def client_for(client):
    """``client_for(user)`` gives the test client signed in as ``user`` (None: anonymous)."""

    def _client_for(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return _client_for


@pytest.fixture
def partner_organisation(network):
    """A second active member of ``network`` (the other party to ``agreement``)."""
    org = factories.OrganisationFactory(name="Gradia", slug="gradia")
    factories.MembershipFactory(network=network, organisation=org)
    return org


@pytest.fixture
def agreement(network, organisation, partner_organisation, coordinator):
    """A draft agreement of ``network`` between ``organisation`` (the member represents it) and
    ``partner_organisation``, each with one commitment; commitments are not shared with members."""
    agreement = factories.AgreementFactory(network=network, title="Yhteinen ohjauspiste", coordinator=coordinator)
    for org in (organisation, partner_organisation):
        party = factories.AgreementPartyFactory(agreement=agreement, organisation=org)
        factories.CommitmentFactory(party=party)
    return agreement


@pytest.fixture
def goal(network, organisation, coordinator):
    """A proposed goal of ``network``, owned by ``organisation`` with the coordinator as contact."""
    return factories.GoalFactory(
        network=network,
        title="Ohjauksen saavutettavuus paranee",
        owner_organisation=organisation,
        contact=coordinator,
        proposed_by=coordinator,
    )


@pytest.fixture
def indicator(goal, member):
    """An increasing indicator of ``goal`` (10 on 2026-01-01 → 30 on 2026-12-31) that the member measures."""
    return factories.IndicatorFactory(goal=goal, name="Ohjattujen aikuisten määrä", owner=member)


@pytest.fixture(scope="session")
def oidc_provider(live_server):
    """The tests' OpenID Connect provider, a second process, knowing the live portal's redirect URI."""
    from tests.oidc_provider.process import running_provider
    from tests.sso import callback_path

    with running_provider(redirect_uris=[live_server.url + callback_path()]) as provider:
        yield provider


@pytest.fixture
def sso(oidc_provider, transactional_db):
    """The portal's provider app for the tests' provider (allowed domain example.fi, its MFA trusted)."""
    from tests.sso import configure

    return configure(oidc_provider)
