"""Use cases of vacancies: the company account manager records a company's vacancy and links it to a skills profile,
or makes the profile from it."""

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.ecosystem import demand
from mhw.ecosystem.models import Vacancy
from mhw.ecosystem.services.network import EcosystemError
from mhw.skills.models import SkillsProfile
from mhw.skills.services import profiles


def _require(actor, campus_id: int) -> None:
    if not can(actor, Capability.MANAGE_PROFILES, campus_id):
        raise EcosystemError(_("Your role does not allow recording vacancies."))


def _require_profiles(actor, campus_id: int) -> None:
    if not can(actor, Capability.MANAGE_PROFILES, campus_id):
        raise EcosystemError(_("Your role does not allow linking skills profiles to vacancies."))


@transaction.atomic
def record_vacancy(actor, vacancy: Vacancy) -> Vacancy:
    _require(actor, vacancy.campus_id)
    if vacancy.company.campus_id != vacancy.campus_id or vacancy.company.kind != "company":
        raise EcosystemError(_("Choose a company of the campus."))
    vacancy.save()
    record_event(actor, "vacancy.recorded", vacancy, details={"vacancy": vacancy.pk})
    return vacancy


def _locked(vacancy: Vacancy, shown: int | None) -> Vacancy:
    """The vacancy's row, held until the transaction ends; refused when its profile is no longer `shown`."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    if vacancy.profile_id != shown:
        raise EcosystemError(_("The vacancy's skills profile was changed in the meantime. Look again and choose."))
    return vacancy


@transaction.atomic
def link_profile(actor, vacancy: Vacancy, profile, *, shown: int | None) -> None:
    """Link `vacancy` to `profile` (None: to none), as the user saw it linked to the profile `shown`."""
    _require_profiles(actor, vacancy.campus_id)
    vacancy = _locked(vacancy, shown)
    if profile is not None and profile.campus_id != vacancy.campus_id:
        raise EcosystemError(_("Choose a skills profile of the campus."))
    vacancy.profile = profile
    vacancy.save(update_fields=["profile"])
    record_event(actor, "vacancy.profiled", vacancy, details={"vacancy": vacancy.pk})


@transaction.atomic
def create_profile_from(actor, vacancy: Vacancy, *, campus, organisation, **fields) -> SkillsProfile:
    """A new skills profile of the vacancy's campus and company made from `vacancy` (the other `fields` as
    `profiles.create_profile` takes them), linked to it; refused as a whole when the vacancy got a profile meanwhile."""
    _require_profiles(actor, vacancy.campus_id)
    vacancy = _locked(vacancy, None)
    if campus.pk != vacancy.campus_id or organisation != vacancy.company:
        raise EcosystemError(_("A profile made from a vacancy is for the vacancy's campus and company."))
    profile = profiles.create_profile(actor, campus=campus, organisation=organisation, **fields)
    vacancy.profile = profile
    vacancy.save(update_fields=["profile"])
    record_event(actor, "vacancy.profiled", vacancy, details={"vacancy": vacancy.pk})
    return profile


def demand_since(campus, since: datetime.date) -> list[demand.Asked]:
    """The places asked by the campus's vacancies posted since `since`, per vacancy: role (its skills profile's name
    when it has one), region, date and number. Read as plain values in two queries, however many vacancies."""
    rows = list(
        Vacancy.objects.filter(campus=campus, posted_on__gte=since).values_list(
            "profile_id", "role_title", "region", "posted_on", "number"
        )
    )
    profiles = SkillsProfile.objects.in_bulk({profile_id for profile_id, *_rest in rows if profile_id})
    return [
        demand.Asked(str(profiles[profile_id]) if profile_id else role, region, posted_on, number)
        for profile_id, role, region, posted_on, number in rows
    ]
