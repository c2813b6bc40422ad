"""Declarations of intent, employment contracts and enrolments: the agreements of the individual route.

The office drafts a declaration after company and candidate chose each other; each side signs for itself; the
provider receives a copy when the student is enrolled. A contract follows the training, for at least the
work-experience period the declaration promised.
"""

import datetime

from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.accounts.models import Membership, Organisation
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability, Role
from mhw.candidates.documents import declaration_pdf
from mhw.candidates.models import Candidate, DeclarationOfIntent, EmploymentContract, Enrolment


class AgreementError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _office(actor, candidate: Candidate) -> None:
    if not can(actor, Capability.MANAGE_CANDIDATES, candidate.campus_id):
        raise AgreementError(_("Your role does not allow this step."))


@transaction.atomic
def draft_declaration(actor, candidate: Candidate, *, company: Organisation, data: dict) -> DeclarationOfIntent:
    """Record a mutual choice as a declaration of intent, to be signed by both sides."""
    _office(actor, candidate)
    if company.kind != Organisation.Kind.COMPANY or company.campus_id != candidate.campus_id:
        raise AgreementError(_("The company must be a partner company of the candidate's campus."))
    if data["minimum_months"] < data["work_experience_months"]:
        raise AgreementError(_("The contract must last at least the work-experience period."))
    declaration = DeclarationOfIntent.objects.create(candidate=candidate, company=company, **data)
    record_event(actor, "declaration.drafted", candidate, details={"declaration": declaration.pk})
    return declaration


EDITABLE_DECLARATION_FIELDS = [
    "role_title", "contract_start", "minimum_months", "work_experience_months", "hours_per_week", "salary_band",
    "training",
]  # fmt: skip


@transaction.atomic
def update_declaration(actor, declaration: DeclarationOfIntent, *, data: dict, expected_version: int) -> None:
    """Correct a draft before anyone signs it: a signature covers the text it was given on, so a signed declaration
    is never changed. Refused when someone else changed it after `expected_version` was read."""
    _office(actor, declaration.candidate)
    declaration = DeclarationOfIntent.objects.select_for_update().get(pk=declaration.pk)
    if declaration.signed_by_anyone:
        raise AgreementError(_("A signed declaration of intent cannot be changed; draft a new one instead."))
    if data["minimum_months"] < data["work_experience_months"]:
        raise AgreementError(_("The contract must last at least the work-experience period."))
    for name in EDITABLE_DECLARATION_FIELDS:
        setattr(declaration, name, data[name])
    save_versioned(declaration, EDITABLE_DECLARATION_FIELDS, expected_version)
    record_event(actor, "declaration.corrected", declaration.candidate, details={"declaration": declaration.pk})


def signing_side(actor, candidate: Candidate, company_id: int) -> str | None:
    """Which side `actor` signs for: "candidate", "company" (its HR), or None for everyone else."""
    if candidate.user_id == actor.pk:
        return "candidate"
    if Membership.objects.filter(user=actor, organisation_id=company_id, role=Role.COMPANY_HR).exists():
        return "company"
    return None


def _side(actor, candidate: Candidate, company_id: int) -> str:
    side = signing_side(actor, candidate, company_id)
    if side is None:
        raise AgreementError(_("Only the candidate and the company sign this document."))
    return side


@transaction.atomic
def sign_declaration(
    actor, declaration: DeclarationOfIntent, *, seen_version: int | None = None
) -> DeclarationOfIntent:
    """Sign for one's own side. `seen_version` is the text the signer read: if the office corrected the draft since,
    the signature is refused so nobody signs what they did not see."""
    declaration = DeclarationOfIntent.objects.select_for_update().select_related("candidate").get(pk=declaration.pk)
    side = _side(actor, declaration.candidate, declaration.company_id)
    if seen_version is not None and seen_version != declaration.version:
        raise AgreementError(_("The declaration of intent was corrected after you opened it. Read it again and sign."))
    field = f"signed_by_{side}_at"
    if getattr(declaration, field) is None:
        setattr(declaration, field, timezone.now())
        declaration.save(update_fields=[field])
        record_event(actor, f"declaration.signed_by_{side}", declaration.candidate)
    return declaration


@transaction.atomic
def record_contract(actor, declaration: DeclarationOfIntent, *, starts_on: datetime.date, duration_months: int,
                    hours_per_week: int) -> EmploymentContract:  # fmt: skip
    _office(actor, declaration.candidate)
    if not declaration.is_signed:
        raise AgreementError(_("A contract follows a signed declaration of intent."))
    if hasattr(declaration, "contract"):
        raise AgreementError(_("This declaration already has a contract."))
    if duration_months < declaration.work_experience_months:
        raise AgreementError(_("The contract must last at least the work-experience period."))
    contract = EmploymentContract.objects.create(
        declaration=declaration, starts_on=starts_on, duration_months=duration_months, hours_per_week=hours_per_week
    )
    record_event(actor, "contract.recorded", declaration.candidate, details={"contract": contract.pk})
    return contract


@transaction.atomic
def sign_contract(actor, contract: EmploymentContract) -> EmploymentContract:
    contract = (
        EmploymentContract.objects.select_for_update().select_related("declaration__candidate").get(pk=contract.pk)
    )
    side = _side(actor, contract.declaration.candidate, contract.declaration.company_id)
    field = f"signed_by_{side}_at"
    if getattr(contract, field) is None:
        setattr(contract, field, timezone.now())
        contract.save(update_fields=[field])
        record_event(actor, f"contract.signed_by_{side}", contract.declaration.candidate)
    return contract


@transaction.atomic
def enrol(actor, candidate: Candidate, *, runs, paid_by: Organisation | None, own_contribution) -> list[Enrolment]:
    """Enrol the student in module runs; each provider receives the signed declaration of intent."""
    _office(actor, candidate)
    if not runs:
        raise AgreementError(_("Choose at least one run."))
    full = [run for run in runs if run.enrolments.count() >= run.seats]
    if full:
        raise AgreementError(_("No seats left in: %(runs)s.") % {"runs": ", ".join(str(r) for r in full)})
    enrolments = [
        Enrolment.objects.get_or_create(
            candidate=candidate, run=run, defaults={"paid_by": paid_by, "own_contribution": own_contribution}
        )[0]
        for run in runs
    ]
    record_event(actor, "candidate.enrolled", candidate, details={"runs": [r.pk for r in runs]})
    signed = candidate.declarations.filter(
        signed_by_company_at__isnull=False, signed_by_candidate_at__isnull=False
    ).first()
    if signed is not None:
        providers = {run.module.provider for run in runs}
        transaction.on_commit(lambda: send_copy_to_providers(signed.pk, [p.pk for p in providers]))
    return enrolments


def send_copy_to_providers(declaration_id: int, provider_ids: list[int]) -> None:
    """Mail the signed declaration (PDF) to the staff of each provider, in Dutch, and note when it went."""
    declaration = DeclarationOfIntent.objects.select_related("candidate", "company").get(pk=declaration_id)
    with override("nl"):
        pdf = declaration_pdf(declaration)
        for provider in Organisation.objects.filter(pk__in=provider_ids):
            recipients = list(
                Membership.objects.filter(organisation=provider, role=Role.PROVIDER_STAFF).values_list(
                    "user__email", flat=True
                )
            )
            if not recipients:
                continue
            message = EmailMessage(
                subject=_("Declaration of intent for %(name)s") % {"name": declaration.candidate.full_name},
                body=_("Attached is the signed declaration of intent of your new student.")
                + f"\n\n{declaration.candidate.full_name} — {declaration.company.name}",
                to=recipients,
            )
            message.attach(f"intentieverklaring-{declaration.pk}.pdf", pdf, "application/pdf")
            message.send()
    DeclarationOfIntent.objects.filter(pk=declaration_id).update(copy_sent_to_provider_at=timezone.now())
