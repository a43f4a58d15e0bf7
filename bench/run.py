"""`make bench`: Accord under load, against two reference points measured in the same run.

Serves Accord the way production runs it (uvicorn, two workers, no reload, no access log)
on 127.0.0.1 over the national data set (bench/generate.py; generated on first use), and
drives each scenario with `wrk` at 64 connections. In the same run it measures the bare
Starlette endpoint and the straightforward FastAPI + SQLModel list endpoint
(bench/reference_apps.py), and reports requests/s, p50 and p99 per scenario with the
ratios to both. Results: bench/results/<date>.json and the table printed at the end.

Environment: BENCH_DATABASE_URL (default: SQLite at var/bench.db), BENCH_SECONDS (10),
BENCH_SCALE (1.0, for a fresh database, or referrals added to one that has none),
BENCH_LABEL (a variant's name: its own entry in the day's results file), BENCH_PROFILE=1
(py-spy on one worker per scenario; summaries in bench/results/profiles/),
BENCH_ONLY=1,1b,2 (only those scenarios: for iterating; a partial run still writes its
results file), BENCH_STATS_SECONDS (the national statistics' run: 60, or BENCH_SECONDS if
longer).
"""

import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))

from accord.core.database import create_db_engine
from accord.core.security import create_access_token
from accord.core.settings import Environment, Settings
from accord.core.vocabulary import Sector
from accord.models import (
    Membership,
    MembershipPartner,
    Network,
    Partner,
    Referral,
    Service,
    User,
)
from generate import (
    EDITOR_EMAIL,
    add_sent_referrals,
    network_sizes,
    remove_unmoved,
    sending_pathway,
)
from sqlalchemy import func, select
from sqlmodel import Session, col

SECRET = "bench-secret-" + "x" * 40
CONNECTIONS, THREADS = 64, 2
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "ACCORD_ENVIRONMENT": "development"}
    subprocess.run([BIN / "alembic", "upgrade", "head"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [sys.executable, "-m", "accord", "load-catalogue"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    engine = create_db_engine(
        Settings(environment=Environment.development, database_url=url)
    )
    with Session(engine) as session:
        exists = session.scalar(
            select(func.count())
            .select_from(Network)
            .where(col(Network.slug) == "national")
        )
        # A data set made before referrals (issue #14) gets them added, with the partner
        # editor the referral scenarios sign in as, rather than being made again.
        referrals = session.scalar(select(col(Referral.id)).limit(1))
        editor = session.scalar(
            select(col(User.id)).where(col(User.email) == EDITOR_EMAIL)
        )
    engine.dispose()
    scale = os.environ.get("BENCH_SCALE", "1.0")
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "--scale", scale]
    if not exists:
        subprocess.run(generate, cwd=ROOT, env=env, check=True)
    elif referrals is None or editor is None:
        subprocess.run(
            [*generate, "--only", "referrals"], cwd=ROOT, env=env, check=True
        )


def targets(url: str) -> dict[str, Any]:
    engine = create_db_engine(
        Settings(environment=Environment.development, database_url=url)
    )
    with Session(engine) as session:
        user = session.scalars(
            select(User).where(col(User.email) == "coordinator@bench.example")
        ).one()
        editor = session.scalars(
            select(User).where(col(User.email) == EDITOR_EMAIL)
        ).one()
        sizes = network_sizes(session.connection())
        large = sizes[-1]
        # Creates go to the smallest network, so that repeated runs do not grow the
        # networks the read scenarios measure.
        writes = sizes[0]
        sending = sending_pathway(session.connection(), writes[0])
        assert sending is not None  # generate.py ensure_editor made one if needed
        inbox = session.scalars(
            select(col(MembershipPartner.partner_id))
            .join(
                Membership, col(Membership.id) == col(MembershipPartner.membership_id)
            )
            .where(
                col(Membership.user_id) == editor.id,
                col(Membership.network_id) == large[0],
            )
        ).one()
        inbox_size = session.scalar(
            select(func.count())
            .select_from(Referral)
            .where(
                col(Referral.network_id) == large[0],
                col(Referral.to_partner_id) == inbox,
            )
        )
        large_referrals = session.scalar(
            select(func.count())
            .select_from(Referral)
            .where(col(Referral.network_id) == large[0])
        )
        all_referrals = session.scalar(select(func.count()).select_from(Referral))
        routes_net = min(sizes, key=lambda row: abs(row[2] - 2000))
        partner = session.scalars(
            select(Partner).where(col(Partner.network_id) == large[0]).limit(1)
        ).one()
        entry = session.scalars(
            select(Service)
            .where(
                col(Service.network_id) == routes_net[0],
                col(Service.entry_point).is_(True),
            )
            .limit(1)
        ).one()
    engine.dispose()
    settings = Settings(
        environment=Environment.production, database_url=url, secret_key=SECRET
    )
    return {
        "token": create_access_token(settings, user.id, user.version).token,
        "editor_token": create_access_token(settings, editor.id, editor.version).token,
        "large": {
            "id": str(large[0]),
            "slug": large[1],
            "services": large[2],
            "referrals": large_referrals,
        },
        "routes": {
            "slug": routes_net[1],
            "services": routes_net[2],
            "entry": str(entry.id),
        },
        "partner": str(partner.id),
        "writes": writes[1],
        "referrals": {
            "total": all_referrals,
            # Sent by the editor along this pathway in the writes network.
            "pathway": str(sending["id"]),
            "needs": sending["needs"][:1],
            # The editor's inbox in the largest network: its busiest receiving partner.
            "inbox_partner": str(inbox),
            "inbox_size": inbox_size,
            # Statistics over the last full year (the data set covers the three before now).
            "stats_year": datetime.now(UTC).year - 1,
        },
    }


def serve(app: str, port: int, url: str, *extra: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "ACCORD_ENVIRONMENT": "production",
        "ACCORD_SECRET_KEY": SECRET,
        # The load comes from a handful of callers: the per-caller limits would answer 429
        # to nearly all of it and measure the limiter, not the API.
        "ACCORD_RATE_LIMIT_API": "1000000000/minute",
        "ACCORD_RATE_LIMIT_SIGN_IN_ADDRESS": "1000000000/minute",
        "ACCORD_RATE_LIMIT_REFRESH": "1000000000/minute",
        "PYTHONPATH": f"{ROOT / 'bench'}{os.pathsep}{ROOT / 'backend'}",
    }
    command = [
        str(BIN / "uvicorn"),
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
        "--no-access-log",
        "--log-level",
        "warning",
        *extra,
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env)


def stop(servers: Any) -> None:
    for server in servers:
        server.terminate()
    for server in servers:
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # Its workers are still on requests wrk has left (the national statistics take
            # minutes at 8 connections): they are stopped, then the server.
            for pid in worker_pids(server):
                os.kill(pid, signal.SIGKILL)
            server.kill()
            server.wait(timeout=30)


def wait_ready(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def varying_pages(path: str) -> list[str]:
    """Lua for a different page of the directory on almost every request (a random limit and
    two random sectors: thousands of combinations), so that kept pages are rarely reused and
    what is measured is building them."""
    sectors = ", ".join(f'"{sector.value}"' for sector in Sector)
    return [
        f"local sectors = {{{sectors}}}",
        "request = function()",
        f'  local path = string.format("{path}?limit=%d&sector=%s&sector=%s",',
        "    math.random(30, 50), sectors[math.random(#sectors)], sectors[math.random(#sectors)])",
        "  return wrk.format(nil, path)",
        "end",
    ]


def lua(
    method: str,
    headers: dict[str, str],
    body: str | None = None,
    unique_name: bool = False,
    request: list[str] | None = None,
) -> str:
    lines = [f'wrk.method = "{method}"']
    lines += [f'wrk.headers["{k}"] = "{v}"' for k, v in headers.items()]
    if request is not None:
        lines += request
    elif unique_name:
        # Every create needs a new name: a prefix per thread and run, and a counter. Each
        # wrk thread has its own Lua state with the same unseeded random numbers, so the
        # prefix carries the thread's number (given in setup) and the time.
        lines += [
            "local threads = 0",
            "function setup(thread)",
            "  threads = threads + 1",
            '  thread:set("thread_number", threads)',
            "end",
            "local counter = 0",
            "local prefix = nil",
            "request = function()",
            '  if prefix == nil then prefix = tostring(thread_number) .. "-" .. tostring(os.time()) end',
            "  counter = counter + 1",
            '  local body = string.format(\'{"name": "Bench partner %s-%d", "sector": "health"}\', prefix, counter)',
            "  return wrk.format(nil, nil, nil, body)",
            "end",
        ]
    elif body is not None:
        lines.append(f"wrk.body = '{body}'")
    if request is not None and body is not None:
        lines.append(f"wrk.body = '{body}'")
    # wrk's --latency table stops at 90 and 99 %; the route finder's target is a p95.
    lines += [
        "done = function(summary, latency, requests)",
        '  io.write(string.format("p95_us %d\\n", latency:percentile(95)))',
        "end",
    ]
    return "\n".join(lines) + "\n"


def walk_ids(prefix: str, ids: Path) -> list[str]:
    """Lua for a different record on every request: the ids of the file `ids`, one a line,
    each wrk thread taking every THREADS-th from its own place, each id once (the pool
    used up, the last is asked again: answered 409 and counted as non-2xx)."""
    return [
        "local threads = 0",
        "function setup(thread)",
        "  threads = threads + 1",
        '  thread:set("thread_number", threads)',
        "end",
        "local ids = nil",
        "local at = 0",
        "request = function()",
        "  if ids == nil then",
        "    ids = {}",
        "    local n = 0",
        f'    for line in io.lines("{ids}") do',
        f"      if n % {THREADS} == thread_number - 1 then ids[#ids + 1] = line end",
        "      n = n + 1",
        "    end",
        "  end",
        "  at = math.min(at + 1, #ids)",
        f'  return wrk.format(nil, "{prefix}" .. ids[at])',
        "end",
    ]


def wrk(
    url: str,
    script: str,
    seconds: int,
    connections: int = CONNECTIONS,
    timeout: int = 60,
) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    output = subprocess.run(
        [
            "wrk",
            "-t",
            str(THREADS),
            "-c",
            str(connections),
            "-d",
            f"{seconds}s",
            # Slow answers are measured, not dropped as time-outs at wrk's 2 s.
            "--timeout",
            f"{timeout}s",
            "--latency",
            "-s",
            handle.name,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(handle.name)

    def latency(label: str) -> float:
        match = re.search(
            rf"^\s+{label}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.MULTILINE
        )
        if not match:
            return float("nan")  # no answer came back: written as null
        value, unit = float(match.group(1)), match.group(2)
        # wrk writes a minute and more as "2.46m".
        return (
            value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}[unit]
        )

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    p95 = re.search(r"^p95_us (\d+)$", output, re.MULTILINE)
    requests = re.search(r"(\d+) requests in", output)
    timeouts = re.search(r"timeout (\d+)", output)
    sockets = re.search(r"connect (\d+), read (\d+), write (\d+)", output)
    return {
        "requests_per_s": float(
            re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)
        ),  # type: ignore[union-attr]
        "p50_ms": _number(latency("50")),
        "p95_ms": _number(int(p95.group(1)) / 1000 if p95 else float("nan")),
        "p99_ms": _number(latency("99")),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "requests": int(requests.group(1)) if requests else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
        # Connections that failed or were closed without an answer.
        "socket_errors": sum(int(n) for n in sockets.groups()) if sockets else 0,
        "connections": connections,
    }


def _number(value: float) -> float | None:
    """Milliseconds to two places; None (JSON null) when wrk had none."""
    return None if math.isnan(value) else round(value, 2)


def worker_rss_mb(master: subprocess.Popen[bytes]) -> list[float]:
    sizes = []
    for pid in worker_pids(master):
        rss = subprocess.run(
            ["ps", "-p", str(pid), "-o", "rss="],
            check=False,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if rss.isdigit():
            sizes.append(round(int(rss) / 1024, 1))
    return sizes


def worker_pids(master: subprocess.Popen[bytes]) -> list[int]:
    children = subprocess.run(
        ["ps", "--ppid", str(master.pid), "-o", "pid=,args="],
        check=False,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    # Besides its workers, uvicorn's multiprocessing starts a resource tracker.
    return [int(line.split()[0]) for line in children if "resource_tracker" not in line]


def summarize_profile(raw: Path, top: int = 60) -> str:
    """py-spy's raw (collapsed) stacks → the frames that hold most samples, inclusive and
    by themselves, as a plain-text table."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():  # py-spy --gil may write an empty stack
            continue
        samples = int(count)
        total += samples
        frames = [
            re.sub(r" \((?:.*/site-packages/|.*/backend/)?(.*?):\d+\)", r" (\1)", f)
            for f in stack.split(";")
        ]
        for frame in set(frames):
            inclusive[frame] += samples
        own[frames[-1]] += samples
    if not total:
        return "no samples\n"
    lines = [f"{total} samples", "", "inclusive:"]
    lines += [f"{n / total:6.1%}  {frame}" for frame, n in inclusive.most_common(top)]
    lines += ["", "by itself:"]
    lines += [f"{n / total:6.1%}  {frame}" for frame, n in own.most_common(top)]
    return "\n".join(lines) + "\n"


def profile(worker: int, seconds: int, out: Path) -> subprocess.Popen[bytes] | None:
    """py-spy on one worker while a scenario runs (BENCH_PROFILE=1; needs ptrace rights)."""
    py_spy = BIN / "py-spy"
    if not py_spy.exists():
        return None
    return subprocess.Popen(
        [
            str(py_spy),
            "record",
            "-p",
            str(worker),
            "-d",
            str(max(seconds - 2, 1)),
            "-f",
            "raw",
            "-o",
            str(out),
            "--nonblocking",
            # Only the thread holding the GIL: what the worker's Python spends, not its
            # threads waiting for the GIL or the database.
            "--gil",
            "--rate",
            "250",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make bench` installs it (apt-get install wrk).")
    url = (
        os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench.db'}"
    )
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    database = url.split(":")[0].split("+")[0]
    prepare(url)
    t = targets(url)
    auth = {"Authorization": f"Bearer {t['token']}"}
    results: dict[str, dict[str, float]] = {}

    profiles = ROOT / "bench" / "results" / "profiles"
    profiling = os.environ.get("BENCH_PROFILE") == "1"

    def measure(
        name: str,
        target: str,
        script: str | Callable[[str], str],
        server: Any = None,
        connections: int = CONNECTIONS,
        duration: int | None = None,
        warm_up_once: dict[str, str] | None = None,
        timeout: int = 60,
    ) -> None:
        """`script`, or `script(phase)` for the warm-up and then the run (a scenario whose
        requests may each be made once). `warm_up_once`: warm up with one request made
        with these headers, timed, instead of 3 s of wrk (whose unfinished requests would
        go on being worked on during the run when each takes seconds)."""
        print(f"… {name}", flush=True)
        scripted = script if callable(script) else lambda _phase: script
        duration = duration or seconds
        # Warm up first (each worker's route graph, connection pool, prepared statements):
        # what is measured is the steady state.
        single: float | str | None = None
        if warm_up_once is not None:
            started = time.perf_counter()
            request = urllib.request.Request(target, headers=warm_up_once)
            try:
                with urllib.request.urlopen(request, timeout=900) as response:
                    response.read()
                single = round((time.perf_counter() - started) * 1000, 1)
            except (
                OSError
            ) as error:  # e.g. the worker stopped mid-answer: said, not fatal
                single = f"{error!r} after {time.perf_counter() - started:.1f} s"
                print(f"  warm-up request failed: {single}", flush=True)
        else:
            wrk(target, scripted("warm-up"), 3, connections)
        spy = None
        if profiling and server is not None:
            profiles.mkdir(parents=True, exist_ok=True)
            raw = profiles / f"{name.split()[0]}.raw"
            spy = profile(worker_pids(server)[0], duration, raw)
        results[name] = wrk(target, scripted("run"), duration, connections, timeout)
        results[name]["seconds"] = duration
        if single is not None:
            results[name]["warm_up_request_ms"] = single
        if spy is not None and spy.wait() == 0 and raw.exists():
            (profiles / f"{name.split()[0]}-{database}.txt").write_text(
                f"{name} ({database}, one of two workers, py-spy)\n\n"
                + summarize_profile(raw)
            )
            raw.unlink()

    def measure_references(when: str) -> None:
        """The two reference points, one server at a time, so that none holds database
        connections (PostgreSQL allows 100) or CPU while another is measured."""
        ports = {"bare": free_port(), "straightforward": free_port()}
        references = {
            "bare": serve("reference_apps:bare", ports["bare"], url),
            "straightforward": serve(
                "reference_apps:straightforward", ports["straightforward"], url
            ),
        }
        try:
            wait_ready(f"http://127.0.0.1:{ports['bare']}/")
            listing = f"http://127.0.0.1:{ports['straightforward']}/networks/{t['large']['id']}/partners"
            wait_ready(listing)
            measure(
                f"reference: bare endpoint ({when})",
                f"http://127.0.0.1:{ports['bare']}/",
                lua("GET", {}),
            )
            measure(
                f"reference: straightforward list-50 ({when})", listing, lua("GET", {})
            )
        finally:
            stop(references.values())

    # The references before and after Accord: on a shared machine they drift by up to a
    # third within minutes, so the ratios are taken to the mean of both measurements.
    measure_references("before")

    port = free_port()
    accord = serve("accord.main:create_app", port, url, "--factory")
    try:
        wait_ready(f"http://127.0.0.1:{port}/api/v1/health/ready")
        base = f"http://127.0.0.1:{port}/api/v1/networks"
        route_body = json.dumps(
            {
                "entry": {"kind": "service", "id": t["routes"]["entry"]},
                "needs": ["emergency_shelter", "legal_advice"],
            }
        )
        json_post = {**auth, "Content-Type": "application/json"}
        editor = {"Authorization": f"Bearer {t['editor_token']}"}
        referrals = t["referrals"]
        send_body = json.dumps(
            {
                "pathway_id": referrals["pathway"],
                "needs": referrals["needs"],
                "urgency": "same_day",
                "consent_given": True,
            }
        )
        pool: dict[str, list[str]] = {}

        def receive_one(phase: str) -> str:
            """Each request receives a different referral of a pool sent just before
            (the receiving partner's editor, If-Match its version 1): one legal step."""
            ids = (
                Path(tempfile.gettempdir())
                / f"accord-bench-pool-{os.getpid()}-{phase}.txt"
            )
            ids.write_text("\n".join(pool[phase]) + "\n")
            return lua(
                "PATCH",
                {**editor, "Content-Type": "application/json"},
                '{"status": "received"}',
                request=['wrk.headers["If-Match"] = \'"1"\'']
                + walk_ids(f"/api/v1/networks/{t['writes']}/referrals/", ids),
            )

        scenarios: dict[str, tuple[str, Any] | tuple[str, Any, dict[str, Any]]] = {
            "1 list 50 partners, filtered": (
                f"{base}/{t['large']['slug']}/partners?limit=50&sector=health",
                lua("GET", auth),
            ),
            "1b list 50 partners, a new page each time": (
                f"{base}/{t['large']['slug']}/partners",
                lua(
                    "GET",
                    auth,
                    request=varying_pages(
                        f"/api/v1/networks/{t['large']['slug']}/partners"
                    ),
                ),
            ),
            "2 get one partner": (
                f"{base}/{t['large']['slug']}/partners/{t['partner']}",
                lua("GET", auth),
            ),
            "3 route finder": (
                f"{base}/{t['routes']['slug']}/pathways/routes",
                lua("POST", json_post, route_body),
            ),
            "4 create a partner": (
                f"{base}/{t['writes']}/partners",
                lua("POST", json_post, unique_name=True),
            ),
            "5 coverage matrix": (
                f"{base}/{t['large']['slug']}/coverage",
                lua("GET", auth),
            ),
            # Every domain's "needs attention" provider in one answer (overview/registry.py).
            "7 overview of what needs attention": (
                f"{base}/{t['large']['slug']}/overview",
                lua("GET", auth),
            ),
            # Who can take someone tonight: the network's shelters and crisis centres, paged.
            "8 beds-tonight board": (
                f"{base}/{t['large']['slug']}/capacity-board",
                lua("GET", auth),
            ),
            # An area filter on a region: the gazetteer widens it to its twelve districts.
            "9 partners of a region (gazetteer)": (
                f"{base}/{t['large']['slug']}/partners?limit=50&area={t['large']['slug']}",
                lua("GET", auth),
            ),
            # Referrals (issue #14), over the data set's two million. Sent by the editor of
            # the sending partner along one active pathway of the writes network, audited.
            "10 send a referral (audited)": (
                f"{base}/{t['writes']}/referrals",
                lua("POST", {**editor, "Content-Type": "application/json"}, send_body),
            ),
            "11 receive a referral (one step each, audited)": (
                f"{base}/{t['writes']}/referrals",
                receive_one,
            ),
            # The busiest receiving partner's inbox in the largest network, newest first.
            "12 referrals inbox, received (busiest partner)": (
                f"{base}/{t['large']['slug']}/referrals?direction=received&limit=50",
                lua("GET", editor),
            ),
            "12b all referrals of the network (coordinator)": (
                f"{base}/{t['large']['slug']}/referrals?limit=50",
                lua("GET", auth),
            ),
            # The national network's consolidated statistics, as a handful of analysts
            # would ask them: 8 connections (issue #14's target is a p95 there).
            # Each answer takes seconds: warmed up by one request (timed), run for
            # BENCH_STATS_SECONDS (60, or BENCH_SECONDS if longer) so that some answers
            # come back, each waited for up to 15 minutes.
            "13 referral stats, national, 12 months by need": (
                f"{base}/national/referrals/stats?group_by=need&period=month"
                f"&year={referrals['stats_year']}",
                lua("GET", auth),
                {
                    "connections": 8,
                    "duration": int(
                        os.environ.get("BENCH_STATS_SECONDS", max(seconds, 60))
                    ),
                    "warm_up_once": auth,
                    "timeout": 900,
                },
            ),
        }
        # BENCH_ONLY=1,2: only the scenarios whose number starts so (while iterating).
        only = [n for n in os.environ.get("BENCH_ONLY", "").split(",") if n]
        for name, (target, script, *options) in scenarios.items():
            if only and not any(name.split()[0] == n for n in only):
                continue
            if script is receive_one:
                # A pool big enough for 1,500 steps a second, made just before.
                sizes = {"warm-up": 1500 * 3, "run": 1500 * seconds}
                _, ids = add_sent_referrals(url, sum(sizes.values()), time.time_ns())
                pool.update(
                    {"warm-up": ids[: sizes["warm-up"]], "run": ids[sizes["warm-up"] :]}
                )
            try:
                measure(name, target, script, accord, **(options[0] if options else {}))
            finally:
                if script is receive_one:
                    # What nobody received leaves; the received stay, as the API left them.
                    removed = remove_unmoved(
                        url, [i for ids in pool.values() for i in ids]
                    )
                    if name in results:
                        results[name]["pool_left_unmoved"] = removed
                    for phase in pool:
                        (
                            Path(tempfile.gettempdir())
                            / f"accord-bench-pool-{os.getpid()}-{phase}.txt"
                        ).unlink(missing_ok=True)
        memory = worker_rss_mb(accord)
    finally:
        stop([accord])
    measure_references("after")
    for reference in ("bare endpoint", "straightforward list-50"):
        runs = [
            results[f"reference: {reference} ({when})"] for when in ("before", "after")
        ]
        results[f"reference: {reference}"] = {
            key: round(sum(run[key] for run in runs) / 2, 2) for key in runs[0]
        }
    bare = results["reference: bare endpoint"]["requests_per_s"]
    typical = results["reference: straightforward list-50"]["requests_per_s"]
    for row in results.values():
        row["x_straightforward"] = round(row["requests_per_s"] / typical, 2)
        row["x_bare"] = round(row["requests_per_s"] / bare, 3)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": database,
        "connections": CONNECTIONS,
        "seconds_per_scenario": seconds,
        "large_network": t["large"],
        "referrals": t["referrals"],
        "route_network": {k: t["routes"][k] for k in ("slug", "services")},
        "worker_rss_mb": memory,
        "scenarios": results,
    }
    # One file a day, one entry per database: a SQLite run and a PostgreSQL run sit side by side.
    out = ROOT / "bench" / "results" / f"{datetime.now(UTC).date().isoformat()}.json"
    day = json.loads(out.read_text()) if out.exists() else {}
    if "scenarios" in day:  # the single-run layout of earlier days
        day = {day.get("database", "sqlite"): day}
    # BENCH_LABEL names a variant measured side by side (bench/README.md): its own entry.
    label = os.environ.get("BENCH_LABEL")
    day[f"{database}:{label}" if label else database] = report
    out.write_text(json.dumps(day, indent=2) + "\n")
    print(
        "\n| scenario | req/s | p50 ms | p95 ms | p99 ms | × straightforward | × bare | non-2xx |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")

    def place(name: str) -> int:  # the references' means, Accord, then each measurement
        return (
            0
            if name.startswith("reference") and "(" not in name
            else 2
            if "(" in name
            else 1
        )

    for name, row in sorted(results.items(), key=lambda item: place(item[0])):
        print(
            f"| {name} | {row['requests_per_s']:.0f} | {row['p50_ms']} | {row['p95_ms']} | "
            f"{row['p99_ms']} | "
            f"{row['x_straightforward']} | {row['x_bare']} | {row['non_2xx']} |"
        )
    for name, row in results.items():
        if (
            row.get("timeouts")
            or row.get("socket_errors")
            or row.get("connections") != 64
        ):
            print(
                f"{name}: {row.get('connections')} connections, {row.get('requests')} "
                f"answers, {row.get('timeouts')} timed out, {row.get('socket_errors')} "
                "connections failed or closed"
                + (
                    f"; warm-up request: {row['warm_up_request_ms']}"
                    + (" ms" if isinstance(row["warm_up_request_ms"], float) else "")
                    if "warm_up_request_ms" in row
                    else ""
                )
            )
    print(
        f"\nworker RSS after the run: {memory} MB; results in {out.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
