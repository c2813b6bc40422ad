"""Every string a user sees has a Dutch translation, and the catalogue is in step with the code."""

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "mhw"
CATALOGUE = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def _entries_missing_translation(po_file: Path) -> str:
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(po_file)], capture_output=True, text=True, check=True
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(po_file)], capture_output=True, text=True, check=True
    ).stdout
    return untranslated + fuzzy


def test_the_dutch_catalogue_has_no_untranslated_or_fuzzy_entries():
    assert _entries_missing_translation(CATALOGUE) == ""


def test_every_translatable_string_in_the_code_is_in_the_catalogue(tmp_path):
    # makemessages on a copy: it merges the committed catalogue with the strings the code holds now. Any string
    # added to the code without a translation then shows up as untranslated.
    copy = tmp_path / "mhw"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "django-admin"), "makemessages", "-l", "nl", "--no-obsolete", "-v", "0"],
        cwd=copy,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "mhw.settings", "PYTHONPATH": str(ROOT / "src")},
    )
    assert result.returncode == 0, result.stderr
    assert _entries_missing_translation(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po") == ""
