<?php

const VINSNAP_TOLERANCE_SECONDS = 300;

final class WebhookVerificationError extends Exception
{
    /** $kind: missing_header, bad_timestamp, too_old or no_matching_signature. */
    public function __construct(public readonly string $kind, string $message)
    {
        parent::__construct($message);
    }
}

function vinsnap_header(array $headers, string $name): string
{
    foreach ($headers as $key => $value) {
        if (strcasecmp($key, $name) === 0) {
            return is_array($value) ? (string) $value[0] : (string) $value;
        }
    }
    throw new WebhookVerificationError('missing_header', "$name is missing");
}

/** Checks a delivery and returns its event. $rawBody is the body exactly as received. */
function vinsnap_verify(string $rawBody, array $headers, string $secret, ?int $now = null): array
{
    $timestamp = vinsnap_header($headers, 'X-VinSnap-Timestamp');
    $signatures = vinsnap_header($headers, 'X-VinSnap-Signature');
    if (!preg_match('/^-?\d+$/', $timestamp)) {
        throw new WebhookVerificationError('bad_timestamp', "$timestamp is not Unix seconds");
    }
    $now ??= time();
    if (abs($now - (int) $timestamp) > VINSNAP_TOLERANCE_SECONDS) {
        throw new WebhookVerificationError('too_old', 'timestamp outside the 300 s window');
    }
    $expected = 'sha256=' . hash_hmac('sha256', $timestamp . '.' . $rawBody, $secret);
    // Several comma-separated values during the 24 h after a secret rotation.
    foreach (explode(',', $signatures) as $value) {
        if (hash_equals($expected, trim($value))) {
            return json_decode($rawBody, true, 512, JSON_THROW_ON_ERROR);
        }
    }
    throw new WebhookVerificationError('no_matching_signature', 'no signature matches the secret');
}

// In a plain PHP endpoint:
//
//   try {
//       $event = vinsnap_verify(file_get_contents('php://input'), getallheaders(), getenv('VINSNAP_WEBHOOK_SECRET'));
//   } catch (WebhookVerificationError $e) {
//       http_response_code(400);
//       exit;
//   }
//   http_response_code(204);     // then queue $event; dedupe on X-VinSnap-Delivery
