from django.urls import path

from mhw.credentials import achievement_views, assessment_views, bulk_views, completion_views, views, wallet_views

urlpatterns = [
    path("verify/", views.verify_page, name="verify"),
    path("enrolments/<int:pk>/complete/", completion_views.enrolment_complete, name="enrolment_complete"),
    path("verify/<uuid:public_id>/", wallet_views.verify_issued, name="verify_issued"),
    path("wallet/", wallet_views.wallet_page, name="wallet"),
    path("wallet/shares/<int:pk>/revoke/", wallet_views.share_revoke, name="share_revoke"),
    path("wallet/export.zip", wallet_views.wallet_export, name="wallet_export"),
    path("wallet/overview.pdf", wallet_views.wallet_overview, name="wallet_overview"),
    path("wallet/credentials/<uuid:public_id>.json", wallet_views.credential_download, name="credential_download"),
    path("wallet/credentials/<uuid:public_id>.jwt", wallet_views.credential_download_jwt, name="credential_jwt"),
    path("wallet/credentials/<uuid:public_id>.svg", wallet_views.credential_badge, name="credential_badge"),
    path("wallet/credentials/<uuid:public_id>.png", wallet_views.credential_badge_png, name="credential_badge_png"),
    path(
        "wallet/credentials/<uuid:public_id>/certificate.pdf",
        wallet_views.credential_certificate,
        name="credential_certificate",
    ),
    path("shared/<str:token>/", wallet_views.shared, name="shared"),
    path("shared/<str:token>/<uuid:public_id>.json", wallet_views.shared_download, name="shared_download"),
    path("candidates/<int:pk>/credentials/", wallet_views.candidate_credentials, name="candidate_credentials"),
    path("candidates/<int:pk>/rubric-assessment/", assessment_views.rubric_assessment, name="rubric_assessment"),
    path("credentials/<uuid:public_id>/revoke/", wallet_views.credential_revoke, name="credential_revoke"),
    path("credentials/<uuid:public_id>/suspend/", wallet_views.credential_suspend, name="credential_suspend"),
    path("achievements/<uuid:public_id>/", views.achievement_public, name="achievement_public"),
    path("achievements/<uuid:public_id>/ob2.json", views.achievement_ob2, name="achievement_ob2"),
    path("achievements/<uuid:public_id>/image.svg", views.achievement_image, name="achievement_image"),
    path("credentials/<uuid:public_id>/ob2.json", views.credential_ob2, name="credential_ob2"),
    path("issuers/<str:kind>/<int:pk>/ob2.json", views.issuer_ob2, name="issuer_ob2"),
    path("issuers/<str:kind>/<int:pk>/did.json", views.issuer_did_document, name="issuer_did_document"),
    path("credentials/issue/", bulk_views.bulk_issue, name="bulk_issue"),
    path("achievements/", achievement_views.achievement_list, name="achievement_list"),
    path("achievements/<int:pk>/edit/", achievement_views.achievement_edit, name="achievement_edit"),
    path("credentials/keys/<int:pk>/retire/", achievement_views.issuer_key_rotate, name="issuer_key_rotate"),
    path("credentials/status/<str:public_key>/<str:purpose>/", views.status_list, name="credential_status_list"),
]
