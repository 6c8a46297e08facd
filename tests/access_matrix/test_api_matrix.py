"""The read API's access matrix: every route of the API × every role, signed in with the role's own personal
access token (``api.BEARER``); then the tokens that must not sign in (none, unknown, revoked, expired, a
deactivated person's) and one without the scope, on every data route."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.api.main import api as ninja_api
from portal.api.models import AccessToken
from portal.api.tokens import token_create
from tests.access_matrix import api
from tests.access_matrix.rows import ROLES
from tests.access_matrix.test_matrix import all_patterns

MATRIX = {**api.BEARER, **api.OPEN}


def _url(name, objs):
    entry = MATRIX[name]
    return reverse(name, kwargs=entry.kwargs(objs) if entry.kwargs else None)


def test_every_data_route_of_the_api_has_a_bearer_entry():
    routes = {name for _, name in all_patterns() if name.startswith("api:")}
    assert routes - {"api:openapi-json", "api:openapi-view", "api:api-root"} == set(api.BEARER) | set(api.OPEN)
    paths = ninja_api.get_openapi_schema()["paths"]
    assert sum(len(operations) for operations in paths.values()) == len(api.BEARER) + len(api.OPEN)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_bearer_access(name, objs, client):
    url = _url(name, objs)
    failures = []
    for role in ROLES:
        user = getattr(objs, role)
        headers = {}
        if user is not None:
            _token, secret = token_create(user=user, name=role, scopes=["read"])
            headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
        response = client.get(url, **headers)
        if response.status_code != MATRIX[name].expect[role]:
            failures.append(f"{role}: expected {MATRIX[name].expect[role]}, got {response.status_code}")
    assert not failures, f"{url}: " + "; ".join(failures)


def _refused_tokens(member):
    now = timezone.now()
    revoked, revoked_secret = token_create(user=member, name="revoked", scopes=["read"])
    AccessToken.objects.filter(pk=revoked.pk).update(revoked_at=now)
    _expired, expired_secret = token_create(user=member, name="expired", scopes=["read"], expires_at=now)
    return {
        "none": None,
        "malformed": "Basic bWVtYmVyOnNhbGFzYW5h",
        "unknown": "Bearer vk_" + "x" * 43,
        "revoked": f"Bearer {revoked_secret}",
        "expired": f"Bearer {expired_secret}",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(api.BEARER))
def test_tokens_that_do_not_sign_in(name, objs, client):
    url = _url(name, objs)
    for situation, header in _refused_tokens(objs.member).items():
        response = client.get(url, **({"HTTP_AUTHORIZATION": header} if header else {}))
        assert response.status_code == 401, f"{situation}: {response.status_code}"
        assert response["WWW-Authenticate"].startswith('Bearer realm="api"'), situation
        assert response.json() == {"detail": "A valid personal access token is needed."}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(api.BEARER))
def test_a_token_without_the_scope_is_forbidden(name, objs, client):
    _token, secret = token_create(user=objs.member, name="no scope", scopes=[])
    response = client.get(_url(name, objs), HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 403
    assert 'error="insufficient_scope"' in response["WWW-Authenticate"]


@pytest.mark.django_db
def test_a_deactivated_persons_token_stops_working(objs, client):
    _token, secret = token_create(user=objs.member, name="x", scopes=["read"])
    url = _url("api:network_list", objs)
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    objs.member.is_active = False
    objs.member.save(update_fields=["is_active"])
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


@pytest.mark.django_db
def test_a_token_expires_at_its_time(objs, client):
    soon = timezone.now() + datetime.timedelta(minutes=5)
    _token, secret = token_create(user=objs.member, name="x", scopes=["read"], expires_at=soon)
    url = _url("api:network_list", objs)
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    AccessToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


@pytest.mark.django_db
def test_the_session_does_not_sign_in_to_the_api(objs, client_for):
    """A page's cookie never reads JSON on the person's behalf (no CSRF question arises)."""
    response = client_for(objs.member).get(_url("api:network_list", objs))
    assert response.status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(api.OPEN))
def test_the_open_data_does_not_ask_for_a_token(name, objs, client):
    """A refused token does not stand in the way of open data: it is not read at all."""
    response = client.get(_url(name, objs), HTTP_AUTHORIZATION="Bearer vk_unknown")
    assert response.status_code == 200


@pytest.mark.django_db
def test_what_is_not_public_is_not_found(objs, client):
    from tests import factories

    private = factories.GuidanceServiceFactory(organisation=objs.organisation, is_public=False)
    assert client.get(reverse("api:public_service_detail", kwargs={"id": private.pk})).status_code == 404
    # the organisation has no public service: no public profile either
    kwargs = {"slug": objs.organisation.slug}
    assert client.get(reverse("api:public_organisation_detail", kwargs=kwargs)).status_code == 404
