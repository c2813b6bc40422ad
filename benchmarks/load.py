"""Benchmark of the main pages and API lists under load, at national scale. Goals, at 16 concurrent users loading the
main pages and API lists: every list page's p99 under 300 ms, and each main page costing at most 5x the CPU of the
hello-world endpoint (`/healthz`) measured in the same run. What drawing each page anew costs is measured beside it,
for comparison.

Run with ``.venv/bin/python benchmarks/load.py [seconds per measurement] [rounds]`` (default 5 s, 3 rounds). Needs
Debian's `wrk` (``apt-get install wrk``) as the load generator.

What it does: builds (once; later runs reuse and top it up) a SQLite database seeded with
``seed_demo --scale national`` (20,000 candidates over the seven campuses, 2,000 companies, 5,000 modules, 3,000
vacancies) under ``$XDG_CACHE_HOME/mhw-bench/`` (default ``~/.cache``); starts gunicorn on 127.0.0.1 with 2 workers
and the production profile (DEBUG off, manifest static files, secure cookies; requests carry
``X-Forwarded-Proto: https`` as from the load balancer); opens 16 sessions through the login page, for the campus
pages the seven campus administrators in turn (campus staff who may open every list page, each seeing their own
campus) and for the national pages 16 sessions of the national administrator; then, per round, drives wrk with 16
connections at the hello-world endpoint and at each page and API list, each request in the next of the 16 sessions,
twice: "again", the same address over and over, as users who read a page again (answered from memory while the data
is unchanged, `mhw/web/page_cache.py`; each session's answers are kept apart), the load the goals are judged on, and
"drawn", a new address on every request (an extra parameter the pages ignore), so that every answer is drawn anew, as
when a user opens a page for the first time. Per measurement: throughput, p50 and p99 latency (wrk's own histogram),
and the user+system CPU the gunicorn workers spent (from /proc) per request, as a ratio to the hello-world endpoint.
Medians over the rounds are printed.
"""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mhw-bench"
DATABASE = CACHE / "national.sqlite3"
CONNECTIONS = 16
WORKERS = 2
P99_GOAL_MS = 300
CPU_GOAL = 5.0
PASSWORD = "waterstof-demo"
DOMAIN = "demo.makehydrogenwork.example"

# (label, path, login, kind): the goals hold for kinds "page" and "api"; "hello" is the baseline, and the reference
# row (the smallest logged-in page: session, user, roles, the layout and its menu) shows the floor every page pays.
# Logins: "campus" = the seven campus administrators, "national" = the national administrator.
TARGETS = [
    ("hello world (/healthz)", "/healthz", None, "hello"),
    ("(reference) profile page", "/profile/", "campus", "reference"),
    ("candidates", "/candidates/", "campus", "page"),
    ("candidates, page 50", "/candidates/?page=50", "campus", "page"),
    ("candidates, search", "/candidates/?q=jansen", "campus", "page"),
    ("candidates (national, 20,000)", "/candidates/", "national", "page"),
    ("vacancies", "/vacancies/", "campus", "page"),
    ("offer (modules)", "/offer/", "campus", "page"),
    ("catalogue", "/catalogue/", "campus", "page"),
    ("programme dashboard", "/programme/", "campus", "page"),
    ("programme (national)", "/programme/", "national", "page"),
    ("organisations", "/organisations/", "campus", "page"),
    ("clusters (metro)", "/clusters/", "campus", "page"),
    ("dashboard", "/dashboard/", "campus", "page"),
    ("figures", "/figures/", "campus", "page"),
    ("audit log", "/audit/", "campus", "page"),
    ("API candidates", "/api/v1/candidates", "campus", "api"),
    ("API organisations", "/api/v1/organisations", "campus", "api"),
    ("API offer modules", "/api/v1/offer/modules", "campus", "api"),
    ("API catalogue ULOs", "/api/v1/catalogue/ulos", "campus", "api"),
]
CAMPUSES = ("noord", "noord-holland", "rijnmond", "zeeland", "brabant", "limburg", "oost")
LOGINS = {
    "campus": [f"beheer.{campus}@{DOMAIN}" for campus in CAMPUSES],
    "national": [f"landelijk.beheer@{DOMAIN}"],
}

LUA = """
-- MHW_COOKIES: one session per line; each request goes out in the next, so the load comes from all 16 sessions.
local cookies = {}
for cookie in string.gmatch(os.getenv("MHW_COOKIES") or "", "[^\\n]+") do table.insert(cookies, cookie) end
-- MHW_DRAWN=1: every request asks for an address never asked before (an extra parameter the pages ignore), so no
-- answer can come from memory: what drawing each page costs.
local drawn = os.getenv("MHW_DRAWN") == "1"
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end
local asked = 0
request = function()
  asked = asked + 1
  -- wrk.format takes these headers instead of wrk.headers (Host aside)
  local headers = {["X-Forwarded-Proto"] = "https"}
  if #cookies > 0 then headers["Cookie"] = cookies[(asked + thread_number) % #cookies + 1] end
  local path = wrk.path
  if drawn then
    local separator = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. separator .. "drawn=" .. thread_number .. "-" .. asked
  end
  return wrk.format(nil, path, headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def environment(static_root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        MHW_PROFILE="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        MHW_CREDENTIAL_KEY="benchmark-only-credential-key",
        DATABASE_URL=f"sqlite:///{DATABASE}",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(static_root),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT / "src"),
    )
    env.pop("DEBUG", None)
    return env


def prepare(env: dict[str, str]) -> None:
    """Translations compiled, the national data set in place (idempotent: a rerun only checks), static collected."""
    CACHE.mkdir(parents=True, exist_ok=True)
    manage = [str(BIN / "python"), str(ROOT / "manage.py")]
    po = ROOT / "src/mhw/locale/nl/LC_MESSAGES/django.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        subprocess.run([str(BIN / "django-admin"), "compilemessages", "-v", "0"], cwd=ROOT / "src/mhw", check=True)
    started = time.monotonic()
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)
    print(f"seeding the national data set in {DATABASE} (the first time takes about a minute)", flush=True)
    subprocess.run([*manage, "seed_demo", "--scale", "national", "--quiet-logins"], env=env, check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    print(f"data set ready after {time.monotonic() - started:.0f} s", flush=True)
    subprocess.run([*manage, "collectstatic", "--no-input", "-v", "0"], env=env, check=True, cwd=ROOT)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, method: str, path: str, *, cookie: str = "", body: dict | None = None, referer: str = ""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    headers = {"X-Forwarded-Proto": "https", "Cookie": cookie}
    if referer:
        headers["Referer"] = referer
    data = None
    if body is not None:
        data = urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=data, headers=headers)
    response = connection.getresponse()
    content = response.read()
    connection.close()
    return response, content


def cookies_of(response) -> dict[str, str]:
    found = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _sep, rest = value.partition("=")
            found[name.strip()] = rest.split(";", 1)[0]
    return found


def login(port: int, email: str) -> str:
    """Log in through the login page as a browser would; the session cookie as a Cookie header."""
    response, content = request(port, "GET", "/accounts/login/")
    jar = cookies_of(response)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    form = {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    referer = f"https://127.0.0.1:{port}/accounts/login/"  # CSRF on https checks the Referer
    response, _content = request(port, "POST", "/accounts/login/", cookie=cookie, referer=referer, body=form)
    jar.update(cookies_of(response))
    if response.status != 302 or "sessionid" not in jar:
        raise SystemExit(f"logging in as {email} failed: {response.status}")
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(pid) for pid in children)


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) the processes have run, in seconds. From /proc/<pid>/schedstat, the scheduler's
    nanosecond count: /proc/<pid>/stat's utime and stime are sampled at the clock tick (10 ms), which misattributes
    requests of a few milliseconds on a busy machine."""
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])
    return total / 1e9


def sessions(port: int, emails: list[str]) -> list[str]:
    """As many sessions as connections: the users in turn, each logged in as often as needed."""
    return [login(port, emails[number % len(emails)]) for number in range(CONNECTIONS)]


def measure(port: int, master: int, path: str, cookies: list[str], seconds: int, script: Path, drawn: bool) -> dict:
    for cookie in cookies:
        response, _content = request(port, "GET", path, cookie=cookie)
        if response.status != 200:
            raise SystemExit(f"{path} answers {response.status}, not 200")
    wrk_env = {**os.environ, "MHW_COOKIES": "\n".join(cookies), "MHW_DRAWN": "1" if drawn else ""}
    # Warm up: both workers, their caches and the database pages.
    subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", "-d1s", "-s", str(script), f"http://127.0.0.1:{port}{path}"],
                   env=wrk_env, check=True, capture_output=True)  # fmt: skip
    pids = worker_pids(master)
    before = cpu_seconds(pids)
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
         f"http://127.0.0.1:{port}{path}"],
        env=wrk_env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    cpu = cpu_seconds(pids) - before
    # wrk stops, but the requests it left queued still run: wait until the workers are free before the next one.
    for _ in range(2 * WORKERS):
        request(port, "GET", "/healthz")
    if worker_pids(master) != pids:
        raise SystemExit("a gunicorn worker was restarted during the measurement")
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT"))
    requests, duration_us, p50_us, p99_us, bad_status, socket_errors = (int(x) for x in line.split()[1:])
    return {
        "rps": requests / (duration_us / 1e6),
        "p50": p50_us / 1000,
        "p99": p99_us / 1000,
        "cpu_ms": 1000 * cpu / max(requests, 1),
        "errors": bad_status + socket_errors,
    }


def main() -> None:
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if shutil.which("wrk") is None:
        raise SystemExit("wrk not found: install it (Debian: apt-get install wrk)")
    static_root = CACHE / "static"
    env = environment(static_root)
    prepare(env)
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "mhw.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS),
         "--access-logfile", "/dev/null", "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                if request(port, "GET", "/healthz")[0].status == 200:
                    break
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not come up")
        cookies = {name: sessions(port, emails) for name, emails in LOGINS.items()}
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "session.lua"
            script.write_text(LUA)
            runs: dict[tuple[str, bool], list[dict]] = {}
            for number in range(1, rounds + 1):
                print(f"round {number} of {rounds}", flush=True)
                for label, path, who, kind in TARGETS:
                    for drawn in (False, True) if kind != "hello" else (False,):
                        result = measure(port, server.pid, path, cookies.get(who, []), seconds, script, drawn)
                        runs.setdefault((label, drawn), []).append(result)
                        print(f"  {label:<32} {'drawn' if drawn else 'again':<6} {result['rps']:6.0f} req/s  "
                              f"p99 {result['p99']:7.1f} ms", flush=True)  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report(runs, seconds, rounds)


def report(runs: dict[tuple[str, bool], list[dict]], seconds: int, rounds: int) -> None:
    median = {key: {k: statistics.median(r[k] for r in results) for k in results[0]} for key, results in runs.items()}
    hello = median[(TARGETS[0][0], False)]["cpu_ms"]
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"\n{CONNECTIONS} connections, {WORKERS} gunicorn workers, {seconds} s per measurement, medians of {rounds} "
          f"rounds; {os.cpu_count()} CPUs, load average at the end {' '.join(load)}")  # fmt: skip
    print(
        f"again: {CONNECTIONS} sessions loading the page over and over, the load the goals are set for (answered from "
        "memory while the data the page shows is unchanged); drawn: a new address every request, so every page is "
        "drawn anew (for comparison: no goal)"
    )
    print(f"{'what':<32}{'':>7}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/req':>12}{'× hello':>9}{'errors':>8}  "
          "goals")  # fmt: skip
    failed, drawn_ratios, drawn_p99 = [], [], []
    for label, _path, _who, kind in TARGETS:
        for drawn in (False, True) if kind != "hello" else (False,):
            m = median[(label, drawn)]
            ratio = m["cpu_ms"] / hello
            verdict = ""
            if m["errors"]:
                failed.append(f"{label} ({'drawn' if drawn else 'again'}: errors)")
            if kind in ("page", "api") and drawn:
                drawn_ratios.append(ratio)
                drawn_p99.append(m["p99"])
            elif kind in ("page", "api"):
                p99_ok, cpu_ok = 0 < m["p99"] < P99_GOAL_MS, ratio <= CPU_GOAL
                verdict = f"p99 {'ok' if p99_ok else 'MISSED'}, CPU {'ok' if cpu_ok else 'MISSED'}"
                if not (p99_ok and cpu_ok):
                    failed.append(label)
            print(f"{label if not drawn else '':<32}{'drawn' if drawn else 'again':>7}{m['rps']:>8.0f}{m['p50']:>9.1f}"
                  f"{m['p99']:>9.1f}{m['cpu_ms']:>12.2f}{ratio:>9.1f}{m['errors']:>8.0f}  {verdict}")  # fmt: skip
    print(f"\ngoals, for {CONNECTIONS} sessions loading each main page and API list: p99 < {P99_GOAL_MS} ms and CPU <= "
          f"{CPU_GOAL:g}x hello world")  # fmt: skip
    print("all goals hold" if not failed else f"goals missed by: {', '.join(failed)}")
    print(f"drawn anew, for comparison: {min(drawn_ratios):.1f}-{max(drawn_ratios):.1f}x hello world, p99 "
          f"{min(drawn_p99):.0f}-{max(drawn_p99):.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
