"""What Python programs rely on: threads sharing a client run their requests in parallel (the
GIL is released), many concurrent awaits, fork, Ctrl-C, and any event loop."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import List

import pytest

import vinsnap
from support import ROOT, LocalServer, Reply, Seen, Server, example

CUSTOMER = example("Customer")


def barrier_server(parties: int) -> LocalServer:
    """Answers only once `parties` requests are in flight together: requests that were made
    one at a time would each wait alone and get a 500."""
    barrier = threading.Barrier(parties, timeout=15)

    def handler(seen: Seen) -> Reply:
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            return Reply(500, {"success": False, "error": {"code": "alone", "message": "not concurrent"}})
        return Reply(200, CUSTOMER)

    return LocalServer(handler)


def test_eight_threads_share_one_client_in_parallel() -> None:
    with barrier_server(8) as api, vinsnap.Client("vsk_test_threads", base_url=api.url, max_retries=0) as client:
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda _: client.customers.get(CUSTOMER["id"]), range(8)))
    assert all(r.id == CUSTOMER["id"] for r in results)


def test_eight_threads_against_the_server(server: Server, client: vinsnap.Client) -> None:
    def work(i: int) -> str:
        created = client.customers.create(name=f"Thread {i}")
        assert client.customers.get(created.id).name == f"Thread {i}"
        return created.id

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(work, range(8)))
    assert len(set(ids)) == 8


def test_thirty_two_concurrent_async_calls() -> None:
    async def main(url: str) -> List[vinsnap.types.Customer]:
        async with vinsnap.AsyncClient("vsk_test_async", base_url=url, max_retries=0) as client:
            return await asyncio.gather(*(client.customers.get(CUSTOMER["id"]) for _ in range(32)))

    with barrier_server(32) as api:
        results = asyncio.run(main(api.url))
    assert len(results) == 32 and all(r.id == CUSTOMER["id"] for r in results)


def test_async_against_the_server_from_several_loops(server: Server) -> None:
    client = vinsnap.AsyncClient(server.test_key, base_url=server.base_url)

    async def create(n: int) -> List[str]:
        made = await asyncio.gather(*(client.customers.create(name=f"Async {n}-{i}") for i in range(32)))
        return [c.id for c in made]

    # The client binds to no loop: one loop after another, and a loop in another thread.
    first = asyncio.run(create(1))
    second = asyncio.run(create(2))
    in_thread: List[str] = []
    thread = threading.Thread(target=lambda: in_thread.extend(asyncio.run(create(3))))
    thread.start()
    thread.join()
    assert len(set(first + second + in_thread)) == 96
    asyncio.run(client.close())


def test_inside_an_already_running_loop(server: Server) -> None:
    """As in FastAPI: the loop is running before the client exists, and other tasks go on
    while a call waits."""

    async def app() -> None:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0)

        task = asyncio.create_task(ticker())
        async with vinsnap.AsyncClient(server.test_key, base_url=server.base_url) as client:
            page = await client.locations.list()
            assert page.data
            for _ in range(5):
                await client.vin.decode("1HGCM82633A004352")
        task.cancel()
        assert ticks > 5

    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(app())
    finally:
        loop.close()


def test_cancelling_an_await_cancels_the_request() -> None:
    async def main(url: str) -> None:
        async with vinsnap.AsyncClient("vsk_test_cancel", base_url=url, max_retries=0) as client:
            with pytest.raises(asyncio.TimeoutError):
                await asyncio.wait_for(client.customers.get(CUSTOMER["id"]), timeout=0.3)
            # The client still works afterwards.
            assert (await client.customers.get(CUSTOMER["id"])).id == CUSTOMER["id"]

    slow_once = [Reply(200, CUSTOMER, delay=5), Reply(200, CUSTOMER)]
    remaining = list(slow_once)
    with LocalServer(lambda seen: remaining.pop(0) if len(remaining) > 1 else remaining[0]) as api:
        asyncio.run(main(api.url))


def test_a_closed_client_refuses_calls(server: Server) -> None:
    client = vinsnap.Client(server.test_key, base_url=server.base_url)
    with client:
        client.locations.list()
    assert client.is_closed
    with pytest.raises(vinsnap.APIConnectionError):
        client.locations.list()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_fork_the_client_works_in_the_child_and_the_parent(server: Server, client: vinsnap.Client) -> None:
    client.locations.list()  # the parent's runtime and connections are up
    pid = os.fork()
    if pid == 0:  # the child: must finish, never hang
        code = 1
        try:
            made = client.customers.create(name="Forked child")
            code = 0 if client.customers.get(made.id).name == "Forked child" else 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError("the forked child hung")
        time.sleep(0.05)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    # The parent's client and connections are intact.
    assert client.customers.list(q="Forked child").total == 1


def test_ctrl_c_interrupts_a_blocking_call() -> None:
    hang = [Reply(200, CUSTOMER, delay=60)]
    with LocalServer(lambda seen: hang[0]) as api:
        script = textwrap.dedent(
            f"""
            import signal, sys, time, vinsnap
            # Python's own Ctrl-C handler, as in a terminal: a shell that starts a background
            # job (CI's, for one) makes its processes ignore SIGINT, and children inherit that.
            signal.signal(signal.SIGINT, signal.default_int_handler)
            client = vinsnap.Client("vsk_test_sigint", base_url={api.url!r}, timeout=120, max_retries=0)
            print("calling", flush=True)
            started = time.monotonic()
            try:
                client.customers.get({CUSTOMER["id"]!r})
            except KeyboardInterrupt:
                print("interrupted after %.1f s" % (time.monotonic() - started), flush=True)
                sys.exit(0)
            sys.exit(3)
            """
        )
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "sdk-bindings/python/python"), os.environ.get("PYTHONPATH")])))
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "calling"
        while not api.seen:  # the request is on the wire
            time.sleep(0.05)
        child.send_signal(signal.SIGINT)
        try:
            out, _ = child.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()
            raise AssertionError("Ctrl-C did not interrupt the call")
    assert child.returncode == 0, out
    assert out.startswith("interrupted")
