"""The main menu: each user sees the pages their roles let them use, the current page is marked, and the labels are
in the user's language. The menu is drawn once per combination and kept, so a kept menu must never leak into
another role's page or another language."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def menu(page) -> list[tuple[str, str, bool]]:
    html = page.content.decode()
    nav = html[html.index('<ul class="nav">') : html.index("</ul>", html.index('<ul class="nav">'))]
    return [
        (href, label, bool(current))
        for href, current, label in re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)
    ]


def test_staff_and_candidates_see_the_pages_their_roles_allow(world, client_for):
    coach = menu(client_for(world.user("coach")).get(reverse("dashboard")))
    assert (reverse("candidate_list"), "Kandidaten", False) in coach
    candidate = menu(client_for(world.user("candidate")).get(reverse("dashboard")))
    assert reverse("candidate_list") not in {href for href, _label, _current in candidate}
    assert (reverse("catalogue"), "Skillscatalogus", False) in candidate


def test_the_current_page_is_marked_and_only_it(world, client_for):
    client = client_for(world.user("coach"))
    on_dashboard = menu(client.get(reverse("dashboard")))
    on_candidates = menu(client.get(reverse("candidate_list")))
    assert [href for href, _label, current in on_dashboard if current] == [reverse("dashboard")]
    assert [href for href, _label, current in on_candidates if current] == [reverse("candidate_list")]


def test_the_labels_follow_the_chosen_language(world, client_for):
    client = client_for(world.user("coach"))
    dutch = menu(client.get(reverse("dashboard")))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = menu(client.get(reverse("dashboard")))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert (reverse("candidate_list"), "Candidates", False) in english
    assert (reverse("candidate_list"), "Kandidaten", False) in dutch
    assert [href for href, *_rest in dutch] == [href for href, *_rest in english]
