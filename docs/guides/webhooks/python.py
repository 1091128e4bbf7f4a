import hashlib
import hmac
import json
import time

TOLERANCE_SECONDS = 300


class WebhookVerificationError(Exception):
    """`kind`: missing_header, bad_timestamp, too_old or no_matching_signature."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _header(headers, name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    raise WebhookVerificationError("missing_header", f"{name} is missing")


def verify(raw_body: bytes, headers, secret: str, now: int | None = None) -> dict:
    """Checks a delivery and returns its event. `raw_body` is the body exactly as received."""
    timestamp = _header(headers, "X-VinSnap-Timestamp")
    signatures = _header(headers, "X-VinSnap-Signature")
    if not timestamp.isascii() or not timestamp.lstrip("-").isdigit():
        raise WebhookVerificationError("bad_timestamp", f"{timestamp!r} is not Unix seconds")
    now = int(time.time()) if now is None else now
    if abs(now - int(timestamp)) > TOLERANCE_SECONDS:
        raise WebhookVerificationError("too_old", "timestamp outside the 300 s window")
    signed = timestamp.encode() + b"." + raw_body
    expected = "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    # Several comma-separated values during the 24 h after a secret rotation.
    if not any(hmac.compare_digest(expected.encode(), value.strip().encode())
               for value in signatures.split(",")):
        raise WebhookVerificationError("no_matching_signature", "no signature matches the secret")
    return json.loads(raw_body)


# In a Flask app:
#
#   @app.post("/webhooks/vinsnap")
#   def vinsnap_webhook():
#       try:
#           event = verify(request.get_data(), request.headers, os.environ["VINSNAP_WEBHOOK_SECRET"])
#       except WebhookVerificationError:
#           return "", 400
#       queue.put(event)          # deduplicate on the X-VinSnap-Delivery header
#       return "", 204
