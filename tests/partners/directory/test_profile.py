"""A person's profile: shown to people who share a network (with only the organisations the viewer may see),
edited only by its owner, whose form offers only the expertise terms they may see."""

import pytest
from django.urls import reverse

from tests import factories
from tests.stale_edits import version_of


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
            **version_of(member),
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


@pytest.mark.django_db
def test_profile_form_offers_only_terms_the_person_may_see(client, member, network, other_network):
    shared = factories.ExpertiseAreaFactory(name="Yhteinen")
    own = factories.ExpertiseAreaFactory(name="Oman verkoston", network=network)
    private = factories.ExpertiseAreaFactory(name="Toisen verkoston", network=other_network)
    client.force_login(member)
    offered = set(client.get(reverse("portal:profile_edit")).context["form"].fields["expertise"].queryset)
    assert offered == {shared, own}
    response = client.post(
        reverse("portal:profile_edit"),
        {"first_name": "A", "last_name": "B", "expertise": [own.pk, private.pk]},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["expertise"]
    assert not member.expertise.exists()
    assert private.pk  # exists, just not offered


@pytest.mark.django_db
def test_person_page_lists_only_organisations_the_viewer_may_see(client, member, coordinator, other_network):
    hidden = other_network.memberships.get().organisation
    factories.AffiliationFactory(user=member, organisation=hidden, primary=False)
    client.force_login(coordinator)
    response = client.get(reverse("portal:person_detail", kwargs={"uuid": member.uuid}))
    assert response.status_code == 200
    assert hidden.name not in response.text
    client.force_login(member)  # one's own page shows all of one's organisations
    assert hidden.name in client.get(reverse("portal:profile_detail")).text
