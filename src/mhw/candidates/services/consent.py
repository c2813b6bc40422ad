"""Registration through the portal and the consent that comes with it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.accounts.models import User
from mhw.candidates.models import Candidate, Consent, ConsentText
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services.route import take_step


class ConsentError(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _give(candidate, scope: str, actor) -> Consent:
    text = ConsentText.current(scope)
    if text is None:
        raise ConsentError(_("There is no consent text yet; ask the campus."))
    consent, _created = Consent.objects.get_or_create(
        candidate=candidate, text=text, withdrawn_at__isnull=True, defaults={"given_by": actor}
    )
    record_event(actor, "consent.given", candidate, details={"scope": scope, "version": text.version})
    return consent


@transaction.atomic
def register_through_portal(*, campus, data: dict, password: str, share_with_companies: bool, language: str):
    """A professional registers: an account, a candidate record, consent with the current text, stage registered."""
    user = User.objects.create_user(data["email"], password, full_name=f"{data['first_name']} {data['last_name']}")
    user.language = language
    user.save(update_fields=["language"])
    candidate = Candidate.objects.create(
        campus=campus,
        user=user,
        **{name: data[name] for name in ("first_name", "last_name", "phone", "city", "current_occupation")},
        email=user.email,
        trajectory=data["trajectory"],
        employer=data.get("employer"),
        background=data.get("background", ""),
        motivation=data.get("motivation", ""),
        recruitment_channel=data.get("recruitment_channel", ""),
    )
    candidate.target_roles.set(data.get("target_roles") or [])
    record_event(user, "candidate.self_registered", candidate)
    _give(candidate, ConsentScope.PROGRAMME, user)
    if share_with_companies:
        _give(candidate, ConsentScope.SHARE_WITH_COMPANIES, user)
    return take_step(user, candidate, "register")


@transaction.atomic
def give_consent(actor, candidate: Candidate, scope: str) -> Consent:
    return _give(candidate, scope, actor)


@transaction.atomic
def withdraw_consent(actor, consent: Consent) -> Consent:
    """Withdraw at once; what the consent allowed stops from this moment (e.g. companies no longer see the profile)."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        record_event(actor, "consent.withdrawn", consent.candidate, details={"scope": consent.text.scope})
    return consent
