"""The sign-in policy of a provider (presets, issuer, allowed domains), the amr rule (RFC 8176), the MFA
requirement with a provider's MFA, and the providers' admin."""

import pytest
from allauth.socialaccount.models import SocialApp
from django.core.exceptions import ValidationError
from django.urls import reverse

from portal.accounts.sso import ProviderPolicy, amr_is_multi_factor, normalise_domains
from portal.middleware import mfa_required_for
from tests import factories

TENANT = "0b6f3c5e-8a2d-4c1b-9e7f-123456789abc"
ENTRA = f"https://login.microsoftonline.com/{TENANT}/v2.0"


@pytest.mark.parametrize(
    ("amr", "expected"),
    [
        (["pwd", "mfa"], True),
        (["mfa"], True),
        (["pwd", "otp"], True),
        (["pin", "hwk"], True),
        (["swk", "fpt"], True),
        (["pwd"], False),
        (["hwk"], False),
        (["otp", "sms"], False),  # two of the same kind: both something one has
        (["pwd", "kba"], False),
        ([], False),
        (None, False),
        ("mfa", False),  # not a list
        (["unknown", "pwd"], False),
    ],
)
def test_amr_rule(amr, expected):
    assert amr_is_multi_factor(amr) is expected


def test_domains_are_normalised():
    assert normalise_domains([" Gradia.FI ", "@jyvaskyla.fi", "gradia.fi", "", "jamk.fi."]) == [
        "gradia.fi",
        "jyvaskyla.fi",
        "jamk.fi",
    ]


def _policy(**fields):
    app = SocialApp.objects.create(provider="openid_connect", provider_id="org", name="Org", client_id="c")
    return ProviderPolicy(app=app, **fields)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("preset", "issuer", "error_field"),
    [
        ("entra", ENTRA, None),
        ("entra", ENTRA + "/", None),  # a trailing slash is dropped
        ("entra", "https://login.microsoftonline.com/common/v2.0", "issuer"),
        ("entra", "https://accounts.google.com", "issuer"),
        ("google", "", None),  # filled in
        ("google", "https://accounts.google.com", None),
        ("google", ENTRA, "issuer"),
        ("oidc", "https://idp.example.fi/realms/verkosto", None),
        ("oidc", "http://idp.example.fi", "issuer"),  # plain http only on one's own machine
        ("oidc", "http://127.0.0.1:8024/o", None),
    ],
)
def test_preset_checks_the_issuer(preset, issuer, error_field):
    policy = _policy(preset=preset, issuer=issuer, allowed_domains=["example.fi"])
    if error_field is None:
        policy.full_clean()
        assert policy.issuer.startswith("https://") or policy.issuer.startswith("http://127.0.0.1")
        assert not policy.issuer.endswith("/")
    else:
        with pytest.raises(ValidationError) as error:
            policy.full_clean()
        assert error_field in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("domains", [[], [" "], ["not a domain"], ["example"]])
def test_allowed_domains_are_required_and_checked(domains):
    policy = _policy(preset="entra", issuer=ENTRA, allowed_domains=domains)
    with pytest.raises(ValidationError) as error:
        policy.full_clean()
    assert "allowed_domains" in error.value.message_dict


@pytest.mark.django_db
def test_saving_the_policy_sets_the_providers_settings():
    policy = _policy(preset="google", issuer="", allowed_domains=["Gradia.fi"])
    policy.full_clean()
    policy.save()
    app = SocialApp.objects.get()
    assert app.settings == {
        "server_url": "https://accounts.google.com",
        "oauth_pkce_enabled": True,
        "auth_params": {"hd": "gradia.fi"},
    }
    policy.preset, policy.issuer = "entra", ENTRA
    policy.save()
    app.refresh_from_db()
    assert app.settings == {"server_url": ENTRA, "oauth_pkce_enabled": True}


@pytest.mark.django_db
def test_the_database_refuses_a_policy_without_domains():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        _policy(preset="entra", issuer=ENTRA, allowed_domains=[]).save()


@pytest.fixture
def strict_network(network):
    network.require_mfa_for_coordinators = True
    network.save(update_fields=["require_mfa_for_coordinators"])
    return network


@pytest.mark.django_db
def test_provider_mfa_counts_only_where_the_network_accepts_it(coordinator, strict_network, django_assert_num_queries):
    assert mfa_required_for(coordinator, provider_mfa=True)
    strict_network.accept_provider_mfa = True
    strict_network.save(update_fields=["accept_provider_mfa"])
    with django_assert_num_queries(1):
        assert not mfa_required_for(coordinator, provider_mfa=True)
    assert mfa_required_for(coordinator, provider_mfa=False)
    # Another strict network that does not accept it: still required.
    other = factories.NetworkFactory(require_mfa_for_coordinators=True)
    factories.NetworkRoleFactory(network=other, user=coordinator, role="coordinator")
    assert mfa_required_for(coordinator, provider_mfa=True)


@pytest.mark.django_db
def test_administrators_always_need_the_portals_own_mfa(strict_network):
    staff = factories.UserFactory(is_staff=True)
    strict_network.accept_provider_mfa = True
    strict_network.save(update_fields=["accept_provider_mfa"])
    assert mfa_required_for(staff, provider_mfa=True)


@pytest.mark.django_db
def test_admin_adds_a_provider_with_its_policy(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:socialaccount_socialapp_add")
    page = client.get(url)
    assert page.status_code == 200
    assert "policy-0-allowed_domains" in page.text
    data = {
        "provider": "openid_connect",
        "provider_id": "gradia",
        "name": "Organisaation tili (Entra ID)",
        "client_id": "client-id",
        "secret": "not-in-the-repository",
        "key": "",
        "settings": "{}",
        "policy-TOTAL_FORMS": "1",
        "policy-INITIAL_FORMS": "0",
        "policy-MIN_NUM_FORMS": "1",
        "policy-MAX_NUM_FORMS": "1",
        "policy-0-preset": "entra",
        "policy-0-issuer": "https://login.microsoftonline.com/common/v2.0",
        "policy-0-allowed_domains": "Gradia.fi, jyvaskyla.fi",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the issuer of the preset is refused
    assert not SocialApp.objects.exists()
    data["policy-0-issuer"] = ENTRA
    data["policy-0-trust_mfa"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302
    app = SocialApp.objects.get()
    assert app.policy.allowed_domains == ["gradia.fi", "jyvaskyla.fi"]
    assert app.policy.trust_mfa
    assert app.settings["server_url"] == ENTRA
    assert client.get(reverse("admin:socialaccount_socialapp_changelist")).status_code == 200


@pytest.mark.django_db
def test_sign_in_page_shows_a_button_only_when_a_provider_exists(client):
    page = client.get(reverse("account_login"))
    assert "sso-heading" not in page.text
    assert 'name="password"' in page.text
    _policy(preset="entra", issuer=ENTRA, allowed_domains=["example.fi"]).save()
    page = client.get(reverse("account_login"))
    assert "Kirjaudu: Org" in page.text
    assert 'action="/accounts/oidc/org/login/?process=login"' in page.text
    assert 'name="password"' in page.text
    # The button's form is redirected to the provider: its origin is allowed there, and only there.
    assert "form-action 'self' https://login.microsoftonline.com;" in page["Content-Security-Policy"]
    assert "login.microsoftonline.com" not in client.get(reverse("account_reset_password"))["Content-Security-Policy"]


@pytest.mark.django_db
def test_coordinator_decides_whether_the_network_accepts_provider_mfa(client, coordinator, network):
    from tests.stale_edits import version_of

    client.force_login(coordinator)
    url = reverse("networks:network_edit", kwargs={"slug": network.slug})
    assert 'name="accept_provider_mfa"' in client.get(url).text
    data = {"name_fi": network.name, "description_fi": "", "accept_provider_mfa": "on", **version_of(network)}
    response = client.post(url, data)
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.accept_provider_mfa


@pytest.mark.django_db
def test_a_persons_linked_organisation_accounts_are_in_their_data_and_erased_with_them(member):
    from allauth.socialaccount.models import SocialAccount

    from portal.accounts.personal_data import export
    from portal.privacy import services

    SocialAccount.objects.create(user=member, provider="gradia", uid="abc-123", extra_data={"id_token": {}})
    linked = list(export(member)["single_sign_on"])
    assert [(row["provider"], row["uid"]) for row in linked] == [("gradia", "abc-123")]
    services.account_erase(user=member)
    assert not SocialAccount.objects.filter(uid="abc-123").exists()


def _login_with(email_verified, **claims):
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount, SocialLogin

    account = SocialAccount(provider="org", uid="1", extra_data={"id_token": {"email": "a@example.fi", **claims}})
    return SocialLogin(account=account, email_addresses=[EmailAddress(email="A@example.fi", verified=email_verified)])


@pytest.mark.django_db
def test_entra_ids_domain_owner_verified_claim_counts_as_verified():
    from portal.sso.signin import provider_email

    entra = _policy(preset="entra", issuer=ENTRA, allowed_domains=["example.fi"])
    other = ProviderPolicy(preset="oidc", issuer="https://idp.example.fi", allowed_domains=["example.fi"])
    assert provider_email(_login_with(True), other) == ("a@example.fi", True)
    assert provider_email(_login_with(False), entra) == ("a@example.fi", False)
    assert provider_email(_login_with(False, xms_edov=True), entra) == ("a@example.fi", True)
    assert provider_email(_login_with(False, xms_edov=False), entra) == ("a@example.fi", False)
    assert provider_email(_login_with(False, xms_edov=True), other) == ("a@example.fi", False)


@pytest.mark.django_db
def test_a_failed_exchange_with_the_provider_is_told_on_the_sign_in_page(client):
    from portal.audit.models import AuditEvent

    _policy(preset="entra", issuer=ENTRA, allowed_domains=["example.fi"]).save()
    response = client.get("/accounts/oidc/org/login/callback/?error=access_denied", follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login")
    assert "Kirjautuminen kirjautumispalvelun kautta ei onnistunut." in response.text
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.SIGN_IN_FAILED)
    assert event.details["stage"] == "sso" and event.details["provider"] == "org"
