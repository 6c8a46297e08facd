"""A person's profile: shown to people who share a network, edited only by its owner."""

import pytest
from django.urls import reverse

from tests import factories


@pytest.mark.django_db
def test_edit_own_profile(client, member):
    area = factories.ExpertiseAreaFactory(name="Urasuunnittelu")
    client.force_login(member)
    response = client.post(
        reverse("portal:profile_edit"),
        {
            "first_name": "Maija",
            "last_name": "Meikäläinen",
            "title": "Uraohjaaja",
            "phone": "+358 40 123 4567",
            "languages": ["fi", "sv"],
            "expertise": [area.pk],
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.title == "Uraohjaaja"
    assert member.languages == ["fi", "sv"]
    assert list(member.expertise.all()) == [area]
    page = client.get(reverse("portal:profile_detail"))
    assert "Urasuunnittelu" in page.text
    assert "ruotsi" in page.text  # language names in Finnish


@pytest.mark.django_db
def test_bad_input_keeps_what_was_typed(client, member):
    client.force_login(member)
    response = client.post(
        reverse("portal:profile_edit"), {"first_name": "", "last_name": "Uusi", "title": "T", "languages": ["xx"]}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "first_name" in form.errors
    assert "languages" in form.errors
    assert 'value="Uusi"' in response.text
    member.refresh_from_db()
    assert member.last_name != "Uusi"


@pytest.mark.django_db
def test_colleague_sees_profile_and_organisations(client, member, coordinator, organisation):
    client.force_login(coordinator)
    response = client.get(reverse("portal:person_detail", kwargs={"uuid": member.uuid}))
    assert response.status_code == 200
    assert member.email in response.text
    assert organisation.name in response.text
    assert "Edit profile" not in response.text and "Muokkaa profiilia" not in response.text


@pytest.mark.django_db
def test_outsider_cannot_see_profile(client, member, outsider):
    client.force_login(outsider)
    assert client.get(reverse("portal:person_detail", kwargs={"uuid": member.uuid})).status_code == 404
