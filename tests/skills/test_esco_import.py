"""The ESCO importer: the pure reader's validation with exact file:line errors, the all-or-nothing import, the
command, and a property test that any corruption of a valid download is either imported whole or rejected whole."""

import csv
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.accounts.models import AuditEvent
from mhw.skills import esco_csv
from mhw.skills.esco_csv import read_esco
from mhw.skills.esco_import import EscoImportError, import_esco
from mhw.skills.models import EscoOccupation, EscoRelation, EscoSkill, IndexedText
from tests.factories import UserFactory

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "esco"
CORRUPT = DATA / "esco_corrupt"
SKILL = "http://data.europa.eu/esco/skill/"
PIPELINES = SKILL + "f05743ce-244a-5039-961d-349d0abaa159"
ATEX = SKILL + "3ce581ed-b0f1-5972-ac84-e4f901db471c"
ELECTRICAL_SAFETY = SKILL + "800b1842-ae49-51b5-89eb-1d5b79d29d51"
PIPE_WELDER = "http://data.europa.eu/esco/occupation/acaeabca-c9ce-59be-9737-104a790282aa"
FILES = (*esco_csv.REQUIRED_FILES, *esco_csv.OPTIONAL_FILES)

#: The problems planted in tests/skills/data/esco_corrupt, each after records whose quoted fields span lines.
CORRUPT_ERRORS = [
    f"skills_en.csv:11: duplicate conceptUri {ATEX}, first on line 5",
    "skills_en.csv:21: conceptUri is empty",
    "occupations_en.csv:6: iscoGroup is not an ISCO code: '22X3'",
    "occupationSkillRelations_en.csv:6: relationType is 'mandatory', expected essential or optional",
    f"occupationSkillRelations_en.csv:12: skillUri {SKILL}00000000-dead-beef-0000-000000000000 is unknown",
]


def copy_sample(target: Path, *, without=()) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        if name not in without:
            shutil.copy(SAMPLE / name, target / name)
    return target


def read_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]], *, lineterminator="\n", encoding="utf-8") -> None:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, lineterminator=lineterminator).writerows(rows)


def database_counts() -> tuple[int, int, int]:
    return EscoSkill.objects.count(), EscoOccupation.objects.count(), EscoRelation.objects.count()


def database_state() -> tuple:
    return (
        sorted(EscoSkill.objects.values_list("uri", "label_en", "label_nl", "alt_labels_en", "skill_type")),
        sorted(EscoOccupation.objects.values_list("uri", "label_en", "label_nl", "isco_group", "code")),
        sorted(EscoRelation.objects.values_list("id", "occupation__uri", "skill__uri", "relation_type")),
    )


# --- the pure reader ------------------------------------------------------------------------------------------------


def test_the_reader_is_pure():
    # A fresh interpreter: in this one pytest-django has long imported Django.
    code = "import sys, mhw.skills.esco_csv; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_sample_reads_without_errors():
    data = read_esco(SAMPLE)
    assert data.errors == []
    assert (len(data.skills), len(data.occupations), len(data.relations)) == (12, 4, 20)
    assert data.skills[PIPELINES].alt_labels_en == "lay hydrogen pipelines\nfit hydrogen piping\ninstall H2 pipework"
    assert data.skills[PIPELINES].line == 2
    assert data.skills[ATEX].line == 5  # after a record spanning three lines
    assert not data.skills[ELECTRICAL_SAFETY].has_dutch


def test_the_corrupt_copy_reports_every_problem_with_its_file_and_start_line():
    data = read_esco(CORRUPT)
    assert [str(error) for error in data.errors] == CORRUPT_ERRORS
    assert [error.code for error in data.errors] == [
        "duplicate_uri",
        "empty_uri",
        "malformed_isco_group",
        "unknown_relation_type",
        "unknown_skill",
    ]


def test_line_numbers_count_physical_lines_of_multi_line_records(tmp_path):
    rows = read_rows(SAMPLE / "skills_en.csv")
    header, first = rows[0], rows[1]
    long = list(first)
    long[rows[0].index("altLabels")] = "one\ntwo\nthree\nfour"
    long[rows[0].index("description")] = "first paragraph\n\nsecond paragraph"
    bad = list(first)
    bad[header.index("conceptUri")] = "http://data.europa.eu/esco/skill/has a space"
    wrong = list(rows[2])
    wrong[header.index("conceptType")] = "Occupation"
    # header (1), long record (2..7: three newlines in altLabels, two in description), blank line (8), bad (9..11,
    # its altLabels span three lines), wrong (12)
    write_rows(tmp_path / "skills_en.csv", [header, long])
    with (tmp_path / "skills_en.csv").open("a", newline="", encoding="utf-8") as handle:
        handle.write("\n")
        csv.writer(handle, lineterminator="\n").writerows([bad, wrong])
    copy_sample(tmp_path, without=("skills_en.csv", "skills_nl.csv", "occupationSkillRelations_en.csv"))
    write_rows(
        tmp_path / "occupationSkillRelations_en.csv", [["occupationUri", "relationType", "skillType", "skillUri"]]
    )
    errors = [str(e) for e in read_esco(tmp_path).errors]
    assert errors == [
        "skills_en.csv:9: conceptUri is not a valid ESCO URI: 'http://data.europa.eu/esco/skill/has a space'",
        "skills_en.csv:12: conceptType is 'Occupation', expected 'KnowledgeSkillCompetence'",
    ]


def test_bom_crlf_and_extra_columns_are_accepted(tmp_path):
    copy_sample(tmp_path)
    for name in ("skills_en.csv", "occupations_nl.csv"):
        write_rows(tmp_path / name, read_rows(SAMPLE / name), lineterminator="\r\n", encoding="utf-8-sig")
    # Some releases name the concepts in the relation file too; the extra columns are ignored.
    rows = read_rows(SAMPLE / "occupationSkillRelations_en.csv")
    extended = [["occupationUri", "occupationLabel", "relationType", "skillType", "skillUri", "skillLabel"]]
    extended += [[o, "a label, with a comma", r, t, s, "a skill"] for o, r, t, s in rows[1:]]
    write_rows(tmp_path / "occupationSkillRelations_en.csv", extended)
    data = read_esco(tmp_path)
    assert data.errors == []
    assert data.skills[PIPELINES].alt_labels_en == "lay hydrogen pipelines\nfit hydrogen piping\ninstall H2 pipework"
    assert len(data.relations) == 20
    assert data.occupations[PIPE_WELDER].label_nl == "pijplasser"


def test_a_missing_english_file_and_a_missing_column_are_clear_errors(tmp_path):
    copy_sample(tmp_path, without=("occupations_en.csv", "occupations_nl.csv"))
    rows = read_rows(SAMPLE / "skills_en.csv")
    drop = rows[0].index("preferredLabel")
    write_rows(tmp_path / "skills_en.csv", [row[:drop] + row[drop + 1 :] for row in rows])
    errors = [str(e) for e in read_esco(tmp_path).errors]
    # The relation file is still checked for its own problems, but references into unreadable files are not
    # reported one by one.
    assert errors == ["skills_en.csv:1: missing column(s): preferredLabel", "occupations_en.csv: file is missing"]


def test_bad_bytes_nul_characters_and_broken_quotes_are_reported_on_their_line(tmp_path):
    copy_sample(tmp_path)
    skills = (SAMPLE / "skills_en.csv").read_bytes().splitlines(keepends=True)
    skills[6] = skills[6].replace(b"monitor", b"mon\xfftor")  # line 7 starts "monitor pressure equipment"
    (tmp_path / "skills_en.csv").write_bytes(b"".join(skills))
    occupations = (SAMPLE / "occupations_en.csv").read_bytes().splitlines(keepends=True)
    occupations[4] = occupations[4].replace(b"hydrogen", b"hydro\x00gen")  # second line of the record on line 4
    (tmp_path / "occupations_en.csv").write_bytes(b"".join(occupations))
    relations = (SAMPLE / "occupationSkillRelations_en.csv").read_bytes().splitlines(keepends=True)
    relations[2] = relations[2].replace(b",essential,", b',"essential,')  # a quote that is never closed
    (tmp_path / "occupationSkillRelations_en.csv").write_bytes(b"".join(relations))
    assert [(e.file, e.line, e.code) for e in read_esco(tmp_path).errors] == [
        ("skills_en.csv", 7, "not_utf8"),
        ("occupations_en.csv", 4, "nul_character"),
        ("occupationSkillRelations_en.csv", 3, "malformed_csv"),
    ]


def test_a_missing_directory_is_one_error(tmp_path):
    assert [e.code for e in read_esco(tmp_path / "nowhere").errors] == ["missing_directory"]


def test_dutch_rows_need_an_english_concept_and_duplicate_relations_are_refused(tmp_path):
    copy_sample(tmp_path)
    rows = read_rows(SAMPLE / "skills_nl.csv")
    stray = list(rows[1])
    stray[rows[0].index("conceptUri")] = SKILL + "11111111-2222-3333-4444-555555555555"
    write_rows(tmp_path / "skills_nl.csv", [*rows, stray])
    relations = read_rows(SAMPLE / "occupationSkillRelations_en.csv")
    write_rows(tmp_path / "occupationSkillRelations_en.csv", [*relations, relations[3]])
    errors = [str(e) for e in read_esco(tmp_path).errors]
    assert errors == [
        f"skills_nl.csv:14: conceptUri {stray[1]} is not in the English file",
        "occupationSkillRelations_en.csv:22: duplicate relation, first on line 4",
    ]


def test_known_uris_satisfy_relations_and_progress_reaches_the_total(tmp_path):
    copy_sample(tmp_path)
    rows = read_rows(SAMPLE / "occupationSkillRelations_en.csv")
    outside = SKILL + "99999999-0000-0000-0000-000000000000"
    write_rows(tmp_path / "occupationSkillRelations_en.csv", [*rows, [PIPE_WELDER, "optional", "knowledge", outside]])
    assert [e.code for e in read_esco(tmp_path).errors] == ["unknown_skill"]
    calls = []
    data = read_esco(tmp_path, known_skill_uris={outside}, progress=lambda *args: calls.append(args))
    assert data.errors == []
    total = sum((tmp_path / name).stat().st_size for name in FILES)
    assert calls[-1] == ("occupationSkillRelations_en.csv", total, total)
    assert {label for label, _done, _total in calls} == set(FILES)


def test_the_length_limits_agree_with_the_models():
    field = lambda model, name: model._meta.get_field(name).max_length  # noqa: E731
    assert {
        "uri": field(EscoSkill, "uri"),
        "label": field(EscoSkill, "label_en"),
        "skill_type": field(EscoSkill, "skill_type"),
        "reuse_level": field(EscoSkill, "reuse_level"),
        "isco_group": field(EscoOccupation, "isco_group"),
        "code": field(EscoOccupation, "code"),
    } == esco_csv.MAX_LENGTH
    for model in (EscoSkill, EscoOccupation):
        assert field(model, "uri") == esco_csv.MAX_LENGTH["uri"]
        assert field(model, "label_nl") == field(model, "label_en") == esco_csv.MAX_LENGTH["label"]


# --- the import -----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_sample_imports_with_dutch_labels_alt_labels_and_relations():
    report = import_esco(SAMPLE)
    assert (report.skills_created, report.occupations_created, report.relations_created) == (12, 4, 20)
    assert database_counts() == (12, 4, 20)
    pipelines = EscoSkill.objects.get(uri=PIPELINES)
    assert pipelines.label_en == "install hydrogen pipelines"
    assert pipelines.label_nl == "waterstofleidingen aanleggen"
    assert pipelines.alt_labels_en.splitlines() == [
        "lay hydrogen pipelines",
        "fit hydrogen piping",
        "install H2 pipework",
    ]
    assert pipelines.alt_labels_nl.splitlines() == ["waterstofleidingen installeren", "H2-leidingwerk monteren"]
    assert (pipelines.skill_type, pipelines.reuse_level) == ("skill/competence", "sector-specific")
    assert EscoSkill.objects.get(uri=ELECTRICAL_SAFETY).label_nl == ""  # no Dutch row for this one
    welder = EscoOccupation.objects.get(uri=PIPE_WELDER)
    assert (welder.label_en, welder.label_nl, welder.isco_group, welder.code) == (
        "pipe welder",
        "pijplasser",
        "7212",
        "7212.3",
    )
    assert welder.description_nl.startswith("Pijplassers monteren")
    kinds = dict(welder.relations.values_list("skill__label_en", "relation_type"))
    assert kinds == {
        "weld pipes": "essential",
        "install hydrogen pipelines": "essential",
        "read technical drawings": "essential",
        "perform leak tests": "optional",
        "apply ATEX safety regulations": "optional",
        "use personal protective equipment": "essential",
    }
    assert EscoRelation.objects.filter(relation_type="essential").count() == 12
    assert AuditEvent.objects.filter(action="esco.imported").count() == 0  # no actor, no audit line


@pytest.mark.django_db
def test_importing_again_changes_nothing():
    import_esco(SAMPLE)
    before = database_state()
    report = import_esco(SAMPLE)
    assert not report.changed
    assert (report.skills_unchanged, report.occupations_unchanged, report.relations_unchanged) == (12, 4, 20)
    assert database_state() == before  # same rows, same relation ids: nothing was deleted and created again


@pytest.mark.django_db
def test_a_new_release_updates_labels_and_replaces_relations(tmp_path):
    import_esco(SAMPLE)
    copy_sample(tmp_path)
    skills = read_rows(SAMPLE / "skills_en.csv")
    skills[1][skills[0].index("preferredLabel")] = "install hydrogen pipework"
    write_rows(tmp_path / "skills_en.csv", skills)
    relations = read_rows(SAMPLE / "occupationSkillRelations_en.csv")
    relations[4][1] = "essential"  # was optional
    del relations[1]  # welder — weld pipes
    write_rows(tmp_path / "occupationSkillRelations_en.csv", relations)
    report = import_esco(tmp_path)
    assert (report.skills_created, report.skills_updated, report.skills_unchanged) == (0, 1, 11)
    assert (report.relations_created, report.relations_updated, report.relations_deleted) == (0, 1, 1)
    assert EscoSkill.objects.get(uri=PIPELINES).label_en == "install hydrogen pipework"
    assert EscoSkill.objects.get(uri=PIPELINES).label_nl == "waterstofleidingen aanleggen"
    assert database_counts() == (12, 4, 19)


@pytest.mark.django_db
def test_a_download_without_dutch_files_keeps_the_dutch_labels(tmp_path):
    import_esco(SAMPLE)
    before = database_state()
    report = import_esco(copy_sample(tmp_path, without=esco_csv.OPTIONAL_FILES))
    assert not report.changed
    assert database_state() == before


@pytest.mark.django_db
def test_relations_may_point_at_concepts_of_an_earlier_import(tmp_path):
    import_esco(SAMPLE)
    header = read_rows(SAMPLE / "skills_en.csv")[:1]
    write_rows(tmp_path / "skills_en.csv", header)
    write_rows(tmp_path / "occupations_en.csv", read_rows(SAMPLE / "occupations_en.csv")[:1])
    write_rows(
        tmp_path / "occupationSkillRelations_en.csv",
        [["occupationUri", "relationType", "skillType", "skillUri"], [PIPE_WELDER, "essential", "", ATEX]],
    )
    report = import_esco(tmp_path)
    # The relation file is the complete list for the occupations it names: the welder keeps only this one.
    assert (report.relations_updated, report.relations_deleted) == (1, 5)
    assert list(
        EscoRelation.objects.filter(occupation__uri=PIPE_WELDER).values_list("skill__uri", "relation_type")
    ) == [(ATEX, "essential")]
    assert database_counts() == (12, 4, 15)


@pytest.mark.django_db
def test_the_corrupt_copy_is_refused_and_nothing_is_written():
    with pytest.raises(EscoImportError) as raised:
        import_esco(CORRUPT)
    assert [str(error) for error in raised.value.errors] == CORRUPT_ERRORS
    assert database_counts() == (0, 0, 0)


@pytest.mark.django_db
def test_a_refused_import_leaves_an_earlier_import_untouched():
    import_esco(SAMPLE)
    before = database_state()
    with pytest.raises(EscoImportError):
        import_esco(CORRUPT)
    assert database_state() == before


@pytest.mark.django_db
def test_a_missing_english_file_is_refused(tmp_path):
    with pytest.raises(EscoImportError) as raised:
        import_esco(copy_sample(tmp_path, without=("skills_en.csv",)))
    assert [str(e) for e in raised.value.errors] == ["skills_en.csv: file is missing"]
    assert database_counts() == (0, 0, 0)


@pytest.mark.django_db
def test_an_import_by_a_person_is_audited():
    user = UserFactory()
    report = import_esco(SAMPLE, actor=user)
    event = AuditEvent.objects.get(action="esco.imported")
    assert event.actor == user
    assert event.details == report.as_dict()
    assert event.details["skills_created"] == 12


# --- the command ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_imports_and_reports_the_counts():
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("import_esco", str(SAMPLE), stdout=out, stderr=err)
    assert "Skills: 12 created, 0 updated, 0 unchanged" in out.getvalue()
    assert "Relations: 20 created" in out.getvalue()
    assert "100%" in err.getvalue()  # the progress bar ran to the end
    assert database_counts() == (12, 4, 20)
    # The labels are in the semantic index at once (12 skills and 4 occupations, in the languages they have).
    assert "Semantic index up to date" in out.getvalue()
    assert IndexedText.objects.filter(source__startswith="esco").count() >= 16


@pytest.mark.django_db
def test_the_command_prints_every_error_with_its_line_and_fails():
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_esco", str(CORRUPT), stdout=out, stderr=err)
    lines = err.getvalue().splitlines()
    for expected in CORRUPT_ERRORS:
        assert expected in lines
    assert database_counts() == (0, 0, 0)


# --- property: any corruption is imported whole or refused whole ----------------------------------------------------

SAMPLE_BYTES = {name: (SAMPLE / name).read_bytes() for name in FILES}
SAMPLE_ROWS = {name: read_rows(SAMPLE / name) for name in FILES}
safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@st.composite
def corruptions(draw):
    """A copy of the sample with one to three random changes, as {file name: bytes}."""
    files = {name: SAMPLE_ROWS[name] for name in FILES}
    files = {name: [list(row) for row in rows] for name, rows in files.items()}
    raw: dict[str, bytes] = {}
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(FILES))
        kind = draw(
            st.sampled_from(["blank", "garble_uri", "relation_type", "replace", "drop_row", "truncate", "bytes"])
        )
        rows = files[name]
        if kind in ("truncate", "bytes"):
            data = raw.get(name, SAMPLE_BYTES[name])
            at = draw(st.integers(0, len(data)))
            raw[name] = (
                data[:at] if kind == "truncate" else data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
            )
            continue
        if name in raw or len(rows) < 2:
            continue
        index = draw(st.integers(1, len(rows) - 1))
        column = draw(st.integers(0, len(rows[index]) - 1))
        if kind == "blank":
            rows[index][column] = ""
        elif kind == "garble_uri":
            uri_columns = [i for i, value in enumerate(rows[index]) if value.startswith("http://data.europa.eu/esco/")]
            column = draw(st.sampled_from(uri_columns))
            value = rows[index][column]
            at = draw(st.integers(0, len(value)))
            rows[index][column] = value[:at] + draw(safe_text) + value[at + draw(st.integers(0, 3)) :]
        elif kind == "relation_type" and name == esco_csv.RELATIONS_EN:
            rows[index][1] = draw(st.sampled_from(["essential", "optional", "Essential", "", "mandatory"]))
        elif kind == "replace":
            rows[index][column] = draw(safe_text)
        elif kind == "drop_row":
            del rows[index]
    result = {}
    for name in FILES:
        if name in raw:
            result[name] = raw[name]
        else:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerows(files[name])
            result[name] = buffer.getvalue().encode("utf-8")
    return result


@pytest.mark.django_db
@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=corruptions())
def test_any_corruption_is_imported_whole_or_refused_whole(files):
    with tempfile.TemporaryDirectory() as directory, transaction.atomic():
        for name, content in files.items():
            (Path(directory) / name).write_bytes(content)
        try:
            report, failure = import_esco(directory), None
        except EscoImportError as exc:
            report, failure = None, exc
        if failure is not None:
            assert failure.errors
            for error in failure.errors:
                assert error.file in FILES
                assert error.line is not None
                assert 1 <= error.line <= files[error.file].count(b"\n") + 1
            assert database_counts() == (0, 0, 0)
        else:
            data = read_esco(directory)
            assert data.errors == []
            assert database_counts() == (len(data.skills), len(data.occupations), len(data.relations))
            assert report.skills_created == len(data.skills)
            for uri, skill in data.skills.items():
                assert EscoSkill.objects.get(uri=uri).label_en == skill.label_en
        # Each example starts from an empty database.
        transaction.set_rollback(True)
