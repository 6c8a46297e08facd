"""Every page is valid HTML (HOUSE-STYLE rule 32): a representative set of pages, rendered with the test client and
checked by the W3C Nu HTML checker (vnu.jar) in one run, since Java starts slowly.

Guards the checker's findings on the signed-in pages: ``hx-headers`` on ``<body>``, ``tel:`` links with spaces,
and inputs with an empty ``name``.
"""

import pytest
from django.urls import reverse

from tests import factories, nuchecker


@pytest.fixture
def pages(coordinator, member, network, organisation, agreement, goal, indicator):
    """The pages to check, as (who, URL): ``None`` is an anonymous visitor."""
    coordinator.phone = "040 123 4567"
    coordinator.save(update_fields=["phone"])
    organisation.phone = "09 1234 567"
    organisation.save(update_fields=["phone"])
    factories.GuidanceServiceFactory(organisation=organisation, contact_phone="+358 40 765 4321")
    meeting = factories.MeetingFactory(network=network, organiser=coordinator)
    factories.AgendaItemFactory(meeting=meeting)
    slug = {"slug": network.slug}
    return [
        (None, reverse("portal:home")),
        (None, reverse("account_login")),
        (None, reverse("account_signup")),
        (None, reverse("account_reset_password")),
        (coordinator, reverse("portal:home")),
        (coordinator, reverse("partners:organisation_list")),
        (coordinator, reverse("partners:organisation_detail", kwargs={"slug": organisation.slug})),
        (coordinator, reverse("servicemap:service_map")),
        (coordinator, reverse("portal:people_list")),
        (member, reverse("portal:person_detail", kwargs={"uuid": coordinator.uuid})),
        (coordinator, reverse("portal:profile_detail")),
        (coordinator, reverse("networks:network_list")),
        (coordinator, reverse("networks:network_detail", kwargs=slug)),
        (coordinator, reverse("networks:contact_create", kwargs=slug)),
        (coordinator, reverse("networks:organisation_import", kwargs=slug)),
        (coordinator, reverse("meetings:meeting_list", kwargs=slug)),
        (coordinator, reverse("meetings:meeting_detail", kwargs={"pk": meeting.pk})),
        (coordinator, reverse("agreements:agreement_list")),
        (coordinator, reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk})),
        (coordinator, reverse("goals:goal_board", kwargs=slug)),
        (coordinator, reverse("goals:goal_detail", kwargs={"pk": goal.pk})),
        (coordinator, reverse("account_email")),
        (coordinator, reverse("account_change_password")),
        (coordinator, reverse("portal:search") + "?q=ohjaus"),
    ]


@pytest.mark.django_db
def test_representative_pages_pass_the_nu_checker(client, pages, tmp_path):
    files, sources = [], {}
    for index, (user, url) in enumerate(pages):
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fi")
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        path = tmp_path / f"page-{index:02d}.html"
        path.write_bytes(response.content)
        files.append(path)
        sources[path.name] = f"{url} ({'anonymous' if user is None else user.email})"
    # The pages do show the phone numbers as links (so the tel: addresses were checked).
    html = "".join(path.read_text() for path in files)
    for tel in ("+358401234567", "+35891234567", "+358407654321"):
        assert f'href="tel:{tel}"' in html
    errors = nuchecker.check_files(files)
    assert not errors, "The Nu checker found errors:\n" + nuchecker.describe(errors, sources)
