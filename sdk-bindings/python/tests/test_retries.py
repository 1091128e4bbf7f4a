"""Retries run on the Rust SDK's transport: against scripted servers, and a retried POST
against the real server creating exactly one resource."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from typing import List

import vinsnap
from support import LocalServer, Reply, Seen, Server, envelope, example, scripted

CUSTOMER_ID = example("Customer")["id"]


def test_503_then_200_is_retried() -> None:
    with scripted([Reply(503, envelope("unavailable", "busy")), Reply(200, example("Customer"))]) as api:
        with vinsnap.Client("vsk_test_scripted", base_url=api.url) as client:
            customer = client.customers.get(CUSTOMER_ID)
    assert customer.id == CUSTOMER_ID
    assert [s.path for s in api.seen] == [f"/customers/{CUSTOMER_ID}"] * 2


def test_429_waits_out_retry_after() -> None:
    limited = Reply(429, envelope("rate_limited", "slow down"), {"Retry-After": "1"})
    with scripted([limited, Reply(200, example("Customer"))]) as api:
        with vinsnap.Client("vsk_test_scripted", base_url=api.url) as client:
            assert client.customers.get(CUSTOMER_ID).id == CUSTOMER_ID
    first, second = api.seen
    assert second.at - first.at >= 0.9


def test_retries_give_up_with_the_last_error() -> None:
    with scripted([Reply(503, envelope("unavailable", "busy"), {"X-Request-Id": "req_x"})]) as api:
        with vinsnap.Client("vsk_test_scripted", base_url=api.url, max_retries=1) as client:
            try:
                client.customers.get(CUSTOMER_ID)
            except vinsnap.InternalServerError as error:
                assert error.status_code == 503 and error.code == "unavailable"
            else:
                raise AssertionError("no error")
    assert len(api.seen) == 2


def test_a_body_off_spec_is_a_validation_error() -> None:
    with scripted([Reply(200, {"id": "not a customer"})]) as api:
        with vinsnap.Client("vsk_test_scripted", base_url=api.url) as client:
            try:
                client.customers.get(CUSTOMER_ID)
            except vinsnap.APIResponseValidationError as error:
                assert "pattern" in error.message, error.message
            else:
                raise AssertionError("no error")


def test_a_timeout_is_a_timeout_error() -> None:
    with scripted([Reply(200, example("Customer"), delay=3)]) as api:
        with vinsnap.Client("vsk_test_scripted", base_url=api.url, timeout=0.5, max_retries=0) as client:
            try:
                client.customers.get(CUSTOMER_ID)
            except vinsnap.APITimeoutError:
                pass
            else:
                raise AssertionError("no timeout")


def test_a_retried_post_creates_exactly_one_resource(server: Server) -> None:
    """A proxy forwards the first POST to the real server but answers 503 (as a gateway
    losing the answer would); the SDK retries with the same idempotency key, and the server
    replays its first answer instead of creating again."""
    keys = []
    lock = threading.Lock()

    def forward(seen: Seen) -> Reply:
        request = urllib.request.Request(
            server.base_url + seen.path,
            data=seen.body or None,
            headers={k: v for k, v in seen.headers.items() if k not in ("host", "content-length")},
            method=seen.method,
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, body, headers = response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            status, body, headers = error.code, error.read(), dict(error.headers)
        with lock:
            keys.append(seen.headers.get("idempotency-key"))
            first = len(keys) == 1
        if seen.method == "POST" and first:
            return Reply(503, envelope("unavailable", "the answer was lost"))
        keep = {k: v for k, v in headers.items() if k.lower() in ("x-request-id", "idempotent-replayed")}
        return Reply(status, body, keep)

    with LocalServer(forward) as proxy:
        with vinsnap.Client(server.test_key, base_url=proxy.url) as client:
            created = client.customers.create(name="Exactly Once Olga")
    assert len(keys) == 2 and keys[0] and keys[0] == keys[1]
    with vinsnap.Client(server.test_key, base_url=server.base_url) as client:
        found = client.customers.list(q="Exactly Once Olga").data
    assert [c.id for c in found] == [created.id]




def test_a_connection_closed_while_idle_is_replaced() -> None:
    """A server (or a load balancer) closes a kept-alive connection while the client is idle:
    the next call opens another instead of failing, with the SDK's retries off. A blocking
    call's connections are driven only while the thread calls, so the client first learns of
    the close when it sends the next request."""
    listener = socket.create_server(("127.0.0.1", 0))
    requests: List[bytes] = []
    body = json.dumps(example("Customer")).encode()

    def serve() -> None:
        for _ in range(2):
            conn, _ = listener.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                requests.append(data)
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + body
                )
                # Kept alive as far as the client knows, then closed while it is idle.
                time.sleep(0.1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        with vinsnap.Client("vsk_test_scripted", base_url=url, max_retries=0) as client:
            assert client.customers.get(CUSTOMER_ID).id == CUSTOMER_ID
            time.sleep(0.5)
            assert client.customers.get(CUSTOMER_ID).id == CUSTOMER_ID
    finally:
        listener.close()
    assert len(requests) == 2
