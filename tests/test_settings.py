"""Settings: production profile passes Django's deployment checks; bad environment values stop the start-up."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mhw.env import env_bool, env_choice, env_int

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for this process; a deployment never has it.
    dropped = {"DATABASE_URL", "DEBUG", "SECRET_KEY", "MHW_CREDENTIAL_KEY", "MHW_PROFILE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "MHW_PROFILE": "production",
    "SECRET_KEY": "k9$Vq2!xR7@pL4#wZ8^mN3&bT6*yH1(eJ5)uC0-sD+fG=aQ-production-test-key-0193",
    "ALLOWED_HOSTS": "noord.makehydrogenwork.example",
    "MHW_CREDENTIAL_KEY": "a-passphrase-kept-apart-from-the-database-2026",
}


def test_the_production_profile_passes_the_deployment_checks(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, STATIC_ROOT=str(tmp_path / "static"))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("secret", ["SECRET_KEY", "MHW_CREDENTIAL_KEY"])
def test_production_refuses_to_start_without_its_secrets(secret):
    env = {k: v for k, v in PRODUCTION.items() if k != secret}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert f"{secret} is required" in result.stderr


def test_issuers_are_named_by_did_web_in_production_only_on_https(tmp_path):
    static = str(tmp_path / "static")
    plain = _manage("check", **PRODUCTION, MHW_ISSUER_DID="web", SITE_URL="http://noord.example", STATIC_ROOT=static)
    assert plain.returncode != 0
    assert "https SITE_URL" in plain.stderr
    secure = _manage("check", **PRODUCTION, MHW_ISSUER_DID="web", SITE_URL="https://noord.example", STATIC_ROOT=static)
    assert secure.returncode == 0, secure.stderr


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    url = f"sqlite:///{tmp_path / 'wal.sqlite3'}"
    code = (
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(c.fetchone()[0], connection.settings_dict['OPTIONS']['transaction_mode'])"
    )
    result = _manage("shell", "-v", "0", "-c", code, DATABASE_URL=url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE"]


@pytest.mark.parametrize(
    ("reader", "value"),
    [
        (lambda: env_bool("MHW_TEST_VALUE", False), "maybe"),
        (lambda: env_int("MHW_TEST_VALUE", 1), "twelve"),
        (lambda: env_choice("MHW_TEST_VALUE", "a", ("a", "b")), "c"),
    ],
)
def test_a_bad_environment_value_is_refused_by_name(monkeypatch, reader, value):
    monkeypatch.setenv("MHW_TEST_VALUE", value)
    with pytest.raises(ImproperlyConfigured, match="MHW_TEST_VALUE"):
        reader()


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("0", False), ("Yes", True), ("off", False)])
def test_booleans_are_read_in_the_usual_spellings(monkeypatch, value, expected):
    monkeypatch.setenv("MHW_TEST_VALUE", value)
    assert env_bool("MHW_TEST_VALUE", not expected) is expected
