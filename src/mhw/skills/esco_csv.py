"""Reading and validating the official ESCO CSV download (v1.1 / v1.2).

Pure module: no Django import, plain data in, plain data out, so it can be property-tested and benchmarked alone.
`read_esco` streams the files of one download directory row by row and returns the parsed records together with
EVERY problem it found, each with the file name and the physical line on which the CSV record starts (the header is
line 1; a record whose quoted fields hold newlines spans several lines, so the next record starts further down).

Files, per language code: ``skills_LANG.csv``, ``occupations_LANG.csv`` and ``occupationSkillRelations_LANG.csv``.
The English files are required; the Dutch ``skills_nl.csv`` and ``occupations_nl.csv`` are optional and only add
Dutch labels to concepts the English files define. Columns this module does not use (hiddenLabels, status,
occupationLabel, …) may be present or absent; columns it uses must be there.

Error messages are English with a stable ``code``; the caller decides how to show them.
"""

import csv
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

SKILLS_EN = "skills_en.csv"
OCCUPATIONS_EN = "occupations_en.csv"
RELATIONS_EN = "occupationSkillRelations_en.csv"
SKILLS_NL = "skills_nl.csv"
OCCUPATIONS_NL = "occupations_nl.csv"
REQUIRED_FILES = (SKILLS_EN, OCCUPATIONS_EN, RELATIONS_EN)
OPTIONAL_FILES = (SKILLS_NL, OCCUPATIONS_NL)

SKILL_CONCEPT_TYPE = "KnowledgeSkillCompetence"
OCCUPATION_CONCEPT_TYPE = "Occupation"
SKILL_TYPES = frozenset({"skill/competence", "knowledge", ""})
RELATION_TYPES = frozenset({"essential", "optional"})

# The path segment after /skill/ or /occupation/ is a UUID in v1.1 and v1.2; accept any plain identifier so a
# future release with another identifier scheme is not rejected, but nothing with spaces, slashes or query strings.
SKILL_URI = re.compile(r"http://data\.europa\.eu/esco/skill/[A-Za-z0-9][A-Za-z0-9._-]*")
OCCUPATION_URI = re.compile(r"http://data\.europa\.eu/esco/occupation/[A-Za-z0-9][A-Za-z0-9._-]*")
ISCO_GROUP = re.compile(r"\d{1,4}")

#: Longest value per field. These mirror the max_length of the model fields (EscoSkill, EscoOccupation); a test
#: checks that they agree. Checking here matters because SQLite would store a too-long value silently while
#: PostgreSQL refuses it halfway through the import.
MAX_LENGTH = {"uri": 200, "label": 400, "skill_type": 40, "reuse_level": 40, "isco_group": 10, "code": 40}

SKILL_COLUMNS = ("conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description")
OCCUPATION_COLUMNS = ("conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description", "code")
DUTCH_COLUMNS = ("conceptType", "conceptUri", "preferredLabel", "altLabels", "description")
RELATION_COLUMNS = ("occupationUri", "relationType", "skillUri")

_BOM = b"\xef\xbb\xbf"
# How often the progress callback is called at most, in steps over all bytes: often enough for a smooth bar,
# rarely enough that a slow callback (a terminal write) does not slow the reading down.
_PROGRESS_STEPS = 200

#: progress(label, done, total): `label` is the file being read, `done` and `total` count bytes over all files.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class EscoError:
    """One problem in the download: which file, which line (None for a problem with the whole file), what."""

    file: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(slots=True)
class SkillRecord:
    uri: str
    line: int
    skill_type: str
    reuse_level: str
    label_en: str
    alt_labels_en: str
    description_en: str
    has_dutch: bool = False
    label_nl: str = ""
    alt_labels_nl: str = ""
    description_nl: str = ""


@dataclass(slots=True)
class OccupationRecord:
    uri: str
    line: int
    isco_group: str
    code: str
    label_en: str
    alt_labels_en: str
    description_en: str
    has_dutch: bool = False
    label_nl: str = ""
    alt_labels_nl: str = ""
    description_nl: str = ""


@dataclass(frozen=True, slots=True)
class RelationRecord:
    occupation_uri: str
    skill_uri: str
    relation_type: str
    line: int


@dataclass
class EscoData:
    """The parsed download. Records are keyed by URI in file order; `errors` is empty when everything is valid."""

    skills: dict[str, SkillRecord] = field(default_factory=dict)
    occupations: dict[str, OccupationRecord] = field(default_factory=dict)
    relations: list[RelationRecord] = field(default_factory=list)
    errors: list[EscoError] = field(default_factory=list)
    files_read: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def normalise_alt_labels(value: str) -> str:
    """One label per line, trimmed, without empty lines: the same text whatever line endings the file used."""
    return "\n".join(label for label in (part.strip() for part in value.splitlines()) if label)


class _Meter:
    """Counts bytes read over all files and calls the progress callback at most every 1/_PROGRESS_STEPS."""

    def __init__(self, total: int, callback: Progress | None):
        self.total = total
        self.done = 0
        self.callback = callback
        self.label = ""
        self._step = max(1, total // _PROGRESS_STEPS)
        self._next = 0

    def advance(self, size: int) -> None:
        self.done += size
        if self.callback is not None and self.done >= self._next:
            self._next = self.done + self._step
            self.callback(self.label, self.done, self.total)

    def report(self) -> None:
        if self.callback is not None:
            self.callback(self.label, self.done, self.total)


class _CsvFile:
    """Iterates the records of one CSV file as (start line, values of `columns`), adding problems to `errors`.

    The file is read in binary and decoded line by line: UTF-8 is self-synchronising at a newline byte, so a bad
    byte is reported on its own line, and the byte count drives the progress bar. `complete` tells afterwards
    whether every record could be read, so that its URI is known: if not, other files do not report each reference
    into it as unknown, since the concept may well be in the record or the part of the file that was not read.
    """

    def __init__(self, directory: Path, name: str, columns: tuple[str, ...], errors: list[EscoError], meter: _Meter):
        self.path = directory / name
        self.name = name
        self.columns = columns
        self.errors = errors
        self.meter = meter
        self.header_ok = False
        self.complete = False
        self._physical_line = 0
        # Set when a line of the record being read holds a NUL character: PostgreSQL cannot store one in a text
        # column, so the record is refused here instead of failing in the middle of the import. The reader pulls
        # lines only until the current record is complete, so the flag always belongs to the record just read.
        self._nul_seen = False

    def _error(self, line: int | None, code: str, message: str) -> None:
        self.errors.append(EscoError(self.name, line, code, message))

    def _lines(self, handle) -> Iterator[str]:
        for raw in handle:
            self._physical_line += 1
            self.meter.advance(len(raw))
            if self._physical_line == 1:
                raw = raw.removeprefix(_BOM)
            if b"\x00" in raw:
                self._nul_seen = True
            yield raw.decode("utf-8")

    def __iter__(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        self.meter.label = self.name
        try:
            handle = self.path.open("rb")
        except FileNotFoundError:
            self._error(None, "missing_file", "file is missing")
            return
        except OSError as exc:
            self._error(None, "unreadable_file", f"file cannot be read: {exc.strerror or exc}")
            return
        with handle:
            # strict: a stray quote inside an unquoted field is an error instead of being swallowed silently.
            reader = csv.reader(self._lines(handle), strict=True)
            previous = 0  # reader.line_num after the previous record: the next record starts on the line after it
            skipped = False
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except UnicodeDecodeError:
                    self._error(
                        self._physical_line, "not_utf8", "line is not valid UTF-8; the rest of the file was not checked"
                    )
                    return
                except csv.Error as exc:
                    # After a broken quote the reader cannot know where records start again: stop this file
                    # rather than report a cascade of made-up problems.
                    self._error(
                        previous + 1, "malformed_csv", f"malformed CSV ({exc}); the rest of the file was not checked"
                    )
                    return
                line = previous + 1
                previous = reader.line_num
                if self._nul_seen:
                    # The fields are still parsed correctly, so the record goes on being checked and its URI
                    # stays known to the other files; the import is refused because of this error anyway.
                    self._nul_seen = False
                    self._error(line, "nul_character", "record contains a NUL character")
                    if not self.header_ok:
                        return
                if not self.header_ok:
                    if not self._read_header(row, line):
                        return
                    continue
                if not row or row == [""]:
                    continue  # blank line, e.g. at the end of the file
                if len(row) != self._width:
                    self._error(
                        line, "wrong_field_count", f"record has {len(row)} fields, the header has {self._width}"
                    )
                    skipped = True
                    continue
                yield line, tuple(row[i].strip() for i in self._indices)
        self.meter.report()
        if not self.header_ok:  # every other way of failing the header returned above
            self._error(1, "empty_file", "file is empty: no header line")
            return
        self.complete = not skipped

    def _read_header(self, row: list[str], line: int) -> bool:
        if not row or row == [""]:
            self._error(line, "empty_file", "file starts with an empty line instead of the header")
            return False
        names = [name.strip() for name in row]
        missing = [column for column in self.columns if column not in names]
        if missing:
            self._error(line, "missing_column", "missing column(s): " + ", ".join(missing))
            return False
        self._width = len(names)
        self._indices = [names.index(column) for column in self.columns]
        self.header_ok = True
        return True


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_esco(
    directory: str | Path,
    *,
    known_skill_uris: Collection[str] = frozenset(),
    known_occupation_uris: Collection[str] = frozenset(),
    progress: Progress | None = None,
) -> EscoData:
    """Read and validate one ESCO CSV download directory.

    `known_skill_uris` and `known_occupation_uris` are concepts that exist already (in the database): a relation may
    point at them without the files defining them. Pass sets; membership is tested once per relation. Every row is
    checked even after an error, so one run shows every problem; only a structural CSV error (a broken quote) stops
    the checking of that one file. Work is linear in the number of rows.
    """
    directory = Path(directory)
    data = EscoData()
    errors = data.errors
    if not directory.is_dir():
        errors.append(EscoError(str(directory), None, "missing_directory", "directory does not exist"))
        return data
    names = [
        name for name in (*REQUIRED_FILES, *OPTIONAL_FILES) if name in REQUIRED_FILES or (directory / name).exists()
    ]
    meter = _Meter(sum(_file_size(directory / name) for name in names), progress)
    data.files_read = names

    skills_file = _CsvFile(directory, SKILLS_EN, SKILL_COLUMNS, errors, meter)
    _read_skills(skills_file, data)
    occupations_file = _CsvFile(directory, OCCUPATIONS_EN, OCCUPATION_COLUMNS, errors, meter)
    _read_occupations(occupations_file, data)
    if SKILLS_NL in names:
        _read_dutch(
            _CsvFile(directory, SKILLS_NL, DUTCH_COLUMNS, errors, meter),
            data.skills,
            SKILL_CONCEPT_TYPE,
            SKILL_URI,
            check_known=skills_file.complete,
        )
    if OCCUPATIONS_NL in names:
        _read_dutch(
            _CsvFile(directory, OCCUPATIONS_NL, DUTCH_COLUMNS, errors, meter),
            data.occupations,
            OCCUPATION_CONCEPT_TYPE,
            OCCUPATION_URI,
            check_known=occupations_file.complete,
        )
    _read_relations(
        _CsvFile(directory, RELATIONS_EN, RELATION_COLUMNS, errors, meter),
        data,
        known_skill_uris,
        known_occupation_uris,
        check_skills=skills_file.complete,
        check_occupations=occupations_file.complete,
    )
    return data


def _check_length(errors: list[EscoError], file: str, line: int, column: str, value: str, limit_key: str) -> None:
    limit = MAX_LENGTH[limit_key]
    if len(value) > limit:
        errors.append(EscoError(file, line, "too_long", f"{column} is {len(value)} characters long; at most {limit}"))


def _check_uri(errors: list[EscoError], file: str, line: int, column: str, uri: str, pattern: re.Pattern) -> bool:
    """True when `uri` is well-formed; otherwise adds an error and answers False."""
    if not uri:
        errors.append(EscoError(file, line, "empty_uri", f"{column} is empty"))
        return False
    if pattern.fullmatch(uri) is None:
        errors.append(EscoError(file, line, "malformed_uri", f"{column} is not a valid ESCO URI: {uri!r}"))
        return False
    if len(uri) > MAX_LENGTH["uri"]:
        _check_length(errors, file, line, column, uri, "uri")
        return False
    return True


def _check_concept(errors, file, line, concept_type, expected, uri, pattern, seen: dict[str, int]) -> bool:
    """The checks every concept row shares: conceptType, URI form and uniqueness. True when the URI is usable."""
    if concept_type != expected:
        errors.append(
            EscoError(file, line, "wrong_concept_type", f"conceptType is {concept_type!r}, expected {expected!r}")
        )
    if not _check_uri(errors, file, line, "conceptUri", uri, pattern):
        return False
    first = seen.get(uri)
    if first is not None:
        errors.append(EscoError(file, line, "duplicate_uri", f"duplicate conceptUri {uri}, first on line {first}"))
        return False
    seen[uri] = line
    return True


def _check_label(errors, file, line, label, *, required: bool) -> None:
    if required and not label:
        errors.append(EscoError(file, line, "empty_label", "preferredLabel is empty"))
    _check_length(errors, file, line, "preferredLabel", label, "label")


def _read_skills(source: _CsvFile, data: EscoData) -> None:
    errors, file, seen = data.errors, source.name, {}
    for line, (concept_type, uri, skill_type, reuse_level, label, alt_labels, description) in source:
        if not _check_concept(errors, file, line, concept_type, SKILL_CONCEPT_TYPE, uri, SKILL_URI, seen):
            continue
        if skill_type not in SKILL_TYPES:
            errors.append(EscoError(file, line, "unknown_skill_type", f"unknown skillType {skill_type!r}"))
        _check_length(errors, file, line, "reuseLevel", reuse_level, "reuse_level")
        _check_label(errors, file, line, label, required=True)
        data.skills[uri] = SkillRecord(
            uri, line, skill_type, reuse_level, label, normalise_alt_labels(alt_labels), description
        )


def _read_occupations(source: _CsvFile, data: EscoData) -> None:
    errors, file, seen = data.errors, source.name, {}
    for line, (concept_type, uri, isco_group, label, alt_labels, description, code) in source:
        if not _check_concept(errors, file, line, concept_type, OCCUPATION_CONCEPT_TYPE, uri, OCCUPATION_URI, seen):
            continue
        if isco_group and ISCO_GROUP.fullmatch(isco_group) is None:
            errors.append(
                EscoError(file, line, "malformed_isco_group", f"iscoGroup is not an ISCO code: {isco_group!r}")
            )
        _check_length(errors, file, line, "code", code, "code")
        _check_label(errors, file, line, label, required=True)
        data.occupations[uri] = OccupationRecord(
            uri, line, isco_group, code, label, normalise_alt_labels(alt_labels), description
        )


def _read_dutch(source: _CsvFile, records: dict, concept_type_expected: str, pattern, *, check_known: bool) -> None:
    """Add Dutch labels to the English records by URI. A Dutch row needs an English row with the same URI."""
    errors, file, seen = source.errors, source.name, {}
    for line, (concept_type, uri, label, alt_labels, description) in source:
        if not _check_concept(errors, file, line, concept_type, concept_type_expected, uri, pattern, seen):
            continue
        _check_label(errors, file, line, label, required=False)
        record = records.get(uri)
        if record is None:
            if check_known:
                errors.append(EscoError(file, line, "unknown_uri", f"conceptUri {uri} is not in the English file"))
            continue
        record.has_dutch = True
        record.label_nl = label
        record.alt_labels_nl = normalise_alt_labels(alt_labels)
        record.description_nl = description


def _read_relations(
    source: _CsvFile,
    data: EscoData,
    known_skill_uris: Collection[str],
    known_occupation_uris: Collection[str],
    *,
    check_skills: bool,
    check_occupations: bool,
) -> None:
    errors, file = data.errors, source.name
    skills, occupations = data.skills, data.occupations
    seen: dict[tuple[str, str], int] = {}
    for line, (occupation_uri, relation_type, skill_uri) in source:
        valid = _check_uri(errors, file, line, "occupationUri", occupation_uri, OCCUPATION_URI)
        if (
            valid
            and check_occupations
            and occupation_uri not in occupations
            and occupation_uri not in known_occupation_uris
        ):
            errors.append(EscoError(file, line, "unknown_occupation", f"occupationUri {occupation_uri} is unknown"))
            valid = False
        if _check_uri(errors, file, line, "skillUri", skill_uri, SKILL_URI):
            if check_skills and skill_uri not in skills and skill_uri not in known_skill_uris:
                errors.append(EscoError(file, line, "unknown_skill", f"skillUri {skill_uri} is unknown"))
                valid = False
        else:
            valid = False
        if relation_type not in RELATION_TYPES:
            errors.append(
                EscoError(
                    file,
                    line,
                    "unknown_relation_type",
                    f"relationType is {relation_type!r}, expected essential or optional",
                )
            )
            valid = False
        if not valid:
            continue
        key = (occupation_uri, skill_uri)
        first = seen.get(key)
        if first is not None:
            errors.append(EscoError(file, line, "duplicate_relation", f"duplicate relation, first on line {first}"))
            continue
        seen[key] = line
        data.relations.append(RelationRecord(occupation_uri, skill_uri, relation_type, line))
