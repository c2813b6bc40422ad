import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from mhw.accounts.audit import record_event
from mhw.accounts.models import User
from mhw.accounts.roles import Role
from tests.factories import TEST_PASSWORD, CampusFactory, UserFactory, staff

pytestmark = pytest.mark.django_db


def test_logging_in_with_e_mail_and_password_opens_the_dashboard_in_the_users_language(client):
    user = UserFactory(email="coach@example.org", language="en")
    response = client.post(reverse("login"), {"username": "Coach@Example.org", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get(reverse("dashboard")).context["user"] == user


def test_a_wrong_password_is_refused_with_a_dutch_message(client):
    UserFactory(email="coach@example.org")
    response = client.post(reverse("login"), {"username": "coach@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert "komen niet overeen" in response.content.decode()


def test_the_profile_is_saved(client):
    user = UserFactory(full_name="Bram")
    client.force_login(user)
    response = client.post(reverse("profile"), {"full_name": "Bram Hoekstra", "language": "en", "version": 1})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.full_name, user.language, user.version) == ("Bram Hoekstra", "en", 2)


def test_a_stale_profile_form_does_not_overwrite_a_newer_save(client):
    user = UserFactory(full_name="Bram")
    client.force_login(user)
    client.post(reverse("profile"), {"full_name": "First save", "language": "nl", "version": 1})
    response = client.post(reverse("profile"), {"full_name": "Stale save", "language": "nl", "version": 1})
    assert response.status_code == 200
    assert "door iemand anders gewijzigd" in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "First save"


def test_switching_language_is_remembered_for_a_logged_in_user(client):
    user = UserFactory(language="nl")
    client.force_login(user)
    response = client.post(reverse("switch_language"), {"language": "en", "next": "/campuses/"})
    assert response["Location"] == "/campuses/"
    user.refresh_from_db()
    assert user.language == "en"
    assert "The regional campuses" in client.get("/campuses/").content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_switching_language_never_redirects_to_another_site(client, target):
    response = client.post(reverse("switch_language"), {"language": "en", "next": target})
    assert response["Location"] == "/"


def test_an_unknown_language_is_ignored(client):
    response = client.post(reverse("switch_language"), {"language": "xx", "next": "/"})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_password_reset_mail_carries_a_working_link(client):
    user = UserFactory(email="anouk@example.org")
    client.post(reverse("password_reset"), {"email": "anouk@example.org"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/password/reset/" in line)
    response = client.get(link.replace("http://testserver", ""), follow=True)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "Nieuw-wachtwoord-2026", "new_password2": "Nieuw-wachtwoord-2026"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nieuw-wachtwoord-2026")


def test_a_campus_admin_reads_only_their_own_campus_in_the_audit_log(client):
    campus_a, campus_b = CampusFactory(), CampusFactory()
    admin = staff(Role.CAMPUS_ADMIN, campus_a)
    record_event(admin, "seen.at.a", campus_id=campus_a.pk)
    record_event(admin, "seen.at.b", campus_id=campus_b.pk)
    client.force_login(admin)
    page = client.get(reverse("audit_log")).content.decode()
    assert "seen.at.a" in page
    assert "seen.at.b" not in page
    api = client.get("/api/v1/audit-events").json()
    assert [event["action"] for event in api["items"]] == ["seen.at.a"]


def test_the_audit_log_filters_by_action(client):
    campus = CampusFactory()
    admin = staff(Role.CAMPUS_ADMIN, campus)
    record_event(admin, "candidate.viewed", campus_id=campus.pk)
    record_event(admin, "api_token.created", campus_id=campus.pk)
    client.force_login(admin)
    response = client.get(reverse("audit_log"), {"action": "token"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "api_token.created" in page
    assert "candidate.viewed" not in page
    assert "<html" not in page


def test_the_staff_list_shows_only_the_own_campus(client):
    campus_a, campus_b = CampusFactory(), CampusFactory()
    coach = staff(Role.COACH, campus_a, full_name="Coach A")
    staff(Role.TEACHER, campus_b, full_name="Docent B")
    client.force_login(coach)
    page = client.get(reverse("staff_list")).content.decode()
    assert "Coach A" in page
    assert "Docent B" not in page


def test_users_log_in_with_argon2_hashes_in_production_settings():
    from mhw import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert User.USERNAME_FIELD == "email"
