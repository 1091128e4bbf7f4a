// The errors a call can fail with, one class per kind and per API status, so that
// `error instanceof NotFoundError` works on a rejected promise.

/** What the addon reports about a failed call. */
export interface Failure {
  readonly kind: string;
  readonly status: number | null;
  readonly code: string | null;
  readonly message: string;
  readonly request_id: string | null;
  readonly param: string | null;
  readonly retry_after: number | null;
  readonly body: string | null;
}

/** Every error the package throws or rejects with. */
export class VinsnapError extends Error {
  constructor(message: string) {
    super(message);
    // The class's own name (`NotFoundError`), not enumerable, as Error's own is.
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
}

/** The API answered with an error status; the subclasses narrow it by status. */
export class APIError extends VinsnapError {
  /** The HTTP status. */
  readonly status: number;
  /** The API's stable error code (`customer_not_found`); `null` when the body was not the API's envelope. */
  readonly code: string | null;
  /** The request id (`req_…`): quote it to support. */
  readonly requestId: string | null;
  /** The request field the error is about, when it is about one. */
  readonly param: string | null;
  /** Seconds to wait before retrying, from `Retry-After` (429, some 503s). */
  readonly retryAfter: number | null;

  constructor(failure: Failure) {
    super(failure.message);
    this.status = failure.status ?? 0;
    this.code = failure.code;
    this.requestId = failure.request_id;
    this.param = failure.param;
    this.retryAfter = failure.retry_after;
  }
}

/** 400: the request was malformed (`invalid_id`, `invalid_request`, `invalid_query`, ...). */
export class BadRequestError extends APIError {}
/** 401: the API key is missing, malformed or unknown. */
export class AuthenticationError extends APIError {}
/** 403: the key lacks a scope or is limited to another location. */
export class PermissionDeniedError extends APIError {}
/** 404: no such resource for this key (another shop's resource is a 404 too). */
export class NotFoundError extends APIError {}
/** 409: the resource's state forbids it, or an idempotency key was reused. */
export class ConflictError extends APIError {}
/**
 * 422: well-formed, but the world says no (a VIN's check digit, exactly one of two parameters,
 * a webhook host that is not public).
 */
export class UnprocessableEntityError extends APIError {}
/** 429: rate limited or throttled; `retryAfter` says how long to wait. */
export class RateLimitError extends APIError {}
/** 5xx: the server (or a gateway) failed; retried by the client first. */
export class InternalServerError extends APIError {}

/** No answer: connecting, sending or reading failed (after the client's retries). */
export class APIConnectionError extends VinsnapError {}
/** An attempt took longer than the client's `timeout` (after the client's retries). */
export class APITimeoutError extends APIConnectionError {}

/** The server answered with a body that is not what the spec promises. */
export class APIResponseValidationError extends VinsnapError {
  /** The HTTP status, when known. */
  readonly status: number | null;
  /** The body as received. */
  readonly body: string | null;

  constructor(failure: Failure) {
    super(failure.message);
    this.status = failure.status;
    this.body = failure.body;
  }
}

/** An argument or option the spec (or the client) refuses; nothing was sent. */
export class InvalidRequestError extends VinsnapError {
  /** The argument: a parameter name or a body field's path (`line_items[0].quantity`). */
  readonly param: string | null;

  constructor(message: string, param: string | null = null) {
    super(param === null ? message : `invalid argument \`${param}\`: ${message}`);
    this.param = param;
  }
}

const BY_STATUS: { readonly [status: number]: new (failure: Failure) => APIError } = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The public error for what the addon reported. */
export function errorFrom(failure: Failure): VinsnapError {
  switch (failure.kind) {
    case 'api': {
      const status = failure.status ?? 0;
      const cls = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
      return new cls(failure);
    }
    case 'timeout':
      return new APITimeoutError(failure.message);
    case 'connection':
      return new APIConnectionError(failure.message);
    case 'decode':
      return new APIResponseValidationError(failure);
    default:
      return new InvalidRequestError(failure.message, failure.param);
  }
}
