"""Use cases of the KennisCirkel: record how strongly a player fills a knowledge function, and name the campus's six
functions in its own words."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.ecosystem.models import FunctionFill, KnowledgeFunction
from mhw.ecosystem.services.network import EcosystemError, require_manager


@transaction.atomic
def set_fill(actor, campus, *, organisation, position: int, strength: int, note: str = "") -> FunctionFill:
    """Record (or change) how strongly `organisation` fills function `position`."""
    require_manager(actor, campus.pk)
    if organisation.campus_id != campus.pk:
        raise EcosystemError(_("Choose a player of the campus."))
    fill, _created = FunctionFill.objects.update_or_create(
        organisation=organisation, position=position,
        defaults={"campus": campus, "strength": strength, "note": note},
    )  # fmt: skip
    record_event(actor, "kenniscirkel.filled", fill, details={"position": position, "strength": strength})
    return fill


@transaction.atomic
def remove_fill(actor, fill: FunctionFill) -> None:
    require_manager(actor, fill.campus_id)
    record_event(actor, "kenniscirkel.unfilled", fill, details={"position": fill.position})
    fill.delete()


@transaction.atomic
def save_functions(actor, campus, functions: list[dict]) -> None:
    """Name and describe the campus's six functions (dicts with position, name_nl, name_en, description_nl/en)."""
    require_manager(actor, campus.pk)
    for row in functions:
        KnowledgeFunction.objects.update_or_create(
            campus=campus, position=row["position"],
            defaults={key: row[key] for key in ("name_nl", "name_en", "description_nl", "description_en")},
        )  # fmt: skip
    record_event(actor, "kenniscirkel.functions_named", campus, campus_id=campus.pk)
