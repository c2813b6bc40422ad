"""``MHW_OLD_CREDENTIAL_KEY=… python manage.py reseal_issuer_keys``: after MHW_CREDENTIAL_KEY changed, seal every
issuer key again with the new passphrase. All keys or none; keys already sealed with the new one are left alone."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from mhw.credentials import sealing
from mhw.credentials.models import IssuerKey

OLD_PASSPHRASE = "MHW_OLD_CREDENTIAL_KEY"


def _opens(key: IssuerKey, passphrase: str) -> bool:
    try:
        sealing.unseal(key.sealed_secret, passphrase)
    except sealing.SealBroken:
        return False
    return True


class Command(BaseCommand):
    help = f"Seal the issuers' keys with the current MHW_CREDENTIAL_KEY; the previous one comes from {OLD_PASSPHRASE}."

    @transaction.atomic
    def handle(self, *args, **options):
        old = os.environ.get(OLD_PASSPHRASE, "")
        if not old:
            raise CommandError(_("Set %(name)s to the previous passphrase.") % {"name": OLD_PASSPHRASE})
        resealed = 0
        for key in IssuerKey.objects.select_for_update().order_by("pk"):
            if _opens(key, settings.CREDENTIAL_KEY):
                continue  # already sealed with the current passphrase
            try:
                secret = sealing.unseal(key.sealed_secret, old)
            except sealing.SealBroken as error:
                raise CommandError(
                    _("Key %(key)s opens with neither passphrase; nothing was changed.") % {"key": key.pk}
                ) from error
            key.sealed_secret = sealing.seal(secret, settings.CREDENTIAL_KEY)
            key.save(update_fields=["sealed_secret"])
            resealed += 1
        self.stdout.write(_("%(n)s issuer keys sealed with the new passphrase.") % {"n": resealed})
