"""/healthz: 200 while the database answers, 503 when it does not."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok\n"
    assert client.head("/healthz").status_code == 200  # load balancers often probe with HEAD


def test_unhealthy_when_the_database_is_unreachable():
    """A real process whose database is a closed port on loopback answers 503, not 500."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', headers={'host': '127.0.0.1'});"
        "print(r.status_code)"
    )
    environment = {**os.environ, "DATABASE_URL": "postgresql://verkosto@127.0.0.1:9/verkosto", "DEBUG": "1"}
    environment["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    environment.pop("PYTEST_CURRENT_TEST", None)
    environment.pop("PYTEST_VERSION", None)
    environment["ENV_FILE"] = ""
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "503", result.stdout + result.stderr
