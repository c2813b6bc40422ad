"""The skills wallet: the holder sees and shares their credentials, stops a link, and prints the certificate."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import consent
from mhw.credentials import services, wallet
from mhw.credentials.models import CredentialShare, ExternalCredential
from tests.credentials.conftest import issue_badge

pytestmark = pytest.mark.django_db


def test_the_holder_shares_a_link_that_works_until_they_stop_it(world, achievement, client_for, client):
    credential = issue_badge(world, achievement)
    holder = client_for(world.user("candidate"))
    page = holder.get(reverse("wallet"))
    assert "Veilig werken met waterstof" in page.content.decode()
    [area] = page.context["areas"]  # both outcomes of the badge come from the world's one published unit
    assert (len(area.proven), area.total) == (2, world.skills.published.items.count())
    assert f"width: {area.percent}%" in page.content.decode()

    response = holder.post(reverse("wallet"), {"credentials": [credential.pk], "days": 7, "label": "Werkgever"})
    link = response.context["new_link"]
    token = link.rstrip("/").rsplit("/", 1)[-1]
    shared = client.get(reverse("shared", args=[token]))
    assert shared.status_code == 200
    assert "Veilig werken met waterstof" in shared.content.decode()
    download = client.get(reverse("shared_download", args=[token, credential.public_id]))
    assert download.json()["proof"]["cryptosuite"] == "eddsa-rdfc-2022"

    share = CredentialShare.objects.get()
    assert share.token_hash != token  # only a hash is kept
    holder.post(reverse("share_revoke", args=[share.pk]))
    assert client.get(reverse("shared", args=[token])).status_code == 410
    assert client.get(reverse("shared_download", args=[token, credential.public_id])).status_code == 410


def test_nobody_but_the_holder_shares_and_bad_requests_change_nothing(world, achievement, client_for):
    credential = issue_badge(world, achievement)
    with pytest.raises(wallet.ShareError):
        wallet.create_share(world.user("coach"), world.candidate_a, [credential], days=7)
    holder = client_for(world.user("candidate"))
    for bad in ({"credentials": [credential.pk], "days": 0}, {"credentials": [], "days": 7},
                {"credentials": [credential.pk], "days": 366}, {"credentials": ["x"], "days": "veel"}):  # fmt: skip
        response = holder.post(reverse("wallet"), bad)
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not CredentialShare.objects.exists()


def test_the_certificate_is_a_pdf_and_staff_reads_are_audited(world, achievement, client_for):
    credential = issue_badge(world, achievement)
    pdf = client_for(world.user("candidate")).get(reverse("credential_certificate", args=[credential.public_id]))
    assert pdf.content.startswith(b"%PDF")
    coach = client_for(world.user("coach"))
    assert coach.get(reverse("credential_download", args=[credential.public_id])).status_code == 200
    assert AuditEvent.objects.filter(action="candidate.viewed", actor=world.user("coach")).exists()
    outsider = client_for(world.user("company_hr"))
    assert outsider.get(reverse("credential_download", args=[credential.public_id])).status_code == 404


def test_staff_revoke_with_a_reason_and_the_qr_page_says_so(world, achievement, client_for, client):
    credential = issue_badge(world, achievement)
    teacher = client_for(world.user("teacher"))
    teacher.post(reverse("credential_revoke", args=[credential.public_id]), {"reason": ""})
    credential.refresh_from_db()
    assert credential.revoked_at is None
    teacher.post(reverse("credential_revoke", args=[credential.public_id]), {"reason": "Verkeerde deelnemer"})
    page = client.get(reverse("verify_issued", args=[credential.public_id])).content.decode()
    assert "ingetrokken" in page
    assert world.candidate_a.full_name not in page


def test_the_holder_exports_the_whole_wallet(world, achievement, client_for):
    first, second = issue_badge(world, achievement), issue_badge(world, achievement)
    export = client_for(world.user("candidate")).get(reverse("wallet_export"))
    names = set(zipfile.ZipFile(io.BytesIO(export.content)).namelist())
    assert names == {f"{c.public_id}.{kind}" for c in (first, second) for kind in ("json", "jwt")}


def test_staff_suspend_and_reinstate_and_verifiers_see_it(world, achievement, client_for):
    credential = issue_badge(world, achievement)
    teacher = client_for(world.user("teacher"))
    teacher.post(reverse("credential_suspend", args=[credential.public_id]), {"suspend": "1"})
    assert services.verify(credential.document).problems == ["suspended"]
    teacher.post(reverse("credential_suspend", args=[credential.public_id]), {"suspend": "0"})
    assert services.verify(credential.document).valid


def test_a_credential_from_elsewhere_is_added_only_when_it_verifies(world, client_for):
    published = (Path(__file__).with_name("vectors") / "ob30-did-key" / "signed.json").read_text()
    holder = client_for(world.user("candidate"))
    tampered = json.loads(published)
    tampered["name"] = "Iets anders"
    refused = holder.post(reverse("wallet"), {"add": "external", "external-credential": json.dumps(tampered)})
    assert refused.status_code == 200
    assert "kan niet worden toegevoegd" in refused.content.decode()
    assert not ExternalCredential.objects.exists()

    holder.post(reverse("wallet"), {"add": "external", "external-credential": published})
    page = holder.get(reverse("wallet"))
    [item] = page.context["added"]
    assert item["report"].valid
    assert item["report"].summary.issuer_name == "Andy F. Miller"


def test_a_chosen_company_sees_the_credentials_only_while_the_holder_consents(world, achievement, client_for):
    credential = issue_badge(world, achievement)
    hr = client_for(world.user("company_hr"))
    certificate = reverse("credential_certificate", args=[credential.public_id])
    assert hr.get(certificate).status_code == 404
    given = consent.give_consent(world.user("candidate"), world.candidate_a, ConsentScope.SHARE_WITH_COMPANIES)
    assert certificate in hr.get(reverse("dashboard")).content.decode()
    assert hr.get(certificate).status_code == 200
    assert AuditEvent.objects.filter(action="candidate.viewed", actor=world.user("company_hr")).exists()
    consent.withdraw_consent(world.user("candidate"), given)
    assert hr.get(certificate).status_code == 404


def test_the_overview_of_all_credentials_is_one_pdf(world, achievement, client_for):
    issue_badge(world, achievement)
    revoked = issue_badge(world, achievement)
    services.revoke(world.user("teacher"), revoked, reason="Fout")
    pdf = client_for(world.user("candidate")).get(reverse("wallet_overview"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
