from django.urls import path, re_path

from mhw.skills.views import catalogue, duplicates, framework_editing, frameworks, mapping, profiles

urlpatterns = [
    path("catalogue/", catalogue.catalogue, name="catalogue"),
    path("catalogue/download/", catalogue.catalogue_export, name="catalogue_export"),
    path("catalogue/levels/", catalogue.skill_levels, name="skill_levels"),
    path("catalogue/upload/", catalogue.catalogue_import, name="catalogue_import"),
    path("catalogue/new/", catalogue.ulo_create, name="ulo_create"),
    path("catalogue/similar/", duplicates.catalogue_similar, name="catalogue_similar"),
    path("catalogue/duplicates/", duplicates.catalogue_duplicates, name="catalogue_duplicates"),
    path("catalogue/ulo/<str:code>/", catalogue.ulo_latest, name="ulo_latest"),
    path("catalogue/versions/<int:pk>/", catalogue.ulo_detail, name="ulo_detail"),
    path("catalogue/versions/<int:pk>/edit/", catalogue.ulo_edit, name="ulo_edit"),
    path("catalogue/versions/<int:pk>/new-version/", catalogue.ulo_new_version, name="ulo_new_version"),
    re_path(
        r"^catalogue/versions/(?P<pk>[0-9]+)/(?P<action>submit|reject|validate|publish|retire)/$",
        catalogue.ulo_transition,
        name="ulo_transition",
    ),
    path("catalogue/items/<int:pk>/link/", catalogue.item_link, name="item_link"),
    path("catalogue/versions/<int:pk>/occupations/", catalogue.occupation_link, name="occupation_link"),
    path("qualifications/", frameworks.qualification_list, name="qualification_list"),
    path("qualifications/new/", framework_editing.qualification_create, name="qualification_create"),
    path("qualifications/<int:pk>/", frameworks.qualification_detail, name="qualification_detail"),
    path("qualifications/<int:pk>/acts/", framework_editing.act_add, name="act_add"),
    path("catalogue/versions/<int:pk>/rubrics/new/", framework_editing.rubric_create, name="rubric_create"),
    path("mappings/", mapping.mapping_list, name="mapping_list"),
    path("mappings/new/", mapping.mapping_create, name="mapping_create"),
    path("mappings/<int:pk>/", mapping.mapping_detail, name="mapping_detail"),
    path("mappings/<int:pk>/edit/", mapping.mapping_edit, name="mapping_edit"),
    path("mappings/<int:pk>/download/", mapping.mapping_export, name="mapping_export"),
    re_path(
        r"^mappings/(?P<pk>[0-9]+)/(?P<chart>heatmap|spider)\.(?P<fmt>svg|pdf)$",
        mapping.mapping_chart,
        name="mapping_chart",
    ),
    path("profiles/", profiles.profile_list, name="profile_list"),
    path("profiles/new/", profiles.profile_create, name="profile_create"),
    path("profiles/<int:pk>/", profiles.profile_detail, name="profile_detail"),
    path("profiles/<int:pk>/change/", profiles.profile_revise, name="profile_revise"),
]
