"""Baked badge images carry their credential: a baked image verifies, a changed one does not, an image without a
credential is refused."""

import copy
import io

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from mhw.credentials import baking
from tests.credentials.conftest import issue_badge

pytestmark = pytest.mark.django_db


JWT = st.from_regex(r"[A-Za-z0-9_-]{1,20}(\.[A-Za-z0-9_-]{1,20}){2}", fullmatch=True)


@given(title=st.text(max_size=40), issuer=st.text(max_size=40), jwt=JWT)
def test_what_is_baked_comes_out_again(title, issuer, jwt):
    picture = baking.badge_svg(title, issuer)
    assert baking.unbake(picture) is None
    assert baking.unbake(baking.bake(picture, jwt=jwt)) == jwt
    document = {"name": title, "issuer": {"name": issuer}, "x": "<&>'\""}
    if "]]>" not in title + issuer:
        assert baking.unbake(baking.bake(picture, credential=document)) == document


def test_the_baked_image_of_a_credential_verifies_and_a_changed_one_does_not(world, achievement, client_for, client):
    credential = issue_badge(world, achievement)
    baked = client_for(world.user("candidate")).get(reverse("credential_badge", args=[credential.public_id]))
    assert baked["Content-Type"] == "image/svg+xml"
    svg = baked.content.decode()
    upload = io.BytesIO(svg.encode())
    upload.name = "badge.svg"
    assert "Geldige credential" in client.post(reverse("verify"), {"upload": upload}).content.decode()

    changed = copy.deepcopy(credential.document)
    changed["credentialSubject"]["achievement"]["name"] = "Iets anders"
    forged = io.BytesIO(baking.bake(baking.badge_svg("x", "y"), credential=changed).encode())
    forged.name = "badge.svg"
    assert "De handtekening klopt niet" in client.post(reverse("verify"), {"upload": forged}).content.decode()

    empty = io.BytesIO(baking.badge_svg("x", "y").encode())
    empty.name = "badge.svg"
    response = client.post(reverse("verify"), {"upload": empty})
    assert response.context["report"] is None
    assert "Deze afbeelding bevat geen credential" in response.content.decode()


@given(jwt=JWT, seed=st.integers(0, 9))
def test_what_is_baked_into_a_png_comes_out_again(jwt, seed):
    picture = baking.badge_png(seed, size=16)
    assert baking.unbake_png(picture) is None
    assert baking.unbake_png(baking.bake_png(picture, jwt=jwt)) == jwt
    assert baking.unbake_png(baking.bake_png(picture, credential={"name": jwt})) == {"name": jwt}


def test_the_baked_png_of_a_credential_verifies(world, achievement, client_for, client):
    credential = issue_badge(world, achievement)
    png = client_for(world.user("candidate")).get(reverse("credential_badge_png", args=[credential.public_id]))
    assert png["Content-Type"] == "image/png"
    upload = io.BytesIO(png.content)
    upload.name = "badge.png"
    assert "Geldige credential" in client.post(reverse("verify"), {"upload": upload}).content.decode()
    plain = io.BytesIO(baking.badge_png(0, size=16))
    plain.name = "badge.png"
    assert "Deze afbeelding bevat geen credential" in client.post(reverse("verify"), {"upload": plain}).content.decode()
