"""Browser tests: Playwright drives Debian's Chromium (no browser download) against a live server.

Every page a journey visits is checked with axe-core (bundled by
axe-playwright-python): no serious or critical violations. Every HTML document the
browser loads is also saved, and at the end of the session the W3C Nu checker
(vnu.jar) checks them all in one run: no errors (HOUSE-STYLE rule 32).
"""

import itertools
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests import nuchecker

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (make test does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class NuCollector:
    """The HTML documents the browser loaded (not htmx fragments), saved to check them all at once."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.sources: dict[str, str] = {}
        self._numbers = itertools.count()

    def on_response(self, response) -> None:
        request = response.request
        if request.resource_type != "document" or request.headers.get("hx-request") or response.status >= 300:
            return
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        url = urlsplit(response.url)
        if url.path.startswith("/admin/"):  # Django's own admin markup, not our templates
            return
        try:
            body = response.body()
        except PlaywrightError:  # the page navigated on before the body was read
            return
        path = self.directory / f"page-{next(self._numbers):04d}.html"
        path.write_bytes(body)
        # The live server's port changes between runs: name the page by its path.
        self.sources[path.name] = url.path + (f"?{url.query}" if url.query else "")

    def check(self) -> None:
        files = sorted(self.directory.glob("page-*.html"))
        errors = nuchecker.check_files(files)
        assert not errors, f"The Nu checker found errors in {len(errors)} of {len(files)} pages:\n" + (
            nuchecker.describe(errors, self.sources)
        )


@pytest.fixture(scope="session")
def nu_pages():
    """Collects the pages of the whole session; after the last browser test the Nu checker runs over them."""
    with tempfile.TemporaryDirectory(prefix="verkosto-nu-") as directory:
        collector = NuCollector(Path(directory))
        yield collector
        collector.check()


@pytest.fixture
def page(browser, live_server, nu_pages):
    context = browser.new_context(base_url=live_server.url, locale="fi-FI", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("response", nu_pages.on_response)
    page.set_default_timeout(15_000)
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.console_errors = errors
    yield page
    context.close()
    csp = [e for e in errors if "Content Security Policy" in e or "Refused to" in e]
    assert not csp, f"CSP violations in the browser console: {csp}"


_axe = Axe()


def check_page(page, name: str) -> None:
    """Screenshot the page and run axe-core on it: no serious or critical violations."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    results = _axe.run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    summary = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in bad)
    assert not bad, f"axe on {name} ({page.url}):\n{summary}"


@pytest.fixture
def check():
    return check_page


@pytest.fixture(autouse=True)
def _no_async_guard(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
