import { createHmac, timingSafeEqual } from 'node:crypto';

const TOLERANCE_SECONDS = 300;

export class WebhookVerificationError extends Error {
  /** `kind`: missing_header, bad_timestamp, too_old or no_matching_signature. */
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

function header(headers, name) {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase());
  if (!found) throw new WebhookVerificationError('missing_header', `${name} is missing`);
  return String(found[1]);
}

/** Checks a delivery and returns its event. `rawBody` is the body exactly as received (a Buffer). */
export function verify(rawBody, headers, secret, now = Math.floor(Date.now() / 1000)) {
  const timestamp = header(headers, 'X-VinSnap-Timestamp');
  const signatures = header(headers, 'X-VinSnap-Signature');
  if (!/^-?\d+$/.test(timestamp)) {
    throw new WebhookVerificationError('bad_timestamp', `${timestamp} is not Unix seconds`);
  }
  if (Math.abs(now - Number(timestamp)) > TOLERANCE_SECONDS) {
    throw new WebhookVerificationError('too_old', 'timestamp outside the 300 s window');
  }
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret)
    .update(`${timestamp}.`).update(rawBody).digest('hex'));
  // Several comma-separated values during the 24 h after a secret rotation.
  const matches = signatures.split(',').some((value) => {
    const candidate = Buffer.from(value.trim());
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  if (!matches) throw new WebhookVerificationError('no_matching_signature', 'no signature matches the secret');
  return JSON.parse(rawBody.toString('utf8'));
}

// With Express, keep the body raw for this route:
//
//   app.post('/webhooks/vinsnap', express.raw({ type: 'application/json' }), (req, res) => {
//     let event;
//     try {
//       event = verify(req.body, req.headers, process.env.VINSNAP_WEBHOOK_SECRET);
//     } catch (e) {
//       return res.sendStatus(400);
//     }
//     queue.push(event);            // deduplicate on req.headers['x-vinsnap-delivery']
//     res.sendStatus(204);
//   });
