"""``manage.py seed_demo`` gives the demo organisations believable guidance services, and bulk ones too."""

import pytest

from partners.directory.models import GuidanceService, Organisation


@pytest.mark.django_db
def test_demo_organisations_have_believable_services():
    from io import StringIO

    from django.core.management import call_command

    from portal import demo_data
    from portal.demo_data.services import SERVICES

    call_command("seed_demo", stdout=StringIO())
    slugs = {row[0] for row in demo_data.ORGANISATIONS} | set(SERVICES)
    demo = Organisation.objects.filter(slug__in=slugs).prefetch_related("services")
    assert len(demo) == len(slugs)
    for organisation in demo:
        assert 1 <= len(organisation.services.all()) <= 4, organisation.slug
        for service in organisation.services.all():
            service.full_clean()
            assert service.contact_email.endswith(".example.fi")
    assert GuidanceService.objects.filter(name="Ohjaamon matalan kynnyksen neuvonta").exists()

    before = Organisation.objects.count()
    call_command("seed_demo", "--scale", "30", stdout=StringIO())
    bulk = Organisation.objects.filter(slug__startswith="org-").prefetch_related("services")
    assert bulk.count() == 30 == Organisation.objects.count() - before
    for organisation in bulk:
        assert 1 <= len(organisation.services.all()) <= 3
        for service in organisation.services.all():
            service.full_clean()
            assert "keski-suomi" in service.regions
