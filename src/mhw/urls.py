from django.urls import include, path

from mhw.api.urls import api

urlpatterns = [
    path("", include("mhw.web.urls")),
    path("", include("mhw.accounts.urls")),
    path("", include("mhw.skills.urls")),
    path("", include("mhw.learning.urls")),
    path("", include("mhw.candidates.urls")),
    path("", include("mhw.recruitment.urls")),
    path("", include("mhw.paths.urls")),
    path("", include("mhw.matching.urls")),
    path("", include("mhw.credentials.urls")),
    path("", include("mhw.metro.urls")),
    path("", include("mhw.ecosystem.urls")),
    path("api/v1/", api.urls),
]

handler400 = "mhw.web.errors.bad_request"
handler403 = "mhw.web.errors.permission_denied"
handler404 = "mhw.web.errors.page_not_found"
handler500 = "mhw.web.errors.server_error"
