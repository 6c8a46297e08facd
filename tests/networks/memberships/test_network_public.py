"""Networks anyone may reach: the list, the opt-in public page, logos; and coordinators editing these details."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from networks.memberships.models import Membership, Network, NetworkRole
from tests import factories
from tests.querybudget import assert_budget
from tests.stale_edits import version_of

LIST_URL = reverse("networks:network_list")


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media_and_english(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def public_network(db):
    return factories.NetworkFactory(
        name="Avoin verkosto",
        slug="avoin",
        is_public=True,
        field="Maahanmuuttajien ohjaus",
        regions=["uusimaa", "keski-suomi"],
        public_description="Kaikille avoin kuvaus.",
        description="Vain jäsenille tarkoitettu kuvaus.",
    )


def public_url(network):
    return reverse("networks:network_public", kwargs={"slug": network.slug})


def fetch(client, url):
    """GET ``url``; a streamed file is read to the end, which closes it (the test client's wrapper does)."""
    response = client.get(url)
    response.body = b"".join(response.streaming_content) if response.streaming else response.content
    return response


def logo_url(network):
    return reverse("networks:network_logo", kwargs={"slug": network.slug})


# --- the public page ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_public_page_is_open_to_anyone(client_for, cast, public_network):
    for role in ("anonymous", "outsider", "member", "admin"):
        response = client_for(cast[role]).get(public_url(public_network))
        assert response.status_code == 200, role
        assert "Kaikille avoin kuvaus." in response.text
        assert "Maahanmuuttajien ohjaus" in response.text
        assert "Central Finland" in response.text
        # Members-only content stays out of the public page.
        assert "Vain jäsenille tarkoitettu kuvaus." not in response.text


@pytest.mark.django_db
def test_private_network_page_is_for_members_only(client_for, cast, network):
    network.public_description = "Luonnos"
    network.save()
    expected = {"anonymous": 404, "outsider": 404, "observer": 200, "member": 200, "coordinator": 200, "admin": 200}
    for role, status in expected.items():
        response = client_for(cast[role]).get(public_url(network))
        assert response.status_code == status, role
    # Members are told that the page is not public yet.
    assert "This page is not public" in client_for(cast["member"]).get(public_url(network)).text
    assert client_for(None).get(public_url(network).replace(network.slug, "no-such-network")).status_code == 404


@pytest.mark.django_db
def test_member_is_pointed_to_the_members_page(client_for, member, network):
    network.is_public = True
    network.save()
    members_page = 'href="{}"'.format(reverse("networks:network_detail", kwargs={"slug": network.slug}))
    assert members_page in client_for(member).get(public_url(network)).text
    anonymous = client_for(None).get(public_url(network))
    assert members_page not in anonymous.text
    assert reverse("account_login") in anonymous.text


@pytest.mark.django_db
def test_public_pages_refuse_post(client, public_network):
    assert client.post(public_url(public_network)).status_code == 405
    assert client.post(LIST_URL).status_code == 405
    assert client.post(logo_url(public_network)).status_code == 405


# --- the list of networks -------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_own_and_public_networks(client_for, member, network, other_network, public_network):
    response = client_for(None).get(LIST_URL)
    assert [n.name for n in response.context["page_obj"]] == ["Avoin verkosto"]
    assert public_url(public_network) in response.text
    response = client_for(member).get(LIST_URL)
    assert [n.name for n in response.context["page_obj"]] == ["Avoin verkosto", "Keski-Suomen ohjausverkosto"]
    # The member's own network links to the members' page, with their role.
    assert reverse("networks:network_detail", kwargs={"slug": network.slug}) in response.text
    assert "Member" in response.text
    assert other_network.name not in response.text


@pytest.mark.django_db
def test_list_empty_state(client_for):
    assert "No network has a public page yet." in client_for(None).get(LIST_URL).text
    assert "You do not belong to any network yet" in client_for(factories.UserFactory()).get(LIST_URL).text


@pytest.mark.django_db
def test_list_query_budget(client_for, member, network):
    """The same number of queries with 2 and with 120 listed networks (paginated)."""
    client = client_for(member)

    def grow():
        networks = Network.objects.bulk_create(
            Network(name=f"Verkosto {n:03}", slug=f"v-{n:03}", is_public=n % 2 == 0) for n in range(240)
        )
        NetworkRole.objects.bulk_create(NetworkRole(network=n, user=member) for n in networks[1::4])
        orgs = factories.OrganisationFactory.create_batch(5)
        Membership.objects.bulk_create(
            Membership(network=n, organisation=o, status="active") for n in networks[:20] for o in orgs
        )

    factories.NetworkFactory(is_public=True)
    assert_budget(client, LIST_URL, budget=8, grow=grow)
    assert client.get(LIST_URL).context["page_obj"].paginator.count == 1 + 1 + 120 + 60


# --- logos ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_network_logo_of_a_public_network_is_public(client_for, cast, public_network):
    assert fetch(client_for(None), logo_url(public_network)).status_code == 404  # no logo yet
    public_network.logo = SimpleUploadedFile("logo.png", png())
    public_network.save()
    for role in ("anonymous", "outsider", "member"):
        response = fetch(client_for(cast[role]), logo_url(public_network))
        assert response.status_code == 200, role
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_network_logo_of_a_private_network_is_for_members(client_for, cast, network):
    network.logo = SimpleUploadedFile("logo.webp", png())
    network.save()
    expected = {"anonymous": 404, "outsider": 404, "observer": 200, "member": 200, "coordinator": 200, "admin": 200}
    for role, status in expected.items():
        assert fetch(client_for(cast[role]), logo_url(network)).status_code == status, role


# --- coordinators edit the network's details ------------------------------------------------------------


def edit_url(network):
    return reverse("networks:network_edit", kwargs={"slug": network.slug})


@pytest.mark.django_db
def test_coordinator_sets_regions_field_logo_and_public_page(client, coordinator, network):
    network.require_mfa_for_coordinators = False
    network.save()
    client.force_login(coordinator)
    page = client.get(edit_url(network))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text
    assert "require_mfa_for_coordinators" not in page.text
    response = client.post(
        edit_url(network),
        {
            "name_fi": "Keski-Suomen ohjausverkosto",
            "description_fi": "Jäsenille",
            "field": "Aikuisohjaus",
            "regions": ["pirkanmaa", "keski-suomi"],
            "logo": SimpleUploadedFile("logo.png", png(), content_type="image/png"),
            "is_public": "on",
            "public_description": "Tervetuloa",
            "require_mfa_for_coordinators": "on",  # ignored: the administrators' decision
            **version_of(network),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    network.refresh_from_db()
    assert network.field == "Aikuisohjaus"
    assert network.regions == ["pirkanmaa", "keski-suomi"]  # the vocabulary's order
    assert network.is_public
    assert network.public_description == "Tervetuloa"
    assert network.logo.name.startswith("logos/network/")
    assert not network.require_mfa_for_coordinators
    assert fetch(client, logo_url(network)).status_code == 200
    assert client_for_anonymous_status(client, public_url(network)) == 200
    # Removing the logo.
    client.force_login(coordinator)
    response = client.post(
        edit_url(network),
        {
            "name_fi": network.name,
            "is_public": "on",
            "public_description": "Tervetuloa",
            "remove_logo": "on",
            **version_of(network),
        },
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert not network.logo


def client_for_anonymous_status(client, url) -> int:
    client.logout()
    return client.get(url).status_code


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "This file is not an image, or it is damaged."),
        (png() + b"\0" * (2 * 1024 * 1024), "The logo file is too large"),
    ],
    ids=["svg", "oversize"],
)
def test_bad_network_logo_is_refused(client, coordinator, network, content, message):
    client.force_login(coordinator)
    response = client.post(
        edit_url(network),
        {"name_fi": "Pidä tämä", "regions": ["lappi"], "logo": SimpleUploadedFile("logo.png", content)},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["logo"])
    assert "Pidä tämä" in response.text
    network.refresh_from_db()
    assert not network.logo
    assert network.name != "Pidä tämä"


@pytest.mark.django_db
def test_network_admin_has_the_new_fields_and_the_same_checks(client, admin_user, network):
    client.force_login(admin_user)
    url = reverse("admin:networks_network_change", args=[network.pk])
    page = client.get(url)
    for field in ("regions", "field", "logo", "is_public", "public_description", "require_mfa_for_coordinators"):
        assert f'name="{field}"' in page.text, field
    data = {
        "name_fi": network.name,
        "slug": network.slug,
        "regions": ["lappi"],
        "is_public": "on",
        "logo": SimpleUploadedFile("logo.png", b"not a picture"),
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "This file is not an image" in " ".join(response.context["adminform"].form.errors["logo"])
    response = client.post(url, {**data, "logo": SimpleUploadedFile("logo.png", png())})
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.regions == ["lappi"] and network.is_public and network.logo
