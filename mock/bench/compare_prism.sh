#!/usr/bin/env bash
# Throughput and p99 latency of GET /customers/{id} on loopback, one run, same
# load generator and settings for each: Stoplight Prism (default settings),
# the vinsnap-mock binary, and a bare axum handler returning a fixed body.
#
#   mock/bench/compare_prism.sh [SECONDS_PER_CONTENDER]   (default 20)
#
# Goals: the mock at least 20x Prism's requests/s, and at least half of bare axum's.
source "$(dirname "$0")/common.sh"
DURATION=${1:-20}
ensure_wrk
build_release

PRISM_DIR="$BENCH_DIR/.prism"
if [ ! -x "$PRISM_DIR/node_modules/.bin/prism" ]; then
    echo "== installing @stoplight/prism-cli@5 into $PRISM_DIR" >&2
    mkdir -p "$PRISM_DIR"
    npm install --silent --no-audit --no-fund --prefix "$PRISM_DIR" @stoplight/prism-cli@5 >&2
fi

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
"$PRISM_DIR/node_modules/.bin/prism" mock -p 4041 -h 127.0.0.1 "$ROOT/openapi/openapi.json" >/tmp/vinsnap-prism.log 2>&1 &
PIDS+=($!)
"$MOCK_BIN" --port 4042 >/dev/null &
PIDS+=($!)
"$BARE_BIN" 4043 >/dev/null &
PIDS+=($!)
wait_for "http://127.0.0.1:4041$CUSTOMER_PATH" 120
wait_for "http://127.0.0.1:4042$CUSTOMER_PATH"
wait_for "http://127.0.0.1:4043$CUSTOMER_PATH"
echo "prism answers: $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "http://127.0.0.1:4041$CUSTOMER_PATH")"

declare -A RPS P99
for entry in prism:4041 mock:4042 bare_axum:4043; do
    name=${entry%%:*}
    port=${entry##*:}
    echo "== $name: ${DURATION}s, ${WRK_THREADS:-2} thread(s), ${WRK_CONNECTIONS:-64} connections"
    # A short warm-up so JIT (Prism) and connection setup do not count.
    load "http://127.0.0.1:$port$CUSTOMER_PATH" 3 >/dev/null
    out=$(load "http://127.0.0.1:$port$CUSTOMER_PATH" "$DURATION")
    echo "$out" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
    RPS[$name]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    P99[$name]=$(echo "$out" | awk '$1 == "99%" {print $2}')
done

echo
printf '%-10s %14s %10s\n' contender "requests/s" p99
for name in prism mock bare_axum; do
    printf '%-10s %14s %10s\n' "$name" "${RPS[$name]}" "${P99[$name]}"
done
python3 - "${RPS[prism]}" "${RPS[mock]}" "${RPS[bare_axum]}" <<'PY'
import sys
prism, mock, bare = map(float, sys.argv[1:])
vs_prism, vs_bare = mock / prism, mock / bare
print(f"mock / prism     = {vs_prism:.1f}x  (goal >= 20x): {'PASS' if vs_prism >= 20 else 'FAIL'}")
print(f"mock / bare axum = {vs_bare:.2f}   (goal >= 0.5): {'PASS' if vs_bare >= 0.5 else 'FAIL'}")
PY
