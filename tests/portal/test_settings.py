"""Settings from the environment, deployment checks and security headers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from portal.lib import env

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-very-long-random-production-secret-key-9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1",
    "ALLOWED_HOSTS": "verkosto.example.fi",
    "SITE_URL": "https://verkosto.example.fi",
    "HTTPS": "1",
    "BEHIND_PROXY": "1",
    "TRUSTED_PROXY_COUNT": "1",
}


def _manage(*args, extra_env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "PYTEST_CURRENT_TEST", "PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(extra_env)
    environment["ENV_FILE"] = ""  # only these variables count, not a developer's .env
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_values():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_complains_about_a_debug_setup():
    """The check above can fail: without HTTPS the same command reports problems."""
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env={**PRODUCTION_ENV, "HTTPS": "0"})
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("change", "check_id"),
    [({"TRUSTED_PROXY_COUNT": "0"}, "portal.W001"), ({"SITE_URL": "http://127.0.0.1:8000"}, "portal.W002")],
)
def test_check_deploy_catches_our_own_mistakes(change, check_id):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", extra_env={**PRODUCTION_ENV, **change})
    assert result.returncode != 0
    assert check_id in result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", extra_env={**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_sqlite_is_refused():
    result = _manage("check", extra_env={**PRODUCTION_ENV, "DATABASE_URL": "sqlite:///x.db"})
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_env_helpers(monkeypatch, tmp_path):
    monkeypatch.setenv("X_BOOL", "yes")
    assert env.env_bool("X_BOOL") is True
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env.env_bool("X_BOOL")
    monkeypatch.setenv("X_INT", "12")
    assert env.env_int("X_INT", 3) == 12
    monkeypatch.setenv("X_INT", "twelve")
    with pytest.raises(ImproperlyConfigured):
        env.env_int("X_INT", 3)
    monkeypatch.setenv("X_LIST", "a, b,,c")
    assert env.env_list("X_LIST") == ["a", "b", "c"]
    secret = tmp_path / "secret"
    secret.write_text("from-file\n")
    monkeypatch.setenv("X_SECRET_FILE", str(secret))
    assert env.env_secret("X_SECRET") == "from-file"
    monkeypatch.delenv("X_SECRET_FILE")
    monkeypatch.delenv("X_SECRET", raising=False)
    with pytest.raises(ImproperlyConfigured):
        env.env_secret("X_SECRET")


def test_env_example_lists_every_variable_settings_read():
    settings_source = (ROOT / "portal" / "settings.py").read_text()
    import re

    read = set(re.findall(r'env_(?:str|bool|int|list|secret)\(\s*"([A-Z_]+)"', settings_source))
    example = {line.split("=", 1)[0] for line in (ROOT / ".env.example").read_text().splitlines() if "=" in line}
    example = {name.lstrip("# ").strip() for name in example}
    missing = read - example
    assert not missing, f".env.example lacks: {sorted(missing)}"


@pytest.mark.django_db
def test_security_headers_on_a_page(client):
    response = client.get(reverse("portal:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "script-src 'self'" in csp  # nonces are added only on pages that need an inline script
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_personal_pages_are_not_cached(client, member):
    client.force_login(member)
    response = client.get(reverse("portal:home"))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_default_language_is_finnish(client):
    response = client.get(reverse("portal:home"))
    assert '<html lang="fi">' in response.text
    assert response.wsgi_request.LANGUAGE_CODE == "fi"


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "word"), [("fi", "Kirjaudu"), ("sv", "Logga in"), ("en", "Sign in")])
def test_language_switch(client, code, word):
    response = client.post(reverse("set_language"), {"language": code, "next": "/"}, follow=True)
    assert f'<html lang="{code}">' in response.text
    assert word in response.text
