"""The slowest pages each kind of user can reach, at national size. Goal: every page reachable by following links
answers within 1 s, so that no page the load benchmark does not name is unusable at national size.

Run with ``.venv/bin/python benchmarks/slowest_pages.py [pages per user] [shown]`` (default 300 pages, the 12
slowest shown per user). Uses the national data set of benchmarks/load.py (built the first time). For each user, from
the dashboard, follows the links of every page (GET only; no exports, downloads, logout or language switch), at most
two addresses of each shape (``/candidates/<n>/path/`` counts once however many candidates there are), and times each
request in-process, after one request to warm the process up, every page drawn (none kept in memory). The
hello-world endpoint is measured in the same run as the baseline. The first run found a ranking page at 7.5 s, a
figures filter at 2.4 s and forms that drew the whole national offer (0.5-2.5 s); see the README's performance
section.
"""

import collections
import os
import re
import statistics
import sys
import time
from urllib.parse import urljoin, urlsplit

from load import CACHE, DOMAIN, environment, prepare

GOAL_SECONDS = 1.0
USERS = ["landelijk.beheer", "beheer.noord", "coach.noord", "docent.noord", "makelaar.noord", "hr.waddenpijp",
         "opleider.vakcollege"]  # fmt: skip
SKIPPED = ("logout", "/static/", "/media/", "download", "export", ".pdf", ".zip", ".json", ".jwt", ".xlsx", ".csv",
           "/admin/", "/language/", "/i18n/", "erase", "delete")  # fmt: skip
PER_SHAPE = 2


def shape(address: str) -> str:
    parts = urlsplit(address)
    names = sorted(pair.split("=")[0] for pair in parts.query.split("&") if pair)
    return re.sub(r"\d+", "<n>", parts.path) + ("?" + "&".join(names) if names else "")


def crawl(client, limit: int) -> list[tuple[float, str, int]]:
    """(seconds, address, status) of up to `limit` pages reached from the dashboard."""
    seen, queue, per_shape, timed = set(), collections.deque(["/dashboard/", "/"]), collections.Counter(), []
    client.get("/dashboard/", secure=True)  # the first request of a process loads templates and translations
    while queue and len(timed) < limit:
        address = queue.popleft()
        if address in seen or any(part in address for part in SKIPPED) or per_shape[shape(address)] >= PER_SHAPE:
            continue
        seen.add(address)
        per_shape[shape(address)] += 1
        started = time.perf_counter()
        response = client.get(address, secure=True)
        timed.append((time.perf_counter() - started, address, response.status_code))
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for link in re.findall(r'href="([^"#]+)"', response.content.decode(errors="replace")):
                target = urljoin(address, link.replace("&amp;", "&"))
                if target.startswith("/") and target not in seen:
                    queue.append(target)
    return timed


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    env = environment(CACHE / "static")
    prepare(env)
    # Every page drawn: the goal is about drawing a page, not about reading one again from memory.
    os.environ.update(
        env | {"ALLOWED_HOSTS": "testserver", "DJANGO_SETTINGS_MODULE": "mhw.settings", "PAGE_CACHE_SECONDS": "0"}
    )
    sys.path.insert(0, env["PYTHONPATH"])
    import django

    django.setup()
    from django.test import Client

    from mhw.accounts.models import User

    baseline = Client()
    hello = []
    for _ in range(200):
        started = time.perf_counter()
        baseline.get("/healthz", secure=True)
        hello.append(time.perf_counter() - started)
    print(f"hello world (/healthz): median {statistics.median(hello) * 1000:.2f} ms\n")
    worst = []
    for name in USERS:
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        client.force_login(User.objects.get(email=f"{name}@{DOMAIN}"))
        timed = sorted(crawl(client, limit), reverse=True)
        errors = [(address, status) for _s, address, status in timed if status >= 500]
        slow = sum(seconds > GOAL_SECONDS for seconds, _a, _s in timed)
        print(f"{name}: {len(timed)} pages, {slow} over {GOAL_SECONDS:g} s, {len(errors)} server errors")
        for seconds, address, status in timed[:shown]:
            print(f"  {seconds * 1000:8.1f} ms  {status}  {address[:110]}")
        worst.append(timed[0] if timed else (0.0, "", 0))
        if errors:
            raise SystemExit(f"server errors for {name}: {errors}")
    seconds, address, _status = max(worst)
    verdict = "met" if seconds <= GOAL_SECONDS else "MISSED"
    print(f"\nslowest page of all: {address} {seconds * 1000:.0f} ms (goal <= {GOAL_SECONDS:g} s: {verdict}); "
          f"{seconds / statistics.median(hello):.0f}x hello world")  # fmt: skip


if __name__ == "__main__":
    main()
