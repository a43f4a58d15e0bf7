"""Cold against warm: what a page costs when nothing is kept, beside what it costs kept.

    make bench-cold        (or: .venv/bin/python bench/cold.py)

Over the national data set (bench/generate.py; var/bench.db, or BENCH_DATABASE_URL), one
request at a time through the ASGI app in this process (single-threaded: what one
request costs, not what a server sustains; `make bench` measures that). For each page of
the largest network, `cold` is the median of asks made with every kept answer dropped
first (core/kept.py: the state after a write moves the network's revision, or a new
process), `warm` the median of the same ask repeated. The reference point is a bare
endpoint through the same client, and every figure is also given as a ratio to it.
Results go to bench/results/cold-<date>.json.

BENCH_REPEATS (default 7) asks of each kind per page; BENCH_PAGES=health,overview only the
pages whose names hold one of those words; BENCH_LABEL=name writes
cold-<date>-<database>-name.json instead, beside the day's full run.

The referral inboxes (issue #14) keep no answer, so cold and warm are the same work, asked
BENCH_REPEATS times and given as both: the inbox of the largest network's busiest receiving
partner, asked by its editor, and the coordinator's page of every referral. The national
network's statistics over the last full year by month and need (consolidating all forty
regions') are kept: cold asked BENCH_STATS_REPEATS times (3).

Pathway health and the overview are also asked right after a write, as a coordinator meets
them: after a capacity post (most of a network's writes: it moves only the revision's
`every_write` part, core/kept.py) and after a change to a pathway (which moves the
`routes` part the route graph and health are kept under). The pathway's change is undone
by the next one, so runs leave the data set as they found it.
"""

import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "backend"))
sys.path.insert(0, str(ROOT / "bench"))

from accord.core.security import create_access_token
from accord.core.settings import Environment, Settings
from accord.main import create_app
from run import prepare, targets  # the same data set and the same network as `make bench`

REPEATS = int(os.environ.get("BENCH_REPEATS", "7"))
# The national statistics' cold answers are asked fewer times (BENCH_STATS_REPEATS).
STATS_REPEATS = int(os.environ.get("BENCH_STATS_REPEATS", "3"))
# Pages that keep no answer: asked REPEATS times (cold = warm), not twice as often.
NOT_KEPT = {
    "referrals inbox, received (editor)",
    "referrals, all (coordinator)",
}
SECRET = "bench-secret-" + "x" * 40


def median_ms(timings: list[float]) -> float:
    return round(statistics.median(timings) * 1000, 2)


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'bench.db'}"
    prepare(url)
    t = targets(url)
    settings = Settings(environment=Environment.test, database_url=url, secret_key=SECRET)
    app = create_app(settings)

    @app.get("/bench/bare")
    def bare() -> dict[str, str]:
        return {"status": "ok"}

    app.router.routes.insert(0, app.router.routes.pop())
    kept = app.state.kept
    headers = {"Authorization": f"Bearer {t['token']}"}
    editor = {"Authorization": f"Bearer {t['editor_token']}"}
    base = f"/api/v1/networks/{t['large']['slug']}"
    year = t["referrals"]["stats_year"]
    pages: dict[str, str | tuple[str, dict[str, str]]] = {
        "list 50 partners": f"{base}/partners?limit=50",
        "list 50 partners, filtered": f"{base}/partners?limit=50&sector=health",
        "one partner": f"{base}/partners/{t['partner']}",
        "list 50 services": f"{base}/services?limit=50",
        "coverage matrix": f"{base}/coverage",
        "pathway health": f"{base}/pathways/health",
        "overview": f"{base}/overview",
        "beds-tonight board": f"{base}/capacity-board",
        "partners of a region (gazetteer)": f"{base}/partners?limit=50&area={t['large']['slug']}",
        "referrals inbox, received (editor)": (
            f"{base}/referrals?direction=received&limit=50",
            editor,
        ),
        "referrals, all (coordinator)": f"{base}/referrals?limit=50",
        "referral stats, national, by need": (
            f"/api/v1/networks/national/referrals/stats?group_by=need&period=month&year={year}"
        ),
    }

    if only := os.environ.get("BENCH_PAGES"):
        words = only.split(",")
        pages = {name: path for name, path in pages.items() if any(w in name for w in words)}

    def ask(client: TestClient, page: str | tuple[str, dict[str, str]], *, cold: bool) -> float:
        path, asking = page if isinstance(page, tuple) else (page, headers)
        if cold:
            kept.clear()
        started = time.perf_counter()
        response = client.get(path, headers=asking)
        elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
        return elapsed

    results: dict[str, Any] = {}
    with TestClient(app) as client:
        bare_timings = [ask(client, "/bench/bare", cold=False) for _ in range(50)]
        bare_ms = median_ms(bare_timings)
        for name, path in pages.items():
            ask(client, path, cold=True)  # the database's own caches warmed, as in service
            if name in NOT_KEPT:
                # Nothing to drop: each ask is cold, and a warm one would be the same work.
                cold = warm = median_ms([ask(client, path, cold=True) for _ in range(REPEATS)])
            else:
                repeats = STATS_REPEATS if "stats" in name else REPEATS
                cold = median_ms([ask(client, path, cold=True) for _ in range(repeats)])
                warm = median_ms([ask(client, path, cold=False) for _ in range(REPEATS)])
            results[name] = {
                "cold_ms": cold,
                "warm_ms": warm,
                "cold_to_warm": round(cold / max(warm, 0.001), 1),
                "cold_to_bare": round(cold / max(bare_ms, 0.001), 1),
            }
            print(f"{name:34} cold {cold:9.2f} ms   warm {warm:8.2f} ms   ×{results[name]['cold_to_warm']}")
        after = after_writes(client, base, headers)
    print(f"{'reference: bare endpoint':34} {bare_ms:.2f} ms")
    out = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": url.split(":")[0],
        "network": t["large"],
        "repeats": REPEATS,
        "reference_bare_endpoint_ms": bare_ms,
        "pages": results,
        "after_a_write": after,
    }
    # BENCH_LABEL: a run of its own beside the day's (a few pages, a variant).
    label = f"-{os.environ['BENCH_LABEL']}" if os.environ.get("BENCH_LABEL") else ""
    path = ROOT / "bench" / "results" / f"cold-{datetime.now(UTC):%Y-%m-%d}-{out['database']}{label}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=2) + "\n")
    print(f"written to {path.relative_to(ROOT)}")


def after_writes(client: TestClient, base: str, headers: dict[str, str]) -> dict[str, Any]:
    """Health and the overview asked right after each kind of write (kept answers as the
    write left them, nothing cleared by hand)."""
    shelter = client.get(f"{base}/services?type=shelter&limit=1", headers=headers).json()
    pathway = client.get(f"{base}/pathways?limit=1", headers=headers).json()["items"][0]
    service_id = shelter["items"][0]["id"]
    changes = [0]

    def post_capacity() -> None:
        posted = client.post(
            f"{base}/services/{service_id}/capacity",
            json={"status": "waitlist"},
            headers=headers | {"Idempotency-Key": f"bench-{time.time_ns()}"},
        )
        assert posted.status_code == 201, posted.text

    def change_pathway() -> None:
        current = client.get(f"{base}/pathways/{pathway['id']}", headers=headers)
        reference = pathway["protocol_reference"] if changes[0] % 2 else "bench-toggled"
        changes[0] += 1
        changed = client.patch(
            f"{base}/pathways/{pathway['id']}",
            json={"protocol_reference": reference},
            headers=headers | {"If-Match": current.headers["etag"]},
        )
        assert changed.status_code == 200, changed.text

    results: dict[str, Any] = {}
    for write_name, write in (("capacity post", post_capacity), ("pathway change", change_pathway)):
        for page_name, path in (("pathway health", f"{base}/pathways/health"), ("overview", f"{base}/overview")):
            timings = []
            for _ in range(REPEATS):
                client.get(path, headers=headers)  # kept before the write
                write()
                started = time.perf_counter()
                response = client.get(path, headers=headers)
                timings.append(time.perf_counter() - started)
                assert response.status_code == 200, response.text
            label = f"{page_name} after a {write_name}"
            results[label] = {"ms": median_ms(timings)}
            print(f"{label:44} {results[label]['ms']:9.2f} ms")
    if changes[0] % 2:  # leave the pathway as the data set made it
        change_pathway()
    return results


if __name__ == "__main__":
    main()
