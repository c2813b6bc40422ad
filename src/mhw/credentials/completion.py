"""A module completed: the participant's shown levels rise (the candidates' service) and every achievement awarded
for that module is issued to them, with the module run as evidence."""

from django.db import transaction
from django.utils.translation import gettext as _

from mhw.candidates.services.skills import complete_enrolment
from mhw.credentials import services
from mhw.credentials.models import Achievement, IssuedCredential


@transaction.atomic
def complete_module(actor, enrolment) -> list[IssuedCredential]:
    """Mark the enrolment completed and issue the module's credentials (once each). The caller has checked that
    the actor may record the completion."""
    already = enrolment.completed_at is not None
    complete_enrolment(actor, enrolment)
    if already:
        return []
    run, candidate = enrolment.run, enrolment.candidate
    issued = []
    for achievement in Achievement.objects.filter(module=run.module):
        if candidate.credentials.filter(achievement=achievement).exists():
            continue
        issued.append(
            services.issue_earned(
                actor, achievement, candidate,
                narrative=_("Completed the module %(module)s.") % {"module": run.module},
                evidence=[{"name": str(run), "narrative": _("Module run completed, recorded by %(name)s.")
                           % {"name": actor.full_name}}],
            )
        )  # fmt: skip
    return issued


def awaiting(achievement: Achievement, run):
    """The enrolments of `run` completed by participants of the issuer's campus who do not hold `achievement` yet, in
    name order."""
    return (
        run.enrolments.filter(completed_at__isnull=False, candidate__campus_id=services.issuer_campus_id(achievement))
        .exclude(candidate__credentials__achievement=achievement)
        .select_related("candidate")
        .order_by("candidate__last_name", "candidate__first_name", "pk")
    )


def default_evidence(enrolment) -> str:
    return _("Completed on %(date)s.") % {"date": f"{enrolment.completed_at:%d-%m-%Y}"}


@transaction.atomic
def issue_for_run(
    actor, achievement: Achievement, run, *, narrative="", evidence: dict[int, str] | None = None, progress=None
) -> list[IssuedCredential]:
    """Bulk issuing: the achievement to the participants who completed `run` and do not hold it yet, each with
    their own evidence: the run and, per enrolment id in `evidence`, what the issuer wrote about that participant
    (by default their completion date). With `evidence` given, only those enrolments. All or nothing.
    `progress(label, done, total)`."""
    enrolments = list(awaiting(achievement, run))
    if evidence is not None:
        enrolments = [e for e in enrolments if e.pk in evidence]
    issued = []
    for done, enrolment in enumerate(enrolments, start=1):
        own = (evidence or {}).get(enrolment.pk, "").strip() or default_evidence(enrolment)
        issued.append(
            services.issue(
                actor, achievement, enrolment.candidate, narrative=narrative,
                evidence=[{"name": str(run), "narrative": own}],
            )
        )  # fmt: skip
        if progress is not None:
            progress(str(achievement), done, len(enrolments))
    return issued
