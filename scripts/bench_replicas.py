#!/usr/bin/env python3
"""Requests/s and deliveries/s on each engine and replica count, side by side (run by ./scripts/bench).

For SQLite (one server, the embedded default), PostgreSQL with one replica and PostgreSQL with
three replicas (Redis holding the rate limits of both PostgreSQL setups):
  - GET /customers/{id} and POST /customers under wrk for --seconds, the connections spread
    evenly over the replicas (one wrk per replica, run at once, their rates summed);
  - deliveries/s (PostgreSQL, 1 and 3 replicas): a backlog of --events customer.created events
    to each of --endpoints endpoints is written while no server runs, then the replicas start
    and deliver it to a local receiver; the rate is deliveries over the time from the first
    arrival to the last.
Everything runs on this machine: the servers, PostgreSQL, Redis, wrk and the receiver share its
cores, so three replicas show what replicas cost and buy on the same hardware, not on three.
"""

import argparse
import http.server
import json
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

LISTENING = "VinSnap API listening on "


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.admin = args.postgres

    # -- databases ------------------------------------------------------------------------------

    def psql(self, sql, url=None):
        return run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", url or self.admin, "-c", sql)

    def fresh_postgres(self, name):
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.psql(f'CREATE DATABASE "{name}"')
        parts = urllib.parse.urlsplit(self.admin)
        return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))

    def fresh_sqlite(self, name):
        path = self.work / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return str(path)

    def seed(self, db):
        """A shop on the enterprise tier and a test key; returns (shop, key)."""
        out = run(self.args.server, "shops", "create", "--name", "Bench Auto", "--tier", "enterprise",
                  "--db", db)
        shop = re.search(r"^shop (\S+)", out, re.M).group(1)
        return shop, self.key(db, shop, "test")

    def key(self, db, shop, mode):
        return run(self.args.server, "keys", "create", "--shop", shop, "--mode", mode, "--name",
                   "bench", "--db", db).strip().splitlines()[-1]

    # -- servers --------------------------------------------------------------------------------

    def start(self, db, count, redis):
        servers = []
        for _ in range(count):
            cmd = [self.args.server, "serve", "--addr", "127.0.0.1:0", "--db", db, "--no-vpic",
                   "--allow-local-webhooks", "--rate-limits", self.args.limits]
            if redis:
                cmd += ["--redis", self.args.redis]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            for line in proc.stdout:
                if line.startswith(LISTENING):
                    servers.append((proc, line[len(LISTENING):].strip()))
                    break
            else:
                sys.exit(f"a server on {db} exited before listening")
            # Keep its stdout drained.
            threading.Thread(target=proc.stdout.read, daemon=True).start()
        return servers

    @staticmethod
    def stop(servers):
        for proc, _ in servers:
            proc.terminate()
        for proc, _ in servers:
            proc.wait(timeout=30)

    @staticmethod
    def call(base, key, method, path, body=None):
        request = urllib.request.Request(
            base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    # -- wrk ------------------------------------------------------------------------------------

    def wrk(self, servers, key, path, script=None):
        """Requests/s of wrk over all `servers` at once, 32 connections in all."""
        per = max(1, 32 // len(servers))
        procs = []
        for _, base in servers:
            cmd = ["wrk", f"-t{2 if len(servers) == 1 else 1}", f"-c{per}",
                   f"-d{self.args.seconds}s", "-H", f"Authorization: Bearer {key}"]
            if script:
                cmd += ["-s", script]
            procs.append(subprocess.Popen(cmd + [base + path], stdout=subprocess.PIPE, text=True))
        total, errors = 0.0, 0
        for proc in procs:
            out = proc.communicate()[0]
            total += float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
            failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
            errors += int(failed.group(1)) if failed else 0
        if errors:
            print(f"  ({errors} non-2xx answers)")
        return total

    def requests(self, label, db, count, redis):
        shop, key = self.seed(db)
        servers = self.start(db, count, redis)
        try:
            customer = self.call(servers[0][1], key, "POST", "/customers",
                                 {"name": "Sarah Chen", "phone": "555-0142"})["id"]
            get = self.wrk(servers, key, f"/customers/{customer}")
            post = self.wrk(servers, key, "/customers", str(self.work / "post.lua"))
        finally:
            self.stop(servers)
        print(f"{label:<26} GET /customers/{{id}} {get:9.0f} req/s   POST /customers {post:8.0f} req/s",
              flush=True)

    # -- deliveries -----------------------------------------------------------------------------

    def deliveries(self, label, count):
        db = self.fresh_postgres(f"bench_deliveries_{count}")
        shop, key = self.seed(db)
        keys = [key, self.key(db, shop, "live")]
        receiver = Receiver()
        servers = self.start(db, 1, True)
        try:
            # A shop has at most 10 endpoints per mode: half of them in each mode.
            for i in range(self.args.endpoints):
                self.call(servers[0][1], keys[i % 2], "POST", "/webhooks",
                          {"url": f"{receiver.url}/e{i}", "events": ["customer.created"]})
        finally:
            self.stop(servers)
        # The backlog, written while no dispatcher runs: events in both modes, and one delivery
        # of each event to every endpoint of its mode, due now.
        events = self.args.events
        payload = json.dumps({"type": "customer.created", "data": {"name": "Bench customer"}})
        self.psql(f"""
            INSERT INTO events (id, shop_id, livemode, type, payload, created_at, created_ms)
            SELECT 'evt_' || lpad(to_hex(g), 26, '0'), '{shop}', g % 2 = 0, 'customer.created',
                   '{payload}', now(), (extract(epoch FROM now()) * 1000)::bigint
            FROM generate_series(1, {events}) g;
            INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, next_attempt_ms,
                                            created_at)
            SELECT 'dlv_' || lpad(to_hex(row_number() OVER ()), 26, '0'), w.id, e.id,
                   'customer.created', e.created_ms, now()
            FROM events e JOIN webhook_endpoints w
                 ON w.shop_id = e.shop_id AND w.livemode = e.livemode;
            ANALYZE;""", url=db)
        total = events * self.args.endpoints // 2
        servers = self.start(db, count, True)
        try:
            deadline = time.monotonic() + 600
            while receiver.count() < total:
                if time.monotonic() > deadline:
                    sys.exit(f"{label}: {receiver.count()} of {total} deliveries within 10 minutes")
                time.sleep(0.05)
        finally:
            self.stop(servers)
            receiver.close()
        first, last = receiver.span()
        rate = total / (last - first)
        print(f"{label:<26} {total} deliveries to {self.args.endpoints} endpoints in "
              f"{last - first:5.1f} s: {rate:6.0f} deliveries/s", flush=True)


class Receiver:
    """Answers 200 to every POST and notes when each arrived (HTTP/1.1, kept alive)."""

    def __init__(self):
        arrivals, lock = [], threading.Lock()

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with lock:
                    arrivals.append(time.monotonic())
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.arrivals, self.lock = arrivals, lock
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def count(self):
        with self.lock:
            return len(self.arrivals)

    def span(self):
        with self.lock:
            return self.arrivals[0], self.arrivals[-1]

    def close(self):
        self.server.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--postgres", required=True, help="admin URL of a PostgreSQL server")
    parser.add_argument("--redis", required=True)
    parser.add_argument("--limits", required=True, help="a --rate-limits file that never refuses")
    parser.add_argument("--work", required=True)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--events", type=int, default=2000)
    # Many endpoints, so the per-endpoint caps on attempts in flight leave room for every
    # replica's slots: the figure is the replicas', not one endpoint's.
    parser.add_argument("--endpoints", type=int, default=16)
    args = parser.parse_args()
    bench = Bench(args)
    bench.requests("SQLite, 1 server", bench.fresh_sqlite("bench_requests"), 1, False)
    bench.requests("PostgreSQL, 1 replica", bench.fresh_postgres("bench_requests_1"), 1, True)
    bench.requests("PostgreSQL, 3 replicas", bench.fresh_postgres("bench_requests_3"), 3, True)
    bench.deliveries("PostgreSQL, 1 replica", 1)
    bench.deliveries("PostgreSQL, 3 replicas", 3)


if __name__ == "__main__":
    main()
