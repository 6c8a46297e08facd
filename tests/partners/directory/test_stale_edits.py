"""No lost updates: a guidance service's form refuses a stale save (before, it was saved
silently over a newer save)."""

import pytest
from django.urls import reverse

from partners.directory import services
from partners.directory.models import GuidanceService
from portal.accounts.models import User
from tests import factories
from tests.stale_edits import assert_stale_refused

pytestmark = pytest.mark.django_db


def test_service_edit(client_for, member, organisation):
    service = factories.GuidanceServiceFactory(organisation=organisation, name="Työnhakijan ohjaus")
    assert_stale_refused(
        client_for(member),
        reverse("partners:service_edit", kwargs={"slug": organisation.slug, "pk": service.pk}),
        change=lambda: services.service_update(service=GuidanceService.objects.get(pk=service.pk), name="Toisen"),
        overrides={"name_fi": "Minun palveluni"},
        saved=lambda: {"name": GuidanceService.objects.get(pk=service.pk).name},
    )


def test_profile_edit(client_for, member):
    def change():
        services.profile_update(user=User.objects.get(pk=member.pk), data={"title": "Toisen välilehden"}, expertise=[])

    assert_stale_refused(
        client_for(member),
        reverse("portal:profile_edit"),
        change=change,
        overrides={"title": "Ohjaaja"},
        saved=lambda: {"title": User.objects.get(pk=member.pk).title},
    )
