# Shared by the benchmark scripts: tools, the release build, and helpers.
# Loopback only; every run is bounded in time.

set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
KEY="vsk_test_4eC39HqLyjWDarjtT1zdp7dc"
CUSTOMER_PATH="/customers/cus_01jd3q9a1bc2d3e4f5g6h7j8k9"

ensure_wrk() {
    if ! command -v wrk >/dev/null; then
        echo "== installing wrk (Debian package)" >&2
        apt-get -o DPkg::Lock::Timeout=300 install -y wrk >/dev/null 2>&1 || {
            apt-get -o DPkg::Lock::Timeout=300 update >/dev/null
            apt-get -o DPkg::Lock::Timeout=300 install -y wrk >/dev/null
        }
    fi
}

build_release() {
    echo "== building the release binary and the bare-axum baseline" >&2
    (cd "$ROOT" && cargo build --release --locked -p vinsnap-mock --bin vinsnap-mock --example bare_axum >&2)
    MOCK_BIN="$ROOT/target/release/vinsnap-mock"
    BARE_BIN="$ROOT/target/release/examples/bare_axum"
}

# wait_for URL [SECONDS]: polls until the URL answers at all.
wait_for() {
    local url=$1 deadline=$((SECONDS + ${2:-60}))
    until curl -s -o /dev/null -H "Authorization: Bearer $KEY" "$url"; do
        if ((SECONDS > deadline)); then
            echo "no answer from $url" >&2
            return 1
        fi
        sleep 0.1
    done
}

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# load URL SECONDS: wrk with the same settings for every contender; prints wrk's report.
load() {
    wrk --latency -t "${WRK_THREADS:-2}" -c "${WRK_CONNECTIONS:-64}" -d "$2s" \
        -H "Authorization: Bearer $KEY" "$1"
}
