// Webhook events: an interface per event type and the Event union, discriminated by `type`.
//
// Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
// Regenerate with `cargo run -q -p vinsnap-codegen`.

import type { Customer, EventId, Invoice, Job, PingData } from './models.js';

/**
 * `customer.created`: Fires when: New customer added. The body is the event envelope with the
 * resource as `data`; the headers carry the event type, the delivery id (the same on every retry:
 * deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work
 * asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface CustomerCreatedEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Customer;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'customer.created';
}

/**
 * `customer.updated`: Fires when: Customer record changed. The body is the event envelope with the
 * resource as `data`; the headers carry the event type, the delivery id (the same on every retry:
 * deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work
 * asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface CustomerUpdatedEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Customer;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'customer.updated';
}

/**
 * `invoice.created`: Fires when: New invoice generated. The body is the event envelope with the
 * resource as `data`; the headers carry the event type, the delivery id (the same on every retry:
 * deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work
 * asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface InvoiceCreatedEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Invoice;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'invoice.created';
}

/**
 * `invoice.paid`: Fires when: Invoice marked paid. The body is the event envelope with the resource
 * as `data`; the headers carry the event type, the delivery id (the same on every retry:
 * deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work
 * asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface InvoicePaidEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Invoice;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'invoice.paid';
}

/**
 * `invoice.sent`: Fires when: Invoice emailed to customer. The body is the event envelope with the
 * resource as `data`; the headers carry the event type, the delivery id (the same on every retry:
 * deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work
 * asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface InvoiceSentEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Invoice;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'invoice.sent';
}

/**
 * `job.completed`: Fires when: Job marked done. The body is the event envelope with the resource as
 * `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate
 * on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously;
 * anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface JobCompletedEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Job;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'job.completed';
}

/**
 * `job.created`: Fires when: New job opened. The body is the event envelope with the resource as
 * `data`; the headers carry the event type, the delivery id (the same on every retry: deduplicate
 * on it), a unix timestamp and the signature. Answer 2xx quickly and do the work asynchronously;
 * anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface JobCreatedEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Job;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'job.created';
}

/**
 * `job.status_changed`: Fires when: Kanban move (e.g. pending → in-progress). The body is the event
 * envelope with the resource as `data`; the headers carry the event type, the delivery id (the same
 * on every retry: deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do
 * the work asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface JobStatusChangedEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: Job;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'job.status_changed';
}

/**
 * `ping`: Fires when: POST /webhooks/{id}/test was called. The body is the event envelope with the
 * resource as `data`; the headers carry the event type, the delivery id (the same on every retry:
 * deduplicate on it), a unix timestamp and the signature. Answer 2xx quickly and do the work
 * asynchronously; anything else is retried after 1m, 5m, 30m, 2h, 12h and 24h.
 */
export interface PingEvent {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  readonly data: PingData;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: 'ping';
}

/**
 * A verified webhook event: narrow it by `type` (`if (event.type === 'invoice.paid')`) to reach its
 * typed `data`.
 */
export type Event =
  | CustomerCreatedEvent
  | CustomerUpdatedEvent
  | InvoiceCreatedEvent
  | InvoicePaidEvent
  | InvoiceSentEvent
  | JobCompletedEvent
  | JobCreatedEvent
  | JobStatusChangedEvent
  | PingEvent;

/** Every event type this version of the SDK knows. */
export const EVENT_TYPES: ReadonlyArray<Event['type']> = [
  'customer.created',
  'customer.updated',
  'invoice.created',
  'invoice.paid',
  'invoice.sent',
  'job.completed',
  'job.created',
  'job.status_changed',
  'ping',
];
