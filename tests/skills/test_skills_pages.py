"""The skills pages in use: writing a ULO in the form, the catalogue downloads, the mapping grid and its pictures."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from mhw.skills.models import MappingCell, SkillsMapping, UloStatus, UloVersion
from mhw.skills.services.mapping import grid_of
from tests.skills.conftest import complete_items, ulo_data

pytestmark = pytest.mark.django_db
NS = {"svg": "http://www.w3.org/2000/svg"}


def _form(data: dict, items: list[dict], row_version="") -> dict:
    post = dict(data) | {"row_version": row_version}
    post |= {
        "items-TOTAL_FORMS": len(items),
        "items-INITIAL_FORMS": 0,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 40,
    }
    for i, item in enumerate(items):
        post |= {f"items-{i}-{k}": v for k, v in item.items()}
    return post


def test_a_teacher_writes_a_ulo_in_the_form(world, client_for):
    client = client_for(world.user("teacher"))
    response = client.post(reverse("ulo_create"), _form(ulo_data(title_nl="Lekdichtheid"), complete_items()))
    assert response.status_code == 302
    version = UloVersion.objects.get(title_nl="Lekdichtheid")
    assert version.status == UloStatus.DRAFT
    assert version.items.count() == 4
    page = client.get(response["Location"]).content.decode()
    assert version.statement_nl in page
    assert version.statement_en in page


def test_untouched_extra_item_rows_are_skipped(world, client_for):
    client = client_for(world.user("teacher"))
    rows = [*complete_items(), {"kind": "", "object_nl": "", "object_en": ""}]
    response = client.post(reverse("ulo_create"), _form(ulo_data(title_nl="Met lege rij"), rows))
    assert response.status_code == 302
    assert UloVersion.objects.get(title_nl="Met lege rij").items.count() == 4


def test_a_skill_item_without_verb_is_refused_and_nothing_saved(world, client_for):
    client = client_for(world.user("teacher"))
    items = [{"kind": "skill", "object_nl": "de stack", "object_en": "the stack"}]
    response = client.post(reverse("ulo_create"), _form(ulo_data(title_nl="Zonder werkwoord"), items))
    assert response.status_code == 200
    assert not UloVersion.objects.filter(title_nl="Zonder werkwoord").exists()


def test_a_transition_by_a_user_without_the_right_is_explained_not_taken(world, client_for):
    client = client_for(world.user("coach"))
    response = client.post(reverse("ulo_transition", args=[world.skills.draft.pk, "submit"]), follow=True)
    assert UloVersion.objects.get(pk=world.skills.draft.pk).status == UloStatus.DRAFT
    assert any(m.level_tag == "error" for m in response.context["messages"])


def test_the_catalogue_search_finds_codes_and_words(world, client_for):
    client = client_for(None)
    item = world.skills.published.items.get(kind="knowledge")
    for query in (item.code, "waterstof", world.skills.published.ulo.code):
        page = client.get(reverse("catalogue"), {"q": query}).content.decode()
        assert world.skills.published.title_nl in page, query
    assert "Concept" not in client.get(reverse("catalogue")).content.decode()


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_the_published_catalogue_downloads_in_each_format(world, client_for, fmt):
    response = client_for(None).get(reverse("catalogue_export"), {"format": fmt})
    assert response.status_code == 200
    body = response.content
    codes = {i.code for i in world.skills.published.items.all()}
    if fmt == "json":
        document = json.loads(body)
        assert [u["code"] for u in document["ulos"]] == [world.skills.published.ulo.code]
        assert {i["code"] for i in document["ulos"][0]["items"]} == codes
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
        assert {row["item_code"] for row in rows} == codes
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        header = [c.value for c in sheet[1]]
        assert {row[header.index("item_code")] for row in sheet.iter_rows(min_row=2, values_only=True)} == codes


def test_an_unknown_download_format_is_a_clear_400(client):
    response = client.get(reverse("catalogue_export"), {"format": "pdf"})
    assert response.status_code == 400


def test_the_mapping_page_shows_a_heatmap_cell_and_a_spider_axis_per_specialism(world, client_for):
    page = client_for(world.user("coach")).get(reverse("mapping_detail", args=[world.skills.mapping.pk]))
    html = page.content.decode()
    heatmap = ET.fromstring(
        html[html.index("<svg", html.index('id="heatmap"')) : html.index("</svg>", html.index('id="heatmap"')) + 6]
    )
    cells = heatmap.findall(".//svg:g[@class='cell']", NS)
    assert len(cells) == 2 * 3
    gaps = {(c.get("data-role"), c.get("data-specialism")): c.get("data-gap") for c in cells}
    assert gaps[("Monteur", "Lassen")] == "3"
    assert gaps[("Engineer", "Druk")] == "1"
    spider = ET.fromstring(
        html[html.index("<svg", html.index('id="spider"')) : html.index("</svg>", html.index('id="spider"')) + 6]
    )
    assert [t.text for t in spider.findall(".//svg:text[@class='axis-label']", NS)] == ["ATEX", "Druk", "Lassen"]


def test_the_charts_download_as_svg_and_pdf_in_the_users_language(world, client_for):
    client = client_for(world.user("broker"))
    client.post(reverse("switch_language"), {"language": "en"})
    svg = client.get(reverse("mapping_chart", args=[world.skills.mapping.pk, "spider", "svg"]), {"role": 1})
    assert svg["Content-Type"].startswith("image/svg+xml")
    root = ET.fromstring(svg.content)
    assert [t.text for t in root.findall(".//svg:text[@class='axis-label']", NS)] == ["ATEX", "Pressure", "Welding"]
    pdf = client.get(reverse("mapping_chart", args=[world.skills.mapping.pk, "heatmap", "pdf"]))
    assert pdf.content.startswith(b"%PDF")
    assert (
        client.get(reverse("mapping_chart", args=[world.skills.mapping.pk, "spider", "svg"]), {"role": 9}).status_code
        == 404
    )


def test_editing_levels_saves_and_a_stale_grid_is_refused(world, client_for):
    client = client_for(world.user("expert"))
    mapping = world.skills.mapping
    cells = list(MappingCell.objects.filter(role__mapping=mapping))
    post = {f"cell-{c.pk}-{n}": getattr(c, n) for c in cells for n in ("current", "future")} | {"version": 1}
    target = cells[0]
    post[f"cell-{target.pk}-future"] = 5
    assert client.post(reverse("mapping_edit", args=[mapping.pk]), post).status_code == 302
    target.refresh_from_db()
    assert target.future == 5
    post[f"cell-{target.pk}-future"] = 4
    response = client.post(reverse("mapping_edit", args=[mapping.pk]), post)
    assert response.status_code == 200
    target.refresh_from_db()
    assert target.future == 5
    post = post | {"version": 2, f"cell-{target.pk}-current": "9"}
    response = client.post(reverse("mapping_edit", args=[mapping.pk]), post)
    assert response.status_code == 200
    assert len(response.context["errors"]) == 1


def test_a_mapping_round_trips_through_its_excel_download(world, client_for):
    client = client_for(world.user("broker"))
    workbook = client.get(reverse("mapping_export", args=[world.skills.mapping.pk])).content
    upload = io.BytesIO(workbook)
    upload.name = "mapping.xlsx"
    response = client.post(
        reverse("mapping_create"),
        {"campus": world.campus_a.pk, "title_nl": "Kopie", "title_en": "Copy", "workbook": upload},
    )
    assert response.status_code == 302
    assert grid_of(SkillsMapping.objects.get(title_nl="Kopie")) == grid_of(world.skills.mapping)


def test_a_broken_workbook_is_refused_with_its_cell_and_nothing_made(world, client_for):
    upload = io.BytesIO(b"not a workbook")
    upload.name = "mapping.xlsx"
    response = client_for(world.user("broker")).post(
        reverse("mapping_create"), {"campus": world.campus_a.pk, "title_nl": "Kapot", "workbook": upload}
    )
    assert response.status_code == 200
    assert not SkillsMapping.objects.filter(title_nl="Kapot").exists()


def test_a_draft_is_tied_to_an_imported_esco_occupation(world, client_for):
    from mhw.skills.models import EscoOccupation

    occupation = EscoOccupation.objects.create(uri="http://data.europa.eu/esco/occupation/x1", label_en="pipe welder")
    client = client_for(world.user("teacher"))
    client.post(reverse("occupation_link", args=[world.skills.draft.pk]), {"uri": occupation.uri})
    assert list(world.skills.draft.occupations.all()) == [occupation]
    response = client.post(
        reverse("occupation_link", args=[world.skills.published.pk]), {"uri": occupation.uri}, follow=True
    )
    assert not world.skills.published.occupations.exists()
    assert any(m.level_tag == "error" for m in response.context["messages"])
