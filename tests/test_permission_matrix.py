"""Every route, requested as every kind of actor, answers the status this table expects.

The table must name every URL pattern and every API operation: adding a route without deciding who may use it
fails `test_every_page_route_is_in_the_matrix` or `test_every_api_operation_is_in_the_matrix`.
"""

import json
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mhw.candidates.models import Consent
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services.consent import give_consent, withdraw_consent
from mhw.credentials.models import Achievement, CredentialShare, IssuedCredential, RegisteringBody
from mhw.credentials.services import active_key, issue
from mhw.credentials.wallet import create_share
from mhw.ecosystem.models import Community, Development, FunctionFill, NetworkMember, NetworkQuestion, Relation, Vacancy
from mhw.metro.services.planner import cancel_token as cancel_registration_token
from mhw.recruitment.services import cancel_token
from tests.conftest import ACTORS, World
from tests.metro import fixtures as metro

STAFF_A = (
    "candidate_account_manager",
    "coach",
    "teacher",
    "company_account_manager",
    "broker",
    "expert",
    "campus_admin",
)
# Who holds each capability at campus A (see mhw/accounts/roles.py); the national admin holds all, everywhere.
VIEW_CANDIDATES = ("candidate_account_manager", "coach", "teacher", "company_account_manager", "campus_admin")
MANAGE_CANDIDATES = ("candidate_account_manager", "coach", "campus_admin")
VIEW_PARTNERS = tuple(actor for actor in STAFF_A if actor != "expert")
VIEW_AUDIT = ("campus_admin",)
AUTHOR_OUTCOMES = ("teacher", "company_account_manager", "broker", "expert", "campus_admin")
REVIEW_OUTCOMES = ("expert", "campus_admin")
MANAGE_OFFER = ("broker", "campus_admin")
MANAGE_EVENTS = ("candidate_account_manager", "coach", "teacher", "campus_admin")
MANAGE_MAPPINGS = ("company_account_manager", "broker", "expert", "campus_admin")
MANAGE_PROFILES = ("company_account_manager", "campus_admin")
RECORD_TRAINING = ("coach", "teacher", "campus_admin")
MANAGE_COMPANY_ROUTE = ("company_account_manager", "broker", "campus_admin")
MANAGE_PARTNERS = ("company_account_manager", "broker", "campus_admin")


def company_a(status: int) -> dict[str, int]:
    """The same answer for company A's HR whatever candidate A's consent: the page is about the company's own work."""
    return dict.fromkeys(("company_hr", "company_hr_consent_given", "company_hr_consent_withdrawn"), status)


def expect(default: int, **overrides: int) -> dict[str, int]:
    table = dict.fromkeys(ACTORS, default)
    table.update(overrides)
    return table


def only(allowed: tuple[str, ...], yes: int, no: int, **overrides: int) -> dict[str, int]:
    """`yes` for the actors in `allowed` and the national admin, `no` for the rest, anonymous to the login page."""
    table = {actor: (yes if actor in allowed else no) for actor in ACTORS}
    table.update(anonymous=302, national_admin=yes)
    table.update(overrides)
    return table


LOGGED_IN = expect(200, anonymous=302)


@dataclass(frozen=True)
class Route:
    method: str
    url: Callable[[World], str]
    expected: dict[str, int]
    data: Callable[[World], dict] | None = None


def _url(name, **kwargs):
    return lambda world: reverse(name, kwargs=kwargs)


PAGES: dict[str, Route] = {
    "home": Route("get", _url("home"), expect(200)),
    "healthz": Route("get", _url("healthz"), expect(200)),
    # Credentials are checked by anyone, and what an achievement means and which credentials are revoked is public.
    "verify": Route("get", _url("verify"), expect(200)),
    "achievement_public": Route(
        "get", lambda w: reverse("achievement_public", args=[_achievement(w).public_id]), expect(200)
    ),
    "achievement_ob2": Route(
        "get", lambda w: reverse("achievement_ob2", args=[_achievement(w).public_id]), expect(200)
    ),
    "achievement_image": Route(
        "get", lambda w: reverse("achievement_image", args=[_achievement(w).public_id]), expect(200)
    ),
    "credential_ob2": Route("get", lambda w: reverse("credential_ob2", args=[_credential(w).public_id]), expect(200)),
    "issuer_ob2": Route(
        "get", lambda w: reverse("issuer_ob2", args=["campus", _achievement(w).campus_id]), expect(200)
    ),
    "issuer_did_document": Route(
        "get", lambda w: reverse("issuer_did_document", args=["campus", _credential(w).key.campus_id]), expect(200)
    ),
    "verify_issued": Route("get", lambda w: reverse("verify_issued", args=[_credential(w).public_id]), expect(200)),
    "shared": Route("get", lambda w: reverse("shared", args=[_share_token(w)]), expect(200)),
    "shared_download": Route(
        "get", lambda w: reverse("shared_download", args=[_share_token(w), _credential(w).public_id]), expect(200)
    ),
    # The wallet is the holder's own; staff see a participant's credentials as they see the participant.
    "wallet": Route("get", _url("wallet"), expect(404, anonymous=302, candidate=200)),
    # Rectification: the candidate corrects their own details; anyone without a candidate record has none to correct.
    "my_details": Route("get", _url("my_details"), expect(404, anonymous=302, candidate=200)),
    "wallet_export": Route("get", _url("wallet_export"), expect(404, anonymous=302, candidate=200)),
    "wallet_overview": Route("get", _url("wallet_overview"), expect(404, anonymous=302, candidate=200)),
    "share_revoke": Route(
        "post",
        lambda w: reverse("share_revoke", args=[_share(w).pk]),
        expect(404, anonymous=302, candidate=302),
    ),
    "credential_download": Route(
        "get",
        lambda w: reverse("credential_download", args=[_credential(w).public_id]),
        only(VIEW_CANDIDATES, 200, 404, candidate=200, company_hr_consent_given=200),
    ),
    "credential_jwt": Route(
        "get",
        lambda w: reverse("credential_jwt", args=[_credential(w).public_id]),
        only(VIEW_CANDIDATES, 200, 404, candidate=200, company_hr_consent_given=200),
    ),
    "credential_badge": Route(
        "get",
        lambda w: reverse("credential_badge", args=[_credential(w).public_id]),
        only(VIEW_CANDIDATES, 200, 404, candidate=200, company_hr_consent_given=200),
    ),
    "credential_badge_png": Route(
        "get",
        lambda w: reverse("credential_badge_png", args=[_credential(w).public_id]),
        only(VIEW_CANDIDATES, 200, 404, candidate=200, company_hr_consent_given=200),
    ),
    "credential_certificate": Route(
        "get",
        lambda w: reverse("credential_certificate", args=[_credential(w).public_id]),
        only(VIEW_CANDIDATES, 200, 404, candidate=200, company_hr_consent_given=200),
    ),
    "candidate_credentials": Route(
        "get",
        lambda w: reverse("candidate_credentials", args=[w.candidate_a.pk]),
        only(VIEW_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "achievement_list": Route("get", _url("achievement_list"), only(("campus_admin",), 200, 403)),
    "register_list": Route("get", _url("register_list"), only(("campus_admin",), 200, 403)),
    "register_edit": Route(
        "get", lambda w: reverse("register_edit", args=[_register(w).pk]), only(("campus_admin",), 200, 403)
    ),
    "achievement_edit": Route(
        "get",
        lambda w: reverse("achievement_edit", args=[_achievement(w).pk]),
        only(("campus_admin",), 200, 403, coach_campus_b=403),
    ),
    "issuer_key_rotate": Route(
        "post",
        lambda w: reverse("issuer_key_rotate", args=[active_key(_achievement(w)).pk]),
        only(("campus_admin",), 302, 403),
    ),
    "bulk_issue": Route("get", _url("bulk_issue"), only(RECORD_TRAINING, 200, 403, coach_campus_b=200)),
    "rubric_assessment": Route(
        "get",
        lambda w: reverse("rubric_assessment", args=[w.candidate_a.pk]),
        only(RECORD_TRAINING, 200, 403, coach_campus_b=404),
    ),
    "credential_suspend": Route(
        "post",
        lambda w: reverse("credential_suspend", args=[_credential(w).public_id]),
        only(RECORD_TRAINING, 302, 403, coach_campus_b=404),
    ),
    "credential_revoke": Route(
        "post",
        lambda w: reverse("credential_revoke", args=[_credential(w).public_id]),
        only(RECORD_TRAINING, 302, 403, coach_campus_b=404),
    ),
    "credential_status_list": Route(
        "get",
        lambda w: reverse("credential_status_list", args=[active_key(_achievement(w)).public_key, "revocation"]),
        expect(200),
    ),
    "dashboard": Route("get", _url("dashboard"), LOGGED_IN),
    "login": Route("get", _url("login"), expect(302, anonymous=200)),
    "logout": Route("post", _url("logout"), expect(302)),
    "password_change": Route("get", _url("password_change"), LOGGED_IN),
    "password_change_done": Route("get", _url("password_change_done"), LOGGED_IN),
    "password_reset": Route("get", _url("password_reset"), expect(200)),
    "password_reset_done": Route("get", _url("password_reset_done"), expect(200)),
    "password_reset_confirm": Route("get", _url("password_reset_confirm", uidb64="MQ", token="bad-token"), expect(200)),
    "password_reset_complete": Route("get", _url("password_reset_complete"), expect(200)),
    "switch_language": Route("post", _url("switch_language"), expect(302), lambda w: {"language": "en"}),
    "profile": Route("get", _url("profile"), LOGGED_IN),
    "token_create": Route("post", _url("token_create"), LOGGED_IN, lambda w: {"name": "script"}),
    "token_revoke": Route(
        "post",
        lambda w: reverse("token_revoke", kwargs={"token_id": w.coach_token.pk}),
        expect(404, anonymous=302, coach=302),
    ),
    "campus_list": Route("get", _url("campus_list"), expect(200)),
    "campus_detail": Route("get", _url("campus_detail", slug="campus-a"), expect(200)),
    "organisation_list": Route("get", _url("organisation_list"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "organisation_detail": Route(
        "get",
        lambda w: reverse("organisation_detail", kwargs={"pk": w.company_a.pk}),
        only(VIEW_PARTNERS, 200, 404, **company_a(200)),
    ),
    "staff_list": Route("get", _url("staff_list"), only(STAFF_A, 200, 403, coach_campus_b=200)),
    "audit_log": Route("get", _url("audit_log"), only(VIEW_AUDIT, 200, 403)),
    "candidate_list": Route("get", _url("candidate_list"), only(VIEW_CANDIDATES, 200, 403, coach_campus_b=200)),
    "candidate_create": Route("get", _url("candidate_create"), only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=200)),
    "candidate_detail": Route(
        "get",
        lambda w: reverse("candidate_detail", kwargs={"pk": w.candidate_a.pk}),
        only(VIEW_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "candidate_roles": Route(
        "get",
        lambda w: reverse("candidate_roles", kwargs={"pk": w.candidate_a.pk}),
        only(VIEW_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "profile_candidates": Route(
        "get",
        lambda w: reverse("profile_candidates", kwargs={"pk": w.skills.profile.pk}),
        only(VIEW_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "register": Route("get", _url("register"), expect(200, candidate=302)),
    "candidate_step": Route(
        "post",
        lambda w: reverse("candidate_step", args=[w.candidate_a.pk, "register"]),
        only(
            MANAGE_CANDIDATES,
            302,
            404,
            candidate=302,
            teacher=403,
            company_account_manager=403,
            company_hr_consent_given=403,
        ),
    ),
    "intake_record": Route(
        "post",
        lambda w: reverse("intake_record", args=[w.candidate_a.pk]),
        only(MANAGE_CANDIDATES, 302, 404),
        lambda w: {"kind": "interview", "taken_on": "2026-11-02", "source": "coach", "summary": "goed"},
    ),
    "consent_withdraw": Route(
        "post", lambda w: reverse("consent_withdraw", args=[w.consent_a.pk]), expect(404, anonymous=302, candidate=302)
    ),
    "consent_give": Route(
        "post",
        lambda w: reverse("consent_give", args=["share_with_companies"]),
        expect(404, anonymous=302, candidate=302),
    ),
    "declaration_create": Route(
        "get", lambda w: reverse("declaration_create", args=[w.candidate_a.pk]), only(MANAGE_CANDIDATES, 200, 404)
    ),
    "declaration_edit": Route(  # the world's declaration is signed: the office is sent back to it
        "get", lambda w: reverse("declaration_edit", args=[w.declaration_a.pk]), only(MANAGE_CANDIDATES, 302, 404)
    ),
    "enrolment_create": Route(
        "get", lambda w: reverse("enrolment_create", args=[w.candidate_a.pk]), only(MANAGE_CANDIDATES, 200, 404)
    ),
    "declaration_detail": Route(
        "get",
        lambda w: reverse("declaration_detail", args=[w.declaration_a.pk]),
        only(VIEW_CANDIDATES, 200, 404, **company_a(200), candidate=200),
    ),
    "declaration_download": Route(
        "get",
        lambda w: reverse("declaration_download", args=[w.declaration_a.pk]),
        only(VIEW_CANDIDATES, 200, 404, **company_a(200), candidate=200),
    ),
    "declaration_sign": Route(
        "post",
        lambda w: reverse("declaration_sign", args=[w.declaration_a.pk]),
        only(VIEW_CANDIDATES, 302, 404, **company_a(302), candidate=302),
    ),
    "contract_record": Route(
        "post",
        lambda w: reverse("contract_record", args=[w.declaration_a.pk]),
        only(VIEW_CANDIDATES, 302, 404, **company_a(302), candidate=302),
        lambda w: {"starts_on": "2027-07-01", "duration_months": 12, "hours_per_week": 38},
    ),
    "contract_sign": Route(
        "post",
        lambda w: reverse("contract_sign", args=[w.declaration_a.contract.pk]),
        only(VIEW_CANDIDATES, 302, 404, **company_a(302), candidate=302),
    ),
    "skill_record": Route(
        "post",
        lambda w: reverse("skill_record", args=[w.candidate_a.pk]),
        only(MANAGE_CANDIDATES, 302, 404),
        lambda w: {"skill-item_code": w.skills.published.items.first().code, "skill-level": 2, "skill-source": "self"},
    ),
    "skills_from_text": Route(
        "get", lambda w: reverse("skills_from_text", args=[w.candidate_a.pk]), only(MANAGE_CANDIDATES, 200, 404)
    ),
    "target_roles_set": Route(
        "post",
        lambda w: reverse("target_roles_set", args=[w.candidate_a.pk]),
        only(MANAGE_CANDIDATES, 302, 404),
        lambda w: {"target_roles": [w.skills.profile.pk]},
    ),
    "programme_figures": Route("get", _url("programme_figures"), only(VIEW_CANDIDATES, 200, 403, coach_campus_b=200)),
    "evaluation": Route(
        "get",
        lambda w: reverse("evaluation", args=[w.candidate_a.pk]),
        expect(404, anonymous=302, candidate=200, **company_a(200)),
    ),
    "session_plan": Route(
        "post",
        lambda w: reverse("session_plan", args=[w.candidate_a.pk]),
        only(MANAGE_CANDIDATES, 302, 404),
        lambda w: {"session-kind": "workshop", "session-planned_at": "2027-01-20T10:00", "session-topic": "CV"},
    ),
    "session_attendance": Route(
        "post",
        lambda w: reverse("session_attendance", args=[w.session_a.pk]),
        only(MANAGE_CANDIDATES, 302, 404),
        lambda w: {"attended": "yes"},
    ),
    "path_page": Route(
        "get",
        lambda w: reverse("path_page", args=[w.candidate_a.pk]),
        only(VIEW_CANDIDATES, 200, 404, candidate=200, coach_campus_b=404, company_hr_consent_given=200),
    ),
    "enrolment_complete": Route(
        "post",
        lambda w: reverse("enrolment_complete", args=[w.enrolment_a.pk]),
        only(("candidate_account_manager", "coach", "teacher", "campus_admin"), 302, 404),
    ),
    "fair_list": Route("get", _url("fair_list"), only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=200)),
    "fair_detail": Route(
        "get",
        lambda w: reverse("fair_detail", args=[w.fair_a.pk]),
        only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "fair_schedule": Route(
        "post",
        lambda w: reverse("fair_schedule", args=[w.fair_a.pk]),
        only(MANAGE_CANDIDATES, 302, 403, coach_campus_b=404),
    ),
    "fair_schedule_pdf": Route(
        "get",
        lambda w: reverse("fair_schedule_pdf", args=[w.fair_a.pk]),
        only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "fair_wish_delete": Route(
        "post",
        lambda w: reverse("fair_wish_delete", args=[w.fair_a.pk, _wish(w).pk]),
        only(MANAGE_CANDIDATES, 302, 403, coach_campus_b=404),
    ),
    "fair_live": Route(
        "get",
        lambda w: reverse("fair_live", args=[w.fair_a.pk]),
        only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "fair_round": Route(
        "post",
        lambda w: reverse("fair_round", args=[w.fair_a.pk]),
        only(MANAGE_CANDIDATES, 302, 403, coach_campus_b=404),
    ),
    "fair_choices": Route(
        "post",
        lambda w: reverse("fair_choices", args=[w.fair_a.pk]),
        only(MANAGE_CANDIDATES, 302, 403, coach_campus_b=404),
    ),
    "fair_proposal": Route(
        "get",
        lambda w: reverse("fair_proposal", args=[w.fair_a.pk]),
        only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "candidate_edit": Route(
        "get",
        lambda w: reverse("candidate_edit", kwargs={"pk": w.candidate_a.pk}),
        only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    "catalogue": Route("get", _url("catalogue"), expect(200)),
    "catalogue_export": Route("get", _url("catalogue_export"), expect(200)),
    "catalogue_import": Route("get", _url("catalogue_import"), only(AUTHOR_OUTCOMES, 200, 403)),
    "skill_levels": Route("get", _url("skill_levels"), expect(200)),
    "ulo_create": Route("get", _url("ulo_create"), only(AUTHOR_OUTCOMES, 200, 403)),
    "catalogue_similar": Route(
        "post", _url("catalogue_similar"), only(AUTHOR_OUTCOMES, 200, 403), lambda w: {"title_nl": "Lekdichtheid"}
    ),
    "catalogue_duplicates": Route("get", _url("catalogue_duplicates"), only(REVIEW_OUTCOMES, 200, 403)),
    "ulo_latest": Route("get", lambda w: reverse("ulo_latest", args=[w.skills.published.ulo.code]), expect(302)),
    "ulo_detail": Route(
        "get",
        lambda w: reverse("ulo_detail", args=[w.skills.draft.pk]),
        only(STAFF_A, 200, 404, anonymous=404),
    ),
    "ulo_edit": Route("get", lambda w: reverse("ulo_edit", args=[w.skills.draft.pk]), only(AUTHOR_OUTCOMES, 200, 403)),
    "ulo_new_version": Route(
        "post",
        lambda w: reverse("ulo_new_version", args=[w.skills.published.pk]),
        only(AUTHOR_OUTCOMES, 302, 403),
    ),
    "ulo_transition": Route(
        "post",
        lambda w: reverse("ulo_transition", args=[w.skills.draft.pk, "submit"]),
        only(STAFF_A, 302, 403, coach_campus_b=404),
    ),
    "item_link": Route(
        "post",
        lambda w: reverse("item_link", args=[w.skills.draft.items.first().pk]),
        only(AUTHOR_OUTCOMES, 302, 403),
        lambda w: {"scheme": "onet", "concept_uri": "47-2152.00", "preferred_label": "Pipefitters"},
    ),
    "occupation_link": Route(
        "post",
        lambda w: reverse("occupation_link", args=[w.skills.draft.pk]),
        only(AUTHOR_OUTCOMES, 302, 403),
        lambda w: {"uri": "http://data.europa.eu/esco/occupation/unknown"},
    ),
    "qualification_create": Route("get", _url("qualification_create"), only(REVIEW_OUTCOMES, 200, 403)),
    "act_add": Route(
        "post",
        lambda w: reverse("act_add", args=[w.skills.qualification.pk]),
        only(REVIEW_OUTCOMES, 302, 403),
        lambda w: {"description_nl": "Afpersen", "responsibility": "vp", "questions_theory": 5},
    ),
    "rubric_create": Route(
        "get",
        lambda w: reverse("rubric_create", args=[w.skills.draft.pk]),
        only(AUTHOR_OUTCOMES, 200, 403),
    ),
    "qualification_list": Route("get", _url("qualification_list"), expect(200)),
    "qualification_detail": Route(
        "get", lambda w: reverse("qualification_detail", args=[w.skills.qualification.pk]), expect(200)
    ),
    "mapping_list": Route("get", _url("mapping_list"), only(STAFF_A, 200, 403, coach_campus_b=200)),
    "mapping_create": Route("get", _url("mapping_create"), only(MANAGE_MAPPINGS, 200, 403)),
    "mapping_detail": Route(
        "get",
        lambda w: reverse("mapping_detail", args=[w.skills.mapping.pk]),
        only(STAFF_A, 200, 403, coach_campus_b=404),
    ),
    "mapping_edit": Route(
        "get", lambda w: reverse("mapping_edit", args=[w.skills.mapping.pk]), only(MANAGE_MAPPINGS, 200, 403)
    ),
    "mapping_export": Route(
        "get",
        lambda w: reverse("mapping_export", args=[w.skills.mapping.pk]),
        only(STAFF_A, 200, 403, coach_campus_b=404),
    ),
    "mapping_chart": Route(
        "get",
        lambda w: reverse("mapping_chart", args=[w.skills.mapping.pk, "heatmap", "svg"]),
        only(STAFF_A, 200, 403, coach_campus_b=404),
    ),
    "profile_list": Route(
        "get",
        _url("profile_list"),
        only(STAFF_A, 200, 403, coach_campus_b=200, **company_a(200), company_hr_unmatched=200, provider_staff=200),
    ),
    "profile_create": Route("get", _url("profile_create"), only(MANAGE_PROFILES, 200, 403)),
    "profile_detail": Route(
        "get",
        lambda w: reverse("profile_detail", args=[w.skills.profile.pk]),
        only(STAFF_A, 200, 403, coach_campus_b=404, **company_a(200), company_hr_unmatched=404, provider_staff=404),
    ),
    "profile_revise": Route(
        "get", lambda w: reverse("profile_revise", args=[w.skills.profile.pk]), only(MANAGE_PROFILES, 200, 403)
    ),
    "offer": Route("get", _url("offer"), expect(200)),
    "module_detail": Route("get", lambda w: reverse("module_detail", args=[w.module_a.pk]), expect(200)),
    "module_edit": Route(
        "get",
        lambda w: reverse("module_edit", args=[w.module_a.pk]),
        only(MANAGE_OFFER, 200, 404, provider_staff=200),
    ),
    "module_create": Route(
        "get",
        lambda w: reverse("module_create", args=[w.provider_a.pk]),
        only(MANAGE_OFFER, 200, 404, provider_staff=200),
    ),
    "offer_upload": Route(
        "get",
        lambda w: reverse("offer_upload", args=[w.provider_a.pk]),
        only(MANAGE_OFFER, 200, 404, provider_staff=200),
    ),
    "offer_download": Route(
        "get",
        lambda w: reverse("offer_download", args=[w.provider_a.pk, "csv"]),
        only(MANAGE_OFFER, 200, 404, provider_staff=200),
    ),
    "agenda": Route("get", _url("agenda"), expect(200)),
    "event_detail": Route("get", lambda w: reverse("event_detail", args=[w.event_a.pk]), expect(200)),
    "event_calendar": Route("get", lambda w: reverse("event_calendar", args=[w.event_a.pk]), expect(200)),
    "event_cancel": Route("get", lambda w: reverse("event_cancel", args=[cancel_token(w.registration_a)]), expect(200)),
    "event_manage": Route("get", _url("event_manage"), only(MANAGE_EVENTS, 200, 403, coach_campus_b=200)),
    "event_create": Route("get", _url("event_create"), only(MANAGE_EVENTS, 200, 403, coach_campus_b=200)),
    "event_registrations": Route(
        "get",
        lambda w: reverse("event_registrations", args=[w.event_a.pk]),
        only(MANAGE_EVENTS, 200, 403, coach_campus_b=404),
    ),
    "event_attendance": Route(
        "post",
        lambda w: reverse("event_attendance", args=[w.registration_a.pk]),
        only(MANAGE_EVENTS, 302, 403, coach_campus_b=404),
        lambda w: {"attended": "yes"},
    ),
    "api:openapi-json": Route("get", _url("api:openapi-json"), expect(200)),
    "api:openapi-view": Route("get", _url("api:openapi-view"), expect(200)),
    "api:api-root": Route("get", _url("api:api-root"), expect(404)),
    # The company route: campus staff who see partners and the cluster's companies see a cluster; managers change it.
    "cluster_list": Route("get", _url("cluster_list"), LOGGED_IN),
    "cluster_detail": Route(
        "get",
        lambda w: reverse("cluster_detail", args=[metro.cluster(w).pk]),
        only(VIEW_PARTNERS, 200, 404, **company_a(200)),
    ),
    "cluster_map": Route(
        "get",
        lambda w: reverse("cluster_map", args=[metro.cluster(w).pk]),
        only(VIEW_PARTNERS, 200, 404, **company_a(200)),
    ),
    "cluster_map_export": Route(
        "get",
        lambda w: reverse("cluster_map_export", args=[metro.stop(w).line.cluster_id, "svg"]),
        only(VIEW_PARTNERS, 200, 404, **company_a(200)),
    ),
    "canvas_print": Route(
        "get",
        lambda w: reverse("canvas_print", args=[metro.canvas(w).pk]),
        only(VIEW_PARTNERS, 200, 404, **company_a(200)),
    ),
    "canvas_pdf": Route(
        "get",
        lambda w: reverse("canvas_pdf", args=[metro.canvas(w).pk]),
        only(VIEW_PARTNERS, 200, 404, **company_a(200)),
    ),
    "cluster_edit": Route(
        "get", lambda w: reverse("cluster_edit", args=[metro.cluster(w).pk]), only(MANAGE_COMPANY_ROUTE, 200, 403)
    ),
    "canvas_edit": Route(
        "get", lambda w: reverse("canvas_edit", args=[metro.canvas(w).pk]), only(MANAGE_COMPANY_ROUTE, 200, 403)
    ),
    "line_create": Route(
        "get", lambda w: reverse("line_create", args=[metro.cluster(w).pk]), only(MANAGE_COMPANY_ROUTE, 200, 403)
    ),
    "line_edit": Route(
        "get", lambda w: reverse("line_edit", args=[metro.line(w).pk]), only(MANAGE_COMPANY_ROUTE, 200, 403)
    ),
    "station_edit": Route(
        "get", lambda w: reverse("station_edit", args=[metro.station(w).pk]), only(MANAGE_COMPANY_ROUTE, 200, 403)
    ),
    "core_team_add": Route(
        "post",
        lambda w: reverse("core_team_add", args=[metro.cluster(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"name": "Anouk Bakker", "kind": "key_player"},
    ),
    "core_team_remove": Route(
        "post", lambda w: reverse("core_team_remove", args=[metro.member(w).pk]), only(MANAGE_COMPANY_ROUTE, 302, 403)
    ),
    "step_update": Route(
        "post",
        lambda w: reverse("step_update", args=[metro.step(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {
            f"step{metro.step(w).pk}-status": "active",
            f"step{metro.step(w).pk}-version": metro.step(w).version,
        },
    ),
    "round_start": Route(
        "post", lambda w: reverse("round_start", args=[metro.cluster(w).pk]), only(MANAGE_COMPANY_ROUTE, 302, 403)
    ),
    "question_add": Route(
        "post",
        lambda w: reverse("question_add", args=[metro.cluster(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"text": "Hoe richten we de werkplaats in?"},
    ),
    "question_vote": Route(
        "post", lambda w: reverse("question_vote", args=[metro.question(w).pk]), only(MANAGE_COMPANY_ROUTE, 302, 403)
    ),
    "actor_add": Route(
        "post",
        lambda w: reverse("actor_add", args=[metro.cluster(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"name": "Provincie", "goal": "Schoon vervoer"},
    ),
    "canvas_create": Route(
        "post",
        lambda w: reverse("canvas_create", args=[metro.cluster(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"kind": "empathy", "title": "Chauffeurs"},
    ),
    "stop_add": Route(
        "post",
        lambda w: reverse("stop_add", args=[metro.line(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"new_name": "Excursie"},
    ),
    "stop_move": Route(
        "post",
        lambda w: reverse("stop_move", args=[metro.stop(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"direction": "down"},
    ),
    "cluster_planner": Route(
        "get",
        lambda w: reverse("cluster_planner", args=[metro.session(w).station.cluster_id]),
        only(MANAGE_COMPANY_ROUTE, 200, 403),
    ),
    "cluster_evaluation": Route(
        "get", lambda w: reverse("cluster_evaluation", args=[metro.cluster(w).pk]), only(MANAGE_COMPANY_ROUTE, 200, 403)
    ),
    "session_detail": Route(
        "get",
        lambda w: reverse("session_detail", args=[metro.registration(w).session_id]),
        only(MANAGE_COMPANY_ROUTE, 200, 403),
    ),
    "line_evaluate": Route(
        "get", lambda w: reverse("line_evaluate", args=[metro.line(w).pk]), only(MANAGE_COMPANY_ROUTE, 200, 403)
    ),
    "reflection_add": Route(
        "post",
        lambda w: reverse("reflection_add", args=[metro.session(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"went_well": "Goede sfeer"},
    ),
    "registration_attendance": Route(
        "post",
        lambda w: reverse("registration_attendance", args=[metro.registration(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"attended": "yes"},
    ),
    "referral_add": Route(
        "post",
        lambda w: reverse("referral_add", args=[metro.registration(w).pk]),
        only(MANAGE_COMPANY_ROUTE, 302, 403),
        lambda w: {"kind": "partner", "partner": w.provider_a.pk, "consent": "on"},
    ),
    # The campus's ecosystem: staff who see partners see it, those who manage partners change it.
    "network": Route("get", _url("network"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "network_member_remove": Route(
        "post",
        lambda w: reverse("network_member_remove", args=[_network_member(w).pk]),
        only(MANAGE_PARTNERS, 302, 403, coach_campus_b=403),
    ),
    "network_question_status": Route(
        "post",
        lambda w: reverse("network_question_status", args=[_network_question(w).pk]),
        only(MANAGE_PARTNERS, 302, 403),
        lambda w: {"status": "active"},
    ),
    "ecosystem_map": Route("get", _url("ecosystem_map"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "ecosystem_relation_remove": Route(
        "post", lambda w: reverse("ecosystem_relation_remove", args=[_relation(w).pk]), only(MANAGE_PARTNERS, 302, 403)
    ),
    "kenniscirkel": Route("get", _url("kenniscirkel"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "kenniscirkel_fill_remove": Route(
        "post", lambda w: reverse("kenniscirkel_fill_remove", args=[_fill(w).pk]), only(MANAGE_PARTNERS, 302, 403)
    ),
    "innovation": Route("get", _url("innovation"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "development_detail": Route(
        "get",
        lambda w: reverse("development_detail", args=[_development(w).pk]),
        only(VIEW_PARTNERS, 200, 403, coach_campus_b=404),
    ),
    "communities": Route("get", _url("communities"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "community_detail": Route(
        "get",
        lambda w: reverse("community_detail", args=[_community(w).pk]),
        only(VIEW_PARTNERS, 200, 403, coach_campus_b=404),
    ),
    "vacancies": Route("get", _url("vacancies"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "vacancy_profile": Route(
        "post",
        lambda w: reverse("vacancy_profile", args=[_vacancy(w).pk]),
        only(MANAGE_PROFILES, 302, 403),
        lambda w: {"profile": ""},
    ),
    "vacancy_new_profile": Route(
        "get", lambda w: reverse("vacancy_new_profile", args=[_vacancy(w).pk]), only(MANAGE_PROFILES, 200, 403)
    ),
    "programme_dashboard": Route("get", _url("programme_dashboard"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    "programme_export": Route("get", _url("programme_export"), only(VIEW_PARTNERS, 200, 403, coach_campus_b=200)),
    # The right of access: a candidate downloads their own data, the candidate office that of its campus's candidates.
    "my_data": Route("get", _url("my_data", fmt="json"), expect(404, anonymous=302, candidate=200)),
    "candidate_data": Route(
        "get", lambda w: reverse("candidate_data", args=[w.candidate_a.pk, "json"]), only(MANAGE_CANDIDATES, 200, 404)
    ),
    "candidate_erase": Route(
        "get",
        lambda w: reverse("candidate_erase", args=[w.candidate_a.pk]),
        only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    # Participants of the companies register on public pages that the companies pass on, and cancel from their mail.
    "session_signup": Route("get", lambda w: reverse("session_signup", args=[metro.session(w).public_id]), expect(200)),
    "session_calendar": Route(
        "get", lambda w: reverse("session_calendar", args=[metro.session(w).public_id]), expect(200)
    ),
    "line_signup": Route("get", lambda w: reverse("line_signup", args=[metro.line(w).public_id]), expect(200)),
    "registration_cancel": Route(
        "get",
        lambda w: reverse("registration_cancel", args=[cancel_registration_token(metro.registration(w))]),
        expect(200),
    ),
    "stop_remove": Route(
        "post", lambda w: reverse("stop_remove", args=[metro.stop(w).pk]), only(MANAGE_COMPANY_ROUTE, 302, 403)
    ),
}


def api_only(allowed: tuple[str, ...], yes: int, no: int, **overrides: int) -> dict[str, int]:
    table = only(allowed, yes, no, **overrides)
    table["anonymous"] = 401
    return table


API_LOGGED_IN = expect(200, anonymous=401)

API: dict[tuple[str, str], Route] = {
    ("get", "/api/v1/me"): Route("get", lambda w: "/api/v1/me", API_LOGGED_IN),
    ("get", "/api/v1/campuses"): Route("get", lambda w: "/api/v1/campuses", expect(200)),
    ("post", "/api/v1/credentials/verify"): Route(
        "post", lambda w: "/api/v1/credentials/verify", expect(200), lambda w: {"jwt": _credential(w).jwt}
    ),
    ("get", "/api/v1/campuses/{slug}"): Route("get", lambda w: "/api/v1/campuses/campus-a", expect(200)),
    ("get", "/api/v1/organisations"): Route("get", lambda w: "/api/v1/organisations", API_LOGGED_IN),
    ("get", "/api/v1/organisations/{organisation_id}"): Route(
        "get",
        lambda w: f"/api/v1/organisations/{w.company_a.pk}",
        api_only(VIEW_PARTNERS, 200, 404, **company_a(200)),
    ),
    ("get", "/api/v1/tokens"): Route("get", lambda w: "/api/v1/tokens", API_LOGGED_IN),
    ("post", "/api/v1/tokens"): Route(
        "post", lambda w: "/api/v1/tokens", expect(201, anonymous=401), lambda w: {"name": "script"}
    ),
    ("delete", "/api/v1/tokens/{token_id}"): Route(
        "delete", lambda w: f"/api/v1/tokens/{w.coach_token.pk}", expect(404, anonymous=401, coach=200)
    ),
    ("get", "/api/v1/audit-events"): Route("get", lambda w: "/api/v1/audit-events", api_only(VIEW_AUDIT, 200, 403)),
    ("get", "/api/v1/candidates"): Route(
        "get", lambda w: "/api/v1/candidates", api_only(VIEW_CANDIDATES, 200, 403, coach_campus_b=200)
    ),
    ("get", "/api/v1/candidates/{candidate_id}"): Route(
        "get",
        lambda w: f"/api/v1/candidates/{w.candidate_a.pk}",
        api_only(VIEW_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    ("patch", "/api/v1/candidates/{candidate_id}"): Route(
        "patch",
        lambda w: f"/api/v1/candidates/{w.candidate_a.pk}",
        api_only(MANAGE_CANDIDATES, 200, 403, coach_campus_b=404),
        lambda w: {
            "version": type(w.candidate_a).objects.get(pk=w.candidate_a.pk).version,
            "city": "Delfzijl",
        },
    ),
    ("get", "/api/v1/candidates/{candidate_id}/best-roles"): Route(
        "get",
        lambda w: f"/api/v1/candidates/{w.candidate_a.pk}/best-roles",
        api_only(VIEW_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    ("get", "/api/v1/profiles/{profile_id}/best-candidates"): Route(
        "get",
        lambda w: f"/api/v1/profiles/{w.skills.profile.pk}/best-candidates",
        api_only(VIEW_CANDIDATES, 200, 403, coach_campus_b=404),
    ),
    ("get", "/api/v1/catalogue/ulos"): Route("get", lambda w: "/api/v1/catalogue/ulos", expect(200)),
    ("get", "/api/v1/catalogue/ulos/{version_id}"): Route(
        "get", lambda w: f"/api/v1/catalogue/ulos/{w.skills.draft.pk}", only(STAFF_A, 200, 404, anonymous=404)
    ),
    ("post", "/api/v1/catalogue/ulos"): Route(
        "post", lambda w: "/api/v1/catalogue/ulos", api_only(AUTHOR_OUTCOMES, 201, 403), lambda w: new_ulo_body()
    ),
    ("post", "/api/v1/catalogue/ulos/{version_id}/transitions"): Route(
        "post",
        lambda w: f"/api/v1/catalogue/ulos/{w.skills.draft.pk}/transitions",
        api_only(STAFF_A, 409, 404),
        lambda w: {"action": "publish"},
    ),
    ("get", "/api/v1/catalogue/skill-levels"): Route("get", lambda w: "/api/v1/catalogue/skill-levels", expect(200)),
    ("get", "/api/v1/catalogue/bloom-levels"): Route("get", lambda w: "/api/v1/catalogue/bloom-levels", expect(200)),
    ("get", "/api/v1/qualifications"): Route("get", lambda w: "/api/v1/qualifications", expect(200)),
    ("get", "/api/v1/qualifications/{qualification_id}"): Route(
        "get", lambda w: f"/api/v1/qualifications/{w.skills.qualification.pk}", expect(200)
    ),
    ("get", "/api/v1/profiles"): Route(
        "get",
        lambda w: "/api/v1/profiles",
        api_only(STAFF_A, 200, 403, coach_campus_b=200, **company_a(200), company_hr_unmatched=200, provider_staff=200),
    ),
    ("get", "/api/v1/profiles/{profile_id}"): Route(
        "get",
        lambda w: f"/api/v1/profiles/{w.skills.profile.pk}",
        api_only(STAFF_A, 200, 403, coach_campus_b=404, **company_a(200), company_hr_unmatched=404, provider_staff=404),
    ),
    ("get", "/api/v1/mappings"): Route(
        "get", lambda w: "/api/v1/mappings", api_only(STAFF_A, 200, 403, coach_campus_b=200)
    ),
    ("get", "/api/v1/mappings/{mapping_id}"): Route(
        "get",
        lambda w: f"/api/v1/mappings/{w.skills.mapping.pk}",
        api_only(STAFF_A, 200, 403, coach_campus_b=404),
    ),
    ("get", "/api/v1/offer/modules"): Route("get", lambda w: "/api/v1/offer/modules", expect(200)),
    ("get", "/api/v1/offer/modules/{module_id}"): Route(
        "get", lambda w: f"/api/v1/offer/modules/{w.module_a.pk}", expect(200)
    ),
    ("get", "/api/v1/candidates/{candidate_id}/route"): Route(
        "get",
        lambda w: f"/api/v1/candidates/{w.candidate_a.pk}/route",
        api_only(VIEW_CANDIDATES, 200, 404, candidate=200, coach_campus_b=404, company_hr_consent_given=200),
    ),
    ("post", "/api/v1/candidates/{candidate_id}/steps"): Route(
        "post",
        lambda w: f"/api/v1/candidates/{w.candidate_a.pk}/steps",
        api_only(
            MANAGE_CANDIDATES,
            409,
            404,
            candidate=403,
            teacher=403,
            company_account_manager=403,
            company_hr_consent_given=403,
        ),
        lambda w: {"action": "select"},
    ),
    ("get", "/api/v1/candidates/{candidate_id}/intake-results"): Route(
        "get",
        lambda w: f"/api/v1/candidates/{w.candidate_a.pk}/intake-results",
        api_only(
            MANAGE_CANDIDATES,
            200,
            404,
            candidate=200,
            teacher=403,
            company_account_manager=403,
            company_hr_consent_given=403,
        ),
    ),
}


def new_ulo_body() -> dict:
    from tests.skills.conftest import complete_items, ulo_data

    items = [{k: v for k, v in item.items() if k != "code"} for item in complete_items()]
    return {"campus": "campus-a", **ulo_data(), "items": items}


def _url_names(patterns, namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            is_api_operation = getattr(pattern.callback, "__name__", "") == "sync_view_wrapper"
            if not is_api_operation:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def _request(client, route: Route, world: World, **extra):
    url = route.url(world)
    data = route.data(world) if route.data else {}
    if url.startswith("/api/"):
        body = json.dumps(data) if route.method != "get" else None
        return getattr(client, route.method)(url, data=body, content_type="application/json", **extra)
    return getattr(client, route.method)(url, data=data, **extra)


def test_every_page_route_is_in_the_matrix():
    assert set(_url_names(get_resolver().url_patterns)) == set(PAGES)


def test_every_api_operation_is_in_the_matrix(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert operations == set(API)


def _achievement(world: World) -> Achievement:
    achievement, _ = Achievement.objects.get_or_create(
        campus=world.campus_a, name_nl="Veilig werken", defaults={
            "name_en": "Working safely", "description_nl": "-", "description_en": "-", "criteria_nl": "-",
            "criteria_en": "-",
        },
    )  # fmt: skip
    return achievement


def _network_member(world: World) -> NetworkMember:
    return NetworkMember.objects.get_or_create(campus=world.campus_a, name="Maaike Dijkstra", role="strategic_hr")[0]


def _network_question(world: World) -> NetworkQuestion:
    return NetworkQuestion.objects.get_or_create(
        campus=world.campus_a, theme="inflow", text="Hoe trekken we mensen aan?"
    )[0]


def _relation(world: World) -> Relation:
    return Relation.objects.get_or_create(
        campus=world.campus_a, source=world.company_a, target=world.provider_a, kind="training"
    )[0]


def _fill(world: World) -> FunctionFill:
    return FunctionFill.objects.get_or_create(
        campus=world.campus_a, organisation=world.provider_a, position=3, defaults={"strength": 3}
    )[0]


def _development(world: World) -> Development:
    return Development.objects.get_or_create(campus=world.campus_a, name="Waterstof in het wagenpark")[0]


def _community(world: World) -> Community:
    community, created = Community.objects.get_or_create(
        campus=world.campus_a, name="Van schip naar waterstof", defaults={"development": _development(world)}
    )
    if created:
        community.partners.add(world.company_a)
    return community


def _vacancy(world: World) -> Vacancy:
    return Vacancy.objects.get_or_create(
        campus=world.campus_a, company=world.company_a, role_title="Monteur", defaults={"region": "Groningen"}
    )[0]


def _register(world: World) -> RegisteringBody:
    body, _ = RegisteringBody.objects.get_or_create(
        campus=world.campus_a, name="Sectorregister", defaults={"endpoint": "https://register.example/api"}
    )
    return body


def _credential(world: World) -> IssuedCredential:
    existing = IssuedCredential.objects.filter(candidate=world.candidate_a).first()
    return existing or issue(world.user("teacher"), _achievement(world), world.candidate_a)


def _share(world: World) -> CredentialShare:
    return _new_share(world)[0]


def _share_token(world: World) -> str:
    return _new_share(world)[1]


def _new_share(world: World):
    return create_share(world.user("candidate"), world.candidate_a, [_credential(world)], days=7)


def _wish(world: World):
    """A pinned wish at the campus A fair, made again for each actor (an allowed actor's request removes it)."""
    wish, _ = world.fair_a.wishes.get_or_create(
        candidate=world.candidate_a, company=world.fair_a.companies.get(), defaults={"wished_by": "candidate"}
    )
    return wish


@contextmanager
def _situation(actor: str, world: World):
    """Candidate A's consent to share with matched companies as `actor`'s name says; none for the other actors."""
    consent = None
    if actor in ("company_hr_consent_given", "company_hr_consent_withdrawn", "company_hr_unmatched"):
        consent = give_consent(world.user("candidate"), world.candidate_a, ConsentScope.SHARE_WITH_COMPANIES)
        if actor == "company_hr_consent_withdrawn":
            withdraw_consent(world.user("candidate"), consent)
    try:
        yield
    finally:
        if consent is not None:
            Consent.objects.filter(pk=consent.pk).delete()


def _walk(route: Route, world: World, client_for) -> dict[str, int]:
    statuses = {}
    for actor in ACTORS:
        with _situation(actor, world):
            statuses[actor] = _request(client_for(world.user(actor)), route, world).status_code
    return statuses


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_permissions(name, world, client_for):
    route = PAGES[name]
    assert _walk(route, world, client_for) == route.expected


@pytest.mark.parametrize("key", sorted(API), ids=lambda key: f"{key[0].upper()} {key[1]}")
def test_api_permissions(key, world, client_for):
    route = API[key]
    assert _walk(route, world, client_for) == route.expected
