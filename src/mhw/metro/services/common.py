"""What the company route's use cases share: the error they refuse with, and the check that the actor may run the
cluster's company route."""

from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability


class MetroError(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def require_manager(actor, cluster) -> None:
    if not can(actor, Capability.MANAGE_COMPANY_ROUTE, cluster.campus_id):
        raise MetroError(_("Your role does not allow working on this cluster."))
