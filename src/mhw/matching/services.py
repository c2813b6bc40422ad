"""Use cases of a job fair: invite, schedule the speed dates, record both sides' choices, propose and accept the
stable matching (which drafts the declarations of intent)."""

import contextlib
import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from mhw.accounts.audit import record_event
from mhw.candidates.models import Candidate
from mhw.candidates.services import agreements, route
from mhw.candidates.services.skills import proven_levels
from mhw.matching.models import FairChoice, FairCompany, FairWish, JobFair, SpeedDate
from mhw.matching.speeddates import schedule_speed_dates
from mhw.matching.stable import stable_matching
from mhw.paths.services import latest_path_to, training_end, training_summary
from mhw.skills.gap import compute_gap
from mhw.skills.services.profiles import requirements_for_gap

NEUTRAL_SCORE = 5.0
DEFAULT_CONTRACT_HOURS = 38  # a full-time week; the office corrects the draft where the company offers other hours


class FairError(ValueError):
    """A request about a job fair that cannot be met; the message says why, in the user's language."""


def match_score(candidate: Candidate, fair_company: FairCompany) -> float:
    """0-10: the share of the role's weighted required levels the candidate shows (neutral 5 without a profile)."""
    profile = fair_company.profile
    version = profile.current if profile else None
    if version is None:
        return NEUTRAL_SCORE
    return round(10 * compute_gap(requirements_for_gap(version), proven_levels(candidate)).coverage, 2)


@transaction.atomic
def schedule_fair(actor, fair: JobFair):
    """Compute and store the speed-date schedule with the highest total match score (replacing an earlier one)."""
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    companies = list(fair.companies.select_related("profile"))
    candidates = [fc.candidate for fc in fair.candidates.select_related("candidate")]
    scores = {(c.pk, fc.pk): match_score(c, fc) for c in candidates for fc in companies}
    pinned = frozenset(fair.wishes.values_list("candidate_id", "company_id"))
    schedule = schedule_speed_dates(
        scores, {fc.pk: fc.tables for fc in companies}, fair.rounds, min_dates=min(fair.min_dates, fair.rounds),
        pinned=pinned, candidates=[c.pk for c in candidates],
    )  # fmt: skip
    SpeedDate.objects.filter(fair=fair).delete()
    SpeedDate.objects.bulk_create(
        SpeedDate(
            fair=fair, round=d.round, candidate_id=d.candidate, company_id=d.company, table=d.table, score=d.score
        )
        for d in schedule.dates
    )
    record_event(actor, "job_fair.scheduled", fair, details={"dates": len(schedule.dates)})
    return schedule


@transaction.atomic
def pin_wish(actor, fair: JobFair, *, candidate, company: FairCompany, wished_by: str) -> FairWish:
    """A candidate and a company that must meet at the fair; refused when the schedule could never hold it."""
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    if not fair.candidates.filter(candidate=candidate).exists() or company.fair_id != fair.pk:
        raise FairError(_("Only invited candidates and companies taking part can be pinned."))
    if fair.wishes.filter(candidate=candidate, company=company).exists():
        raise FairError(_("This wish is already pinned."))
    if fair.wishes.filter(candidate=candidate).count() >= fair.rounds:
        raise FairError(_("The candidate already has a pinned date in every round."))
    if fair.wishes.filter(company=company).count() >= company.tables * fair.rounds:
        raise FairError(_("The company's tables are full with pinned dates in every round."))
    wish = FairWish.objects.create(fair=fair, candidate=candidate, company=company, wished_by=wished_by)
    record_event(actor, "job_fair.wish_pinned", fair, details={"wish": wish.pk, "by": wished_by})
    return wish


@transaction.atomic
def unpin_wish(actor, wish: FairWish) -> None:
    record_event(actor, "job_fair.wish_unpinned", wish.fair, details={"wish": wish.pk})
    wish.delete()


@transaction.atomic
def move_round(actor, fair: JobFair, *, from_round: int, to_round: int) -> None:
    """Announce another round on the day. Only from the round the office saw: if someone moved it meanwhile, say so
    rather than skip a round."""
    if not 0 <= to_round <= fair.rounds + 1:
        raise FairError(_("There is no such round."))
    if not JobFair.objects.filter(pk=fair.pk, current_round=from_round).update(current_round=to_round):
        raise FairError(_("Someone else moved the round meanwhile; the board shows the round now under way."))
    record_event(actor, "job_fair.round_moved", fair, details={"round": to_round})


@transaction.atomic
def record_choices(actor, fair: JobFair, *, side: str, owner, ranked: list) -> None:
    """Replace one party's ranked choices: a candidate ranks fair companies, a fair company ranks candidates."""
    if side == FairChoice.Side.CANDIDATE:
        FairChoice.objects.filter(fair=fair, side=side, candidate=owner).delete()
        rows = [FairChoice(fair=fair, side=side, candidate=owner, company=c, rank=i + 1) for i, c in enumerate(ranked)]
    else:
        FairChoice.objects.filter(fair=fair, side=side, company=owner).delete()
        rows = [FairChoice(fair=fair, side=side, candidate=c, company=owner, rank=i + 1) for i, c in enumerate(ranked)]
    FairChoice.objects.bulk_create(rows)
    record_event(actor, "job_fair.choices_recorded", fair, details={"side": side, "count": len(rows)})


def proposed_matching(fair: JobFair, *, proposing: str = "candidates") -> dict:
    """candidate id -> FairCompany id of the stable matching of the recorded choices."""
    candidate_prefs: dict = {}
    company_prefs: dict = {fc.pk: [] for fc in fair.companies.all()}
    for choice in fair.choices.order_by("rank"):
        if choice.side == FairChoice.Side.CANDIDATE:
            candidate_prefs.setdefault(choice.candidate_id, []).append(choice.company_id)
        else:
            company_prefs.setdefault(choice.company_id, []).append(choice.candidate_id)
    places = {fc.pk: fc.places for fc in fair.companies.all()}
    return stable_matching(candidate_prefs, company_prefs, places, proposing=proposing)


@transaction.atomic
def accept_matching(actor, fair: JobFair, *, proposing: str = "candidates") -> list:
    """Draft a declaration of intent for each matched pair and move the candidate to 'matched'."""
    fair = JobFair.objects.select_for_update().get(pk=fair.pk)
    declarations = []
    for candidate_id, company_id in proposed_matching(fair, proposing=proposing).items():
        candidate = Candidate.objects.get(pk=candidate_id)
        fair_company = FairCompany.objects.select_related("company").get(pk=company_id)
        if candidate.declarations.filter(company=fair_company.company).exists():
            continue
        # The contract starts when the planned training ends (six months after the fair without a plan); the office
        # corrects the draft before it is signed where the parties agreed otherwise.
        path = latest_path_to(candidate, fair_company.profile) if fair_company.profile else None
        fits = path is not None and path.fits_six_months
        declaration = agreements.draft_declaration(
            actor, candidate, company=fair_company.company,
            data={
                "role_title": fair_company.role_title,
                "contract_start": max(training_end(path), fair.held_on) if fits
                else fair.held_on + datetime.timedelta(weeks=26),
                "minimum_months": max(12, fair_company.work_experience_months),
                "work_experience_months": fair_company.work_experience_months,
                "hours_per_week": DEFAULT_CONTRACT_HOURS,
                "salary_band": fair_company.salary_band or "—",
                "training": training_summary(path) if fits else "",
            },
        )  # fmt: skip
        declarations.append(declaration)
        if candidate.stage == "at_job_fair":
            # The step needs the candidate's consent among others; without it the declaration waits, the stage too.
            with contextlib.suppress(route.RouteError):
                route.take_step(actor, candidate, "match", reason=str(fair))
    record_event(actor, "job_fair.matching_accepted", fair, details={"declarations": len(declarations)})
    return declarations
