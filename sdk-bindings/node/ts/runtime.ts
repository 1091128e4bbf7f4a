// The hand-written part of the package's exports. `index.ts` exports these and the generated
// ones side by side, so a generated name that clashed with one of these would fail the build.

export { Vinsnap, type RateLimit, type VinsnapOptions } from './client.js';
export {
  APIConnectionError,
  APIError,
  APIResponseValidationError,
  APITimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  VinsnapError,
} from './errors.js';
export type { JsonValue } from './json.js';
export { Page, PagePromise } from './pagination.js';
export {
  DEFAULT_TOLERANCE,
  type HeadersLike,
  type RawBody,
  signWebhook,
  verifyWebhook,
  verifyWebhookAt,
  type WebhookHeaders,
  WebhookVerificationError,
  type WebhookVerificationErrorKind,
} from './webhooks.js';
