"""Property-based conformance of the reference server and the sandbox mock to the spec.

Schemathesis generates requests from `openapi/openapi.json` (valid ones and ones that break the
schema, in its examples, coverage, fuzzing and stateful phases; the stateful phase chains create,
get, update and delete along the spec's links) and runs every check it has on the answers: no
schema-valid request refused for a rule the spec does not state, no schema-violating request
accepted, every status documented and every body matching its schema. Its settings (seed, number
of examples) are in `conformance/schemathesis.toml`; a failure prints the requests that reproduce
it.

The server is started on a free port with a fresh database, the mock on a free port with the same
spec file. Both binaries come from `cargo build` (`scripts/test` builds them first).
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import time
import urllib.request

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = ROOT / "openapi" / "openapi.json"
CONFIG = HERE / "conformance" / "schemathesis.toml"
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "debug"
SCHEMATHESIS = pathlib.Path(sys.executable).with_name("st")

# The conformance run is about the contract, not the rate limiter (whose 429s every operation
# documents, and which its own tests cover): the limits are raised out of the way.
NO_LIMITS = {"reads": 1_000_000, "writes": 1_000_000, "parts_search": 1_000_000, "vin_decode": 1_000_000}
RATE_LIMITS = {
    "free": NO_LIMITS,
    "pro": NO_LIMITS,
    "enterprise": NO_LIMITS,
    "throttle_after_rejections": 1000,
    "throttle_seconds": 1,
}


def binary(name: str) -> pathlib.Path:
    path = TARGET / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run `cargo build -p vinsnap-server -p vinsnap-mock` first")
    return path


def start(argv: list[str], cwd: pathlib.Path, ready: str) -> tuple[subprocess.Popen, list[str]]:
    """Starts a process and reads its stdout up to the line containing `ready`."""
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    deadline = time.monotonic() + 120
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if ready in line:
            return proc, lines
    proc.kill()
    pytest.fail(f"{argv[0]} did not start:\n" + "\n".join(lines))


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def url_of(lines: list[str]) -> str:
    return lines[-1].rsplit(" ", 1)[-1]


def own_key_id(base_url: str, key: str) -> str:
    """The id of the key the run authenticates with (the hooks keep it from being revoked)."""
    request = urllib.request.Request(f"{base_url}/api-keys?limit=100", headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        keys = json.load(response)["data"]
    (mine,) = [k["id"] for k in keys if k["redacted"].endswith(key[-4:])]
    return mine


def schemathesis(base_url: str, key: str, out_dir: pathlib.Path, *extra: str, key_id: str = "") -> None:
    env = dict(os.environ, PYTHONPATH=str(HERE), VINSNAP_CONFORMANCE_KEY_ID=key_id)
    argv = [
        str(SCHEMATHESIS),
        "--config-file",
        str(CONFIG),
        "run",
        str(SPEC),
        "--url",
        base_url,
        "--header",
        f"Authorization: Bearer {key}",
        "--checks",
        "all",
        "--no-color",
        "--report",
        "junit",
        "--report-dir",
        str(out_dir),
        *extra,
    ]
    started = time.monotonic()
    result = subprocess.run(argv, cwd=out_dir, env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    output = result.stdout + result.stderr
    (out_dir / "schemathesis.txt").write_text(output)
    summary = [line for line in output.splitlines() if "generated" in line or "passed" in line]
    print(f"schemathesis against {base_url}: {elapsed:.0f} s; " + "; ".join(summary[-2:]))
    assert result.returncode == 0, f"Schemathesis found problems (exit {result.returncode}):\n{output[-20000:]}"


def test_the_server_answers_as_the_spec_says(tmp_path: pathlib.Path) -> None:
    limits = tmp_path / "rate-limits.json"
    limits.write_text(json.dumps(RATE_LIMITS))
    argv = [
        str(binary("vinsnap-server")),
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--db",
        str(tmp_path / "conformance.db"),
        "--rate-limits",
        str(limits),
        "--outbox",
        str(tmp_path / "outbox"),
    ]
    proc, lines = start(argv, tmp_path, "listening on")
    try:
        # The first start creates the demo shop and prints its two keys; the run uses the test one.
        key = next(line for line in lines if line.startswith("vsk_test_"))
        base_url = url_of(lines)
        schemathesis(base_url, key, tmp_path, key_id=own_key_id(base_url, key))
    finally:
        stop(proc)


def test_the_mock_answers_as_the_spec_says(tmp_path: pathlib.Path) -> None:
    proc, lines = start(
        [str(binary("vinsnap-mock")), "--port", "0", "--spec", str(SPEC)], tmp_path, "listening on"
    )
    try:
        schemathesis(
            url_of(lines),
            "vsk_test_conformance0000",
            tmp_path,
            # The sandbox keeps nothing: it answers every request from the spec's examples, so a
            # resource it "deleted" can still be read. `use_after_free` (a GET after a successful
            # DELETE must be a 404) asks for a memory the mock documents it does not have.
            "--exclude-checks",
            "use_after_free",
        )
    finally:
        stop(proc)
