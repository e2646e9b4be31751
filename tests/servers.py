"""Real server processes for tests: `pilms serve` with the demo school on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_environment(data_dir: Path, **settings: str) -> dict[str, str]:
    """The caller's environment on the classroom defaults: SQLite in `data_dir`."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URI", "ENVIRONMENT"}}
    environment["PILMS_DATA_DIR"] = str(data_dir)
    environment.update(settings)
    return environment


def serve(
    environment: dict[str, str], port: int, folder: Path, output: IO[str] | int = subprocess.PIPE
) -> subprocess.Popen[str]:
    """`pilms serve --demo` on 127.0.0.1:port. Its output goes to a pipe for the test to read
    (a server that runs long and talks much needs a file instead: a full pipe blocks it)."""
    command = [
        sys.executable,
        "-m",
        "pilms.cli",
        "serve",
        "--demo",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    return subprocess.Popen(
        command,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
        cwd=folder,
    )


def wait_healthy(base: str, deadline: float, path: str = "/health") -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}{path}", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{base} did not start")
