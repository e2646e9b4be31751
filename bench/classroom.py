"""Classroom benchmark: one `pilms serve` process under a class's worth of load.

    python bench/classroom.py [--students N] [--quick]        (or: make bench)

In a throw-away data folder it loads the demo school, starts `pilms serve` on 127.0.0.1 and
measures: cold start, idle memory, 50 sign-ins at once, requests a second of four pages at 50
connections (wrk when installed, otherwise a Python load generator), the same for a minimal
FastAPI app (the ceiling, bench/ceiling.py), and N students using the app: first as a class
(arriving over 30 s, reading each lesson 5 s on average), then with no pauses at all
(saturation: how the server copes when asked more than it can do; no target applies).
Every measurement is repeated (3 runs; --quick: 1 short run); the medians are printed, checked
against the targets and written to bench/results/latest.json. Everything it starts is stopped
and the data folder removed when it ends, also on Ctrl-C or an error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Coroutine, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from typing import Any, TypeVar

import httpx

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_FILE = BENCH_DIR / "results" / "latest.json"
HOST = "127.0.0.1"
RATE_LIMIT = "100000/minute"
SIGN_INS = 50
# Settings that would change what is measured (another database, Redis, access logs...) are not
# passed on from the caller's environment; the server runs on the defaults, as in a classroom.
STRIPPED_ENV = {
    "DATABASE_URI",
    "REDIS_URL",
    "DEBUG",
    "LOG_LEVEL",
    "ENVIRONMENT",
    "SESSION_TIMEOUT",
    "SESSION_SECRET",
    "JWT_SECRET",
}
ACCOUNT_RE = re.compile(r"^(admin|instructor|student)\s+(\S+)\s+password:\s+(\S+)\s*$")
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
COURSE_LINK_RE = re.compile(r'href="/courses/(\d+)"')
LESSON_LINK_RE = re.compile(r'href="/lessons/(\d+)"')
# One TLS context for every client: httpx would otherwise build one (and load the CA bundle)
# for each of the hundreds of clients, though everything here is plain HTTP.
TLS = ssl.create_default_context()

# wrk's Lua hooks: count answers that are not 2xx (wrk itself counts 3xx as success, and a
# lost session answers 303) and print the figures as one JSON line.
WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "non_2xx": %d, '
    .. '"socket_errors": %d, "timeouts": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"max_us": %d}\\n',
    summary.requests, summary.duration, summary.bytes, bad, e.connect + e.read + e.write,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
"""

T = TypeVar("T")


class BenchError(Exception):
    """The benchmark cannot go on; the message says why."""


@dataclass(frozen=True)
class Plan:
    runs: int
    students: int
    connections: int
    page_seconds: int
    sim_seconds: float
    idle_seconds: float
    think_seconds: float
    ramp_seconds: float
    stress_seconds: float
    loadgen: str  # "wrk" or "python"


@dataclass(frozen=True)
class Account:
    role: str
    email: str
    password: str


# --- small helpers ----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    low, high = math.floor(k), math.ceil(k)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def latency_ms(seconds: Sequence[float]) -> dict[str, float | None]:
    def ms(value: float | None) -> float | None:
        return None if value is None else round(value * 1000, 2)

    return {
        "p50_ms": ms(percentile(seconds, 50)),
        "p95_ms": ms(percentile(seconds, 95)),
        "p99_ms": ms(percentile(seconds, 99)),
        "max_ms": ms(max(seconds) if seconds else None),
    }


PER_RUN_ONLY = {"server_errors", "failure_reasons"}  # counted over all runs, not medians


def median_of(samples: Sequence[Any]) -> Any:
    """The median of each number across runs, walking dicts; other values from the first run."""
    first = samples[0]
    if isinstance(first, dict):
        return {
            key: median_of([s[key] for s in samples if key in s])
            for key in first
            if key not in PER_RUN_ONLY
        }
    numbers = [s for s in samples if isinstance(s, int | float) and not isinstance(s, bool)]
    if numbers and len(numbers) == len(samples):
        return round(statistics.median(numbers), 3)
    return first


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine on uvloop when it is installed (a cheaper client), else on asyncio."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coro)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


def machine() -> dict[str, Any]:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break

    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args], cwd=BENCH_DIR, capture_output=True, text=True, check=False
        )
        return result.stdout.strip()

    return {
        "code": {
            "commit": git("rev-parse", "--short", "HEAD"),
            "dirty": bool(git("status", "-s", "--", "..", ":!bench/results")),
        },
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# --- processes --------------------------------------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
RUSAGE = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)


def _stat_fields(pid: int) -> list[str]:
    # Fields after the command name, which is in parentheses and may hold spaces.
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def descendants(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                parents.setdefault(int(_stat_fields(int(entry.name))[1]), []).append(
                    int(entry.name)
                )
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _status_kib(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    return 0


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (10^6 bytes)."""
    kib = sum(_status_kib(p, "VmRSS") for p in [pid, *descendants(pid)])
    return round(kib * 1024 / 1e6, 1)


def peak_rss_mb(pid: int) -> float:
    return round(_status_kib(pid, "VmHWM") * 1024 / 1e6, 1)


def cpu_seconds(pid: int) -> float:
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


class CpuMeter:
    """CPU time over a stretch of wall time: the server's, and that of everything else on the
    machine apart from the server, this script and its finished children (wrk). The latter shows
    whether something else was competing for the cores and spoiled the figures."""

    def __init__(self, server_pid: int) -> None:
        self.pid = server_pid
        self.start = self._snapshot()

    def _snapshot(self) -> tuple[float, float, float]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        machine = sum(fields[i] for i in (0, 1, 2, 5, 6)) / CLOCK_TICKS  # user nice system irqs
        ours = sum(resource.getrusage(who)[0] + resource.getrusage(who)[1] for who in RUSAGE)
        return time.perf_counter(), cpu_seconds(self.pid), machine - ours

    def read(self) -> tuple[float, float]:
        """Server CPU seconds, and the others' CPU as a percentage of one core."""
        wall, server, machine = (b - a for a, b in zip(self.start, self._snapshot(), strict=True))
        return server, round(100 * max(0.0, machine - server) / wall, 1)


class Process:
    """A child process in a process group of its own; `stop` ends the group."""

    def __init__(self, name: str, argv: list[str], *, env: dict[str, str], cwd: Path) -> None:
        self.name = name
        self.log_path = cwd / f"{name}.log"
        self._log = self.log_path.open("wb")
        self.popen = subprocess.Popen(
            argv,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log_tail(self, lines: int = 20) -> str:
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def stop(self) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
        self._log.close()


EXCEPTION_LINE_RE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Timeout)\w*: .*")


def server_errors(proc: Process) -> dict[str, int]:
    """The exceptions the server logged (the last line of each traceback), with counts."""
    lines = proc.log_path.read_text(errors="replace").splitlines()
    return dict(Counter(m.group(0)[:200] for m in map(EXCEPTION_LINE_RE.match, lines) if m))


def wait_ready(proc: Process, port: int, path: str, timeout: float = 60.0) -> None:
    """Poll until `GET path` answers 200; fail early if the process dies."""
    deadline = time.perf_counter() + timeout
    while True:
        if proc.popen.poll() is not None:
            raise BenchError(
                f"{proc.name} exited with code {proc.popen.returncode}:\n{proc.log_tail()}"
            )
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            try:
                conn.request("GET", path)
                if conn.getresponse().status == 200:
                    return
            finally:
                conn.close()
        except (OSError, http.client.HTTPException):
            pass
        if time.perf_counter() > deadline:
            raise BenchError(f"{proc.name} did not answer {path} within {timeout:.0f} s")
        time.sleep(0.01)


# --- the server under test --------------------------------------------------------------------


class Classroom:
    """The data folder, the accounts and how to start `pilms serve` on it."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.data_dir = workdir / "data"
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key.upper() not in STRIPPED_ENV and not key.upper().startswith("PILMS_")
        }
        self.env.update(PILMS_DATA_DIR=str(self.data_dir), PILMS_LOGIN_RATE_LIMIT=RATE_LIMIT)
        script = Path(sys.executable).with_name("pilms")
        self.pilms = [str(script)] if script.exists() else [sys.executable, "-m", "pilms.cli"]
        self.students: list[Account] = []  # for the sign-ins: demo students, topped up
        self.enrolled: list[Account] = []  # for page views: the demo students, in courses

    def _cli(self, *args: str, stdin: str | None = None) -> None:
        result = subprocess.run(
            [*self.pilms, *args],
            env=self.env,
            cwd=self.workdir,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode != 0:
            raise BenchError(f"pilms {args[0]} failed:\n{result.stdout}{result.stderr}")

    def load_demo(self, sign_ins: int) -> None:
        self._cli("demo")
        text = (self.data_dir / "demo-accounts.txt").read_text()
        accounts = [Account(*m.groups()) for m in map(ACCOUNT_RE.match, text.splitlines()) if m]
        self.students = [a for a in accounts if a.role == "student"]
        if not self.students:
            raise BenchError("demo-accounts.txt lists no students")
        self.enrolled = list(self.students)
        missing = sign_ins - len(self.students)
        if missing > 0:
            print(
                f"  The demo school has {len(self.students)} students; adding {missing} more "
                f"(pilms user create) so that the {sign_ins} sign-ins are all different students."
            )
            password = self.students[0].password
            extra = [
                Account("student", f"bench-student-{n:02d}@demo.pilms.local", password)
                for n in range(1, missing + 1)
            ]

            def create(account: Account) -> None:
                name = account.email.split("@")[0].replace("-", " ").title()
                options = ["--email", account.email, "--name", name, "--password-stdin"]
                self._cli("user", "create", "--role", "student", *options, stdin=password + "\n")

            with ThreadPoolExecutor(max_workers=2) as pool:
                list(pool.map(create, extra))
            self.students += extra

    def start(self, port: int) -> tuple[Process, float]:
        """Start `pilms serve`; return it and the seconds until /health answered."""
        started = time.perf_counter()
        proc = Process(
            "pilms-serve",
            [*self.pilms, "serve", "--host", HOST, "--port", str(port)],
            env=self.env,
            cwd=self.workdir,
        )
        try:
            wait_ready(proc, port, "/health")
        except BaseException:
            proc.stop()
            raise
        return proc, time.perf_counter() - started


def start_ceiling(workdir: Path, env: dict[str, str], port: int) -> Process:
    argv = [sys.executable, str(BENCH_DIR / "ceiling.py"), "--host", HOST, "--port", str(port)]
    proc = Process("ceiling", argv, env=env, cwd=workdir)
    try:
        wait_ready(proc, port, "/")
    except BaseException:
        proc.stop()
        raise
    return proc


# --- HTTP clients -----------------------------------------------------------------------------


def csrf_from(html: str) -> str:
    match = CSRF_RE.search(html)
    if not match:
        raise BenchError("the sign-in page has no csrf_token field")
    return match.group(1)


def unique(ids: list[str]) -> list[int]:
    return list(dict.fromkeys(int(i) for i in ids))


def login_form(account: Account, token: str) -> dict[str, str]:
    return {"csrf_token": token, "next": "/", "email": account.email, "password": account.password}


@dataclass(frozen=True)
class StudentPages:
    cookie: str
    course_id: int
    lesson_id: int


def sign_in_and_find_pages(base: str, account: Account) -> StudentPages:
    """Sign in as a student; pick their first course and a lesson from its middle."""
    with httpx.Client(base_url=base, verify=TLS, timeout=30) as client:
        token = csrf_from(client.get("/login").text)
        response = client.post("/login", data=login_form(account, token))
        cookie = response.cookies.get("pilms_session")
        if response.status_code != 303 or not cookie:
            raise BenchError(f"signing in as {account.email} answered {response.status_code}")
        courses = unique(COURSE_LINK_RE.findall(client.get("/").text))
        if not courses:
            raise BenchError(f"{account.email} has no courses on the dashboard")
        lessons = unique(LESSON_LINK_RE.findall(client.get(f"/courses/{courses[0]}").text))
        if not lessons:
            raise BenchError(f"course {courses[0]} shows {account.email} no lessons")
        return StudentPages(cookie, courses[0], lessons[len(lessons) // 2])


def warm_up(base: str, cookie: str, paths: Sequence[str], rounds: int = 20) -> None:
    with httpx.Client(base_url=base, verify=TLS, timeout=30) as client:
        for _ in range(rounds):
            client.get("/login")
            for path in paths:
                response = client.get(path, headers={"cookie": f"pilms_session={cookie}"})
                if response.status_code != 200:
                    raise BenchError(f"GET {path} answered {response.status_code} in warm-up")


async def concurrent_sign_ins(base: str, accounts: Sequence[Account]) -> dict[str, Any]:
    """Open the sign-in form for every account (untimed), then submit them all at once."""
    clients = [httpx.AsyncClient(base_url=base, verify=TLS, timeout=60) for _ in accounts]
    try:
        pages = await asyncio.gather(*(client.get("/login") for client in clients))
        tokens = [csrf_from(page.text) for page in pages]

        async def submit(client: httpx.AsyncClient, account: Account, token: str) -> bool:
            response = await client.post("/login", data=login_form(account, token))
            seconds.append(time.perf_counter() - started)
            return response.status_code == 303 and "pilms_session" in response.cookies

        seconds: list[float] = []
        started = time.perf_counter()
        signed_in = await asyncio.gather(
            *(submit(c, a, t) for c, a, t in zip(clients, accounts, tokens, strict=True))
        )
        wall = time.perf_counter() - started
    finally:
        await asyncio.gather(*(client.aclose() for client in clients))
    failed = signed_in.count(False)
    return {
        "count": len(accounts),
        "failed": failed,
        "wall_s": round(wall, 3),
        **latency_ms(seconds),
    }


# --- load at fixed concurrency ----------------------------------------------------------------


def wrk_version() -> str | None:
    if not shutil.which("wrk"):
        return None
    result = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    return (result.stdout or result.stderr).split(" Copyright")[0].strip() or "wrk"


def load_wrk(url: str, cookie: str | None, plan: Plan, script: Path) -> dict[str, Any]:
    argv = ["wrk", "-t1", f"-c{plan.connections}", f"-d{plan.page_seconds}s", "--timeout", "10s"]
    if cookie:
        argv += ["-H", f"Cookie: pilms_session={cookie}"]
    result = subprocess.run(
        [*argv, "-s", str(script), url],
        capture_output=True,
        text=True,
        timeout=plan.page_seconds + 60,
        check=False,
    )
    line = next((x for x in result.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if result.returncode != 0 or line is None:
        raise BenchError(f"wrk failed on {url}:\n{result.stdout}{result.stderr}")
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "non_2xx": raw["non_2xx"],
        "errors": raw["socket_errors"] + raw["timeouts"],
        "bytes_per_response": round(raw["bytes"] / max(1, raw["requests"])),
    }


async def load_python(url: str, cookie: str | None, plan: Plan) -> dict[str, Any]:
    """The fallback when wrk is missing: `connections` keep-alive loops with httpx."""
    latencies: list[float] = []
    counts: Counter[str] = Counter()
    headers = {"cookie": f"pilms_session={cookie}"} if cookie else {}
    # Keep no cookies between requests, as wrk does (the sign-in page sets one each time).
    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    limits = httpx.Limits(max_connections=plan.connections)
    async with httpx.AsyncClient(
        verify=TLS, timeout=10, headers=headers, limits=limits, cookies=no_cookies
    ) as client:
        deadline = time.perf_counter() + plan.page_seconds

        async def loop() -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    response = await client.get(url)
                except httpx.HTTPError:
                    counts["errors"] += 1
                    continue
                latencies.append(time.perf_counter() - started)
                counts["bytes"] += len(response.content)
                if not 200 <= response.status_code < 300:
                    counts["non_2xx"] += 1

        started = time.perf_counter()
        await asyncio.gather(*(loop() for _ in range(plan.connections)))
        elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        **latency_ms(latencies),
        "non_2xx": counts["non_2xx"],
        "errors": counts["errors"],
        "bytes_per_response": round(counts["bytes"] / max(1, len(latencies))),
    }


def measure_load(
    url: str, cookie: str | None, plan: Plan, script: Path, server_pid: int
) -> dict[str, Any]:
    """Load one URL at fixed concurrency after a second of the same load to warm up; add the
    server's CPU time per request."""

    def load(plan: Plan) -> dict[str, Any]:
        if plan.loadgen == "wrk":
            return load_wrk(url, cookie, plan, script)
        return run_async(load_python(url, cookie, plan))

    load(replace(plan, page_seconds=1))
    meter = CpuMeter(server_pid)
    result = load(plan)
    cpu, others = meter.read()
    result["server_cpu_ms_per_request"] = round(1000 * cpu / max(1, result["requests"]), 3)
    result["other_processes_cpu_pct"] = others
    time.sleep(1)  # let the server settle before the next page
    return result


# --- simulated students -----------------------------------------------------------------------

SIM_KINDS = ("sign-in page", "sign-in", "dashboard", "course page", "lesson page")
SIM_PAGES = ("sign-in page", "dashboard", "course page", "lesson page")


@dataclass(frozen=True)
class Class:
    """How the simulated students behave."""

    students: int
    seconds: float
    think_seconds: float  # mean pause after each lesson page, uniform in [0, 2 × mean]
    ramp_seconds: float  # the students arrive evenly over this time (0: all at once)


async def simulate(
    base: str, accounts: Sequence[Account], plan: Class, server_pid: int
) -> dict[str, Any]:
    """`plan.students` virtual students (all at once, or arriving over `plan.ramp_seconds`): each
    signs in once, then loops dashboard → a course → each of its lessons until the time is up,
    pausing after each lesson page. Accounts are shared round-robin."""
    latencies: dict[str, list[float]] = {kind: [] for kind in SIM_KINDS}
    failures: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    deadline = time.perf_counter() + plan.seconds

    async def timed(
        kind: str, request: Coroutine[Any, Any, httpx.Response], expect: int = 200
    ) -> httpx.Response | None:
        started = time.perf_counter()  # the request is sent only when awaited, below
        try:
            response = await request
        except httpx.HTTPError as exc:
            failures[kind] += 1
            reasons[f"{kind}: {type(exc).__name__}"] += 1
            return None
        latencies[kind].append(time.perf_counter() - started)
        if response.status_code != expect:
            failures[kind] += 1
            reasons[f"{kind}: HTTP {response.status_code}"] += 1
            return None
        return response

    async def student(number: int) -> None:
        account = accounts[number % len(accounts)]
        rng = random.Random(number)
        await asyncio.sleep(plan.ramp_seconds * number / plan.students)  # 0: all at once
        async with httpx.AsyncClient(base_url=base, verify=TLS, timeout=60) as client:
            page = await timed("sign-in page", client.get("/login"))
            if page is None:
                return
            form = login_form(account, csrf_from(page.text))
            if await timed("sign-in", client.post("/login", data=form), 303) is None:
                return
            while time.perf_counter() < deadline:
                page = await timed("dashboard", client.get("/"))
                courses = unique(COURSE_LINK_RE.findall(page.text)) if page else []
                if not courses:
                    return
                page = await timed("course page", client.get(f"/courses/{rng.choice(courses)}"))
                for lesson_id in unique(LESSON_LINK_RE.findall(page.text)) if page else []:
                    if time.perf_counter() >= deadline:
                        break
                    await timed("lesson page", client.get(f"/lessons/{lesson_id}"))
                    if plan.think_seconds:
                        await asyncio.sleep(rng.uniform(0, 2 * plan.think_seconds))

    client_cpu, meter = time.process_time(), CpuMeter(server_pid)
    started = time.perf_counter()
    # Requests still waiting at the end may take up to their timeout; this bounds the total.
    async with asyncio.timeout(plan.seconds + 90):
        await asyncio.gather(*(student(n) for n in range(plan.students)))
    elapsed = time.perf_counter() - started
    client_cpu = time.process_time() - client_cpu
    server_cpu, others = meter.read()
    per_kind = {
        kind: {
            "requests": len(latencies[kind]),
            **latency_ms(latencies[kind]),
            "failed": failures[kind],
        }
        for kind in SIM_KINDS
    }
    page_p95 = [p for k in SIM_PAGES if (p := percentile(latencies[k], 95)) is not None]
    requests = sum(len(v) for v in latencies.values())
    return {
        "students": plan.students,
        "think_seconds": plan.think_seconds,
        "ramp_seconds": plan.ramp_seconds,
        "seconds": round(elapsed, 2),
        "requests": requests,
        "rps": round(requests / elapsed, 1),
        "failed": sum(failures.values()),
        "failure_reasons": dict(reasons),
        "pages": per_kind,
        "all_pages": latency_ms([s for k in SIM_PAGES for s in latencies[k]]),
        "worst_page_p95_ms": round(max(page_p95) * 1000, 2) if page_p95 else None,
        "client_cpu_pct_of_one_core": round(100 * client_cpu / elapsed, 1),
        "server_cpu_pct_of_one_core": round(100 * server_cpu / elapsed, 1),
        "other_processes_cpu_pct": others,
    }


# --- one run ----------------------------------------------------------------------------------


def one_run(number: int, plan: Plan, room: Classroom, script: Path) -> dict[str, Any]:
    port = free_port()
    base = f"http://{HOST}:{port}"
    print(f"\nRun {number}/{plan.runs}")
    server, cold = room.start(port)
    result: dict[str, Any] = {"cold_start_s": round(cold, 3)}
    print(f"  cold start: {cold:.2f} s")
    try:
        pages = sign_in_and_find_pages(base, room.enrolled[0])
        paths = {
            "dashboard": "/",
            "course page": f"/courses/{pages.course_id}",
            "lesson page": f"/lessons/{pages.lesson_id}",
        }
        warm_up(base, pages.cookie, list(paths.values()))
        meter = CpuMeter(server.pid)
        time.sleep(plan.idle_seconds)
        result["idle_rss_mb"] = rss_mb(server.pid)
        result["other_processes_cpu_pct_while_idle"] = meter.read()[1]
        print(
            f"  idle RSS after warm-up and {plan.idle_seconds:.0f} s idle: "
            f"{result['idle_rss_mb']:.1f} MB"
        )

        result["sign_ins"] = run_async(concurrent_sign_ins(base, room.students[:SIGN_INS]))
        signs = result["sign_ins"]
        print(
            f"  {SIGN_INS} sign-ins at once: {signs['count'] - signs['failed']} signed in "
            f"(303) in {signs['wall_s']:.2f} s"
        )

        result["pages"] = {}
        for name, path, cookie in [("sign-in page", "/login", None)] + [
            (name, path, pages.cookie) for name, path in paths.items()
        ]:
            figures = measure_load(base + path, cookie, plan, script, server.pid)
            result["pages"][name] = figures
            print(
                f"  {name} (GET {path}): {figures['rps']:.0f} req/s, p95 {figures['p95_ms']:.0f} ms"
            )

        classes = {
            "simulation": Class(
                plan.students, plan.sim_seconds, plan.think_seconds, plan.ramp_seconds
            ),
            "saturation": Class(plan.students, plan.stress_seconds, 0, 0),
        }
        for key, behaviour in classes.items():
            result[key] = sim = run_async(simulate(base, room.enrolled, behaviour, server.pid))
            print(
                f"  {plan.students} simulated students ({key}): {sim['requests']} requests in "
                f"{sim['seconds']:.0f} s, worst page p95 {sim['worst_page_p95_ms']} ms"
            )
        result["peak_rss_mb"] = peak_rss_mb(server.pid)
        time.sleep(plan.idle_seconds)
        result["rss_after_load_mb"] = rss_mb(server.pid)
    finally:
        server.stop()
        result["server_errors"] = server_errors(server)

    ceiling_port = free_port()
    ceiling = start_ceiling(room.workdir, room.env, ceiling_port)
    try:
        time.sleep(1)
        figures = measure_load(f"http://{HOST}:{ceiling_port}/", None, plan, script, ceiling.pid)
    finally:
        ceiling.stop()
    result["ceiling"] = figures
    result["lesson_pct_of_ceiling"] = round(
        100 * result["pages"]["lesson page"]["rps"] / figures["rps"], 1
    )
    print(
        f"  ceiling: {figures['rps']:.0f} req/s; lesson page at "
        f"{result['lesson_pct_of_ceiling']:.0f}% of it"
    )
    return result


# --- report -----------------------------------------------------------------------------------


def _f(value: Any, spec: str = ".1f") -> str:
    return "—" if value is None else format(value, spec)


def check_targets(
    median: dict[str, Any], runs: list[dict[str, Any]], plan: Plan
) -> list[dict[str, Any]]:
    errors = sum(
        page["non_2xx"] + page["errors"]
        for run in runs
        for page in [*run["pages"].values(), run["ceiling"]]
    ) + sum(run[key]["failed"] for run in runs for key in ("simulation", "saturation"))
    # A sign-in that did not succeed (in any run) counts as not done in time.
    all_signed_in = all(run["sign_ins"]["failed"] == 0 for run in runs)
    signed_in_wall = median["sign_ins"]["wall_s"] if all_signed_in else None
    rows = [
        (
            "lesson page ≥ 40% of the ceiling's req/s",
            median["lesson_pct_of_ceiling"],
            "%",
            40,
            True,
        ),
        (
            f"page views p95 < 100 ms at {plan.students} simulated students",
            median["simulation"]["worst_page_p95_ms"],
            "ms",
            100,
            False,
        ),
        (f"{SIGN_INS} sign-ins all done within 3 s", signed_in_wall, "s", 3, False),
        ("idle RSS < 150 MB", median["idle_rss_mb"], "MB", 150, False),
        ("cold start < 2 s", median["cold_start_s"], "s", 2, False),
        ("no errors and no non-2xx page answers (all runs)", errors, "", 0, None),
    ]
    targets = []
    for name, value, unit, limit, at_least in rows:
        if at_least is None:
            passed = value == limit
        elif value is None:
            passed = False
        else:
            passed = value >= limit if at_least else value < limit
        targets.append({"target": name, "value": value, "unit": unit, "pass": passed})
    if plan.loadgen == "python":  # httpx, not the server, sets the pace: no ceiling to compare
        targets[0]["pass"] = None
    return targets


def print_simulation(sim: dict[str, Any], title: str, cores: int) -> None:
    print(
        f"\n{sim['students']} simulated students, {title} (pause after a lesson "
        f"{sim['think_seconds']:g} s on average, arriving over {sim['ramp_seconds']:g} s;\n"
        f"Python asyncio + httpx client sharing the "
        f"{cores} cores with the server: client {sim['client_cpu_pct_of_one_core']:.0f}%, "
        f"server {sim['server_cpu_pct_of_one_core']:.0f}%, other processes "
        f"{sim['other_processes_cpu_pct']:.0f}% of one core)"
    )
    print(
        f"  {'request':<14}{'count':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'max ms':>9}{'failed':>8}"
    )
    for name, row in sim["pages"].items():
        print(
            f"  {name:<14}{row['requests']:>8.0f}{_f(row['p50_ms']):>9}{_f(row['p95_ms']):>9}"
            f"{_f(row['p99_ms']):>9}{_f(row['max_ms']):>9}{row['failed']:>8.0f}"
        )
    print(f"  {sim['rps']:.0f} requests/s overall")


def print_report(report: dict[str, Any]) -> None:
    median, plan = report["median"], report["plan"]
    m = report["machine"]
    print("\n" + "=" * 78)
    print(f"Pi-LMS classroom benchmark: medians of {plan['runs']} run(s)")
    print(f"Machine: {m['nproc']} cores, {m['cpu_model']}, Python {m['python']}")
    dirty = " with uncommitted changes" if m["code"]["dirty"] else ""
    print(f"Code: commit {m['code']['commit']}{dirty}")
    print(f"Load generator for pages: {report['load_generator']}")
    print("=" * 78)
    print(f"Cold start (spawn → /health 200)   {median['cold_start_s']:.2f} s")
    print(
        f"Idle RSS (after warm-up)           {median['idle_rss_mb']:.1f} MB"
        f"   (peak {_f(median.get('peak_rss_mb'))} MB; idle after the load "
        f"{_f(median.get('rss_after_load_mb'))} MB)"
    )
    s = median["sign_ins"]
    failed = f"; {s['failed']:.0f} FAILED" if s["failed"] else ""
    print(
        f"{SIGN_INS} sign-ins at once                 all done in {s['wall_s']:.2f} s"
        f"   (p50 {s['p50_ms']:.0f} / p95 {s['p95_ms']:.0f} / max {s['max_ms']:.0f} ms"
        f"{failed})"
    )
    print(
        f"Other processes on the machine while the server idled: "
        f"{median['other_processes_cpu_pct_while_idle']:.0f}% of one core"
    )

    print(f"\nThroughput at {plan['connections']} connections, {plan['page_seconds']} s per page")
    print(
        f"  {'page':<14}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'non-2xx':>9}{'errors':>8}{'KB/resp':>9}{'CPU ms/req':>12}{'others %':>10}"
    )
    for name, row in [*median["pages"].items(), ("ceiling", median["ceiling"])]:
        print(
            f"  {name:<14}{row['rps']:>9.0f}{_f(row['p50_ms']):>9}{_f(row['p95_ms']):>9}"
            f"{_f(row['p99_ms']):>9}{row['non_2xx']:>9.0f}{row['errors']:>8.0f}"
            f"{row['bytes_per_response'] / 1000:>9.1f}{row['server_cpu_ms_per_request']:>12.2f}"
            f"{row['other_processes_cpu_pct']:>10.0f}"
        )
    print(f"  lesson page = {median['lesson_pct_of_ceiling']:.0f}% of the ceiling")
    print(
        "  (CPU ms/req: the server's CPU time per request; others %: CPU used meanwhile by "
        "processes\n  other than the server, wrk and this script, in % of one core: it should "
        "be near 0)"
    )

    for key, title in (
        ("simulation", "a class"),
        ("saturation", "saturation: no pauses, all at once; not a target"),
    ):
        print_simulation(median[key], title, m["nproc"])
    reasons: Counter[str] = Counter()
    server_errors: Counter[str] = Counter()
    for run in report["runs"]:
        for key in ("simulation", "saturation"):
            reasons.update(run[key]["failure_reasons"])
        server_errors.update(run["server_errors"])
    for reason, count in reasons.most_common():
        print(f"  failed (all runs): {count} × {reason}")
    for error, count in server_errors.most_common(5):
        print(f"  server log (all runs): {count} × {error}")

    print("\nTargets")
    for target in report["targets"]:
        value = target["value"]
        shown = f"{value:g} {target['unit']}".strip() if value is not None else "—"
        verdict = {True: "PASS", False: "MISS", None: "N/A "}[target["pass"]]
        print(f"  {verdict}  {target['target']:<56} {shown}")
    if report["targets"][0]["pass"] is None:
        print("  (N/A: the Python load generator cannot load the ceiling; install wrk)")


# --- main -------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> Plan:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200, help="simulated students (200)")
    parser.add_argument("--quick", action="store_true", help="one short run")
    parser.add_argument("--runs", type=int, help="runs to take the median of (3)")
    parser.add_argument("--connections", type=int, default=50, help="for page throughput (50)")
    parser.add_argument(
        "--think", type=float, default=5.0, help="mean pause after a lesson page, seconds (5)"
    )
    parser.add_argument(
        "--ramp", type=float, default=30.0, help="seconds over which the students arrive (30)"
    )
    parser.add_argument("--sim-seconds", type=float, help="length of the class (60; quick: 40)")
    parser.add_argument(
        "--stress-seconds", type=float, help="length of the saturation run (20; quick: 8)"
    )
    parser.add_argument(
        "--loadgen", choices=("auto", "wrk", "python"), default="auto", help="(auto: wrk if found)"
    )
    args = parser.parse_args(argv)
    loadgen = args.loadgen
    if loadgen == "auto":
        loadgen = "wrk" if shutil.which("wrk") else "python"
    elif loadgen == "wrk" and not shutil.which("wrk"):
        parser.error("wrk is not installed (apt-get install -y wrk)")
    return Plan(
        runs=args.runs or (1 if args.quick else 3),
        students=args.students,
        connections=args.connections,
        page_seconds=3 if args.quick else 10,
        sim_seconds=args.sim_seconds or (40 if args.quick else 60),
        idle_seconds=2 if args.quick else 5,
        think_seconds=args.think,
        ramp_seconds=args.ramp,
        stress_seconds=args.stress_seconds or (8 if args.quick else 20),
        loadgen=loadgen,
    )


@contextlib.contextmanager
def terminate_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into SystemExit so that the clean-up runs as it does on Ctrl-C."""

    def handler(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    plan = parse_args(argv)
    if plan.loadgen == "wrk":
        loadgen = f"{wrk_version()} (1 thread, C; shares the cores with the server)"
    else:
        loadgen = "Python asyncio + httpx (wrk not found; the client is likely the bottleneck)"
    print(f"Pi-LMS classroom benchmark: {plan.runs} run(s), load generator: {loadgen}")
    print(
        f"  Sign-in rate limit raised to {RATE_LIMIT} (PILMS_LOGIN_RATE_LIMIT): all the load "
        f"comes from 127.0.0.1 and the per-IP limit would otherwise throttle it."
    )
    with terminate_on_sigterm(), contextlib.ExitStack() as cleanup:
        workdir = Path(tempfile.mkdtemp(prefix="pilms-bench-"))
        cleanup.callback(shutil.rmtree, workdir, ignore_errors=True)
        script = workdir / "report.lua"
        script.write_text(WRK_SCRIPT)
        room = Classroom(workdir)
        try:
            print(f"  Loading the demo school into {room.data_dir} (pilms demo)…")
            room.load_demo(SIGN_INS)
            runs = [one_run(n, plan, room, script) for n in range(1, plan.runs + 1)]
        except BenchError as exc:
            print(f"\nBenchmark failed: {exc}", file=sys.stderr)
            return 1
    median = median_of(runs)
    report: dict[str, Any] = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "plan": asdict(plan),
        "load_generator": loadgen,
        "median": median,
        "targets": check_targets(median, runs, plan),
        "runs": runs,
    }
    print_report(report)
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWrote {RESULTS_FILE.relative_to(BENCH_DIR.parent)}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted; everything started was stopped and the data folder removed.")
        sys.exit(130)
