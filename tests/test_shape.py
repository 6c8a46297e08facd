"""The shape of the code, held: modules and functions stay small, the superuser bypass stays in one place,
templates ask rights instead of comparing status strings, and each domain has the same files."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ("portal", "partners", "networks")
DOMAINS = ("partners/directory", "partners/agreements", "networks/memberships", "networks/goals", "networks/meetings")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules(exclude=()):
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and not relative.startswith(exclude):
                yield relative, path


def test_no_application_module_is_over_400_lines():
    long = {
        name: count for name, path in _modules() if (count := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_function_is_over_60_lines_outside_demo_data():
    long = {}
    for name, path in _modules(exclude=("portal/demo_data/",)):
        for node in ast.walk(ast.parse(path.read_text())):
            length = node.end_lineno - node.lineno + 1 if hasattr(node, "end_lineno") else 0
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and length > MAX_FUNCTION_LINES:
                long[f"{name}:{node.name}"] = length
    assert long == {}


def test_only_portal_access_looks_at_the_superuser_flag():
    """The one bypass (portal.access.unrestricted); the admin's own user forms and seed data only set it, and
    the audit log records its every change (never deciding anything by it)."""
    allowed = {"portal/access.py", "portal/admin.py", "portal/accounts/models.py", "portal/audit/receivers.py"}
    found = {
        name
        for name, path in _modules(exclude=("portal/demo_data/", "portal/management/"))
        if "is_superuser" in path.read_text() and name not in allowed
    }
    templates = {path.name for path in (ROOT / "templates").rglob("*.html") if "is_superuser" in path.read_text()}
    assert found == set()
    assert templates == set()


# A status compared with a string in a template: the rule belongs to the domain's access or the model.
STATUS_LITERAL = re.compile(r"\.(status|role|my_role)\s*(==|!=)\s*[\"']")


def test_templates_ask_rights_and_properties_instead_of_comparing_status_strings():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "templates").rglob("*"))
        if path.suffix in {".html", ".txt"}
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if STATUS_LITERAL.search(line)
    ]
    assert found == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_domain_has_the_same_files(domain):
    package = ROOT / domain
    missing = [
        name
        for name in ("models", "access", "services", "selectors", "forms", "views", "urls", "admin")
        if not (package / f"{name}.py").exists() and not (package / name / "__init__.py").exists()
    ]
    assert missing == []


def test_no_module_name_repeats_its_domain():
    """``networks/meetings/polls.py``, never ``networks/meeting_polls.py``."""
    prefixed = [
        name
        for name, _path in _modules()
        for domain in DOMAINS
        if name.startswith(domain + "/") and Path(name).stem.startswith(Path(domain).name.rstrip("s") + "_")
    ]
    flat = [name for name, _path in _modules() if re.match(r"(networks|partners)/[a-z]+_[a-z_]+\.py$", name)]
    assert prefixed == []
    assert flat == []
