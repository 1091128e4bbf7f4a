"""`mypy --strict` on a user's program: what each call returns, and the mistakes it catches."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

HERE = Path(__file__).parent / "typing"
PACKAGE = Path(__file__).resolve().parents[1] / "python"


def mypy(path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MYPYPATH=str(PACKAGE))
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--hide-error-context", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=HERE,
    )


def by_line(output: str, kind: str) -> Dict[int, List[str]]:
    found: Dict[int, List[str]] = {}
    for match in re.finditer(rf"^[^:]+:(\d+): {kind}: (.*)$", output, re.MULTILINE):
        found.setdefault(int(match.group(1)), []).append(match.group(2))
    return found


def test_the_package_itself_is_strictly_typed() -> None:
    result = mypy(PACKAGE / "vinsnap")
    assert result.returncode == 0, result.stdout + result.stderr


def test_usage_is_typed_and_every_call_returns_its_model() -> None:
    result = mypy(HERE / "usage.py")
    assert result.returncode == 0, result.stdout + result.stderr
    revealed = by_line(result.stdout, "note")
    lines = (HERE / "usage.py").read_text().splitlines()
    expected = {i + 1: line.split("# revealed: ")[1] for i, line in enumerate(lines) if "# revealed: " in line}
    assert len(expected) >= 30
    for line, want in expected.items():
        notes = [n for n in revealed.get(line, []) if n.startswith("Revealed type is")]
        assert notes == [f'Revealed type is "{want}"'], f"usage.py:{line}: {notes}"
    assert "Any" not in result.stdout


def test_mistakes_are_type_errors() -> None:
    result = mypy(HERE / "mistakes.py")
    assert result.returncode == 1, result.stdout
    errors = by_line(result.stdout, "error")
    lines = (HERE / "mistakes.py").read_text().splitlines()
    expected = {i + 1: line.split("# error: ")[1] for i, line in enumerate(lines) if "# error: " in line}
    assert len(expected) >= 8
    for line, code in expected.items():
        assert any(e.endswith(f"[{code}]") for e in errors.get(line, [])), f"mistakes.py:{line}: {errors.get(line)}"
