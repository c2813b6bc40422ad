from django.urls import path

from mhw.ecosystem import (
    community_views,
    innovation_views,
    knowledge_views,
    map_views,
    network_views,
    programme_views,
    vacancy_views,
)

urlpatterns = [
    path("network/", network_views.network_page, name="network"),
    path("network/members/<int:pk>/remove/", network_views.member_remove, name="network_member_remove"),
    path("network/questions/<int:pk>/status/", network_views.question_status, name="network_question_status"),
    path("kenniscirkel/", knowledge_views.kenniscirkel_page, name="kenniscirkel"),
    path("kenniscirkel/fills/<int:pk>/remove/", knowledge_views.fill_remove, name="kenniscirkel_fill_remove"),
    path("innovation/", innovation_views.innovation_page, name="innovation"),
    path("innovation/developments/<int:pk>/", innovation_views.development_detail, name="development_detail"),
    path("communities/", community_views.community_list, name="communities"),
    path("communities/<int:pk>/", community_views.community_detail, name="community_detail"),
    path("vacancies/", vacancy_views.vacancy_list, name="vacancies"),
    path("vacancies/<int:pk>/profile/", vacancy_views.vacancy_profile, name="vacancy_profile"),
    path("vacancies/<int:pk>/profile/new/", vacancy_views.vacancy_new_profile, name="vacancy_new_profile"),
    path("programme/", programme_views.programme_dashboard, name="programme_dashboard"),
    path("programme/export.xlsx", programme_views.programme_export, name="programme_export"),
    path("ecosystem/", map_views.ecosystem_page, name="ecosystem_map"),
    path("ecosystem/relations/<int:pk>/remove/", map_views.relation_remove, name="ecosystem_relation_remove"),
]
