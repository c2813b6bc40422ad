from django.urls import path

from mhw.metro import canvas_views, cluster_views, line_views, map_views

urlpatterns = [
    path("clusters/", cluster_views.cluster_list, name="cluster_list"),
    path("clusters/<int:pk>/", cluster_views.cluster_detail, name="cluster_detail"),
    path("clusters/<int:pk>/edit/", cluster_views.cluster_edit, name="cluster_edit"),
    path("clusters/<int:pk>/team/", cluster_views.core_team_add, name="core_team_add"),
    path("clusters/team/<int:pk>/remove/", cluster_views.core_team_remove, name="core_team_remove"),
    path("clusters/steps/<int:pk>/", cluster_views.step_update, name="step_update"),
    path("clusters/<int:pk>/rounds/", cluster_views.round_start, name="round_start"),
    path("clusters/<int:pk>/questions/", cluster_views.question_add, name="question_add"),
    path("clusters/questions/<int:pk>/vote/", cluster_views.question_vote, name="question_vote"),
    path("clusters/<int:pk>/actors/", cluster_views.actor_add, name="actor_add"),
    path("clusters/<int:pk>/canvases/", cluster_views.canvas_create, name="canvas_create"),
    path("canvases/<int:pk>/", canvas_views.canvas_edit, name="canvas_edit"),
    path("canvases/<int:pk>/print/", canvas_views.canvas_print, name="canvas_print"),
    path("canvases/<int:pk>/canvas.pdf", canvas_views.canvas_pdf, name="canvas_pdf"),
    path("clusters/<int:pk>/lines/new/", line_views.line_create, name="line_create"),
    path("lines/<int:pk>/", line_views.line_edit, name="line_edit"),
    path("lines/<int:pk>/stops/", line_views.stop_add, name="stop_add"),
    path("lines/stops/<int:pk>/move/", line_views.stop_move, name="stop_move"),
    path("lines/stops/<int:pk>/remove/", line_views.stop_remove, name="stop_remove"),
    path("stations/<int:pk>/", line_views.station_edit, name="station_edit"),
    path("clusters/<int:pk>/map/", map_views.map_page, name="cluster_map"),
    path("clusters/<int:pk>/map.<str:fmt>", map_views.map_export, name="cluster_map_export"),
]
