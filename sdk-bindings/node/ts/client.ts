// `Vinsnap`: the client. Its resources (`client.customers`, `client.jobs`, ...) are generated
// from the spec (`generated/resources.ts`); this file only configures it.

import { Caller, fromNative } from './caller.js';
import { InvalidRequestError } from './errors.js';
import { Resources } from './generated/resources.js';
import { native, type NativeClient } from './native.js';

/** How to reach the API. */
export interface VinsnapOptions {
  /** Your API key: `vsk_test_…` works on sandbox data, `vsk_live_…` on production data. */
  readonly apiKey: string;
  /** Where the API is (default: the production URL): a local server, the sandbox mock. */
  readonly baseUrl?: string | undefined;
  /** How long one attempt may take, connecting included, in milliseconds (default 30 000). */
  readonly timeout?: number | undefined;
  /**
   * How many times a failed attempt is retried (default 2; 0 turns retries off). Connection
   * errors, timeouts, 429 (after its `Retry-After`) and 500/502/503/504 are retried with
   * exponential backoff; every POST keeps one `Idempotency-Key` across its retries.
   */
  readonly maxRetries?: number | undefined;
  /** Headers sent with every request (the sandbox mock's `Prefer: code=404`, a proxy's). */
  readonly defaultHeaders?: { readonly [name: string]: string } | undefined;
}

/** A reading of the `X-RateLimit-*` headers of the latest response. */
export interface RateLimit {
  /** Requests allowed per minute for the key and this kind of request. */
  readonly limit: number;
  /** Requests left. */
  readonly remaining: number;
  /** When the full limit is back, in Unix seconds. */
  readonly reset: number;
}

/**
 * The VinSnap API client.
 *
 * Every call runs on the Rust SDK's transport (on its own threads, never blocking the event
 * loop): bearer auth, retries with backoff, idempotency keys, rate-limit readings.
 *
 * ```ts
 * import { Vinsnap } from 'vinsnap';
 *
 * const client = new Vinsnap({ apiKey: process.env.VINSNAP_API_KEY! });
 * const customer = await client.customers.create({ name: 'Sarah Chen', email: 's.chen@email.com' });
 * for await (const job of client.jobs.list({ status: 'pending' })) console.log(job.title);
 * ```
 */
export class Vinsnap extends Resources {
  readonly #native: NativeClient;

  constructor(options: VinsnapOptions) {
    const client = nativeClient(options);
    super(new Caller(client));
    this.#native = client;
  }

  /** `'test'` for a `vsk_test_` key (sandbox data), `'live'` for a `vsk_live_` key. */
  get mode(): 'test' | 'live' {
    return this.#native.mode;
  }

  /** The base URL requests go to. */
  get baseUrl(): string {
    return this.#native.baseUrl;
  }

  /** The rate-limit reading of the latest response, `null` before the first one. */
  get rateLimit(): RateLimit | null {
    return this.#native.rateLimit ?? null;
  }
}

function nativeClient(options: VinsnapOptions): NativeClient {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidRequestError('pass the options object: new Vinsnap({ apiKey })');
  }
  const { apiKey, baseUrl, timeout, maxRetries, defaultHeaders } = options;
  if (typeof apiKey !== 'string') {
    throw new InvalidRequestError('must be a string (vsk_test_… or vsk_live_…)', 'apiKey');
  }
  if (baseUrl !== undefined && typeof baseUrl !== 'string') {
    throw new InvalidRequestError('must be a string', 'baseUrl');
  }
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && Number.isFinite(timeout))) {
    throw new InvalidRequestError('must be a positive number of milliseconds', 'timeout');
  }
  if (
    maxRetries !== undefined &&
    !(Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 0xffff_ffff)
  ) {
    throw new InvalidRequestError('must be a whole number, 0 or more', 'maxRetries');
  }
  let headers: Record<string, string> | undefined;
  if (defaultHeaders !== undefined) {
    if (typeof defaultHeaders !== 'object' || defaultHeaders === null) {
      throw new InvalidRequestError('must be an object of header names to values', 'defaultHeaders');
    }
    headers = {};
    for (const [name, value] of Object.entries(defaultHeaders)) {
      if (typeof value !== 'string') {
        throw new InvalidRequestError(`the value of ${name} must be a string`, 'defaultHeaders');
      }
      headers[name] = value;
    }
  }
  try {
    return new native.NativeClient({ apiKey, baseUrl, timeout, maxRetries, defaultHeaders: headers });
  } catch (error) {
    throw fromNative(error);
  }
}
