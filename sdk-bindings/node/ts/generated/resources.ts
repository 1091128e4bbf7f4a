// Resources: the operations of each tag of the spec, as methods.
//
// Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
// Regenerate with `cargo run -q -p vinsnap-codegen`.

import type { Caller } from '../caller.js';
import type { Page, PagePromise } from '../pagination.js';
import type { ApiKey, ApiKeyId, CreatedApiKey, Customer, CustomerId, DecodedVin, Deleted, DeliveryId, FitmentBasis, Invoice, InvoiceId, Job, JobId, Location, Part, SearchedVehicle, Vehicle, VehicleId, WebhookDelivery, WebhookDeliveryDetail, WebhookEndpoint, WebhookEndpointId, WebhookEndpointWithSecret, WebhookTestResult } from './models.js';
import type { ChangeJobStatusParams, CreateApiKeyParams, CreateCustomerParams, CreateInvoiceParams, CreateJobParams, CreateVehicleParams, CreateWebhookEndpointParams, ListApiKeysParams, ListCustomersParams, ListInvoicesParams, ListJobsParams, ListLocationsParams, ListVehiclesParams, ListWebhookDeliveriesParams, ListWebhookEndpointsParams, PayInvoiceParams, SearchPartsParams, UpdateCustomerParams, UpdateInvoiceParams, UpdateJobParams, UpdateVehicleParams, UpdateWebhookEndpointParams } from './params.js';

/** A page of `client.parts.search`: its items, and the response's other fields. */
export interface SearchPartsPage extends Page<Part> {
  readonly fitment_basis: FitmentBasis;
  readonly vehicle: SearchedVehicle;
}

/** The `api_keys` operations: `client.apiKeys`. */
export class ApiKeysResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * List API keys
   *
   * The shop's unrevoked keys of the calling key's mode (and location, for a location-limited
   * key), newest first. Secrets are never listed. Requires the `keys:manage` scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /api-keys` (`list_api_keys`)
   * @param params The query parameters.
   */
  list(params: ListApiKeysParams = {}): PagePromise<ApiKey> {
    return this.#client.list<ApiKey>('list_api_keys', {}, params);
  }

  /**
   * Create an API key
   *
   * Mints a key in the calling key's mode. Its scopes default to, and may only narrow, the
   * calling key's; a location-limited caller can only mint keys for its own location. The
   * `secret` is in this response only: it is stored hashed and never shown again. Requires the
   * `keys:manage` scope.
   *
   * `POST /api-keys` (`create_api_key`)
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  create(params: CreateApiKeyParams = {}, options?: { readonly idempotencyKey?: string }): Promise<CreatedApiKey> {
    return this.#client.call<CreatedApiKey>('create_api_key', {}, params, options);
  }

  /**
   * Revoke an API key
   *
   * The key stops working at once. A key may revoke itself. Requires the `keys:manage` scope.
   *
   * `DELETE /api-keys/{id}` (`delete_api_key`)
   * @param id The key's id.
   */
  delete(id: ApiKeyId): Promise<Deleted> {
    return this.#client.call<Deleted>('delete_api_key', { id });
  }
}

/** The `customers` operations: `client.customers`. */
export class CustomersResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * List customers
   *
   * Newest first, paged with `limit`/`offset`; `q` searches name, email and phone. Requires the
   * `customers:read` scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /customers` (`list_customers`)
   * @param params The query parameters.
   */
  list(params: ListCustomersParams = {}): PagePromise<Customer> {
    return this.#client.list<Customer>('list_customers', {}, params);
  }

  /**
   * Create a customer
   *
   * Adds a customer to the shop, at the key's location (or `location_id`). Requires the
   * `customers:write` scope.
   *
   * `POST /customers` (`create_customer`)
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  create(params: CreateCustomerParams, options?: { readonly idempotencyKey?: string }): Promise<Customer> {
    return this.#client.call<Customer>('create_customer', {}, params, options);
  }

  /**
   * Retrieve a customer
   *
   * Requires the `customers:read` scope.
   *
   * `GET /customers/{id}` (`get_customer`)
   * @param id The customer's id.
   */
  get(id: CustomerId): Promise<Customer> {
    return this.#client.call<Customer>('get_customer', { id });
  }

  /**
   * Update a customer
   *
   * A partial update: only the fields sent change; `null` or `""` clears `email`, `phone` or
   * `notes`. Requires the `customers:write` scope.
   *
   * `PUT /customers/{id}` (`update_customer`)
   * @param id The customer's id.
   * @param params The body's fields.
   */
  update(id: CustomerId, params: UpdateCustomerParams = {}): Promise<Customer> {
    return this.#client.call<Customer>('update_customer', { id }, params);
  }

  /**
   * Delete a customer
   *
   * Deletes the customer with their vehicles, jobs and invoices. Requires the `customers:write`
   * scope.
   *
   * `DELETE /customers/{id}` (`delete_customer`)
   * @param id The customer's id.
   */
  delete(id: CustomerId): Promise<Deleted> {
    return this.#client.call<Deleted>('delete_customer', { id });
  }
}

/** The `vehicles` operations: `client.vehicles`. */
export class VehiclesResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * List a customer's vehicles
   *
   * Newest first, paged with `limit`/`offset`. Requires the `vehicles:read` scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /customers/{id}/vehicles` (`list_vehicles`)
   * @param id The owner's customer id.
   * @param params The query parameters.
   */
  list(id: CustomerId, params: ListVehiclesParams = {}): PagePromise<Vehicle> {
    return this.#client.list<Vehicle>('list_vehicles', { id }, params);
  }

  /**
   * Add a vehicle to a customer
   *
   * With a `vin`, the VIN is validated and decoded (NHTSA's vPIC data): year, make, model and trim
   * (vPIC's trim, or its series when it has no trim) are filled where known and where the request
   * leaves them out. Pass `auto_decode: false` to skip that step.
   * Requires the `vehicles:write` scope.
   *
   * `POST /customers/{id}/vehicles` (`create_vehicle`)
   * @param id The owner's customer id.
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  create(id: CustomerId, params: CreateVehicleParams = {}, options?: { readonly idempotencyKey?: string }): Promise<Vehicle> {
    return this.#client.call<Vehicle>('create_vehicle', { id }, params, options);
  }

  /**
   * Retrieve a vehicle
   *
   * Requires the `vehicles:read` scope.
   *
   * `GET /vehicles/{id}` (`get_vehicle`)
   * @param id The vehicle's id.
   */
  get(id: VehicleId): Promise<Vehicle> {
    return this.#client.call<Vehicle>('get_vehicle', { id });
  }

  /**
   * Update a vehicle
   *
   * A partial update: only the fields sent change; `null` clears a field. A new `vin` is decoded
   * (unless `auto_decode` is `false`) and its decoded year, make, model and trim replace the
   * stored ones the request leaves out. Requires the `vehicles:write` scope.
   *
   * `PUT /vehicles/{id}` (`update_vehicle`)
   * @param id The vehicle's id.
   * @param params The body's fields.
   */
  update(id: VehicleId, params: UpdateVehicleParams = {}): Promise<Vehicle> {
    return this.#client.call<Vehicle>('update_vehicle', { id }, params);
  }

  /**
   * Delete a vehicle
   *
   * Deletes the vehicle and its jobs; invoices for it keep their lines and lose the `vehicle_id`.
   * Requires the `vehicles:write` scope.
   *
   * `DELETE /vehicles/{id}` (`delete_vehicle`)
   * @param id The vehicle's id.
   */
  delete(id: VehicleId): Promise<Deleted> {
    return this.#client.call<Deleted>('delete_vehicle', { id });
  }
}

/** The `invoices` operations: `client.invoices`. */
export class InvoicesResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * List invoices
   *
   * Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `job_id` and
   * `location_id`. Requires the `invoices:read` scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /invoices` (`list_invoices`)
   * @param params The query parameters.
   */
  list(params: ListInvoicesParams = {}): PagePromise<Invoice> {
    return this.#client.list<Invoice>('list_invoices', {}, params);
  }

  /**
   * Create an invoice
   *
   * Creates a `draft`. With `job_id` alone, the job's customer, vehicle, location and line items
   * are copied (a cancelled job cannot be invoiced); otherwise `customer_id` is required and
   * `vehicle_id` and `line_items` are optional. The shop's currency and tax rate are fixed on the
   * invoice; `tax` is `subtotal × tax_rate_bps / 10000` rounded half up to the minor unit.
   * Requires the `invoices:write` scope.
   *
   * `POST /invoices` (`create_invoice`)
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  create(params: CreateInvoiceParams = {}, options?: { readonly idempotencyKey?: string }): Promise<Invoice> {
    return this.#client.call<Invoice>('create_invoice', {}, params, options);
  }

  /**
   * Retrieve an invoice
   *
   * Once sent, the invoice carries a fresh signed `pdf_url`. Requires the `invoices:read` scope.
   *
   * `GET /invoices/{id}` (`get_invoice`)
   * @param id The invoice's id.
   */
  get(id: InvoiceId): Promise<Invoice> {
    return this.#client.call<Invoice>('get_invoice', { id });
  }

  /**
   * Update a draft invoice
   *
   * Changes `notes` and/or replaces `line_items` (totals are recomputed). Only drafts can be
   * edited: a sent, paid or void invoice is a 409 `invoice_not_editable`. Requires the
   * `invoices:write` scope.
   *
   * `PUT /invoices/{id}` (`update_invoice`)
   * @param id The invoice's id.
   * @param params The body's fields.
   */
  update(id: InvoiceId, params: UpdateInvoiceParams = {}): Promise<Invoice> {
    return this.#client.call<Invoice>('update_invoice', { id }, params);
  }

  /**
   * Record payment of an invoice
   *
   * Marks a `sent` invoice `paid`. `amount` must equal the invoice's `total` (in minor units);
   * `paid_at` defaults to now and cannot be in the future. A draft must be sent first; paid and
   * void invoices cannot be paid (409 `invalid_status_transition`). Requires the
   * `invoices:write` scope.
   *
   * `POST /invoices/{id}/pay` (`pay_invoice`)
   * @param id The invoice's id.
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  pay(id: InvoiceId, params: PayInvoiceParams, options?: { readonly idempotencyKey?: string }): Promise<Invoice> {
    return this.#client.call<Invoice>('pay_invoice', { id }, params, options);
  }

  /**
   * Send an invoice
   *
   * Renders the branded PDF (shop name and address, customer, vehicle, line items, subtotal, tax,
   * total), stores it, and emails it as an attachment to the customer's email address. A `draft`
   * becomes `sent`; sending a `sent` invoice again re-renders and re-sends it. Returns the
   * invoice with its signed `pdf_url` (no API key needed, expires at `pdf_url_expires_at`) and
   * the email's `message_id`. If the mail server fails, nothing changes and the reply is a 502.
   * Requires the `invoices:write` scope.
   *
   * `POST /invoices/{id}/send` (`send_invoice`)
   * @param id The invoice's id.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  send(id: InvoiceId, options?: { readonly idempotencyKey?: string }): Promise<Invoice> {
    return this.#client.call<Invoice>('send_invoice', { id }, undefined, options);
  }

  /**
   * Void an invoice
   *
   * Cancels a `draft` or `sent` invoice; it stays on record as `void`. Paid invoices cannot be
   * voided (409 `invalid_status_transition`). Requires the `invoices:write` scope.
   *
   * `POST /invoices/{id}/void` (`void_invoice`)
   * @param id The invoice's id.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  void(id: InvoiceId, options?: { readonly idempotencyKey?: string }): Promise<Invoice> {
    return this.#client.call<Invoice>('void_invoice', { id }, undefined, options);
  }
}

/** The `jobs` operations: `client.jobs`. */
export class JobsResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * List jobs
   *
   * Newest first, paged with `limit`/`offset`, filtered by `status`, `customer_id`, `vehicle_id`
   * and `location_id`. Requires the `jobs:read` scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /jobs` (`list_jobs`)
   * @param params The query parameters.
   */
  list(params: ListJobsParams = {}): PagePromise<Job> {
    return this.#client.list<Job>('list_jobs', {}, params);
  }

  /**
   * Create a job
   *
   * Opens a `pending` job for one of the customer's vehicles, at the customer's location (or
   * `location_id`). Line item amounts and the subtotal are computed by the server. Requires the
   * `jobs:write` scope.
   *
   * `POST /jobs` (`create_job`)
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  create(params: CreateJobParams, options?: { readonly idempotencyKey?: string }): Promise<Job> {
    return this.#client.call<Job>('create_job', {}, params, options);
  }

  /**
   * Retrieve a job
   *
   * Requires the `jobs:read` scope.
   *
   * `GET /jobs/{id}` (`get_job`)
   * @param id The job's id.
   */
  get(id: JobId): Promise<Job> {
    return this.#client.call<Job>('get_job', { id });
  }

  /**
   * Update a job
   *
   * A partial update of a `pending` or `in-progress` job: only the fields sent change, and
   * `line_items`, when sent, replaces all lines. Completed and cancelled jobs cannot be edited
   * (409 `job_not_editable`). To move a job on the board use `POST /jobs/{id}/status`. Requires
   * the `jobs:write` scope.
   *
   * `PUT /jobs/{id}` (`update_job`)
   * @param id The job's id.
   * @param params The body's fields.
   */
  update(id: JobId, params: UpdateJobParams = {}): Promise<Job> {
    return this.#client.call<Job>('update_job', { id }, params);
  }

  /**
   * Delete a job
   *
   * Deletes the job in any status. Invoices made from it keep their copied line items; their
   * `job_id` becomes `null`. Requires the `jobs:write` scope.
   *
   * `DELETE /jobs/{id}` (`delete_job`)
   * @param id The job's id.
   */
  delete(id: JobId): Promise<Deleted> {
    return this.#client.call<Deleted>('delete_job', { id });
  }

  /**
   * Move a job on the board
   *
   * Changes the job's status. Allowed moves: `pending → in-progress`, `in-progress → pending`,
   * `in-progress → completed`, and `pending` or `in-progress` → `cancelled`. `completed` and
   * `cancelled` are final; any other move (or a move to the status the job already has) is a
   * 409 `invalid_status_transition`. Sets `started_at`, `completed_at` or `cancelled_at`.
   * Requires the `jobs:write` scope.
   *
   * `POST /jobs/{id}/status` (`change_job_status`)
   * @param id The job's id.
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  changeStatus(id: JobId, params: ChangeJobStatusParams, options?: { readonly idempotencyKey?: string }): Promise<Job> {
    return this.#client.call<Job>('change_job_status', { id }, params, options);
  }
}

/** The `locations` operations: `client.locations`. */
export class LocationsResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * List locations
   *
   * The shop's locations (just its own for a location-limited key). Requires the
   * `locations:read` scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /locations` (`list_locations`)
   * @param params The query parameters.
   */
  list(params: ListLocationsParams = {}): PagePromise<Location> {
    return this.#client.list<Location>('list_locations', {}, params);
  }
}

/** The `parts` operations: `client.parts`. */
export class PartsResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * Search parts for a vehicle
   *
   * Finds the catalog's parts that fit the vehicle given by `vin` (decoded with NHTSA's vPIC data
   * to make, model and model year) or `vehicle_id` (its stored make, model and year), optionally
   * only of one `type` and matching the words in `q`. A part fits when one of its fitments names
   * the vehicle's make, covers its year and names its model (or every model); a model also goes by
   * the names catalogs use for it (vPIC's `328i` is a `3 Series`). `fitment_basis` is
   * `make_model_year` then; when the model is unknown (a VIN vPIC cannot decode to a model, or a
   * vehicle without one) it is `make_year`: the parts fit some model of that make and year.
   * Each part carries its OEM cross-references and the stock at the caller's locations. Paged
   * with `limit`/`offset`, in catalog order. Requires the `parts:read` scope (and `vehicles:read`
   * with `vehicle_id`).
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /parts/search` (`search_parts`)
   * @param params The query parameters.
   */
  search(params: SearchPartsParams = {}): PagePromise<Part, SearchPartsPage> {
    return this.#client.list<Part, SearchPartsPage>('search_parts', {}, params);
  }
}

/** The `vin` operations: `client.vin`. */
export class VinResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * Decode a VIN
   *
   * Validates the VIN's structure (ISO 3779: 17 characters, no I, O or Q; the check digit at
   * position 9 where it is mandatory) and decodes it with NHTSA's vPIC data (an offline copy):
   * make, model, model year, trim, series, body class, vehicle type, drive type, engine, fuel,
   * plant and manufacturer, plus the VIN's own structure (WMI country, plant code, serial
   * number). Fields the data does not give are `null`; `source` says whether vPIC answered or,
   * when the server runs without the data or vPIC does not know the WMI, the embedded WMI table
   * alone. Requires the `vin:decode` scope.
   *
   * `GET /vin/{vin}` (`decode_vin`)
   * @param vin The VIN to decode (case-insensitive).
   */
  decode(vin: string): Promise<DecodedVin> {
    return this.#client.call<DecodedVin>('decode_vin', { vin });
  }
}

/** The `webhooks` operations: `client.webhooks`. */
export class WebhooksResource {
  readonly #client: Caller;

  constructor(client: Caller) {
    this.#client = client;
  }

  /**
   * Retrieve a delivery
   *
   * The delivery with the exact request body it sends and every attempt: when, the receiver's
   * status, the first 1 KiB of its answer, how long it took, and any error. Requires the
   * `webhooks:manage` scope.
   *
   * `GET /webhook-deliveries/{id}` (`get_webhook_delivery`)
   * @param id The delivery's id (the `X-VinSnap-Delivery` header).
   */
  getDelivery(id: DeliveryId): Promise<WebhookDeliveryDetail> {
    return this.#client.call<WebhookDeliveryDetail>('get_webhook_delivery', { id });
  }

  /**
   * Retry a delivery
   *
   * Makes the delivery due now, whatever its state: the dispatcher sends it within a second,
   * with the same delivery id and body, and logs the attempt. If that attempt fails, the retry
   * schedule continues from where the delivery was. Requires the `webhooks:manage` scope.
   *
   * `POST /webhook-deliveries/{id}/retry` (`retry_webhook_delivery`)
   * @param id The delivery's id.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  retryDelivery(id: DeliveryId, options?: { readonly idempotencyKey?: string }): Promise<WebhookDelivery> {
    return this.#client.call<WebhookDelivery>('retry_webhook_delivery', { id }, undefined, options);
  }

  /**
   * List webhook endpoints
   *
   * The shop's endpoints of the calling key's mode, newest first. Requires the `webhooks:manage`
   * scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /webhooks` (`list_webhook_endpoints`)
   * @param params The query parameters.
   */
  listEndpoints(params: ListWebhookEndpointsParams = {}): PagePromise<WebhookEndpoint> {
    return this.#client.list<WebhookEndpoint>('list_webhook_endpoints', {}, params);
  }

  /**
   * Create a webhook endpoint
   *
   * Registers a public HTTPS URL to receive the events named in `events` (or `["*"]` for all),
   * as signed POSTs. At most 10 endpoints per shop and mode. The signing `secret` is in this
   * response only. Requires the `webhooks:manage` scope.
   *
   * `POST /webhooks` (`create_webhook_endpoint`)
   * @param params The body's fields.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  createEndpoint(params: CreateWebhookEndpointParams, options?: { readonly idempotencyKey?: string }): Promise<WebhookEndpointWithSecret> {
    return this.#client.call<WebhookEndpointWithSecret>('create_webhook_endpoint', {}, params, options);
  }

  /**
   * Retrieve a webhook endpoint
   *
   * The endpoint's settings and state; never its secret. Requires the `webhooks:manage` scope.
   *
   * `GET /webhooks/{id}` (`get_webhook_endpoint`)
   * @param id The endpoint's id.
   */
  getEndpoint(id: WebhookEndpointId): Promise<WebhookEndpoint> {
    return this.#client.call<WebhookEndpoint>('get_webhook_endpoint', { id });
  }

  /**
   * Update a webhook endpoint
   *
   * A partial update: only the fields sent change. `active: false` stops deliveries (pending
   * ones fail); `active: true` re-enables an endpoint and resets `consecutive_failures`.
   * Requires the `webhooks:manage` scope.
   *
   * `PUT /webhooks/{id}` (`update_webhook_endpoint`)
   * @param id The endpoint's id.
   * @param params The body's fields.
   */
  updateEndpoint(id: WebhookEndpointId, params: UpdateWebhookEndpointParams = {}): Promise<WebhookEndpoint> {
    return this.#client.call<WebhookEndpoint>('update_webhook_endpoint', { id }, params);
  }

  /**
   * Delete a webhook endpoint
   *
   * Deletes the endpoint and its delivery logs. Nothing more is sent to it, including deliveries
   * that were waiting for a retry. Requires the `webhooks:manage` scope.
   *
   * `DELETE /webhooks/{id}` (`delete_webhook_endpoint`)
   * @param id The endpoint's id.
   */
  deleteEndpoint(id: WebhookEndpointId): Promise<Deleted> {
    return this.#client.call<Deleted>('delete_webhook_endpoint', { id });
  }

  /**
   * List an endpoint's deliveries
   *
   * Newest first, kept for 30 days; filter by `status` and `event_type`. Requires the
   * `webhooks:manage` scope.
   *
   * Await it for the first page, or iterate it with `for await` for every item of every page.
   *
   * `GET /webhooks/{id}/deliveries` (`list_webhook_deliveries`)
   * @param id The endpoint's id.
   * @param params The query parameters.
   */
  listDeliveries(id: WebhookEndpointId, params: ListWebhookDeliveriesParams = {}): PagePromise<WebhookDelivery> {
    return this.#client.list<WebhookDelivery>('list_webhook_deliveries', { id }, params);
  }

  /**
   * Rotate the signing secret
   *
   * Issues a new signing secret, returned in this response only. For the next 24 hours every
   * delivery carries two signatures in `X-VinSnap-Signature` (new secret first, then the old
   * one), so receivers can switch over without dropping events. Requires the `webhooks:manage`
   * scope.
   *
   * `POST /webhooks/{id}/rotate-secret` (`rotate_webhook_secret`)
   * @param id The endpoint's id.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  rotateSecret(id: WebhookEndpointId, options?: { readonly idempotencyKey?: string }): Promise<WebhookEndpointWithSecret> {
    return this.#client.call<WebhookEndpointWithSecret>('rotate_webhook_secret', { id }, undefined, options);
  }

  /**
   * Send a test event
   *
   * Sends a signed `ping` event to the endpoint now and reports how it answered, as
   * `{success, status_code, response_time_ms, message}`. Works on disabled endpoints too, to
   * check a receiver before re-enabling it. The ping appears in the delivery log; it is not
   * retried and does not count toward `consecutive_failures`. Requires the `webhooks:manage`
   * scope.
   *
   * `POST /webhooks/{id}/test` (`test_webhook_endpoint`)
   * @param id The endpoint's id.
   * @param options The request's header parameters.
   * @param options.idempotencyKey `Idempotency-Key`: Makes the request safe to retry: for 24 hours,
   * a request with the same key (per API key) and the same path and body gets the first response
   * again, marked `Idempotent-Replayed: true`, instead of being run twice. The same key with a
   * different request is a 409 `idempotency_key_reused`; while the first request runs, a 409
   * `idempotency_key_in_use`. 1 to 255 printable ASCII characters; a UUID is a good key.
   */
  testEndpoint(id: WebhookEndpointId, options?: { readonly idempotencyKey?: string }): Promise<WebhookTestResult> {
    return this.#client.call<WebhookTestResult>('test_webhook_endpoint', { id }, undefined, options);
  }
}

/** The resources of a client: one property per tag of the spec. */
export class Resources {
  /** The `apiKeys` operations. */
  readonly apiKeys: ApiKeysResource;
  /** The `customers` operations. */
  readonly customers: CustomersResource;
  /** The `vehicles` operations. */
  readonly vehicles: VehiclesResource;
  /** The `invoices` operations. */
  readonly invoices: InvoicesResource;
  /** The `jobs` operations. */
  readonly jobs: JobsResource;
  /** The `locations` operations. */
  readonly locations: LocationsResource;
  /** The `parts` operations. */
  readonly parts: PartsResource;
  /** The `vin` operations. */
  readonly vin: VinResource;
  /** The `webhooks` operations. */
  readonly webhooks: WebhooksResource;

  protected constructor(client: Caller) {
    this.apiKeys = new ApiKeysResource(client);
    this.customers = new CustomersResource(client);
    this.vehicles = new VehiclesResource(client);
    this.invoices = new InvoicesResource(client);
    this.jobs = new JobsResource(client);
    this.locations = new LocationsResource(client);
    this.parts = new PartsResource(client);
    this.vin = new VinResource(client);
    this.webhooks = new WebhooksResource(client);
  }
}
