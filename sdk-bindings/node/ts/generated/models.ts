// Models: an interface per object schema of the spec, a type alias per other schema.
//
// Generated from openapi/openapi.json by vinsnap-codegen: do not edit.
// Regenerate with `cargo run -q -p vinsnap-codegen`.

import type { JsonValue } from '../json.js';

/** An API key. The secret itself is shown only once, when the key is created. */
export interface ApiKey {
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** Constraints: matches `^key_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: ApiKeyId;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly last_used_at?: string | null;
  /** Set when the key is limited to one location. */
  readonly location_id?: LocationId | null;
  /** `test` keys work on sandbox data, `live` keys on production data. */
  readonly mode: Mode;
  /** A label to tell keys apart. */
  readonly name: string;
  /** The secret's prefix and last four characters, to recognise it by. */
  readonly redacted: string;
  readonly scopes: readonly Scope[];
}

/**
 * A API key id.
 *
 * Constraints: matches `^key_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type ApiKeyId = string;

/** A page of API keys, newest first. Revoked keys are not listed. */
export interface ApiKeyList {
  /** This page of results. */
  readonly data: readonly ApiKey[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/** A move on the board. */
export interface ChangeJobStatus {
  readonly status: JobStatus;
}

/**
 * A new key. Its mode is the calling key's mode; its scopes and location can only narrow the
 * calling key's, never widen them.
 */
export interface CreateApiKey {
  /** Limit the key to one location. Defaults to the calling key's location, if it has one. */
  readonly location_id?: LocationId | null;
  /** A label to tell keys apart. */
  readonly name?: string | null;
  /**
   * Defaults to the calling key's scopes; at least one, and no more items than there are
   * scopes.
   *
   * Constraints: items 1 to 13.
   */
  readonly scopes?: readonly Scope[] | null;
}

/** Fields of a new customer. */
export interface CreateCustomer {
  /**
   * An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""`
   * means none.
   */
  readonly email?: string | null;
  /** Defaults to the key's location, or the shop's first location for unrestricted keys. */
  readonly location_id?: LocationId | null;
  /**
   * Full name.
   *
   * One line of text with at least one character that is not white space: no control characters or
   * line breaks; surrounding white space is trimmed.
   *
   * Constraints: matches `^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*[^\x00-\x1f\x7f-\x9f\u2028\u2029
   * \xa0\u1680\u2000-\u200a\u202f\u205f\u3000][^\x00-\x1f\x7f-\x9f\u2028\u2029]*$`; length 1 to
   * 200.
   */
  readonly name: string;
  /** Free-form notes for the shop's staff. */
  readonly notes?: string | null;
  /**
   * As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`,
   * at least three digits, at most 40 characters; `""` means none.
   */
  readonly phone?: string | null;
}

/**
 * A new draft invoice: either from a job (`job_id` alone: the job's customer, vehicle and
 * lines are copied) or standalone (`customer_id`, optionally `vehicle_id` and `line_items`).
 */
export interface CreateInvoice {
  /** Standalone invoices only. */
  readonly customer_id?: CustomerId | null;
  /** Invoice this job: copies its customer, vehicle, location and line items. */
  readonly job_id?: JobId | null;
  /** Standalone invoices only: up to 100 lines. */
  readonly line_items?: readonly NewLineItem[] | null;
  /** Printed on the PDF. */
  readonly notes?: string | null;
  /** Standalone invoices only: one of the customer's vehicles. */
  readonly vehicle_id?: VehicleId | null;
}

/** A new job. It starts `pending`. */
export interface CreateJob {
  /** Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly customer_id: CustomerId;
  /**
   * Free text: line breaks and tabs allowed, no other control characters; surrounding white space
   * is trimmed, and a blank value means none.
   */
  readonly description?: string | null;
  /**
   * Up to 100 lines.
   *
   * Constraints: items at most 100.
   */
  readonly line_items?: readonly NewLineItem[];
  /** Defaults to the customer's location. */
  readonly location_id?: LocationId | null;
  /**
   * One line of text with at least one character that is not white space: no control characters or
   * line breaks; surrounding white space is trimmed.
   *
   * Constraints: matches `^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*[^\x00-\x1f\x7f-\x9f\u2028\u2029
   * \xa0\u1680\u2000-\u200a\u202f\u205f\u3000][^\x00-\x1f\x7f-\x9f\u2028\u2029]*$`; length 1 to
   * 200.
   */
  readonly title: string;
  /**
   * One of the customer's vehicles.
   *
   * Constraints: matches `^veh_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly vehicle_id: VehicleId;
}

/**
 * Fields of a new vehicle. With a `vin`, the VIN is validated and decoded, and the decoded
 * year, make, model and trim fill whichever of those fields the request leaves out.
 */
export interface CreateVehicle {
  /**
   * Set `false` to store the VIN as given, without validating or decoding it (for example a
   * pre-1981 VIN). Defaults to `true`.
   */
  readonly auto_decode?: boolean | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly color?: string | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly license_plate?: string | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly make?: string | null;
  /** Odometer reading. */
  readonly mileage?: number | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly model?: string | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly trim?: string | null;
  /**
   * 1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I,
   * O or Q), which is then decoded.
   */
  readonly vin?: string | null;
  /** Model year. */
  readonly year?: number | null;
}

/** A new endpoint. */
export interface CreateWebhookEndpoint {
  /** A label. */
  readonly description?: string | null;
  /**
   * Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every
   * event.
   *
   * Constraints: items 1 to 9.
   */
  readonly events: ReadonlyArray<'customer.created' | 'customer.updated' | 'job.created' | 'job.status_changed' | 'job.completed' | 'invoice.created' | 'invoice.sent' | 'invoice.paid' | '*'>;
  /**
   * A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and
   * fragment. A host that is or resolves to a private, loopback or other internal address is
   * refused (422), and so is an `http://` loopback URL, which only a server run for local
   * development (`--allow-local-webhooks`) takes.
   *
   * Constraints: matches
   * `^(?:https://(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?|(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9]))|http://(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*localhost|127(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}|\[::1\]))(?::(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4}))?(?:[/?#][!-~]*)?$`;
   * length at most 2048.
   */
  readonly url: string;
}

/** A new API key, with its secret. Store the secret now: it is never shown again. */
export interface CreatedApiKey {
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** Constraints: matches `^key_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: ApiKeyId;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly last_used_at?: string | null;
  /** Set when the key is limited to one location. */
  readonly location_id?: LocationId | null;
  /** `test` keys work on sandbox data, `live` keys on production data. */
  readonly mode: Mode;
  /** A label to tell keys apart. */
  readonly name: string;
  /** The secret's prefix and last four characters, to recognise it by. */
  readonly redacted: string;
  readonly scopes: readonly Scope[];
  /** The bearer token (`vsk_test_…` or `vsk_live_…`). */
  readonly secret: string;
}

/** A customer of the shop. */
export interface Customer {
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  readonly email?: string | null;
  /** Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: CustomerId;
  /** `true` for production data (live keys), `false` for sandbox data (test keys). */
  readonly livemode: boolean;
  /**
   * The location the customer belongs to. Keys limited to a location see only its customers.
   *
   * Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly location_id: LocationId;
  /** Full name. */
  readonly name: string;
  /** Free-form notes for the shop's staff. */
  readonly notes?: string | null;
  readonly phone?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly updated_at: string;
}

/**
 * A customer id.
 *
 * Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type CustomerId = string;

/** A page of customers, newest first. */
export interface CustomerList {
  /** This page of results. */
  readonly data: readonly Customer[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/** What the decode is based on. */
export type DecodeSource = 'vpic' | 'wmi_table';

/**
 * A VIN decoded into its ISO 3779 parts and, from NHTSA's vPIC data, the
 * vehicle it describes: make, model, model year, trim, body, engine and plant.
 * `source` says which data answered. Fields that cannot be known are `null`.
 */
export interface DecodedVin {
  /**
   * Body class, e.g. "Coupe" or "Sport Utility Vehicle (SUV)/Multi-Purpose
   * Vehicle (MPV)" (vPIC).
   */
  readonly body_class?: string | null;
  /** Position 9 as it appears in the VIN. */
  readonly check_digit: string;
  /**
   * Whether this VIN's region mandates the check digit: North America
   * (WMI starting 1-5, or 7F-70) and China (`L`). There an invalid check
   * digit is rejected with 400 `invalid_vin`; elsewhere it is only reported.
   */
  readonly check_digit_required: boolean;
  /** Whether `check_digit` equals `expected_check_digit`. */
  readonly check_digit_valid: boolean;
  /** Country the WMI was allocated to (ISO 3780 ranges), e.g. "United States". */
  readonly country?: string | null;
  /**
   * Drive type, e.g. "AWD/All-Wheel Drive" (vPIC; the published data has it
   * for few models).
   */
  readonly drive_type?: string | null;
  /**
   * Number of engine cylinders (vPIC).
   *
   * Constraints: at least 0.
   */
  readonly engine_cylinders?: number | null;
  /** Engine displacement in litres, to one decimal (vPIC). */
  readonly engine_displacement_l?: number | null;
  /**
   * The check digit the other 16 characters compute to (`0`-`9` or `X`),
   * using the North American transliteration and weights, mod 11.
   */
  readonly expected_check_digit: string;
  /** Primary fuel type, e.g. "Gasoline", "Electric" (vPIC). */
  readonly fuel_type?: string | null;
  /**
   * Make (brand), e.g. "Honda": vPIC's make of the decoded model (or of the
   * WMI when it has one make only), else the embedded WMI table's.
   */
  readonly make?: string | null;
  /**
   * Manufacturer: the company vPIC registers the WMI to (e.g. "AMERICAN HONDA
   * MOTOR CO., INC."); with `wmi_table`, the company group that owns the make,
   * e.g. "Honda Motor Co., Ltd." (`null` when not unambiguous).
   */
  readonly manufacturer?: string | null;
  /** Model, e.g. "Accord" (vPIC). */
  readonly model?: string | null;
  /**
   * Model year from position 10. The code repeats every 30 years; see
   * `model_year_basis` for how the cycle was chosen. `null` if position 10
   * is not a year code (U, Z, 0).
   */
  readonly model_year?: number | null;
  /**
   * How `model_year` was resolved; `null` when there is no model year.
   * `position_7`: position 7 a digit means 1980-2009, a letter 2010-2039
   * (passenger cars and MPVs). `most_recent_cycle`: the VIN has no cycle
   * marker and the later reading is too far ahead. `vpic_schemas`: vPIC
   * decoded both 30-year readings (trucks, buses, motorcycles, trailers) or
   * found schemas for only one, and kept the one that decodes.
   */
  readonly model_year_basis?: ModelYearBasis | null;
  /** City of the assembly plant, e.g. "MARYSVILLE" (vPIC). */
  readonly plant_city?: string | null;
  /** Assembly plant code, position 11 (manufacturer-specific). */
  readonly plant_code: string;
  /** Country of the assembly plant, e.g. "UNITED STATES (USA)" (vPIC). */
  readonly plant_country?: string | null;
  /** State or province of the assembly plant, e.g. "OHIO" (vPIC). */
  readonly plant_state?: string | null;
  /**
   * Region of the first character (ISO 3780): North America, South
   * America, Europe, Asia, Africa or Oceania.
   */
  readonly region: string;
  /**
   * Production sequence, positions 12-17. For small manufacturers (WMI
   * third character `9`) positions 12-14 identify the manufacturer instead.
   */
  readonly serial_number: string;
  /** Series, e.g. "1500" for a pickup line (vPIC). */
  readonly series?: string | null;
  /**
   * Positions 12-14 when the WMI's third character is `9`: the code that,
   * with the WMI, identifies a manufacturer building fewer than 1,000
   * vehicles a year.
   */
  readonly small_manufacturer_code?: string | null;
  /**
   * What the decode is based on. `vpic`: NHTSA's vPIC pattern tables (an
   * offline copy) decoded the vehicle. `wmi_table`: only the embedded WMI
   * table answered, because the server runs without the vPIC data or vPIC
   * does not know this WMI; make, manufacturer, country and model year come
   * from positions 1-3 and 10, and `model`, `trim` and the other vehicle
   * fields are `null`.
   */
  readonly source: DecodeSource;
  /** Trim, e.g. "EX-V6" (vPIC). */
  readonly trim?: string | null;
  /**
   * Vehicle Descriptor Section, positions 4-8 (manufacturer-specific
   * model, body and engine codes).
   */
  readonly vds: string;
  /** Vehicle type, e.g. "Passenger Car", "Truck", "Motorcycle" (vPIC). */
  readonly vehicle_type?: string | null;
  /** The VIN as decoded: trimmed and uppercased, always 17 characters. */
  readonly vin: string;
  /**
   * Vehicle Identifier Section, positions 10-17 (model year, plant,
   * serial number).
   */
  readonly vis: string;
  /** World Manufacturer Identifier, positions 1-3. */
  readonly wmi: string;
}

/** Confirms a deletion. */
export interface Deleted {
  /** Always `true`. */
  readonly deleted: boolean;
  /** The id of the deleted object. */
  readonly id: string;
}

/**
 * A webhook delivery id.
 *
 * Constraints: matches `^dlv_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type DeliveryId = string;

/**
 * `pending`: waiting for its first attempt or a retry; `succeeded`: a 2xx arrived; `failed`:
 * the retry schedule ran out, or the endpoint was disabled.
 */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/**
 * `manual`: set `active: false`; `gone`: the receiver answered 410 Gone; `failing`: a delivery
 * failed through the whole retry schedule.
 */
export type DisabledReason = 'manual' | 'gone' | 'failing';

export type EndpointStatus = 'enabled' | 'disabled';

/** What went wrong. */
export interface ErrorBody {
  /** A stable, machine-readable code such as `customer_not_found` or `invalid_request`. */
  readonly code: string;
  /** A human-readable explanation, naming the offending field where there is one. */
  readonly message: string;
  /** The request field the error is about, when it is about one (`email`, `limit`, `id`). */
  readonly param?: string | null;
  /** The id of the request, also sent as the `X-Request-Id` header. Quote it to support. */
  readonly request_id: string;
}

/** The body of every error response. */
export interface ErrorEnvelope {
  readonly error: ErrorBody;
  /** Always `false` on errors. */
  readonly success: boolean;
}

/** The envelope every webhook body shares; `data` depends on `type`. */
export interface EventSchema {
  /**
   * When the change happened.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly created_at: string;
  /** The resource as it was right after the change, as the API's own endpoints return it. */
  readonly data: { readonly [key: string]: JsonValue };
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: EventId;
  /** `true` for production events (made with a live key), `false` for sandbox ones. */
  readonly livemode: boolean;
  readonly type: EventType;
}

/**
 * A event id.
 *
 * Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type EventId = string;

/**
 * What happened. `ping` is sent only by `POST /webhooks/{id}/test` and cannot be subscribed to.
 */
export type EventType = 'customer.created' | 'customer.updated' | 'job.created' | 'job.status_changed' | 'job.completed' | 'invoice.created' | 'invoice.sent' | 'invoice.paid' | 'ping';

/** A range of vehicles a part fits. */
export interface Fitment {
  readonly make: string;
  /** `null`: every model of the make. */
  readonly model?: string | null;
  readonly year_from: number;
  readonly year_to: number;
}

/** How precisely the results fit the vehicle. */
export type FitmentBasis = 'make_model_year' | 'make_year';

/**
 * An invoice to a customer. Totals are computed by the server in integer minor units of
 * `currency`: each line's amount, their `subtotal`, `tax` = `subtotal × tax_rate_bps / 10000`
 * rounded half up to the minor unit, and `total` = `subtotal + tax`.
 */
export interface Invoice {
  /** In minor units; equals `total`. */
  readonly amount_paid?: number | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** ISO 4217 code; every amount is in its minor units. */
  readonly currency: string;
  /** Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly customer_id: CustomerId;
  /** Constraints: matches `^inv_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: InvoiceId;
  /** The job the lines were copied from; `null` for a standalone invoice (or a deleted job). */
  readonly job_id?: JobId | null;
  readonly line_items: readonly LineItem[];
  /** `true` for production data (live keys), `false` for sandbox data (test keys). */
  readonly livemode: boolean;
  /**
   * The job's location, or the customer's for a standalone invoice.
   *
   * Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly location_id: LocationId;
  /** The `Message-ID` of the last invoice email. */
  readonly message_id?: string | null;
  readonly notes?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly paid_at?: string | null;
  readonly payment_method?: PaymentMethod | null;
  /**
   * A signed link to the invoice's PDF that needs no API key, made fresh with each response
   * and valid until `pdf_url_expires_at`. `null` until the invoice is first sent.
   */
  readonly pdf_url?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly pdf_url_expires_at?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly sent_at?: string | null;
  /** The address the invoice was last emailed to. */
  readonly sent_to?: string | null;
  readonly status: InvoiceStatus;
  readonly subtotal: number;
  readonly tax: number;
  /** The shop's tax rate when the invoice was created, in basis points (825 = 8.25 %). */
  readonly tax_rate_bps: number;
  readonly total: number;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly updated_at: string;
  readonly vehicle_id?: VehicleId | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly voided_at?: string | null;
}

/**
 * A invoice id.
 *
 * Constraints: matches `^inv_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type InvoiceId = string;

/** A page of invoices, newest first. */
export interface InvoiceList {
  /** This page of results. */
  readonly data: readonly Invoice[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/**
 * `draft → sent → paid`; `draft` or `sent` invoices can be `void`ed. Only drafts can be edited.
 */
export type InvoiceStatus = 'draft' | 'sent' | 'paid' | 'void';

/** A repair job for one of a customer's vehicles, at one of the shop's locations. */
export interface Job {
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly cancelled_at?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly completed_at?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** The shop's ISO 4217 currency code; every amount is in its minor units. */
  readonly currency: string;
  /** Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly customer_id: CustomerId;
  readonly description?: string | null;
  /** Constraints: matches `^job_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: JobId;
  readonly line_items: readonly LineItem[];
  /** `true` for production data (live keys), `false` for sandbox data (test keys). */
  readonly livemode: boolean;
  /** Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly location_id: LocationId;
  /**
   * When the job last moved to `in-progress`.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly started_at?: string | null;
  readonly status: JobStatus;
  /** Sum of the line items' amounts, before tax (tax is applied on the invoice). */
  readonly subtotal: number;
  readonly title: string;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly updated_at: string;
  /** Constraints: matches `^veh_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly vehicle_id: VehicleId;
}

/**
 * A job id.
 *
 * Constraints: matches `^job_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type JobId = string;

/** A page of jobs, newest first. */
export interface JobList {
  /** This page of results. */
  readonly data: readonly Job[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/**
 * Where a job stands on the shop's board. `pending → in-progress → completed`; a job can be
 * moved back from `in-progress` to `pending`, and `pending` or `in-progress` jobs can be
 * `cancelled`. `completed` and `cancelled` are final.
 */
export type JobStatus = 'pending' | 'in-progress' | 'completed' | 'cancelled';

/** A line of a job or invoice as stored and returned, with its computed `amount`. */
export interface LineItem {
  /**
   * `hours × rate` (rounded half up to the minor unit) or `quantity × unit_price`, in minor
   * units.
   */
  readonly amount: number;
  readonly description: string;
  /** Labor only: hours worked, a decimal string with two decimals (`"1.50"`). */
  readonly hours?: string | null;
  readonly kind: LineItemKind;
  /** Part only: the catalog part, when the part came from the catalog. */
  readonly part_id?: PartId | null;
  /** Part only: how many. */
  readonly quantity?: number | null;
  /** Labor only: hourly rate in minor units. */
  readonly rate?: number | null;
  /** Part only: price of one, in minor units. */
  readonly unit_price?: number | null;
}

/** What a line bills for. */
export type LineItemKind = 'labor' | 'part';

/** A physical location of the shop. Keys can be limited to one location. */
export interface Location {
  readonly address: string;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: LocationId;
  readonly name: string;
}

/**
 * A location id.
 *
 * Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type LocationId = string;

/** A page of locations, oldest first. */
export interface LocationList {
  /** This page of results. */
  readonly data: readonly Location[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/** Which data set a key works on: `test` (sandbox) or `live` (production). */
export type Mode = 'test' | 'live';

/** How `model_year` was chosen among the years its position-10 code can mean. */
export type ModelYearBasis = 'position_7' | 'most_recent_cycle' | 'vpic_schemas';

/**
 * A line item to add. Labor lines take `hours` and `rate`; part lines take `quantity`,
 * `unit_price` and optionally a catalog `part_id`.
 */
export interface NewLineItem {
  /**
   * One line of text with at least one character that is not white space: no control characters or
   * line breaks; surrounding white space is trimmed.
   *
   * Constraints: matches `^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*[^\x00-\x1f\x7f-\x9f\u2028\u2029
   * \xa0\u1680\u2000-\u200a\u202f\u205f\u3000][^\x00-\x1f\x7f-\x9f\u2028\u2029]*$`; length 1 to
   * 500.
   */
  readonly description: string;
  /** Labor: hours as a decimal string with at most two decimals, `"0.01"` to `"1000"`. */
  readonly hours?: string | null;
  readonly kind: LineItemKind;
  /** Part: a catalog part id (`prt_…`). Leave out for a free-text part. */
  readonly part_id?: PartId | null;
  /** Part: how many. */
  readonly quantity?: number | null;
  /** Labor: hourly rate in minor units. */
  readonly rate?: number | null;
  /** Part: price of one in minor units. */
  readonly unit_price?: number | null;
}

/** An OEM cross-reference. */
export interface OemNumber {
  /** The vehicle maker, e.g. `Honda`. */
  readonly brand: string;
  readonly number: string;
}

/** A part of the catalog, with the vehicles it fits and the stock at the caller's locations. */
export interface Part {
  /** The aftermarket (or OE) brand, e.g. `Akebono`. */
  readonly brand: string;
  /** ISO 4217 code, e.g. `USD`. */
  readonly currency: string;
  readonly description: string;
  /** Every vehicle range the part fits. */
  readonly fitments: readonly Fitment[];
  /** Constraints: matches `^prt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: PartId;
  readonly name: string;
  /** The vehicle makers' own numbers this part replaces. */
  readonly oem_numbers: readonly OemNumber[];
  /** The brand's part number. */
  readonly part_number: string;
  /**
   * Quantity on hand at each of the caller's locations (just its own for a location-limited
   * key); 0 where the location stocks none.
   */
  readonly stock: readonly StockLevel[];
  /** The kind of part, e.g. `brake-pads`, `oil-filter`. */
  readonly type: string;
  /** List price in minor units of `currency` (cents); `null` when the catalog has none. */
  readonly unit_price?: number | null;
}

/**
 * A part id.
 *
 * Constraints: matches `^prt_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type PartId = string;

/** A page of the parts that fit the vehicle, in catalog order. */
export interface PartSearch {
  /** This page of results. */
  readonly data: readonly Part[];
  readonly fitment_basis: FitmentBasis;
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many parts match, across all pages. */
  readonly total: number;
  readonly vehicle: SearchedVehicle;
}

/** A payment that settles a sent invoice in full. */
export interface PayInvoice {
  /**
   * In minor units; must equal the invoice's `total` (partial payments are not supported).
   *
   * Constraints: 0 to 1000000000000000.
   */
  readonly amount: number;
  readonly method: PaymentMethod;
  /**
   * When the money was received; defaults to now and cannot be in the future.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly paid_at?: string | null;
}

/** How an invoice was paid. */
export type PaymentMethod = 'cash' | 'card' | 'check' | 'bank_transfer' | 'other';

/** A permission an API key can carry. */
export type Scope = 'customers:read' | 'customers:write' | 'vehicles:read' | 'vehicles:write' | 'vin:decode' | 'locations:read' | 'keys:manage' | 'jobs:read' | 'jobs:write' | 'invoices:read' | 'invoices:write' | 'webhooks:manage' | 'parts:read';

/** The vehicle the search was filtered to. */
export interface SearchedVehicle {
  readonly make: string;
  /** `null` when the model is unknown (the offline VIN decoder knows make and year only). */
  readonly model?: string | null;
  readonly vehicle_id?: VehicleId | null;
  /** The VIN searched by (decoded, upper-cased); `null` when searching by `vehicle_id`. */
  readonly vin?: string | null;
  readonly year: number;
}

/** StockLevel */
export interface StockLevel {
  /** Constraints: matches `^loc_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly location_id: LocationId;
  readonly quantity: number;
}

/** A partial update: only the fields sent change; `null` or `""` clears an optional field. */
export interface UpdateCustomer {
  /**
   * An email address such as `s.chen@email.com` (ASCII, no spaces), at most 254 characters; `""`
   * means none.
   */
  readonly email?: string | null;
  readonly location_id?: LocationId | null;
  /** Full name; `null` leaves it unchanged. */
  readonly name?: string | null;
  /**
   * Free text: line breaks and tabs allowed, no other control characters; surrounding white space
   * is trimmed, and a blank value means none.
   */
  readonly notes?: string | null;
  /**
   * As people write it, e.g. `555-0142` or `+1 (555) 014-2000`: digits, spaces and `+ - . ( ) x`,
   * at least three digits, at most 40 characters; `""` means none.
   */
  readonly phone?: string | null;
}

/**
 * A partial update of a draft invoice: only the fields sent change; `line_items`, when sent,
 * replaces all lines and the totals are recomputed.
 */
export interface UpdateInvoice {
  /** Replaces every line; up to 100. */
  readonly line_items?: readonly NewLineItem[] | null;
  /** `null` or `""` clears it. */
  readonly notes?: string | null;
}

/**
 * A partial update of a `pending` or `in-progress` job: only the fields sent change, and
 * `line_items`, when sent, replaces all lines. The status changes through
 * `POST /jobs/{id}/status`, not here.
 */
export interface UpdateJob {
  /** `null` or `""` clears it. */
  readonly description?: string | null;
  /** Replaces every line; up to 100. */
  readonly line_items?: readonly NewLineItem[] | null;
  readonly location_id?: LocationId | null;
  /**
   * One line of text with at least one character that is not white space: no control characters or
   * line breaks; surrounding white space is trimmed.
   */
  readonly title?: string | null;
  /** Another vehicle of the same customer. */
  readonly vehicle_id?: VehicleId | null;
}

/**
 * A partial update: only the fields sent change; `null` clears a field. A new `vin` is decoded
 * (unless `auto_decode` is `false`) and fills the decoded fields the request leaves out.
 */
export interface UpdateVehicle {
  /** Set `false` to store a new VIN as given, without validating or decoding it. */
  readonly auto_decode?: boolean | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly color?: string | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly license_plate?: string | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly make?: string | null;
  readonly mileage?: number | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly model?: string | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly trim?: string | null;
  /**
   * 1 to 17 letters and digits. Unless `auto_decode` is `false`, a 17-character ISO 3779 VIN (no I,
   * O or Q), which is then decoded.
   */
  readonly vin?: string | null;
  readonly year?: number | null;
}

/** A partial update: only the fields sent change; `null` or `""` clears `description`. */
export interface UpdateWebhookEndpoint {
  /**
   * `false` stops deliveries; `true` re-enables the endpoint and resets
   * `consecutive_failures`.
   */
  readonly active?: boolean | null;
  /**
   * One line of text: no control characters or line breaks; surrounding white space is trimmed, and
   * a blank value means none.
   */
  readonly description?: string | null;
  /**
   * Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every
   * event.
   */
  readonly events?: ReadonlyArray<'customer.created' | 'customer.updated' | 'job.created' | 'job.status_changed' | 'job.completed' | 'invoice.created' | 'invoice.sent' | 'invoice.paid' | '*'> | null;
  /**
   * A public HTTPS URL: `https://`, a host name or IPv4 address, an optional port, path, query and
   * fragment. A host that is or resolves to a private, loopback or other internal address is
   * refused (422), and so is an `http://` loopback URL, which only a server run for local
   * development (`--allow-local-webhooks`) takes.
   */
  readonly url?: string | null;
}

/** A customer's vehicle. */
export interface Vehicle {
  readonly color?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** Constraints: matches `^cus_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly customer_id: CustomerId;
  /** Constraints: matches `^veh_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: VehicleId;
  readonly license_plate?: string | null;
  /** `true` for production data (live keys), `false` for sandbox data (test keys). */
  readonly livemode: boolean;
  readonly make?: string | null;
  /** Odometer reading. */
  readonly mileage?: number | null;
  readonly model?: string | null;
  readonly trim?: string | null;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly updated_at: string;
  /** The 17-character VIN (shorter for pre-1981 vehicles), upper-cased. */
  readonly vin?: string | null;
  /** Model year. */
  readonly year?: number | null;
}

/**
 * A vehicle id.
 *
 * Constraints: matches `^veh_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type VehicleId = string;

/** A page of vehicles, newest first. */
export interface VehicleList {
  /** This page of results. */
  readonly data: readonly Vehicle[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/** One POST to the receiver. */
export interface WebhookAttempt {
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly attempted_at: string;
  readonly duration_ms: number;
  /**
   * Why the attempt failed without (or despite) an answer: a refused address, a timeout, a
   * redirect that was not followed.
   */
  readonly error?: string | null;
  /** The first 1 KiB of the receiver's answer. */
  readonly response_body: string;
  /**
   * The receiver's HTTP status; `null` when no answer arrived.
   *
   * Constraints: at least 0.
   */
  readonly status_code?: number | null;
}

/**
 * One event sent to one endpoint; its id is the `X-VinSnap-Delivery` header, stable across
 * retries, so receivers can deduplicate.
 */
export interface WebhookDelivery {
  /** Attempts made so far (a first attempt plus up to six retries). */
  readonly attempt_count: number;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** Constraints: matches `^we_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly endpoint_id: WebhookEndpointId;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly event_id: EventId;
  readonly event_type: EventType;
  /** Constraints: matches `^dlv_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: DeliveryId;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly last_attempt_at?: string | null;
  /** Constraints: at least 0. */
  readonly last_status_code?: number | null;
  /**
   * When the next attempt is due, while `pending`.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly next_attempt_at?: string | null;
  readonly status: DeliveryStatus;
}

/** A delivery with the exact request body it sends and every attempt made. */
export interface WebhookDeliveryDetail {
  /** Attempts made so far (a first attempt plus up to six retries). */
  readonly attempt_count: number;
  /** Oldest first. */
  readonly attempts: readonly WebhookAttempt[];
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  /** Constraints: matches `^we_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly endpoint_id: WebhookEndpointId;
  /** Constraints: matches `^evt_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly event_id: EventId;
  readonly event_type: EventType;
  /** Constraints: matches `^dlv_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: DeliveryId;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly last_attempt_at?: string | null;
  /** Constraints: at least 0. */
  readonly last_status_code?: number | null;
  /**
   * When the next attempt is due, while `pending`.
   *
   * An RFC 3339 date-time (`2026-11-22T10:15:30Z`).
   */
  readonly next_attempt_at?: string | null;
  /** The raw JSON body POSTed (and signed) on every attempt. */
  readonly request_body: string;
  readonly status: DeliveryStatus;
}

/** A page of deliveries, newest first. */
export interface WebhookDeliveryList {
  /** This page of results. */
  readonly data: readonly WebhookDelivery[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/** A URL that receives the shop's events. */
export interface WebhookEndpoint {
  /**
   * Whether the endpoint receives deliveries. Set it to `true` again to re-enable an
   * endpoint the server disabled.
   */
  readonly active: boolean;
  /**
   * Failed delivery attempts since the last successful one. When a delivery fails through
   * the whole retry schedule with no success in between, the endpoint is disabled.
   */
  readonly consecutive_failures: number;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  readonly description?: string | null;
  /** Why a disabled endpoint is disabled. */
  readonly disabled_reason?: DisabledReason | null;
  /**
   * Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every
   * event.
   *
   * Constraints: items 1 to 9.
   */
  readonly events: ReadonlyArray<'customer.created' | 'customer.updated' | 'job.created' | 'job.status_changed' | 'job.completed' | 'invoice.created' | 'invoice.sent' | 'invoice.paid' | '*'>;
  /** Constraints: matches `^we_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: WebhookEndpointId;
  /** `true` for endpoints receiving production events (live keys), `false` for sandbox ones. */
  readonly livemode: boolean;
  /** `enabled` or `disabled`; mirrors `active`. */
  readonly status: EndpointStatus;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly updated_at: string;
  /** The HTTPS URL deliveries are POSTed to. */
  readonly url: string;
}

/**
 * A webhook endpoint id.
 *
 * Constraints: matches `^we_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
 */
export type WebhookEndpointId = string;

/** A page of webhook endpoints, newest first. */
export interface WebhookEndpointList {
  /** This page of results. */
  readonly data: readonly WebhookEndpoint[];
  /** Whether more results exist past this page (`offset + limit < total`). */
  readonly has_more: boolean;
  /** How many results match, across all pages. */
  readonly total: number;
}

/**
 * A new endpoint, with its signing secret. Store the secret now: it is never shown again
 * (rotate it to get a new one).
 */
export interface WebhookEndpointWithSecret {
  /**
   * Whether the endpoint receives deliveries. Set it to `true` again to re-enable an
   * endpoint the server disabled.
   */
  readonly active: boolean;
  /**
   * Failed delivery attempts since the last successful one. When a delivery fails through
   * the whole retry schedule with no success in between, the endpoint is disabled.
   */
  readonly consecutive_failures: number;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly created_at: string;
  readonly description?: string | null;
  /** Why a disabled endpoint is disabled. */
  readonly disabled_reason?: DisabledReason | null;
  /**
   * Event type names (`customer.created`, …; a name given twice counts once), or `["*"]` for every
   * event.
   *
   * Constraints: items 1 to 9.
   */
  readonly events: ReadonlyArray<'customer.created' | 'customer.updated' | 'job.created' | 'job.status_changed' | 'job.completed' | 'invoice.created' | 'invoice.sent' | 'invoice.paid' | '*'>;
  /** Constraints: matches `^we_[0-7][0-9a-hjkmnp-tv-z]{25}$`. */
  readonly id: WebhookEndpointId;
  /** `true` for endpoints receiving production events (live keys), `false` for sandbox ones. */
  readonly livemode: boolean;
  /** The signing secret (`whsec_…`): the HMAC key for `X-VinSnap-Signature`. */
  readonly secret: string;
  /** `enabled` or `disabled`; mirrors `active`. */
  readonly status: EndpointStatus;
  /** An RFC 3339 date-time (`2026-11-22T10:15:30Z`). */
  readonly updated_at: string;
  /** The HTTPS URL deliveries are POSTed to. */
  readonly url: string;
}

/** The result of `POST /webhooks/{id}/test`: a `ping` event sent at once, as seed 002 shows. */
export interface WebhookTestResult {
  /**
   * The ping's entry in the delivery log.
   *
   * Constraints: matches `^dlv_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly delivery_id: DeliveryId;
  readonly message: string;
  /** Constraints: at least 0. */
  readonly response_time_ms: number;
  /**
   * The receiver's HTTP status; `null` when no answer arrived (refused, unreachable, timeout).
   *
   * Constraints: at least 0.
   */
  readonly status_code?: number | null;
  /** Whether the endpoint answered with a 2xx status. */
  readonly success: boolean;
}

/** PingData */
export interface PingData {
  /**
   * A webhook endpoint id.
   *
   * Constraints: matches `^we_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly endpoint_id: string;
  readonly message: string;
}

/** PingEventData */
export interface PingEventData {
  /**
   * A webhook endpoint id.
   *
   * Constraints: matches `^we_[0-7][0-9a-hjkmnp-tv-z]{25}$`.
   */
  readonly endpoint_id: string;
  readonly message: string;
}
