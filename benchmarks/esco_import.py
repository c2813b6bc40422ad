"""Benchmark of the ESCO importer. Goal: the full ESCO data set imports in minutes.

Run it with ``.venv/bin/python benchmarks/esco_import.py``. It writes a synthetic download of full size in the official
CSV format (14,000 skills, 3,000 occupations, 130,000 relations, plus the Dutch skill and occupation files) to a
temporary directory and measures, three times each, with the median printed:

- baseline: merely reading every row of every file with the csv module;
- parse: `mhw.skills.esco_csv.read_esco`, reading and validating everything;
- import: `mhw.skills.esco_import.import_esco` into a freshly migrated SQLite database (a new file every round);
- re-import: the same import once more on top, which must change nothing.

Each figure is also shown as a multiple of the baseline, so the numbers compare across machines. DEBUG is switched
off (unless set) as in production: with DEBUG on Django keeps every query in memory.
"""

import csv
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

SKILLS = 14_000
OCCUPATIONS = 3_000
RELATIONS = 130_000
ROUNDS = 3

WORDS = (
    "install", "maintain", "operate", "monitor", "inspect", "weld", "assemble", "test", "repair", "calibrate",
    "assess", "plan", "document", "apply", "hydrogen", "pipeline", "pressure", "electrolyser", "valve",
    "compressor", "safety", "permit", "equipment", "system", "installation", "procedure", "regulation", "risk",
    "quality", "leak", "gas", "storage", "tank", "sensor", "control", "electrical", "mechanical", "process"
)  # fmt: skip
DUTCH_WORDS = (
    "installeren", "onderhouden", "bedienen", "bewaken", "inspecteren", "lassen", "monteren", "testen", "repareren",
    "kalibreren", "beoordelen", "waterstof", "leiding", "druk", "elektrolyser", "afsluiter", "compressor",
    "veiligheid", "vergunning", "apparatuur", "systeem", "installatie", "procedure", "regelgeving", "risico",
    "kwaliteit", "lek", "gas", "opslag", "tank", "sensor", "besturing", "elektrisch", "mechanisch", "proces"
)  # fmt: skip
SKILL_HEADER = (
    "conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "hiddenLabels", "status",
    "modifiedDate", "scopeNote", "definition", "inScheme", "description"
)  # fmt: skip
OCCUPATION_HEADER = (
    "conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels", "status",
    "modifiedDate", "regulatedProfessionNote", "scopeNote", "definition", "inScheme", "description", "code"
)  # fmt: skip
RELATION_HEADER = ["occupationUri", "relationType", "skillType", "skillUri"]


def _phrase(rng: random.Random, words: Sequence[str], low: int, high: int) -> str:
    return " ".join(rng.choices(words, k=rng.randint(low, high)))


def generate(directory: Path, seed: int = 2025) -> None:
    """Write a synthetic download of full size to `directory`, shaped like the real one (multi-line alt labels,
    descriptions of a few sentences, about 43 skills per occupation)."""
    rng = random.Random(seed)

    def uri(kind: str) -> str:
        return f"http://data.europa.eu/esco/{kind}/{uuid.UUID(int=rng.getrandbits(128), version=4)}"

    skills = [(uri("skill"), rng.choice(["skill/competence", "knowledge", ""])) for _ in range(SKILLS)]
    occupations = [uri("occupation") for _ in range(OCCUPATIONS)]
    for language, words in (("en", WORDS), ("nl", DUTCH_WORDS)):
        local = random.Random(f"{seed}-{language}")
        with (directory / f"skills_{language}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(SKILL_HEADER)
            for skill_uri, skill_type in skills:
                reuse = local.choice(["sector-specific", "cross-sector", "occupation-specific", "transversal"])
                alt = "\n".join(_phrase(local, words, 2, 5) for _ in range(local.randint(0, 6)))
                description = ". ".join(_phrase(local, words, 8, 16) for _ in range(local.randint(1, 3))) + "."
                writer.writerow(
                    ["KnowledgeSkillCompetence", skill_uri, skill_type, reuse, _phrase(local, words, 2, 5), alt, "",
                     "released", "2023-11-30T13:59:27.013Z", "", "",
                     "http://data.europa.eu/esco/concept-scheme/skills", description]
                )  # fmt: skip
        with (directory / f"occupations_{language}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(OCCUPATION_HEADER)
            for number, occupation_uri in enumerate(occupations):
                isco = f"{1000 + number % 9000:04d}"
                alt = "\n".join(_phrase(local, words, 1, 4) for _ in range(local.randint(1, 8)))
                description = ". ".join(_phrase(local, words, 8, 16) for _ in range(local.randint(2, 4))) + "."
                writer.writerow(
                    ["Occupation", occupation_uri, isco, _phrase(local, words, 1, 4), alt, "", "released",
                     "2023-11-30T13:59:27.013Z", "http://data.europa.eu/esco/regulated-professions/unregulated",
                     "", "", "http://data.europa.eu/esco/concept-scheme/occupations", description,
                     f"{isco}.{number // 9000 + 1}"]
                )  # fmt: skip
    with (directory / "occupationSkillRelations_en.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(RELATION_HEADER)
        per_occupation, extra = divmod(RELATIONS, OCCUPATIONS)
        for number, occupation_uri in enumerate(occupations):
            count = per_occupation + (1 if number < extra else 0)
            for skill_uri, skill_type in rng.sample(skills, count):
                writer.writerow([occupation_uri, rng.choice(["essential", "optional"]), skill_type, skill_uri])


def read_all_rows(directory: Path) -> int:
    """The baseline: every row of every file through csv.reader, nothing else."""
    rows = 0
    for path in sorted(directory.glob("*.csv")):
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for _row in csv.reader(handle):
                rows += 1
    return rows


def timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="esco-bench-"))
    try:
        run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path) -> None:
    data_dir = work / "esco"
    data_dir.mkdir()
    seconds, _ = timed(lambda: generate(data_dir))
    size = sum(path.stat().st_size for path in data_dir.glob("*.csv"))
    print(f"generated {SKILLS:,} skills, {OCCUPATIONS:,} occupations, {RELATIONS:,} relations "
          f"(+ Dutch files), {size / 1e6:.1f} MB, in {seconds:.1f} s")  # fmt: skip

    # Settings are read at django.setup(): the environment must be in place first.
    database = work / "bench.sqlite3"
    template = work / "migrated.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "mhw.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from mhw.skills.esco_csv import read_esco
    from mhw.skills.esco_import import import_esco

    seconds, _ = timed(lambda: call_command("migrate", verbosity=0))
    connection.close()
    shutil.copy(database, template)
    print(f"migrated a fresh SQLite database in {seconds:.1f} s\n")

    figures: dict[str, list[float]] = {"baseline (csv rows)": [], "parse + validate": [], "import": [], "re-import": []}
    for round_number in range(1, ROUNDS + 1):
        seconds, rows = timed(lambda: read_all_rows(data_dir))
        figures["baseline (csv rows)"].append(seconds)
        seconds, data = timed(lambda: read_esco(data_dir))
        assert not data.errors, data.errors[:5]
        figures["parse + validate"].append(seconds)

        # A fresh database every round: the migrated template copied over the file, with no connection open.
        connection.close()
        for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copy(template, database)
        seconds, report = timed(lambda: import_esco(data_dir))
        assert (report.skills_created, report.occupations_created, report.relations_created) == (
            SKILLS,
            OCCUPATIONS,
            RELATIONS,
        ), report
        figures["import"].append(seconds)
        seconds, again = timed(lambda: import_esco(data_dir))
        assert not again.changed, again
        figures["re-import"].append(seconds)
        print(f"round {round_number}: " + ", ".join(f"{name} {values[-1]:.2f} s" for name, values in figures.items()))

    baseline = statistics.median(figures["baseline (csv rows)"])
    print(f"\nmedians over {ROUNDS} rounds ({rows:,} CSV rows):")
    for name, values in figures.items():
        median = statistics.median(values)
        print(f"  {name:<22} {median:7.2f} s   {median / baseline:6.1f} × baseline")


if __name__ == "__main__":
    sys.exit(main())
