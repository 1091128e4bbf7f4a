// Arguments: the object each operation takes, query parameters and body fields by their wire names.
//
// Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
// Regenerate with `cargo run -q -p vinsnap-codegen`.

import type { ChangeJobStatus, CreateApiKey, CreateCustomer, CreateInvoice, CreateJob, CreateVehicle, CreateWebhookEndpoint, CustomerId, DeliveryStatus, EventType, JobId, LocationId, PayInvoice, UpdateCustomer, UpdateInvoice, UpdateJob, UpdateVehicle, UpdateWebhookEndpoint, VehicleId } from './models.js';

/** The arguments of `client.apiKeys.list` (`list_api_keys`). */
export interface ListApiKeysParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
}

/** The arguments of `client.apiKeys.create` (`create_api_key`). */
export type CreateApiKeyParams = CreateApiKey;

/** The arguments of `client.customers.list` (`list_customers`). */
export interface ListCustomersParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
  /**
   * Case-insensitive search over name, email and phone (phone matches on digits alone, so
   * `5550142` finds `555-0142`).
   *
   * Constraints: matches `^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$`; length at most 200.
   */
  readonly q?: string;
  /**
   * Only customers of this location.
   *
   * Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly location_id?: LocationId;
}

/** The arguments of `client.customers.create` (`create_customer`). */
export type CreateCustomerParams = CreateCustomer;

/** The arguments of `client.customers.update` (`update_customer`). */
export type UpdateCustomerParams = UpdateCustomer;

/** The arguments of `client.vehicles.list` (`list_vehicles`). */
export interface ListVehiclesParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
}

/** The arguments of `client.vehicles.create` (`create_vehicle`). */
export type CreateVehicleParams = CreateVehicle;

/** The arguments of `client.invoices.list` (`list_invoices`). */
export interface ListInvoicesParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
  /** Only invoices in this status. */
  readonly status?: 'draft' | 'sent' | 'paid' | 'void';
  /** Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly customer_id?: CustomerId;
  /** Constraints: matches `^job_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly job_id?: JobId;
  /** Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly location_id?: LocationId;
}

/** The arguments of `client.invoices.create` (`create_invoice`). */
export type CreateInvoiceParams = CreateInvoice;

/** The arguments of `client.invoices.update` (`update_invoice`). */
export type UpdateInvoiceParams = UpdateInvoice;

/** The arguments of `client.invoices.pay` (`pay_invoice`). */
export type PayInvoiceParams = PayInvoice;

/** The arguments of `client.jobs.list` (`list_jobs`). */
export interface ListJobsParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
  /** Only jobs in this status. */
  readonly status?: 'pending' | 'in-progress' | 'completed' | 'cancelled';
  /** Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly customer_id?: CustomerId;
  /** Constraints: matches `^veh_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly vehicle_id?: VehicleId;
  /** Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly location_id?: LocationId;
}

/** The arguments of `client.jobs.create` (`create_job`). */
export type CreateJobParams = CreateJob;

/** The arguments of `client.jobs.update` (`update_job`). */
export type UpdateJobParams = UpdateJob;

/** The arguments of `client.jobs.changeStatus` (`change_job_status`). */
export type ChangeJobStatusParams = ChangeJobStatus;

/** The arguments of `client.locations.list` (`list_locations`). */
export interface ListLocationsParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
}

/** The arguments of `client.parts.search` (`search_parts`). */
export interface SearchPartsParams {
  /**
   * The vehicle's VIN; decoded to make and model year (and model, where the decoder knows
   * it). Give this or `vehicle_id`, not both (422 otherwise).
   *
   * Constraints: matches `^[A-HJ-NPR-Za-hj-npr-z0-9]{17}$`; length at most 17.
   */
  readonly vin?: string;
  /**
   * One of the shop's vehicles; its stored make, model and year are used. Also needs the
   * `vehicles:read` scope. Give this or `vin`, not both (422 otherwise).
   *
   * Constraints: matches `^veh_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly vehicle_id?: VehicleId;
  /**
   * Only parts of this type, e.g. `brake-pads`, `oil-filter`, `spark-plugs`; a type the
   * catalog does not have is a 404 that lists the ones it has.
   *
   * Constraints: matches `^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$`; length at most 100.
   */
  readonly type?: string;
  /**
   * Words to find in the part's name, brand, part number, OEM numbers or description (each
   * word a prefix, all words required), e.g. `ceramic` or `45022`. Words are runs of letters
   * and digits; a `q` with none matches no part.
   *
   * Constraints: matches `^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$`; length at most 200.
   */
  readonly q?: string;
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
}

/** The arguments of `client.vehicles.update` (`update_vehicle`). */
export type UpdateVehicleParams = UpdateVehicle;

/** The arguments of `client.webhooks.listEndpoints` (`list_webhook_endpoints`). */
export interface ListWebhookEndpointsParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
}

/** The arguments of `client.webhooks.createEndpoint` (`create_webhook_endpoint`). */
export type CreateWebhookEndpointParams = CreateWebhookEndpoint;

/** The arguments of `client.webhooks.updateEndpoint` (`update_webhook_endpoint`). */
export type UpdateWebhookEndpointParams = UpdateWebhookEndpoint;

/** The arguments of `client.webhooks.listDeliveries` (`list_webhook_deliveries`). */
export interface ListWebhookDeliveriesParams {
  /**
   * Page size, 1 to 100 (default 50).
   *
   * Constraints: 1 to 100.
   */
  readonly limit?: number;
  /**
   * How many results to skip (default 0).
   *
   * Constraints: 0 to 2147483647.
   */
  readonly offset?: number;
  /** Only deliveries in this state. */
  readonly status?: DeliveryStatus;
  /** Only deliveries of this event type. */
  readonly event_type?: EventType;
}
