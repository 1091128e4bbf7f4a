"""Runs a Python webhook verification sample against the shared vectors.

usage: python3 verify_vectors.py SAMPLE.py VECTORS.json
"""
import importlib.util
import json
import sys

spec = importlib.util.spec_from_file_location("sample", sys.argv[1])
sample = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sample)
vectors = json.load(open(sys.argv[2], encoding="utf-8"))

passed = failed = 0
for v in vectors["verification"]:
    expect = v["expect"]
    try:
        event = sample.verify(v["body"].encode("utf-8"), v["headers"], v["secret"], now=v["now"])
        ok = expect["valid"] and event["type"] == expect["event_type"]
        got = f"valid {event['type']}"
    except sample.WebhookVerificationError as e:
        ok = not expect["valid"] and e.kind == expect["error"]
        got = f"error {e.kind}"
    passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    if not ok:
        print(f"FAIL {v['name']}: expected {expect}, got {got}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
