from django.urls import path, re_path

from mhw.candidates import agreement_views, cv_views, figures_views, route_views, skill_views, views
from mhw.candidates.pipeline import ACTIONS

urlpatterns = [
    path("register/", route_views.register, name="register"),
    path("figures/", figures_views.programme_figures, name="programme_figures"),
    re_path(
        rf"^candidates/(?P<pk>[0-9]+)/steps/(?P<action>{'|'.join(ACTIONS)})/$",
        route_views.candidate_step,
        name="candidate_step",
    ),
    path("candidates/<int:pk>/intake/", route_views.intake_record, name="intake_record"),
    path("candidates/<int:pk>/declarations/new/", agreement_views.declaration_create, name="declaration_create"),
    path("candidates/<int:pk>/enrol/", agreement_views.enrolment_create, name="enrolment_create"),
    path("candidates/<int:pk>/skills/", skill_views.skill_record, name="skill_record"),
    path("candidates/<int:pk>/skills/from-text/", cv_views.skills_from_text, name="skills_from_text"),
    path("candidates/<int:pk>/evaluation/", route_views.evaluation, name="evaluation"),
    path("candidates/<int:pk>/sessions/", route_views.session_plan, name="session_plan"),
    path("sessions/<int:pk>/attendance/", route_views.session_attendance, name="session_attendance"),
    path("candidates/<int:pk>/target-roles/", skill_views.target_roles_set, name="target_roles_set"),
    path("declarations/<int:pk>/", agreement_views.declaration_detail, name="declaration_detail"),
    path("declarations/<int:pk>/edit/", agreement_views.declaration_edit, name="declaration_edit"),
    path("declarations/<int:pk>/sign/", agreement_views.declaration_sign, name="declaration_sign"),
    path("declarations/<int:pk>/pdf/", agreement_views.declaration_download, name="declaration_download"),
    path("declarations/<int:pk>/contract/", agreement_views.contract_record, name="contract_record"),
    path("contracts/<int:pk>/sign/", agreement_views.contract_sign, name="contract_sign"),
    path("my/details/", route_views.my_details, name="my_details"),
    path("my/consents/<int:pk>/withdraw/", route_views.consent_withdraw, name="consent_withdraw"),
    re_path(r"^my/consents/give/(?P<scope>[a-z_]+)/$", route_views.consent_give, name="consent_give"),
    path("candidates/", views.candidate_list, name="candidate_list"),
    path("candidates/new/", views.candidate_create, name="candidate_create"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate_detail"),
    path("candidates/<int:pk>/edit/", views.candidate_edit, name="candidate_edit"),
]
