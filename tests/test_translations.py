"""Finnish and Swedish catalogs are complete: nothing untranslated, nothing fuzzy, nothing missing."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fi", "sv")


def _statistics(po: Path) -> str:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_is_complete(language):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    assert po.is_file(), f"{po} is missing"
    stats = _statistics(po)
    assert "untranslated" not in stats and "fuzzy" not in stats, stats


def test_no_string_in_the_code_is_missing_from_the_catalogs(tmp_path):
    """Run makemessages on a copy of the source: it must find nothing new to translate."""
    for name in ("portal", "partners", "networks", "templates", "locale"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    environment = {**os.environ, "DEBUG": "1"}
    environment.pop("PYTEST_CURRENT_TEST", None)
    environment.pop("PYTEST_VERSION", None)
    environment["ENV_FILE"] = ""
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", *[f"--locale={lang}" for lang in LANGUAGES], "--no-obsolete"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for language in LANGUAGES:
        stats = _statistics(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po")
        assert "untranslated" not in stats and "fuzzy" not in stats, f"{language}: {stats}"
