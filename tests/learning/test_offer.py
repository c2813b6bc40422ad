"""The regional offer: sheets in and out with every problem named, and who may change which module."""

import io

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.learning.models import Module, ModuleRun
from mhw.learning.offer_sheet import COLUMNS, OfferSheetError, parse_rows, read_csv, write_rows
from mhw.learning.problems import worded
from mhw.learning.services import as_row, import_offer

pytestmark = pytest.mark.django_db


def _record(**changes):
    base = {
        "code": "H2-LEK", "title_nl": "Lekdichtheid", "title_en": "Leak-tightness", "hours": "24",
        "duration_weeks": "3", "format": "practical", "cost": "780,00", "language": "nl", "is_basic": "no",
        "online": "no", "outcomes": "", "prerequisite_modules": "", "prerequisite_levels": "", "runs": "",
    }  # fmt: skip
    return base | changes


def test_a_sheet_row_becomes_a_module_with_outcomes_prerequisites_and_runs(world):
    item = world.skills.published.items.get(kind="responsibility")
    saved = import_offer(
        world.user("broker"),
        world.provider_a,
        [
            (
                2,
                _record(
                    outcomes=f"{item.code}:3",
                    prerequisite_modules="H2-BASIS",
                    prerequisite_levels=f"{item.code}:1",
                    runs="2027-02-01;12;di 08:30-16:30 | 2027-04-05;10;",
                ),
            )
        ],
    )
    module = saved[0]
    assert (module.hours, module.cost, module.is_basic) == (24, 780, False)
    assert [(o.item, o.level) for o in module.outcomes.all()] == [(item, 3)]
    assert list(module.prerequisite_modules.all()) == [world.module_a]
    assert [r.seats for r in module.runs.all()] == [12, 10]


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"hours": "veel"}, "row 2, hours"),
        ({"format": "podcast"}, "row 2, format"),
        ({"outcomes": "VO12:3"}, "row 2, outcomes"),
        ({"outcomes": "VO999:3"}, "row 2"),
        ({"runs": "12-01-2027;16"}, "row 2, runs"),
        ({"prerequisite_modules": "ONBEKEND"}, "row 2, prerequisite_modules"),
        ({"cost": "-5"}, "row 2, cost"),
        ({"title_en": ""}, "row 2, title_en"),
    ],
)
def test_a_bad_row_is_refused_with_where_and_nothing_changes(world, changes, where):
    before = Module.objects.count()
    with pytest.raises(OfferSheetError) as error:
        import_offer(world.user("broker"), world.provider_a, [(2, _record(**changes))])
    assert where in [p.where for p in error.value.problems]
    assert Module.objects.count() == before


def test_the_download_uploads_again_to_the_same_offer(world, client_for):
    client = client_for(world.user("provider_staff"))
    body = client.get(reverse("offer_download", args=[world.provider_a.pk, "csv"])).content
    records = read_csv(body)
    import_offer(world.user("provider_staff"), world.provider_a, records)
    module = Module.objects.get(pk=world.module_a.pk)
    assert as_row(module) == as_row(world.module_a)
    assert ModuleRun.objects.filter(module=module).count() == 1


@given(cells=st.dictionaries(st.sampled_from(COLUMNS), st.text(max_size=40), max_size=len(COLUMNS)))
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_row_is_parsed_or_refused_with_located_problems(cells):
    try:
        modules = parse_rows([(2, cells)])
    except OfferSheetError as error:
        problems = error.problems
    else:
        problems = []
        assert modules[0].fields["hours"] >= 1
    assert all(p.where.startswith("row 2") for p in problems)


def test_broken_csv_bytes_are_refused_cleanly():
    for raw in (b"\xff\xfe\x00", b"code,title_nl\n", b'code,"title_nl\n1,"x'):
        with pytest.raises(OfferSheetError):
            read_csv(raw)


def test_provider_staff_edit_their_own_module_and_a_stale_form_is_refused(world, client_for):
    client = client_for(world.user("provider_staff"))
    url = reverse("module_edit", args=[world.module_a.pk])
    form = client.get(url).context["form"]
    data = {name: ("" if value is None else value) for name, value in form.initial.items()}
    data |= {"title_nl": "Basis veiligheid", "is_basic": "on", "online": ""}
    assert client.post(url, data).status_code == 302
    assert Module.objects.get(pk=world.module_a.pk).title_nl == "Basis veiligheid"
    response = client.post(url, data | {"title_nl": "Verouderd"})
    assert response.status_code == 200
    assert Module.objects.get(pk=world.module_a.pk).title_nl == "Basis veiligheid"


def test_the_offer_is_open_and_searchable_by_item_code(world, client):
    code = world.module_a.outcomes.first().item.code
    page = client.get(reverse("offer"), {"q": code}).content.decode()
    assert "Basis" in page
    assert "Basis" not in client.get(reverse("offer"), {"q": "KO99999"}).content.decode()


@pytest.mark.parametrize(
    ("language", "place", "message"),
    [
        ("nl", "rij 2, hours", "“veel” is geen geheel getal"),
        ("en", "row 2, hours", "“veel” is not a whole number"),
    ],
)
def test_an_uploaded_sheet_names_its_problems_in_the_users_language(world, client_for, language, place, message):
    csv_bytes, _excel = write_rows([_record(hours="veel")])
    upload = io.BytesIO(csv_bytes)
    upload.name = "aanbod.csv"
    client = client_for(world.user("provider_staff"))
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language
    response = client.post(reverse("offer_upload", args=[world.provider_a.pk]), {"file": upload})
    assert response.status_code == 200
    [problem] = response.context["problems"]
    assert (problem.where, problem.place, problem.message) == ("row 2, hours", place, message)
    assert f"<code>{place}</code> {message}" in response.content.decode()


def test_a_sheet_problem_is_worded_in_the_active_language_with_its_row_and_column():
    with pytest.raises(OfferSheetError) as missing:
        read_csv(b"code,title_nl\n")
    with pytest.raises(OfferSheetError) as bad_format:
        parse_rows([(3, _record(format="podcast"))])
    problems = [*missing.value.problems, *bad_format.value.problems]
    with translation.override("nl"):
        assert [str(p) for p in worded(problems)] == [
            "rij 1: ontbrekende kolom(men): title_en, hours, duration_weeks, format, cost, language",
            "rij 3, format: moet een van deze zijn: classroom, e_learning, practical, workplace, blended",
        ]
    with translation.override("en"):
        assert [str(p) for p in worded(problems)] == [
            "row 1: missing column(s): title_en, hours, duration_weeks, format, cost, language",
            "row 3, format: must be one of classroom, e_learning, practical, workplace, blended",
        ]
    # The sheet module itself stays English and free of Django: the page layer words the problems.
    assert str(problems[0]) == "row 1: missing column(s): title_en, hours, duration_weeks, format, cost, language"
