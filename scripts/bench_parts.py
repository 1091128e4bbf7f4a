#!/usr/bin/env python3
"""Parts-search latency against a running server (run by ./scripts/bench).

Sends --requests sequential GET /parts/search requests over one keep-alive connection, in a mix
of the ways an integrator searches (VIN with and without a type, a shop vehicle with and
without a type, VIN with common and with broad search words), with VINs of real manufacturers
(valid check digits) and vehicles from the catalog generator's make/model table. Prints
p50/p95/p99 per kind and overall.
"""

import argparse
import http.client
import json
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "server" / "data"))
from build_parts_catalog import TYPES, VEHICLES  # noqa: E402

YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # 1980..2009, then again from 2010
VALUES = {**{str(d): d for d in range(10)},
          **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
          **dict(zip("STUVWXYZ", range(2, 10)))}
WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
WORDS = ["ceramic", "front", "bosch", "premium", "rear", "iridium", "oil", "gates"]
# Words that stress the index: one- and two-letter prefixes, common words in many descriptions,
# several words at once.
BROAD_WORDS = ["b", "re", "includes", "remanufactured", "front ceramic", "filter oil", "45022"]


def wmis_by_make():
    rows = (Path(__file__).resolve().parent.parent / "server" / "data" / "wmi.csv").read_text().splitlines()
    found = {}
    for line in rows[1:]:
        wmi, make = line.split(",")[:2]
        if make in VEHICLES and (make not in found or (wmi[0] in "12345" and found[make][0] not in "12345")):
            found[make] = wmi
    return found


def vin(wmi, year, rng):
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".replace("U", "").replace("Z", "")
    vds = "".join(rng.choice(chars) for _ in range(3))
    pos7 = rng.choice("ABCDEFGHJKLMNPRSTVWXY") if year >= 2010 else rng.choice("0123456789")
    vds = vds + pos7 + rng.choice(chars)
    body = wmi + vds + "0" + YEAR_CODES[(year - 1980) % 30] + rng.choice(chars) + f"{rng.randrange(10**6):06d}"
    total = sum(VALUES[c] * w for c, w in zip(body, WEIGHTS))
    check = "X" if total % 11 == 10 else str(total % 11)
    return body[:8] + check + body[9:]


def request(conn, key, method, path, body=None):
    headers = {"Authorization": f"Bearer {key}"}
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - started
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
    return elapsed, json.loads(data)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    url = urlparse(args.base)
    conn = http.client.HTTPConnection(url.hostname, url.port)

    wmis = wmis_by_make()
    # A few shop vehicles to search by vehicle_id.
    _, customer = request(conn, args.key, "POST", "/customers", {"name": "Bench Customer"})
    vehicles = []
    for make, models in VEHICLES.items():
        for model, first, last in models[:2]:
            year = rng.randint(first, last)
            _, vehicle = request(conn, args.key, "POST", f"/customers/{customer['id']}/vehicles",
                                 {"make": make, "model": model, "year": year})
            vehicles.append(vehicle["id"])

    def a_vin():
        make = rng.choice([m for m in VEHICLES if m in wmis])
        _, first, last = rng.choice(VEHICLES[make])
        return vin(wmis[make], rng.randint(max(first, 1990), min(last, 2024)), rng)

    kinds = [
        ("vin+type", 40, lambda: {"vin": a_vin(), "type": rng.choice(list(TYPES))}),
        ("vin", 20, lambda: {"vin": a_vin()}),
        ("vehicle+type", 20, lambda: {"vehicle_id": rng.choice(vehicles), "type": rng.choice(list(TYPES))}),
        ("vehicle", 10, lambda: {"vehicle_id": rng.choice(vehicles)}),
        ("vin+q", 10, lambda: {"vin": a_vin(), "q": rng.choice(WORDS)}),
        ("vin+q broad", 5, lambda: {"vin": a_vin(), "q": rng.choice(BROAD_WORDS)}),
    ]
    weights = [w for _, w, _ in kinds]
    timings = {name: [] for name, _, _ in kinds}
    totals = {name: [] for name, _, _ in kinds}
    for _ in range(20):  # warm-up
        request(conn, args.key, "GET", "/parts/search?" + urlencode(kinds[0][2]()))
    for _ in range(args.requests):
        name, _, make_query = rng.choices(kinds, weights)[0]
        elapsed, body = request(conn, args.key, "GET", "/parts/search?" + urlencode(make_query()))
        timings[name].append(elapsed * 1000)
        totals[name].append(body["total"])

    everything = [t for ts in timings.values() for t in ts]
    print(f"{'kind':<14}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'mean total':>12}")
    for name, ts in list(timings.items()) + [("all", everything)]:
        if not ts:
            continue
        mean_total = statistics.mean(totals[name]) if name in totals else statistics.mean(
            t for ts_ in totals.values() for t in ts_)
        print(f"{name:<14}{len(ts):>6}{percentile(ts, 50):>9.2f}{percentile(ts, 95):>9.2f}"
              f"{percentile(ts, 99):>9.2f}{max(ts):>9.2f}{mean_total:>12.0f}")


if __name__ == "__main__":
    main()
