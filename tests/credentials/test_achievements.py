"""Campus administrators define achievements and retire issuer keys; old credentials stay valid."""

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent
from mhw.credentials import services
from mhw.credentials.models import Achievement, IssuerKey
from tests.credentials.conftest import issue_badge
from tests.factories import ModuleFactory

pytestmark = pytest.mark.django_db


def _form(world, **changes):
    item = world.skills.published.items.first()
    return {
        "campus": world.campus_a.pk, "kind": "Badge", "name_nl": "Leidingen persen", "name_en": "Press-fitting pipes",
        "description_nl": "Perst leidingen.", "description_en": "Press-fits pipes.", "criteria_nl": "Praktijktoets.",
        "criteria_en": "Practical test.", "outcomes": [item.pk],
    } | changes  # fmt: skip


def test_the_campus_admin_defines_an_achievement_and_bad_input_is_refused(world, client_for):
    admin = client_for(world.user("campus_admin"))
    response = admin.post(reverse("achievement_list"), _form(world))
    achievement = Achievement.objects.get(name_nl="Leidingen persen")
    assert response.url == reverse("achievement_edit", args=[achievement.pk])
    assert AuditEvent.objects.filter(action="credential.achievement_defined").exists()

    both = admin.post(reverse("achievement_list"), _form(world, organisation=world.provider_a.pk, name_nl="Twee"))
    assert both.status_code == 200
    assert "niet allebei" in both.content.decode()
    other_campus = admin.post(reverse("achievement_list"), _form(world, campus=world.campus_b.pk, name_nl="B"))
    assert other_campus.status_code == 200
    assert Achievement.objects.count() == 1


def test_a_retired_key_signs_nothing_new_and_what_it_signed_stays_valid(world, achievement, client_for):
    old = issue_badge(world, achievement)
    client_for(world.user("campus_admin")).post(reverse("issuer_key_rotate", args=[old.key.pk]))
    new = issue_badge(world, achievement)
    assert new.key != old.key
    assert IssuerKey.objects.filter(retired_at__isnull=True).count() == 1
    assert services.verify(old.document).valid
    assert services.verify(new.document).valid
    services.revoke(world.user("teacher"), old, reason="Sleutel uitgelekt")
    assert services.verify(old.document).problems == ["revoked"]


def test_only_managers_of_credentials_retire_keys(world, achievement, client_for):
    key = issue_badge(world, achievement).key
    assert client_for(world.user("teacher")).post(reverse("issuer_key_rotate", args=[key.pk])).status_code == 403
    assert client_for(world.user("coach_campus_b")).post(reverse("issuer_key_rotate", args=[key.pk])).status_code == 403
    key.refresh_from_db()
    assert key.retired_at is None


def test_an_achievement_is_aligned_to_a_module_of_a_provider_the_user_issues_for(world, achievement, client_for):
    module_b = ModuleFactory(provider__campus=world.campus_b)
    admin = client_for(world.user("campus_admin"))
    choices = set(admin.get(reverse("achievement_list")).context["form"].fields["module"].queryset)
    assert world.module_a in choices
    assert module_b not in choices
    refused = admin.post(reverse("achievement_list"), _form(world, module=module_b.pk, name_nl="Elders"))
    assert refused.status_code == 200
    assert not Achievement.objects.filter(name_nl="Elders").exists()
    # An achievement already aligned to a module elsewhere keeps it as a choice when it is edited.
    Achievement.objects.filter(pk=achievement.pk).update(module=module_b)
    edit = admin.get(reverse("achievement_edit", args=[achievement.pk]))
    assert module_b in set(edit.context["form"].fields["module"].queryset)
