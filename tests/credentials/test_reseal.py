"""Changing MHW_CREDENTIAL_KEY: the issuers' keys are sealed again with the new passphrase, and sign as before."""

import pytest
from django.core.management import CommandError, call_command

from mhw.credentials import services
from mhw.credentials.models import IssuerKey
from tests.credentials.conftest import issue_badge

pytestmark = pytest.mark.django_db


def test_keys_are_resealed_and_keep_signing(world, achievement, settings, monkeypatch):
    before = issue_badge(world, achievement)
    old = settings.CREDENTIAL_KEY
    settings.CREDENTIAL_KEY = "the-new-passphrase-2027"
    monkeypatch.setenv("MHW_OLD_CREDENTIAL_KEY", old)
    call_command("reseal_issuer_keys")
    key = IssuerKey.objects.get()
    assert key.public_key == before.key.public_key
    after = issue_badge(world, achievement)
    assert after.key == key
    assert services.verify(after.document).valid
    assert bytes(key.sealed_secret) != bytes(before.key.sealed_secret)
    call_command("reseal_issuer_keys")  # already done: nothing changes
    assert bytes(IssuerKey.objects.get().sealed_secret) == bytes(key.sealed_secret)


def test_a_wrong_old_passphrase_changes_nothing(world, achievement, settings, monkeypatch):
    issue_badge(world, achievement)
    sealed = bytes(IssuerKey.objects.get().sealed_secret)
    settings.CREDENTIAL_KEY = "the-new-passphrase-2027"
    monkeypatch.setenv("MHW_OLD_CREDENTIAL_KEY", "not-the-old-one")
    with pytest.raises(CommandError, match=r"neither|geen van beide"):
        call_command("reseal_issuer_keys")
    monkeypatch.delenv("MHW_OLD_CREDENTIAL_KEY")
    with pytest.raises(CommandError, match="MHW_OLD_CREDENTIAL_KEY"):
        call_command("reseal_issuer_keys")
    assert bytes(IssuerKey.objects.get().sealed_secret) == sealed
