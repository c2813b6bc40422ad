from django.urls import path

from mhw.matching import ranking_views, views

urlpatterns = [
    path("job-fairs/", views.fair_list, name="fair_list"),
    path("job-fairs/<int:pk>/", views.fair_detail, name="fair_detail"),
    path("job-fairs/<int:pk>/schedule/", views.fair_schedule, name="fair_schedule"),
    path("job-fairs/<int:pk>/schedule.pdf", views.fair_schedule_pdf, name="fair_schedule_pdf"),
    path("job-fairs/<int:pk>/wishes/<int:wish_pk>/delete/", views.fair_wish_delete, name="fair_wish_delete"),
    path("job-fairs/<int:pk>/live/", views.fair_live, name="fair_live"),
    path("job-fairs/<int:pk>/round/", views.fair_round, name="fair_round"),
    path("job-fairs/<int:pk>/choices/", views.fair_choices, name="fair_choices"),
    path("job-fairs/<int:pk>/matching/", views.fair_proposal, name="fair_proposal"),
    path("profiles/<int:pk>/candidates/", ranking_views.profile_candidates, name="profile_candidates"),
    path("candidates/<int:pk>/roles/", ranking_views.candidate_roles, name="candidate_roles"),
]
