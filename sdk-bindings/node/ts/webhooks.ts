// Verifying webhook deliveries with the Rust SDK's verifier, and signing test deliveries.

import { fromNative } from './caller.js';
import { VinsnapError } from './errors.js';
import type { Event } from './generated/events.js';
import { FAILURE_MARKER, native } from './native.js';

/** The default replay window: deliveries more than 300 s from now are refused. */
export const DEFAULT_TOLERANCE = 300;

/** Why a delivery was refused. */
export type WebhookVerificationErrorKind =
  | 'missing_header'
  | 'bad_timestamp'
  | 'too_old'
  | 'no_matching_signature'
  | 'bad_payload'
  | 'invalid_tolerance';

/** A delivery that is not a genuine, fresh VinSnap event; answer it with a 400. */
export class WebhookVerificationError extends VinsnapError {
  /** What was wrong: a missing header, a stale timestamp, no matching signature, a bad body. */
  readonly kind: WebhookVerificationErrorKind;

  constructor(kind: WebhookVerificationErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Something with a `get` and `forEach` like the Fetch API's `Headers`. */
export interface HeadersLike {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * A delivery's headers: Node's `req.headers` (lower-case names, `string | string[]` values), a
 * Fetch API `Headers`, or any object of names (in any case) to values.
 */
export type WebhookHeaders =
  | HeadersLike
  | { readonly [name: string]: string | readonly string[] | undefined };

/** A delivery's body exactly as received: a `Buffer` (or other bytes) or its text. */
export type RawBody = Uint8Array | string;

/**
 * Checks a delivery's `X-VinSnap-Signature` against the endpoint's `secret` (any of its
 * `sha256=` values, in constant time) and that `X-VinSnap-Timestamp` is within `tolerance`
 * seconds of now, then returns its event. Narrow the event by `type`:
 *
 * ```ts
 * const event = verifyWebhook(req.body, req.headers, process.env.VINSNAP_WEBHOOK_SECRET!);
 * if (event.type === 'invoice.paid') console.log(event.data.total);
 * ```
 *
 * Pass the raw body (`express.raw({ type: 'application/json' })`, `await request.text()`),
 * never a parsed and re-serialised one: the signature covers the exact bytes.
 *
 * A genuine event of a type newer than this version of the SDK is returned too (its `type` is
 * then not in `EVENT_TYPES`): ignore what you do not handle.
 *
 * @throws {WebhookVerificationError} when the delivery is not genuine or not fresh.
 */
export function verifyWebhook(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  tolerance: number = DEFAULT_TOLERANCE,
): Event {
  return verify(rawBody, headers, secret, tolerance, undefined);
}

/**
 * {@link verifyWebhook} as if the time were `now` (Unix seconds): for replaying recorded
 * deliveries and for test vectors.
 */
export function verifyWebhookAt(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  now: number,
  tolerance: number = DEFAULT_TOLERANCE,
): Event {
  return verify(rawBody, headers, secret, tolerance, now);
}

/**
 * The signing headers of a delivery of `rawBody` at `timestamp` (Unix seconds, default now),
 * one signature per secret (several during a rotation): for testing your receiver.
 */
export function signWebhook(
  rawBody: RawBody,
  secret: string | readonly string[],
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const secrets = typeof secret === 'string' ? [secret] : [...secret];
  return native.signWebhook(bytes(rawBody), secrets, Math.trunc(timestamp));
}

function verify(
  rawBody: RawBody,
  headers: WebhookHeaders,
  secret: string,
  tolerance: number,
  now: number | undefined,
): Event {
  if (typeof secret !== 'string') {
    throw new TypeError('the secret must be the endpoint secret string (whsec_…)');
  }
  const payload = bytes(rawBody);
  try {
    native.verifyWebhook(payload, flatten(headers), secret, tolerance, now);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(FAILURE_MARKER)) {
      const { kind, message } = JSON.parse(error.message.slice(FAILURE_MARKER.length)) as {
        kind: WebhookVerificationErrorKind;
        message: string;
      };
      throw new WebhookVerificationError(kind, message);
    }
    throw fromNative(error);
  }
  // The Rust verifier has read the body as an event of a known type; hand out its JSON.
  return JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8')) as Event;
}

function bytes(rawBody: RawBody): Uint8Array {
  if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
  if (rawBody instanceof Uint8Array) return rawBody;
  throw new TypeError(
    'pass the raw body (a Buffer or string), not parsed JSON: the signature covers the exact bytes',
  );
}

/** Header names in lower case to one value each (repeated headers joined with `, `). */
function flatten(headers: WebhookHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]}, ${value}` : value;
  };
  if (isHeadersLike(headers)) {
    headers.forEach((value, name) => add(name, value));
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    add(name, typeof value === 'string' ? value : value.join(', '));
  }
  return out;
}

function isHeadersLike(headers: WebhookHeaders): headers is HeadersLike {
  return typeof (headers as HeadersLike).get === 'function' && typeof (headers as HeadersLike).forEach === 'function';
}
