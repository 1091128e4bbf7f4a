// The native addon (`vinsnap.node`, built from `src/` by `npm run build`) and its interface.
//
// The addon is generic on purpose: a client with one `call(operationId, params, body)` whose
// arguments and answers are JSON text, and the webhook verifier and signer. Everything typed
// is in TypeScript around it.

import type { RateLimit } from './client.js';

/** Settings of the native client (`timeout` in milliseconds). */
export interface NativeClientOptions {
  apiKey: string;
  baseUrl?: string | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  defaultHeaders?: Record<string, string> | undefined;
}

export interface NativeClient {
  /** Resolves with the response body as JSON text; rejects with a marked failure. */
  call(operationId: string, params: string, body: string | undefined): Promise<string>;
  readonly mode: 'test' | 'live';
  readonly baseUrl: string;
  readonly rateLimit: RateLimit | null;
}

export interface NativeAddon {
  NativeClient: new (options: NativeClientOptions) => NativeClient;
  verifyWebhook(
    payload: Uint8Array,
    headers: Record<string, string>,
    secret: string,
    tolerance: number,
    now: number | undefined,
  ): void;
  signWebhook(payload: Uint8Array, secrets: string[], timestamp: number): Record<string, string>;
  operations(): string[];
}

/** Starts the message of every error the addon raises on purpose; JSON follows. */
export const FAILURE_MARKER = 'vinsnap-failure:';

function load(): NativeAddon {
  try {
    return require('../vinsnap.node') as NativeAddon;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The vinsnap native addon could not be loaded (${reason}). ` +
        'Build it with `npm install && npm run build` in sdk-bindings/node.',
    );
  }
}

export const native: NativeAddon = load();
