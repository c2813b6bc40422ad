from django.urls import path

from mhw.credentials import views

urlpatterns = [
    path("verify/", views.verify_page, name="verify"),
    path("achievements/<uuid:public_id>/", views.achievement_public, name="achievement_public"),
    path("credentials/status/<str:public_key>/<str:purpose>/", views.status_list, name="credential_status_list"),
]
