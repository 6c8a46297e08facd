"""The embed: only the listed sites may frame it, every other page stays unframable; the origins are checked and
normalised; a network's embed shows its established members' public services."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from networks.memberships.models import MembershipStatus
from portal.lib.origins import normalise_origin, parse_origins
from tests import factories


def _csp(response) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {name: value for name, value in parts}


@pytest.mark.parametrize(
    ("written", "origin"),
    [
        ("https://Example.FI", "https://example.fi"),
        ("https://www.example.fi/", "https://www.example.fi"),
        ("https://www.example.fi:443", "https://www.example.fi"),
        ("  https://ohjaus.example.fi:8443 ", "https://ohjaus.example.fi:8443"),
        ("https://jyväskylä.example.fi", "https://xn--jyvskyl-7wae.example.fi"),
    ],
)
def test_an_origin_is_normalised(written, origin):
    assert normalise_origin(written) == origin


@pytest.mark.parametrize(
    "written",
    [
        "http://example.fi",
        "https://example.fi/page",
        "https://*.example.fi",
        "https://user:secret@example.fi",
        "https://example.fi?x=1",
        "example.fi",
        "https://localhost",
        "https://10.0.0.1",
        "javascript:alert(1)",
        "https://example.fi; script-src *",
    ],
)
def test_anything_but_an_https_origin_is_refused(written):
    with pytest.raises(ValidationError):
        normalise_origin(written)


def test_a_list_of_origins_is_read_one_a_line_each_once():
    assert parse_origins("https://a.example.fi\nhttps://A.example.fi/, https://b.example.fi:8443") == [
        "https://a.example.fi",
        "https://b.example.fi:8443",
    ]
    with pytest.raises(ValidationError, match=r"http://c\.example\.fi"):
        parse_origins("https://a.example.fi\nhttp://c.example.fi")


@pytest.mark.django_db
def test_coordinators_list_the_origins_on_the_network_form(client, coordinator, network):
    from networks.memberships.forms import NetworkForm

    form = NetworkForm(instance=network)
    assert "embed_origins" in form.fields
    data = {**{name: form[name].value() or "" for name in form.fields}, "regions": []}
    data.pop("logo", None)
    data["embed_origins"] = "https://Ohjaus.example.fi/\nhttps://ohjaus.example.fi"
    bound = NetworkForm(data, instance=network)
    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["embed_origins"] == ["https://ohjaus.example.fi"]
    bad = NetworkForm({**data, "embed_origins": "http://ohjaus.example.fi"}, instance=network)
    assert not bad.is_valid() and "embed_origins" in bad.errors


@pytest.mark.django_db
def test_editors_list_the_origins_on_the_organisation_form(organisation):
    from partners.directory.forms.organisations import OrganisationForm

    assert "embed_origins" in OrganisationForm(instance=organisation).fields


@pytest.mark.django_db
def test_the_network_embed_may_be_framed_by_its_sites_only(client, network, public_service):
    network.embed_origins = ["https://a.example.fi", "https://b.example.fi:8443"]
    network.save()
    url = reverse("finder:embed_network", kwargs={"slug": network.slug})
    response = client.get(url)
    assert response.status_code == 200
    assert _csp(response)["frame-ancestors"] == "https://a.example.fi https://b.example.fi:8443"
    assert "X-Frame-Options" not in response.headers
    assert _csp(response)["script-src"] == "'self'"  # the rest of the policy holds
    html = response.content.decode()
    assert "Kirjaston digineuvonta" in html
    assert 'target="_blank" rel="noopener"' in html  # a service opens outside the frame
    # every other page stays unframable
    for other in (
        reverse("finder:finder"),
        reverse("finder:organisation", kwargs={"slug": public_service.organisation.slug}),
    ):
        response = client.get(other)
        assert response["X-Frame-Options"] == "DENY"
        assert _csp(response)["frame-ancestors"] == "'none'"
    assert client.get(reverse("account_login"))["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_the_network_embed_shows_its_established_members_services_only(client, network, public_service):
    network.embed_origins = ["https://a.example.fi"]
    network.save()
    applicant = factories.MembershipFactory(network=network, status=MembershipStatus.APPLIED).organisation
    paused = factories.MembershipFactory(network=network, status=MembershipStatus.PAUSED).organisation
    factories.GuidanceServiceFactory(organisation=applicant, is_public=True, name="Hakijan palvelu")
    factories.GuidanceServiceFactory(organisation=paused, is_public=True, name="Tauolla olevan palvelu")
    factories.GuidanceServiceFactory(is_public=True, name="Ulkopuolisen palvelu")
    html = client.get(reverse("finder:embed_network", kwargs={"slug": network.slug})).content.decode()
    assert "Kirjaston digineuvonta" in html and "Tauolla olevan palvelu" in html
    assert "Hakijan palvelu" not in html and "Ulkopuolisen palvelu" not in html
    assert "Ulkopuolisen palvelu" in client.get(reverse("finder:finder")).content.decode()


@pytest.mark.django_db
def test_a_private_network_without_sites_has_no_embed(client, network, public_service):
    assert not network.is_public
    url = reverse("finder:embed_network", kwargs={"slug": network.slug})
    assert client.get(url).status_code == 404
    network.is_public = True
    network.save()
    response = client.get(url)
    assert response.status_code == 200
    assert _csp(response)["frame-ancestors"] == "'none'"


@pytest.mark.django_db
def test_the_organisation_embed(client, public_service):
    organisation = public_service.organisation
    url = reverse("finder:embed_organisation", kwargs={"slug": organisation.slug})
    assert _csp(client.get(url))["frame-ancestors"] == "'none'"
    organisation.embed_origins = ["https://www.example.fi"]
    organisation.save()
    response = client.get(url, {"lang": "sv"})
    assert _csp(response)["frame-ancestors"] == "https://www.example.fi"
    assert "X-Frame-Options" not in response.headers
    assert "Bibliotekets digitala rådgivning" in response.content.decode()
