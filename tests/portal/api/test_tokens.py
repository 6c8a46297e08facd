"""The pages of a person's API tokens: making one (its secret shown once, only its hash kept), the list, revoking
one with a confirmation; the audit log's events; the last use written at most once a minute; valid HTML."""

import datetime
import hashlib
import uuid

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from portal.api.models import AccessToken
from portal.api.tokens import LAST_USED_EVERY, token_create, token_for_secret
from portal.api.views import NEW_SECRET
from portal.audit.models import AuditEvent, EventKind
from portal.lib.once import FIELD
from tests import nuchecker
from tests.createonce import assert_created_once


def _create(client, **data):
    fields = {"name": "Raportit", "scopes": ["read"], FIELD: str(uuid.uuid4()), **data}
    return client.post(reverse("api_tokens:token_create"), fields)


def _stored_secrets():
    return [s.get_decoded()[NEW_SECRET] for s in Session.objects.all() if NEW_SECRET in s.get_decoded()]


def _secret_in(client):
    return client.session[NEW_SECRET]


def test_the_secret_is_shown_once_and_only_its_hash_is_kept(client_for, member):
    client = client_for(member)
    response = _create(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("api_tokens:token_list")
    assert _stored_secrets() == [_secret_in(client)]  # waiting for the one page that shows it
    page = client.get(response["Location"]).content.decode()
    token = AccessToken.objects.get(user=member)
    secret = page.split('id="new-token" type="text" readonly value="')[1].split('"')[0]
    assert secret.startswith(token.prefix) and len(secret) > 40
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.scopes == ["read"]
    # the secret is nowhere in the database now: not in the token's row, not in a session
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM portal_accesstoken WHERE secret_hash = %s OR prefix = %s", [secret] * 2)
        assert cursor.fetchone()[0] == 0
    assert _stored_secrets() == []
    # shown once: the list again has the token's beginning only
    again = client.get(reverse("api_tokens:token_list")).content.decode()
    assert secret not in again and f"{token.prefix}…" in again
    assert token_for_secret(secret) == token


def test_a_token_without_scope_and_with_an_expiry(client_for, member):
    client = client_for(member)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    _create(client, scopes=[], expires_on=tomorrow.isoformat())
    token = AccessToken.objects.get(user=member)
    assert token.scopes == []
    assert timezone.localtime(token.expires_at).date() == tomorrow + datetime.timedelta(days=1)
    assert "none (refused)" in client.get(reverse("api_tokens:token_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_day_past_is_refused(client_for, member):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = _create(client_for(member), expires_on=yesterday.isoformat())
    assert response.status_code == 200
    assert not AccessToken.objects.exists()


def test_sent_twice_the_form_makes_one_token(client_for, member, django_capture_on_commit_callbacks):
    assert_created_once(
        client_for(member),
        reverse("api_tokens:token_create"),
        lambda: {"name": "Kahdesti", "scopes": ["read"]},
        lambda: AccessToken.objects.filter(user=member).count(),
        django_capture_on_commit_callbacks,
    )


def test_revoking_asks_first_then_the_token_stops_working(client_for, member):
    token, secret = token_create(user=member, name="Raportit", scopes=["read"])
    client = client_for(member)
    url = reverse("api_tokens:token_revoke", kwargs={"uuid": token.uuid})
    confirm = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Revoke the token “Raportit”" in confirm
    token.refresh_from_db()
    assert token.revoked_at is None
    assert client.post(url)["Location"] == reverse("api_tokens:token_list")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token_for_secret(secret) is None
    assert client.post(url).status_code == 302  # again: nothing changes
    assert AuditEvent.objects.filter(kind=EventKind.API_TOKEN_REVOKED).count() == 1


def test_making_and_revoking_are_in_the_audit_log(client_for, member):
    client = client_for(member)
    _create(client)
    token = AccessToken.objects.get(user=member)
    client.post(reverse("api_tokens:token_revoke", kwargs={"uuid": token.uuid}))
    kinds = (EventKind.API_TOKEN_CREATED, EventKind.API_TOKEN_REVOKED)
    events = AuditEvent.objects.filter(subject=member, kind__in=kinds).order_by("when", "pk")
    assert [(e.kind, e.actor, e.details["token"]) for e in events] == [
        (EventKind.API_TOKEN_CREATED, member, token.prefix),
        (EventKind.API_TOKEN_REVOKED, member, token.prefix),
    ]


def test_the_last_use_is_written_at_most_once_a_minute(member, django_assert_num_queries):
    token, secret = token_create(user=member, name="x", scopes=["read"])
    now = timezone.now()
    with django_assert_num_queries(2):  # the token with its person, the UPDATE of the last use
        token_for_secret(secret, now=now)
    with django_assert_num_queries(1):  # within the minute: no write
        token_for_secret(secret, now=now + LAST_USED_EVERY - datetime.timedelta(seconds=1))
    with django_assert_num_queries(2):
        token_for_secret(secret, now=now + LAST_USED_EVERY)
    token.refresh_from_db()
    assert token.last_used_at == now + LAST_USED_EVERY


@pytest.mark.django_db
def test_the_pages_are_valid_html(client_for, member, tmp_path):
    token, _secret = token_create(user=member, name="Raportit", scopes=["read"])
    client = client_for(member)
    client.session  # noqa: B018 - a session to hold the new secret
    pages = [
        reverse("api_tokens:token_list"),
        reverse("api_tokens:token_create"),
        reverse("api_tokens:token_revoke", kwargs={"uuid": token.uuid}),
        reverse("api:openapi-view"),
        reverse("portal:profile_detail"),
    ]
    _create(client)  # the list then shows a new secret too
    files, sources = [], {}
    for index, url in enumerate(pages):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fi")
        assert response.status_code == 200, url
        path = tmp_path / f"page-{index}.html"
        path.write_bytes(response.content)
        files.append(path)
        sources[path.name] = url
    assert "new-token" in files[0].read_text()
    assert reverse("api_tokens:token_list") in files[-1].read_text()  # the profile links to the tokens
    errors = nuchecker.check_files(files)
    assert not errors, nuchecker.describe(errors, sources)


def test_a_persons_data_lists_their_tokens_without_secrets_and_erasing_removes_them(member):
    from portal.api import personal_data

    token, secret = token_create(user=member, name="Raportit", scopes=["read"])
    exported = personal_data.export(member)["api_tokens"]
    assert [(row["name"], row["prefix"], row["scopes"]) for row in exported] == [("Raportit", token.prefix, ["read"])]
    assert secret not in str(exported) and token.secret_hash not in str(exported)
    personal_data.erase(member)
    assert not AccessToken.objects.filter(user=member).exists()
