"""API load: a real `yearbook serve` on 127.0.0.1 under 50 keep-alive connections.

Run it alone with ``make bench-api`` (``python -m benchmarks.api_load``); ``make bench``
runs it after the other benchmarks. It builds the demo report once (cached in
``benchmarks/data/api-demo``), starts ``yearbook serve --workers N`` on a free
port, and drives it with a bounded load generator in another process: an
asyncio client over raw sockets (HTTP/1.1, keep-alive, one request in flight per
connection), ``CONNECTIONS`` connections for ``DURATION`` seconds after a
warm-up, each sending a seeded mix of

* ``GET /api/metrics/{id}`` (half the requests),
* ``GET /api/figures?metric={id}&fy={year}`` (a third),
* ``GET /api/figures?metric={id}&fy={year}&breakdown={name}`` (the rest),

over every metric, year and declared breakdown. It reports requests per second,
the median and 99th-percentile latency, and the count of 5xx answers and failed
connections, and writes them into ``docs/benchmarks.md`` between the ``api``
markers. Environment: ``BENCH_API_WORKERS`` (default: the core count),
``BENCH_API_SECONDS`` (default 10), ``BENCH_API_CONNECTIONS`` (default 50).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["drive", "main", "request_mix"]

ROOT = Path(__file__).resolve().parents[1]
DEMO = Path(os.environ.get("BENCH_DATA", ROOT / "benchmarks" / "data")) / "api-demo"
SITE = DEMO / "site"
"""The demo build (`yearbook demo --out DEMO` writes its site into ``DEMO/site``)."""
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- api:start -->", "<!-- api:end -->"
CONNECTIONS = int(os.environ.get("BENCH_API_CONNECTIONS", 50))
DURATION = float(os.environ.get("BENCH_API_SECONDS", 10))
WARMUP = 2.0
WORKERS = int(os.environ.get("BENCH_API_WORKERS", os.cpu_count() or 1))
TARGET = {"rps": 1500, "p99_ms": 100}


# -- the load generator (its own process) -------------------------------------------------
def request_mix(metrics: list[dict[str, Any]], years: list[int], seed: int = 1) -> list[str]:
    """A seeded list of request paths over every metric, year and breakdown."""
    rng = random.Random(seed)
    paths = []
    for _ in range(5_000):
        metric = rng.choice(metrics)
        kind = rng.random()
        if kind < 0.5:
            paths.append(f"/api/metrics/{metric['id']}")
            continue
        path = f"/api/figures?metric={metric['id']}&fy={rng.choice(years)}"
        if kind >= 5 / 6 and metric["breakdowns"]:
            path += f"&breakdown={rng.choice(metric['breakdowns'])}"
        paths.append(path)
    return paths


class Tally:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.failures = 0
        self.recording = False


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
    if length is None:
        raise ValueError("a response without content-length")
    await reader.readexactly(int(length.group(1)))
    return status


async def _connection(host: str, port: int, paths: list[str], start: int, tally: Tally) -> None:
    """One keep-alive connection sending requests one after another until cancelled."""
    index = start
    while True:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            tally.failures += tally.recording
            await asyncio.sleep(0.05)
            continue
        try:
            while True:
                path = paths[index % len(paths)]
                index += 1
                sent = time.perf_counter()
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
                status = await _read_response(reader)
                if tally.recording:
                    tally.latencies.append(time.perf_counter() - sent)
                    tally.statuses[status] = tally.statuses.get(status, 0) + 1
        except (OSError, asyncio.IncompleteReadError, ValueError):
            tally.failures += tally.recording
        finally:
            writer.close()


async def _drive(url: str, paths: list[str], connections: int, seconds: float) -> dict[str, Any]:
    host, port = url.removeprefix("http://").split(":")
    tally = Tally()
    step = max(1, len(paths) // connections)
    tasks = [
        asyncio.create_task(_connection(host, int(port), paths, i * step, tally))
        for i in range(connections)
    ]
    await asyncio.sleep(WARMUP)
    tally.recording = True
    started = time.perf_counter()
    await asyncio.sleep(seconds)
    tally.recording = False
    elapsed = time.perf_counter() - started
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return _summary(tally, elapsed, connections)


def _summary(tally: Tally, elapsed: float, connections: int) -> dict[str, Any]:
    latencies = sorted(tally.latencies)
    count = len(latencies)

    def quantile(q: float) -> float:
        return latencies[min(count - 1, int(q * count))] * 1000 if count else float("nan")

    return {
        "connections": connections,
        "seconds": round(elapsed, 2),
        "requests": count,
        "rps": round(count / elapsed, 1),
        "p50_ms": round(quantile(0.50), 2),
        "p99_ms": round(quantile(0.99), 2),
        "status_5xx": sum(n for s, n in tally.statuses.items() if s >= 500),
        "status_other": sum(n for s, n in tally.statuses.items() if s != 200 and s < 500),
        "failures": tally.failures,
    }


def drive(url: str, paths: list[str], connections: int, seconds: float) -> dict[str, Any]:
    """Load ``url`` with ``paths`` from ``connections`` connections for ``seconds``."""
    try:
        import uvloop

        runner: Any = uvloop.run
    except ImportError:
        runner = asyncio.run
    result: dict[str, Any] = runner(_drive(url, paths, connections, seconds))
    return result


# -- the run ------------------------------------------------------------------------------
def ensure_site() -> Path:
    """The demo build the server serves (built once, then reused)."""
    if not (SITE / "build.json").is_file():
        command = [str(Path(sys.executable).parent / "yearbook"), "demo", "--out", str(DEMO)]
        subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return SITE


def start_server(site: Path, workers: int, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    command = [
        str(Path(sys.executable).parent / "yearbook"), "serve", str(site),
        "--port", "0", "--workers", str(workers),
    ]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=out)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", log.read_text())
        ready = log.read_text().count("Application startup complete") >= workers
        if found and ready:
            return proc, found.group(1)
        time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("the server did not start: " + log.read_text()[-2000:])


def _get(url: str) -> Any:
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def run() -> dict[str, Any]:
    site = ensure_site()
    log = site.parent / "api-server.log"
    proc, url = start_server(site, WORKERS, log)
    try:
        metrics: list[dict[str, Any]] = _get(url + "/api/metrics")
        years = sorted({f["fiscal_year"] for f in _get(url + "/api/figures")["figures"]})
        paths = request_mix(metrics, years)
        load = list(os.getloadavg())
        command = [
            sys.executable, "-m", "benchmarks.api_load", "--drive", url,
            str(CONNECTIONS), str(DURATION),
        ]  # fmt: skip
        run = subprocess.run(
            command, input=json.dumps(paths), capture_output=True, text=True, check=True, cwd=ROOT
        )
        result: dict[str, Any] = json.loads(run.stdout)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    result.update(workers=WORKERS, load=load, metrics=len(metrics), years=years)
    return result


def render(r: dict[str, Any]) -> str:
    met = r["rps"] >= TARGET["rps"] and r["p99_ms"] < TARGET["p99_ms"] and not r["status_5xx"]
    load = ", ".join(f"{x:.1f}" for x in r["load"])
    return "\n".join(
        [
            "## API under load",
            "",
            "Generated by `make bench-api` (`python -m benchmarks.api_load`, also run by "
            "`make bench`); do not edit by hand.",
            "",
            f"`yearbook serve --workers {r['workers']}` on the demo build ({r['metrics']} "
            f"metrics, FY{r['years'][0]}-FY{r['years'][-1]}) on 127.0.0.1, driven by "
            f"`benchmarks/api_load.py` from another process on the same machine: "
            f"{r['connections']} keep-alive connections, one request in flight on each, "
            f"{r['seconds']:.0f} s after a {WARMUP:.0f} s warm-up; half "
            "`GET /api/metrics/{id}`, half `GET /api/figures?metric=&fy=[&breakdown=]`.",
            "",
            "| requests | req/s | p50 (ms) | p99 (ms) | 5xx | other non-200 | failed connections |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {r['requests']:,} | {r['rps']:,.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} "
            f"| {r['status_5xx']} | {r['status_other']} | {r['failures']} |",
            "",
            f"Target: at least {TARGET['rps']:,} req/s, p99 under {TARGET['p99_ms']} ms, no 5xx: "
            + ("met." if met else "**not met**."),
            f"Load average (1, 5, 15 minutes) when the run started: {load}; the load generator "
            "shares the machine's cores with the server.",
        ]
    )


def write_doc(section: str, doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8") if doc.is_file() else "# Benchmarks\n"
    block = f"{START}\n{section}\n{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--drive"]:
        paths = json.loads(sys.stdin.read())
        print(json.dumps(drive(args[1], paths, int(args[2]), float(args[3]))))
        return
    result = run()
    print(json.dumps(result, indent=1))
    write_doc(render(result))
    print(f"results written to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
