"""Fixtures: the real server and the sandbox mock, each started once per run on a free port."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

import vinsnap
from support import Receiver, Server, start_mock, start_server


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(tmp_path_factory.mktemp("server"))
    yield server
    server.process.stop()


@pytest.fixture(scope="session")
def mock_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url, process = start_mock(tmp_path_factory.mktemp("mock"))
    yield url
    process.stop()


MOCK_KEY = "vsk_test_pythonsdk123"


@pytest.fixture
def client(server: Server) -> Iterator[vinsnap.Client]:
    with vinsnap.Client(server.test_key, base_url=server.base_url) as client:
        yield client


@pytest.fixture
def mock_client(mock_url: str) -> Iterator[vinsnap.Client]:
    with vinsnap.Client(MOCK_KEY, base_url=mock_url, max_retries=0) as client:
        yield client


@pytest.fixture(scope="session")
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="session")
def tmp_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("work")


