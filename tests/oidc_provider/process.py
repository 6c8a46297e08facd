"""Running the tests' OpenID Connect provider as a second process (see :mod:`tests.oidc_provider.serve`)."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_PASSWORD = "provider-password-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Provider:
    """The running provider: its issuer, its client's credentials, and its people (written to its people file)."""

    issuer: str
    client_id: str
    client_secret: str
    people_file: Path
    people: dict = field(default_factory=dict)

    def person(self, email: str, *, email_verified=True, amr=None, given_name="", family_name="") -> str:
        """Add (or replace) a person who can sign in at the provider; their password is PROVIDER_PASSWORD."""
        claims = {"password": PROVIDER_PASSWORD, "email_verified": email_verified}
        if amr is not None:
            claims["amr"] = amr
        if given_name:
            claims["given_name"] = given_name
        if family_name:
            claims["family_name"] = family_name
        self.people[email] = claims
        self.people_file.write_text(json.dumps(self.people))
        return email

    def forget_everyone(self) -> None:
        self.people = {}
        self.people_file.write_text("{}")


@contextlib.contextmanager
def running_provider(*, redirect_uris: list[str], timeout: float = 30.0):
    """Start the provider on a free port of 127.0.0.1 and stop it at the end; fail if it is not up in time."""
    with tempfile.TemporaryDirectory(prefix="verkosto-idp-") as directory:
        data = Path(directory)
        port = free_port()
        provider = Provider(
            issuer=f"http://127.0.0.1:{port}/o",
            client_id="verkosto-tests",
            client_secret="provider-client-secret-for-tests-only",
            people_file=data / "people.json",
        )
        provider.forget_everyone()
        env = {
            **os.environ,
            "PROVIDER_DATA": str(data),
            "PROVIDER_PORT": str(port),
            "PROVIDER_CLIENT_ID": provider.client_id,
            "PROVIDER_CLIENT_SECRET": provider.client_secret,
            "PROVIDER_REDIRECT_URIS": " ".join(redirect_uris),
        }
        log = (data / "provider.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.oidc_provider.serve"], cwd=ROOT, env=env, stdout=log, stderr=log
        )
        try:
            _wait_until_up(process, provider.issuer, timeout, data / "provider.log")
            yield provider
        finally:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
            log.close()


def _wait_until_up(process, issuer: str, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the test OIDC provider exited ({process.returncode}):\n{log.read_text()}")
        try:
            if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the test OIDC provider did not start in {timeout} s:\n{log.read_text()}")
