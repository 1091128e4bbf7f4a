#!/usr/bin/env bash
# The Python SDK benchmark (not part of the tests): the vinsnap package against a client that
# openapi-python-client (httpx) generates from the same spec, and against the Rust SDK itself,
# on one release server, in interleaved rounds. Prints figures; asserts nothing.
#
#   sdk-bindings/python/bench/run.sh [--rounds N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
work=target/bench-python

echo "== release build: server, the Python native module, the Rust baseline" >&2
cargo build --release --locked -p vinsnap-server -p vinsnap-python -p vinsnap --lib --bins --example sequential_gets >&2

echo "== the packages under test" >&2
mkdir -p "$work/site"
rm -rf "$work/site/vinsnap"
cp -r sdk-bindings/python/python/vinsnap "$work/site/vinsnap"
rm -f "$work/site/vinsnap/"*.so
cp target/release/lib_native.so "$work/site/vinsnap/_native.abi3.so"
if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
fi
"$work/venv/bin/pip" install --quiet --disable-pip-version-check openapi-python-client==0.29.1 >&2
"$work/venv/bin/openapi-python-client" generate --path openapi/openapi.json --meta none \
    --output-path "$work/httpx_client/vinsnap_httpx" --overwrite >/dev/null 2>&1

VINSNAP_BIN_DIR=target/release PYTHONPATH="$work/site:$work/httpx_client:sdk-bindings/python/tests" \
    "$work/venv/bin/python" sdk-bindings/python/bench/bench.py "$@"
