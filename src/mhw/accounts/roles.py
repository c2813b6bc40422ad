"""Roles a user can hold and what each role may do.

This table is the single answer to "which role may do what"; querysets and views ask `permissions`, which reads it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CANDIDATE_ACCOUNT_MANAGER = "candidate_account_manager", _("Candidate account manager")
    COACH = "coach", _("Coach")
    TEACHER = "teacher", _("Teacher")
    COMPANY_ACCOUNT_MANAGER = "company_account_manager", _("Company account manager")
    BROKER = "broker", _("Broker")
    EXPERT = "expert", _("Expert (front-runner)")
    CAMPUS_ADMIN = "campus_admin", _("Campus administrator")
    NATIONAL_ADMIN = "national_admin", _("National administrator")
    COMPANY_HR = "company_hr", _("Company HR")
    PROVIDER_STAFF = "provider_staff", _("Education provider staff")


#: Roles held at one campus.
CAMPUS_ROLES = frozenset(
    {
        Role.CANDIDATE_ACCOUNT_MANAGER,
        Role.COACH,
        Role.TEACHER,
        Role.COMPANY_ACCOUNT_MANAGER,
        Role.BROKER,
        Role.EXPERT,
        Role.CAMPUS_ADMIN,
    }
)
#: Roles held in a partner organisation (a company or an education provider).
ORGANISATION_ROLES = frozenset({Role.COMPANY_HR, Role.PROVIDER_STAFF})


class Capability(models.TextChoices):
    VIEW_CANDIDATES = "view_candidates", _("View candidates")
    MANAGE_CANDIDATES = "manage_candidates", _("Manage candidates")
    VIEW_PARTNERS = "view_partners", _("View partner organisations")
    MANAGE_PARTNERS = "manage_partners", _("Manage partner organisations")
    VIEW_STAFF = "view_staff", _("View campus staff")
    VIEW_AUDIT = "view_audit", _("View the audit log")
    VIEW_SKILLS_WORK = "view_skills_work", _("View draft outcomes, skills profiles and mappings")
    AUTHOR_OUTCOMES = "author_outcomes", _("Write learning outcomes")
    REVIEW_OUTCOMES = "review_outcomes", _("Validate and publish learning outcomes")
    MANAGE_PROFILES = "manage_profiles", _("Manage skills profiles")
    MANAGE_MAPPINGS = "manage_mappings", _("Manage skills mappings")
    RECORD_TRAINING = "record_training", _("Record kick-off, basic modules, go/no-go and completed training")
    READ_INTAKE = "read_intake", _("Read intake results")
    MANAGE_OFFER = "manage_offer", _("Maintain the regional offer of modules")
    MANAGE_EVENTS = "manage_events", _("Organise recruitment events")
    MANAGE_CREDENTIALS = "manage_credentials", _("Define achievements and manage the issuer keys")
    MANAGE_COMPANY_ROUTE = "manage_company_route", _("Run the company route: clusters, canvases, metro lines, planner")


_ALL = frozenset(Capability)

#: What each campus role may do at its own campus. A national administrator may do everything everywhere.
ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.CANDIDATE_ACCOUNT_MANAGER: frozenset(
        {
            Capability.MANAGE_EVENTS,
            Capability.VIEW_CANDIDATES,
            Capability.MANAGE_CANDIDATES,
            Capability.READ_INTAKE,
            Capability.VIEW_PARTNERS,
            Capability.VIEW_STAFF,
            Capability.VIEW_SKILLS_WORK,
        }
    ),
    # The coach guides the candidate through intake to student and sits at the go/no-go.
    Role.COACH: frozenset(
        {
            Capability.MANAGE_EVENTS,
            Capability.VIEW_CANDIDATES,
            Capability.MANAGE_CANDIDATES,
            Capability.READ_INTAKE,
            Capability.RECORD_TRAINING,
            Capability.VIEW_PARTNERS,
            Capability.VIEW_STAFF,
            Capability.VIEW_SKILLS_WORK,
        }
    ),
    # The teacher teaches, assesses the go/no-go and certifies; intake results are not theirs to read.
    Role.TEACHER: frozenset(
        {
            Capability.MANAGE_EVENTS,
            Capability.VIEW_CANDIDATES,
            Capability.RECORD_TRAINING,
            Capability.VIEW_PARTNERS,
            Capability.VIEW_STAFF,
            Capability.VIEW_SKILLS_WORK,
            Capability.AUTHOR_OUTCOMES,
        }
    ),
    Role.COMPANY_ACCOUNT_MANAGER: frozenset(
        {
            Capability.VIEW_CANDIDATES,
            Capability.VIEW_PARTNERS,
            Capability.MANAGE_PARTNERS,
            Capability.VIEW_STAFF,
            Capability.VIEW_SKILLS_WORK,
            Capability.AUTHOR_OUTCOMES,
            Capability.MANAGE_PROFILES,
            Capability.MANAGE_MAPPINGS,
            Capability.MANAGE_COMPANY_ROUTE,
        }
    ),
    # The broker works on the company route and has no business with candidates' personal data.
    Role.BROKER: frozenset(
        {
            Capability.MANAGE_OFFER,
            Capability.VIEW_PARTNERS,
            Capability.MANAGE_PARTNERS,
            Capability.VIEW_STAFF,
            Capability.VIEW_SKILLS_WORK,
            Capability.AUTHOR_OUTCOMES,
            Capability.MANAGE_MAPPINGS,
            Capability.MANAGE_COMPANY_ROUTE,
        }
    ),
    # Experts (front-runners) validate outcomes and set future levels; they see no candidates.
    Role.EXPERT: frozenset(
        {
            Capability.VIEW_STAFF,
            Capability.VIEW_SKILLS_WORK,
            Capability.AUTHOR_OUTCOMES,
            Capability.REVIEW_OUTCOMES,
            Capability.MANAGE_MAPPINGS,
        }
    ),
    Role.CAMPUS_ADMIN: _ALL,
    Role.NATIONAL_ADMIN: _ALL,
}
