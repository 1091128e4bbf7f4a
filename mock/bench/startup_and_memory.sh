#!/usr/bin/env bash
# Startup-to-first-response time of the release binary, then its resident
# memory (VmRSS) sampled across a load run on loopback.
#
#   mock/bench/startup_and_memory.sh [LOAD_SECONDS]   (default 300: the 5-minute run)
#
# Passes when the first answer comes in under 100 ms and the RSS peak stays
# within 20% of the RSS measured right after warm-up.
source "$(dirname "$0")/common.sh"
DURATION=${1:-300}
PORT=${PORT:-4031}
ensure_wrk
build_release

echo "== startup: spawn to first 200 answer (5 runs)"
for run in 1 2 3 4 5; do
    python3 - "$MOCK_BIN" "$PORT" "$KEY" "$CUSTOMER_PATH" <<'PY'
import http.client, subprocess, sys, time
binary, port, key, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
start = time.perf_counter()
proc = subprocess.Popen([binary, "--port", str(port)], stdout=subprocess.DEVNULL)
try:
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", path, headers={"Authorization": "Bearer " + key})
            if conn.getresponse().status == 200:
                break
        except OSError:
            pass
        if time.perf_counter() - start > 10:
            sys.exit("no answer within 10 s")
        time.sleep(0.0005)
    print(f"first answer after {(time.perf_counter() - start) * 1000:.1f} ms")
finally:
    proc.terminate()
    proc.wait()
PY
done

echo "== memory: ${DURATION}s of load on GET $CUSTOMER_PATH"
"$MOCK_BIN" --port "$PORT" >/dev/null &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
wait_for "http://127.0.0.1:$PORT$CUSTOMER_PATH"
echo "idle RSS: $(rss_kib $PID) KiB"
load "http://127.0.0.1:$PORT$CUSTOMER_PATH" "$DURATION" >/tmp/vinsnap-mock-memory-wrk.txt &
WRK=$!
sleep 10
BASE=$(rss_kib $PID)
PEAK=$BASE
LAST=$BASE
echo "RSS after 10 s warm-up: $BASE KiB"
while kill -0 $WRK 2>/dev/null; do
    sleep 10
    LAST=$(rss_kib $PID)
    ((LAST > PEAK)) && PEAK=$LAST
    echo "  t+$((SECONDS))s RSS $LAST KiB"
done
wait $WRK
grep -E "Requests/sec|requests in" /tmp/vinsnap-mock-memory-wrk.txt
GROWTH=$(python3 -c "print(f'{($PEAK - $BASE) * 100 / $BASE:.1f}')")
echo "RSS: warm-up $BASE KiB, peak $PEAK KiB, last $LAST KiB, growth ${GROWTH}%"
python3 -c "import sys; sys.exit(0 if $PEAK <= $BASE * 1.2 else 1)" \
    && echo "PASS: RSS flat within 20%" || { echo "FAIL: RSS grew more than 20%"; exit 1; }
