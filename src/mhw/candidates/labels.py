"""The words for the steps of the route, shared by the pages, the history and the figures."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "register": _("Register"),
    "complete_intake": _("Intake done"),
    "select": _("Select"),
    "reject": _("Do not select"),
    "complete_application_training": _("Application training done"),
    "attend_job_fair": _("Invite to the job fair"),
    "match": _("Matched with an employer"),
    "sign_intent": _("Declaration of intent signed"),
    "enrol": _("Enrol"),
    "kick_off": _("Kick-off held"),
    "complete_basic_modules": _("Basic modules done"),
    "go": _("Go"),
    "no_go": _("No-go: stop"),
    "complete_training": _("Training completed"),
    "sign_contract": _("Contract signed"),
    "start_onboarding": _("Start onboarding"),
    "complete": _("Complete"),
    "withdraw": _("Withdraw"),
}
