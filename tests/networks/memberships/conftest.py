"""Memberships to act on: an organisation that applies (``applicant_org``, ``applicant``) and its
``application`` to the cast's network, the cast organisation's ``active`` membership, and ``commit`` to run
what a block queued for after the commit (the e-mails)."""

import pytest
from django.core import mail

from networks.memberships import joining
from tests import factories


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
