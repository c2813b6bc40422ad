"""Importing the official ESCO CSV download into EscoSkill, EscoOccupation and EscoRelation.

All or nothing: the files are read and validated completely first (`mhw.skills.esco_csv`); with any problem the
import raises `EscoImportError` listing every problem and writes nothing. Otherwise one transaction upserts skills
and occupations by URI, and makes the relations of every occupation the files mention exactly what the relation file
says. Writes go in batches (bulk_create / bulk_update), never one query per row, and rows whose values did not
change are not written at all, so running the same import twice changes nothing. Concepts that a new release
no longer contains are not deleted: catalogue items may link to them (TaxonomyLink.esco_skill).
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mhw.accounts.audit import record_event
from mhw.skills import esco_csv
from mhw.skills.esco_csv import EscoError, OccupationRecord, SkillRecord
from mhw.skills.models import EscoOccupation, EscoRelation, EscoSkill

BATCH_SIZE = 2000
ENGLISH_SKILL_FIELDS = ("skill_type", "reuse_level", "label_en", "alt_labels_en", "description_en")
ENGLISH_OCCUPATION_FIELDS = ("isco_group", "code", "label_en", "alt_labels_en", "description_en")
DUTCH_FIELDS = ("label_nl", "alt_labels_nl", "description_nl")

#: progress(label, done, total), as in esco_csv: first while reading (bytes), then while writing (rows).
Progress = Callable[[str, int, int], None]


class EscoImportError(Exception):
    """The download has problems; nothing was imported. `errors` holds every problem with its file and line."""

    def __init__(self, errors: Iterable[EscoError]):
        self.errors = list(errors)
        count = len(self.errors)
        self.message = ngettext(
            "The ESCO data has %(count)d error; nothing was imported.",
            "The ESCO data has %(count)d errors; nothing was imported.",
            count,
        ) % {"count": count}
        super().__init__(self.message)


@dataclass(frozen=True)
class ImportReport:
    """What the import changed. `*_unchanged` rows were in the files and already up to date."""

    skills_created: int = 0
    skills_updated: int = 0
    skills_unchanged: int = 0
    occupations_created: int = 0
    occupations_updated: int = 0
    occupations_unchanged: int = 0
    relations_created: int = 0
    relations_updated: int = 0
    relations_deleted: int = 0
    relations_unchanged: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @property
    def changed(self) -> bool:
        return any(value for key, value in asdict(self).items() if not key.endswith("_unchanged"))


def _in_chunk_size() -> int:
    # A `uri__in` list is one bound parameter per value and Django does not split it; stay under the backend's
    # limit (SQLite's conservative 999) so the import works on any SQLite build.
    limit = connection.features.max_query_params
    return min(BATCH_SIZE, limit) if limit else BATCH_SIZE


def _chunks(values: list, size: int) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


class _Writer:
    """Counts written rows for the progress callback."""

    def __init__(self, total: int, progress: Progress | None):
        self.total = total
        self.done = 0
        self.progress = progress
        self.label = _("writing to the database")

    def advance(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.label, self.done, self.total)


def _upsert(model, records: dict[str, SkillRecord | OccupationRecord], english_fields, writer: _Writer):
    """Create missing rows and update changed ones, by URI. Answers (created, updated, unchanged)."""
    fields = (*english_fields, *DUTCH_FIELDS)
    uris = list(records)
    existing: dict[str, dict] = {}
    for chunk in _chunks(uris, _in_chunk_size()):
        for row in model.objects.filter(uri__in=chunk).values("id", "uri", *fields):
            existing[row["uri"]] = row
    to_create, to_update, unchanged = [], [], 0
    for uri, record in records.items():
        # Without a Dutch row the Dutch fields keep what they hold: a download without skills_nl.csv, or a concept
        # the Dutch file lacks, must not wipe Dutch labels that an earlier import brought in.
        wanted = {name: getattr(record, name) for name in english_fields}
        row = existing.get(uri)
        for name in DUTCH_FIELDS:
            wanted[name] = getattr(record, name) if record.has_dutch else (row[name] if row else "")
        if row is None:
            to_create.append(model(uri=uri, **wanted))
        elif any(row[name] != wanted[name] for name in fields):
            to_update.append(model(id=row["id"], uri=uri, **wanted))
        else:
            unchanged += 1
    for chunk in _chunks(to_create, BATCH_SIZE):
        model.objects.bulk_create(chunk)
        writer.advance(len(chunk))
    for chunk in _chunks(to_update, BATCH_SIZE):
        model.objects.bulk_update(chunk, fields)
        writer.advance(len(chunk))
    writer.advance(unchanged)
    return len(to_create), len(to_update), unchanged


def _ids(model, uris: set[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for chunk in _chunks(sorted(uris), _in_chunk_size()):
        ids.update(model.objects.filter(uri__in=chunk).values_list("uri", "id"))
    return ids


def _replace_relations(data: esco_csv.EscoData, writer: _Writer) -> tuple[int, int, int, int]:
    """Make the relations of every occupation the files mention exactly those of the relation file.

    Occupations in occupations_en.csv and occupations the relation file names (which may be known from an earlier
    import only) are both covered: the relation file is the complete list for each of them. Relations of other
    occupations are left alone. Answers (created, updated, deleted, unchanged).
    """
    occupation_uris = set(data.occupations) | {r.occupation_uri for r in data.relations}
    occupation_ids = _ids(EscoOccupation, occupation_uris)
    skill_ids = _ids(EscoSkill, {r.skill_uri for r in data.relations})
    wanted: dict[tuple[int, int], str] = {}
    missing: list[EscoError] = []
    for relation in data.relations:
        occupation_id = occupation_ids.get(relation.occupation_uri)
        skill_id = skill_ids.get(relation.skill_uri)
        # Validation checked these URIs against the database before the transaction; a concept deleted in the
        # meantime is caught here, and raising rolls back everything written so far.
        if occupation_id is None:
            missing.append(
                EscoError(
                    esco_csv.RELATIONS_EN,
                    relation.line,
                    "unknown_occupation",
                    f"occupationUri {relation.occupation_uri} is no longer in the database",
                )
            )
        if skill_id is None:
            missing.append(
                EscoError(
                    esco_csv.RELATIONS_EN,
                    relation.line,
                    "unknown_skill",
                    f"skillUri {relation.skill_uri} is no longer in the database",
                )
            )
        if occupation_id is not None and skill_id is not None:
            wanted[(occupation_id, skill_id)] = relation.relation_type
    if missing:
        raise EscoImportError(missing)

    to_update, to_delete, unchanged = [], [], 0
    for chunk in _chunks(list(occupation_ids.values()), _in_chunk_size()):
        rows = EscoRelation.objects.filter(occupation_id__in=chunk).values_list(
            "id", "occupation_id", "skill_id", "relation_type"
        )
        for relation_id, occupation_id, skill_id, relation_type in rows:
            kind = wanted.pop((occupation_id, skill_id), None)
            if kind is None:
                to_delete.append(relation_id)
            elif kind != relation_type:
                to_update.append(EscoRelation(id=relation_id, relation_type=kind))
            else:
                unchanged += 1
    # What is left in `wanted` has no row yet.
    to_create = [EscoRelation(occupation_id=o, skill_id=s, relation_type=kind) for (o, s), kind in wanted.items()]
    for chunk in _chunks(to_delete, _in_chunk_size()):
        EscoRelation.objects.filter(id__in=chunk).delete()
    for chunk in _chunks(to_update, BATCH_SIZE):
        EscoRelation.objects.bulk_update(chunk, ["relation_type"])
        writer.advance(len(chunk))
    for chunk in _chunks(to_create, BATCH_SIZE):
        EscoRelation.objects.bulk_create(chunk)
        writer.advance(len(chunk))
    writer.advance(unchanged)
    return len(to_create), len(to_update), len(to_delete), unchanged


def import_esco(directory: str | Path, *, progress: Progress | None = None, actor=None) -> ImportReport:
    """Validate the ESCO download in `directory` and, only if it has no problem at all, import it in one transaction.

    Raises `EscoImportError` (carrying every problem with file and line) and writes nothing when the data is not
    valid. When `actor` is given, one ``esco.imported`` audit event with the counts is recorded in the same
    transaction.
    """
    # The URIs already in the database let a relation file refer to concepts of an earlier import.
    known_skills = set(EscoSkill.objects.values_list("uri", flat=True))
    known_occupations = set(EscoOccupation.objects.values_list("uri", flat=True))
    data = esco_csv.read_esco(
        directory, known_skill_uris=known_skills, known_occupation_uris=known_occupations, progress=progress
    )
    if data.errors:
        raise EscoImportError(data.errors)

    writer = _Writer(len(data.skills) + len(data.occupations) + len(data.relations), progress)
    with transaction.atomic():
        skills = _upsert(EscoSkill, data.skills, ENGLISH_SKILL_FIELDS, writer)
        occupations = _upsert(EscoOccupation, data.occupations, ENGLISH_OCCUPATION_FIELDS, writer)
        relations = _replace_relations(data, writer)
        report = ImportReport(*skills, *occupations, *relations)
        if actor is not None:
            record_event(actor, "esco.imported", details=report.as_dict())
    return report
