"""Benchmark of the semantic search over the skills catalogue and ESCO (`mhw.skills.services.semantic`). Goals: the
index of a full-size ESCO (14,000 skills) builds in minutes; a top-10 query takes under 50 ms (median); on a Dutch
test set the right catalogue item or ESCO skill comes first (top-1) or among the first five (top-5) clearly more
often than with plain text search.

Run with ``.venv/bin/python benchmarks/skills_from_text.py [skills rounds]`` (default 14000 skills, 5 rounds of the
test set for the latency). It takes a few minutes: it migrates a temporary SQLite database, seeds the demo catalogue
(`mhw.demo.seed.seed_all`) and adds ESCO skills: about 140 hand-written ones that the test set aims at (English label
as ESCO phrases it, most with a Dutch label) and generated distractors (verb + object + qualifier from twelve mostly
non-hydrogen domains such as care, retail, agriculture and ICT, English and Dutch, seeded) up to the full size. Then:

- index build: `refresh_index()` from empty, in texts per second; beside it, as the baseline, the same call once more
  with nothing changed (the incremental refresh every catalogue change triggers);
- query latency: median and p95 of `search(phrase, limit=10)` over the test phrases, repeated, after a warm-up
  query (which loads the vectors into memory); beside it the plain text search below, over the same texts;
- quality: top-1 and top-5 accuracy on the Dutch test set of `skills_from_text_data.py` (61 phrases, each with the
  catalogue items, learning outcomes or ESCO skills that count as right), for semantic search and for the baseline,
  and a table of the phrases where semantic search missed the top-1.

The baseline, plain text search: the words of the query (lower-cased, at least three letters) looked up as
substrings in every indexed text (the same Dutch and English labels and statements the semantic index holds, in a
Python list in memory); an entry scores the most words any one of its texts contains; ranked by that score, ties
by the shorter text. This is the exact-substring search the catalogue page did (icontains), given a ranking.
"""

import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import skills_from_text_data as data

SKILLS = 14_000
ROUNDS = 5
TOP = 10
NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-4e8a-9c0f-5d2e1b3a4c6d")


def uri_of(key: str) -> str:
    """The made-up URI of a hand-written skill (or the real one of a skill the demo catalogue links to)."""
    if key in data.LINKED:
        return data.LINKED[key][0]
    return f"http://data.europa.eu/esco/skill/{uuid.uuid5(NAMESPACE, key)}"


def distractors(count: int, taken: set[str], seed: int = 2025) -> list[tuple[str, str, str]]:
    """`count` generated (English label, Dutch label, skill type), none equal to a label in `taken`."""
    pool = [(en, nl, "knowledge") for en, nl in data.KNOWLEDGE]
    for verbs, objects, qualifiers in data.DOMAINS.values():
        for verb_en, verb_nl in verbs:
            for object_en, object_nl in objects:
                for qualifier_en, qualifier_nl in [("", ""), *qualifiers]:
                    pool.append(
                        (
                            verb_en.format(o=object_en, q=qualifier_en),
                            verb_nl.format(o=object_nl, q=qualifier_nl),
                            "skill/competence",
                        )
                    )
    pool = [row for row in dict.fromkeys(pool) if row[0] not in taken]
    if len(pool) < count:
        raise SystemExit(f"only {len(pool)} distractor labels can be generated, {count} asked")
    return random.Random(seed).sample(pool, count)


def add_esco(skills: int) -> tuple[int, int]:
    """The hand-written skills and distractors up to `skills` in all; (hand-written, distractors)."""
    from mhw.skills.models import EscoSkill

    rng = random.Random(7)
    rows = [(uri, en, nl, "skill/competence") for uri, en, nl in data.LINKED.values()]
    rows += [(uri_of(key), en, nl, kind) for key, en, nl, kind in data.HANDWRITTEN]
    written = len(rows)
    taken = {row[1] for row in rows}
    for en, nl, kind in distractors(skills - written, taken):
        uri = f"http://data.europa.eu/esco/skill/{uuid.UUID(int=rng.getrandbits(128), version=4)}"
        rows.append((uri, en, nl, kind))
    reuse = ["sector-specific", "cross-sector", "occupation-specific", "transversal"]
    EscoSkill.objects.bulk_create(
        (
            EscoSkill(uri=uri, label_en=en, label_nl=nl, skill_type=kind, reuse_level=rng.choice(reuse))
            for uri, en, nl, kind in rows
        ),
        batch_size=2000,
    )
    return written, len(rows) - written


def resolve(target: str) -> tuple[str, int]:
    """A target of the test set as the (source, object id) the search answers with."""
    from mhw.skills.models import EscoSkill, UloItem, UloStatus, UloVersion

    kind, _, name = target.partition(":")
    if kind == "item":
        items = UloItem.objects.filter(version__status=UloStatus.PUBLISHED, code=name)
        if items.count() != 1:
            raise SystemExit(f"test set: {items.count()} published items with code {name}")
        return "item", items.get().pk
    if kind == "ulo":
        return "ulo", UloVersion.objects.published().get(ulo__code=name).pk
    if kind == "esco":
        return "esco_skill", EscoSkill.objects.get(uri=uri_of(name)).pk
    raise SystemExit(f"test set: unknown target {target}")


class TextSearch:
    """The baseline: exact substring search for the query's words over the indexed texts, in memory."""

    def __init__(self, rows: list[tuple[str, int, str]]) -> None:
        self.rows = [((source, object_id), text.lower()) for source, object_id, text in rows]

    def search(self, query: str, limit: int = TOP) -> list[tuple[str, int]]:
        words = [word for word in re.findall(r"\w+", query.lower()) if len(word) >= 3]
        best: dict[tuple[str, int], tuple[int, int]] = {}
        for key, text in self.rows:
            score = sum(word in text for word in words)
            if score and (-score, len(text)) < best.get(key, (0, 0)):
                best[key] = (-score, len(text))
        return sorted(best, key=best.__getitem__)[:limit]


def timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def latencies(function: Callable[[str], object], phrases: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for phrase in phrases:
            start = time.perf_counter()
            function(phrase)
            times.append(time.perf_counter() - start)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18]


def main() -> None:
    skills, rounds = (int(a) for a in (sys.argv[1:] or [str(SKILLS), str(ROUNDS)]))
    work = Path(tempfile.mkdtemp(prefix="semantic-bench-"))
    try:
        run(work, skills, rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, skills: int, rounds: int) -> None:
    # Settings are read at django.setup(): the environment must be in place first.
    os.environ["DJANGO_SETTINGS_MODULE"] = "mhw.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ.setdefault("DEBUG", "false")
    import django

    django.setup()
    from django.core.management import call_command

    from mhw.demo.seed import seed_all
    from mhw.skills import embedding
    from mhw.skills.models import IndexedText
    from mhw.skills.services import semantic

    seconds, _ = timed(lambda: call_command("migrate", verbosity=0))
    print(f"migrated a temporary SQLite database in {seconds:.1f} s")
    seconds, _ = timed(seed_all)
    print(f"seeded the demo catalogue in {seconds:.1f} s")
    seconds, (written, generated) = timed(lambda: add_esco(skills))
    print(f"added {written + generated:,} ESCO skills ({written} hand-written, {generated:,} distractors) "
          f"in {seconds:.1f} s")  # fmt: skip

    # Index build. The encoder loads once per process, on first use: measured apart.
    seconds, _ = timed(lambda: embedding.encode(["warm-up"]))
    print(f"\nencoder loaded in {seconds:.1f} s")
    build, report = timed(semantic.refresh_index)
    again, unchanged = timed(semantic.refresh_index)
    print(f"index build from empty: {report.encoded:,} texts encoded in {build:.1f} s "
          f"({report.encoded / build:,.0f} texts/s)")  # fmt: skip
    print(f"baseline, refresh with nothing changed: {unchanged.encoded} encoded, {unchanged.kept:,} kept, "
          f"in {again:.2f} s")  # fmt: skip

    rows = list(IndexedText.objects.order_by("pk").values_list("source", "object_id", "language", "text"))
    texts: dict[tuple[str, int], dict[str, str]] = {}
    for source, object_id, language, text in rows:
        texts.setdefault((source, object_id), {})[language] = text
    baseline = TextSearch([(source, object_id, text) for source, object_id, _language, text in rows])
    tests = [(phrase, [resolve(target) for target in targets]) for phrase, targets in data.TEST_SET]
    phrases = [phrase for phrase, _targets in tests]

    # Query latency.
    seconds, _ = timed(lambda: semantic.search(phrases[0], limit=TOP))
    print(f"\nfirst search in the process (loads {len(rows):,} vectors into memory): {seconds:.2f} s")
    semantic_times = latencies(lambda phrase: semantic.search(phrase, limit=TOP), phrases, rounds)
    text_times = latencies(baseline.search, phrases, rounds)
    print(f"search top-{TOP} over {len(rows):,} texts, {len(semantic_times)} queries: median "
          f"{statistics.median(semantic_times) * 1000:.1f} ms, p95 {p95(semantic_times) * 1000:.1f} ms "
          f"(goal: median < 50 ms)")  # fmt: skip
    # Where the time goes: encoding the query; the check whether the catalogue changed; that check plus ranking.
    vectors = dict(zip(phrases, embedding.encode(phrases), strict=True))
    parts = {
        "encoding the query": latencies(lambda phrase: embedding.encode([phrase]), phrases, rounds),
        "catalogue stamp": latencies(lambda _phrase: semantic.catalogue_stamp(), phrases, rounds),
        "stamp + ranking (nearest_to)": latencies(
            lambda phrase: semantic.nearest_to(vectors[phrase], limit=TOP), phrases, rounds
        ),
    }
    print("  of which (medians): " + ", ".join(f"{name} {statistics.median(times) * 1000:.1f} ms"
                                               for name, times in parts.items()))  # fmt: skip
    print(f"baseline, text search over the same texts (Python, in memory): median "
          f"{statistics.median(text_times) * 1000:.1f} ms, p95 {p95(text_times) * 1000:.1f} ms")  # fmt: skip

    # Quality.
    def label(key: tuple[str, int]) -> str:
        by_language = texts.get(key, {})
        return f"{key[0]} {by_language.get('nl') or by_language.get('en', '?')}"

    scores = {"semantic": [0, 0], "text": [0, 0]}
    misses = []
    for phrase, targets in tests:
        found = {
            "semantic": [(match.source, match.object_id) for match in semantic.search(phrase, limit=TOP)],
            "text": baseline.search(phrase, limit=TOP),
        }
        for name, keys in found.items():
            scores[name][0] += bool(keys[:1] and keys[0] in targets)
            scores[name][1] += any(key in targets for key in keys[:5])
        keys = found["semantic"]
        if not (keys[:1] and keys[0] in targets):
            rank = next((str(number) for number, key in enumerate(keys, 1) if key in targets), "-")
            misses.append((phrase, rank, label(keys[0]) if keys else "(nothing)", label(targets[0])))
    count = len(tests)
    accuracy = {name: (top1 / count, top5 / count) for name, (top1, top5) in scores.items()}
    print(f"\nDutch test set, {count} phrases: top-1 / top-5 accuracy")
    for name in ("semantic", "text"):
        print(f"  {name + ' search':16} {accuracy[name][0]:6.1%} / {accuracy[name][1]:6.1%}")
    print(f"\nsemantic search missed the top-1 for {len(misses)} phrases (rank of the first right answer in the "
          f"top {TOP}, '-' when not there):")  # fmt: skip
    for phrase, rank, got, expected in misses:
        print(f"  {rank:>2}  {phrase[:60]:60}\n      got      {got[:100]}\n      expected {expected[:100]}")

    print(
        f"\nsummary: index of {report.encoded:,} texts ({written + generated:,} ESCO skills) built in {build:.1f} s; "
        f"query median {statistics.median(semantic_times) * 1000:.1f} ms (goal < 50 ms); top-1 / top-5 semantic "
        f"{accuracy['semantic'][0]:.0%} / {accuracy['semantic'][1]:.0%} vs text search "
        f"{accuracy['text'][0]:.0%} / {accuracy['text'][1]:.0%}"
    )


if __name__ == "__main__":
    main()
