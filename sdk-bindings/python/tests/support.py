"""Processes and local HTTP servers the tests start: the real server, the mock, scripted
servers, a webhook receiver."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[3]
SPEC = json.loads((ROOT / "openapi" / "openapi.json").read_text())


def binary(name: str) -> Path:
    """A binary `cargo test --workspace` built (`VINSNAP_BIN_DIR` overrides the directory)."""
    directory = Path(os.environ.get("VINSNAP_BIN_DIR", ROOT / "target" / "debug")).resolve()
    path = directory / name
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run `cargo test --workspace` (or ./scripts/test) first")
    return path


class Process:
    """A child process whose stdout lines are collected; stopped by `stop()`."""

    def __init__(self, args: List[str], cwd: Path) -> None:
        self.proc = subprocess.Popen(
            args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1
        )
        self.lines: "queue.Queue[str]" = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 60.0) -> List[str]:
        """Lines read until one satisfies `predicate` (that one included)."""
        seen: List[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            seen.append(line)
            if predicate(line):
                return seen
        raise RuntimeError(f"{self.proc.args[0]} did not start: {seen}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class Server:
    base_url: str
    test_key: str
    live_key: str
    process: Process


def start_server(workdir: Path) -> Server:
    """`vinsnap-server serve` on a free port with a fresh database, local webhook receivers
    allowed and a fast retry schedule; rate limits raised so a test run's many calls from one
    key are not refused (the limiter still runs; 429s are tested on the mock and scripted servers)."""
    limits = {
        tier: {"reads": 100000, "writes": 100000, "parts_search": 100000, "vin_decode": 100000}
        for tier in ("free", "pro", "enterprise")
    }
    (workdir / "limits.json").write_text(
        json.dumps({**limits, "throttle_after_rejections": 10, "throttle_seconds": 60})
    )
    process = Process(
        [
            str(binary("vinsnap-server")),
            "serve",
            "--addr", "127.0.0.1:0",
            "--db", str(workdir / "vinsnap.db"),
            "--outbox", str(workdir / "outbox"),
            "--allow-local-webhooks",
            "--webhook-time-scale", "0.001",
            "--rate-limits", str(workdir / "limits.json"),
        ],
        cwd=workdir,
    )
    lines = process.wait_for(lambda line: "listening on" in line)
    keys = [line.strip() for line in lines if line.strip().startswith("vsk_")]
    test_key = next(k for k in keys if k.startswith("vsk_test_"))
    live_key = next(k for k in keys if k.startswith("vsk_live_"))
    base_url = lines[-1].split("listening on ")[1].strip()
    return Server(base_url, test_key, live_key, process)


def start_mock(workdir: Path) -> Tuple[str, Process]:
    process = Process([str(binary("vinsnap-mock")), "--port", "0"], cwd=workdir)
    line = process.wait_for(lambda line: "listening on" in line)[-1]
    return line.split("listening on ")[1].strip(), process


@dataclass
class Seen:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes
    at: float


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: Dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class LocalServer:
    """An HTTP server on 127.0.0.1:<free port> answering with `handler(seen) -> Reply`."""

    def __init__(self, handler: Callable[[Seen], Reply]) -> None:
        self.seen: List[Seen] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length) if length else b"",
                    time.monotonic(),
                )
                with outer._lock:
                    outer.seen.append(seen)
                reply = handler(seen)
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body
                data = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
                self.send_response(reply.status)
                headers = {"Content-Type": "application/json", **reply.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "LocalServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def scripted(replies: List[Reply]) -> LocalServer:
    """A server answering the requests with `replies` in turn (the last one repeats)."""
    remaining = list(replies)
    lock = threading.Lock()

    def handler(seen: Seen) -> Reply:
        with lock:
            return remaining.pop(0) if len(remaining) > 1 else remaining[0]

    return LocalServer(handler)


def example(schema: str) -> Any:
    """The spec's example of a schema (a valid response body for scripted servers)."""
    return SPEC["components"]["schemas"][schema]["example"]


def envelope(status_code: str, message: str) -> Dict[str, Any]:
    return {"success": False, "error": {"code": status_code, "message": message, "request_id": "req_scripted"}}


class Receiver(LocalServer):
    """A webhook receiver: answers 200 and keeps every delivery."""

    def __init__(self) -> None:
        super().__init__(lambda seen: Reply(200, {"received": True}))

    def deliveries(self, event_type: str, timeout: float = 20.0) -> List[Seen]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [s for s in list(self.seen) if s.headers.get("x-vinsnap-event") == event_type]
            if found:
                return found
            time.sleep(0.05)
        raise AssertionError(f"no {event_type} delivery within {timeout} s: {[s.headers for s in self.seen]}")


def wait_until(check: Callable[[], Optional[Any]], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("condition not met in time")
