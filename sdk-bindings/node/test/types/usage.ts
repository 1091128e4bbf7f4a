// A user's TypeScript touching every resource of the package, type-checked with `tsc --strict`
// by test/types.test.mjs (never run). The `@ts-expect-error` lines are mistakes the types must
// catch: tsc fails if any of them compiles.

import {
  APIError,
  type Customer,
  type Event,
  type Invoice,
  type Job,
  type JobStatus,
  NotFoundError,
  type Page,
  RateLimitError,
  type SearchPartsPage,
  verifyWebhook,
  Vinsnap,
  WebhookVerificationError,
} from 'vinsnap';

const client = new Vinsnap({
  apiKey: 'vsk_test_…',
  baseUrl: 'http://127.0.0.1:8080',
  timeout: 10_000,
  maxRetries: 3,
  defaultHeaders: { 'X-Trace': 'abc' },
});
const mode: 'test' | 'live' = client.mode;
const remaining: number | undefined = client.rateLimit?.remaining;

export async function everyResource(): Promise<void> {
  // API keys
  const keys = await client.apiKeys.list({ limit: 10 });
  const key = await client.apiKeys.create({ name: 'CI', scopes: ['customers:read', 'jobs:write'] });
  const secret: string = key.secret;
  await client.apiKeys.delete(keys.data[0]!.id);

  // Customers
  const customer: Customer = await client.customers.create({ name: 'Sarah Chen', email: 's.chen@email.com' });
  await client.customers.get(customer.id);
  await client.customers.update(customer.id, { phone: null });
  const page: Page<Customer> = await client.customers.list({ q: 'chen' });
  const total: number = page.total;
  const more: boolean = page.has_more;
  for await (const c of client.customers.list()) {
    const name: string = c.name;
    const email: string | null | undefined = c.email;
  }
  await client.customers.delete(customer.id);

  // Vehicles
  const vehicle = await client.vehicles.create(customer.id, { vin: '1HGCM82633A004352' });
  await client.vehicles.list(customer.id, { limit: 5 });
  await client.vehicles.get(vehicle.id);
  await client.vehicles.update(vehicle.id, { mileage: 150_000, color: null });
  await client.vehicles.delete(vehicle.id);

  // VIN and locations
  const decoded = await client.vin.decode('1HGCM82633A004352');
  const decodedMake: string | null | undefined = decoded.make;
  await client.locations.list();

  // Jobs
  const job: Job = await client.jobs.create({
    customer_id: customer.id,
    vehicle_id: vehicle.id,
    title: 'Front brakes',
    line_items: [
      { kind: 'labor', description: 'Pads and rotors', hours: '1.50', rate: 12_000 },
      { kind: 'part', description: 'Ceramic pads', quantity: 2, unit_price: 5_499 },
    ],
  });
  const status: JobStatus = job.status;
  await client.jobs.list({ status: 'pending', customer_id: customer.id });
  await client.jobs.get(job.id);
  await client.jobs.update(job.id, { title: 'Brakes', description: null });
  await client.jobs.changeStatus(job.id, { status: 'in-progress' }, { idempotencyKey: 'move-1' });
  await client.jobs.delete(job.id);

  // Invoices
  const invoice: Invoice = await client.invoices.create({ job_id: job.id });
  await client.invoices.list({ status: 'draft' });
  await client.invoices.get(invoice.id);
  await client.invoices.update(invoice.id, { notes: 'Thanks' });
  const sent = await client.invoices.send(invoice.id);
  const link: string | null | undefined = sent.pdf_url;
  await client.invoices.pay(invoice.id, { amount: sent.total, method: 'card' });
  await client.invoices.void(invoice.id);

  // Parts
  const parts: SearchPartsPage = await client.parts.search({ vin: '1HGCM82633A004352', type: 'brake-pads' });
  const make: string = parts.vehicle.make;
  for await (const part of client.parts.search({ vehicle_id: vehicle.id })) {
    const price: number | null | undefined = part.unit_price;
  }

  // Webhooks
  const endpoint = await client.webhooks.createEndpoint({ url: 'https://example.com/hook', events: ['invoice.paid'] });
  const whsec: string = endpoint.secret;
  await client.webhooks.listEndpoints();
  await client.webhooks.getEndpoint(endpoint.id);
  await client.webhooks.updateEndpoint(endpoint.id, { active: false });
  await client.webhooks.testEndpoint(endpoint.id);
  await client.webhooks.rotateSecret(endpoint.id);
  const deliveries = await client.webhooks.listDeliveries(endpoint.id, { status: 'failed' });
  await client.webhooks.getDelivery(deliveries.data[0]!.id);
  await client.webhooks.retryDelivery(deliveries.data[0]!.id);
  await client.webhooks.deleteEndpoint(endpoint.id);
}

export async function errors(): Promise<void> {
  try {
    await client.customers.get('cus_01jd3q9a1bc2d3e4f5g6h7j8k9');
  } catch (error) {
    if (error instanceof NotFoundError) {
      const code: string | null = error.code;
      const requestId: string | null = error.requestId;
    } else if (error instanceof RateLimitError) {
      const wait: number | null = error.retryAfter;
    } else if (error instanceof APIError) {
      const status: number = error.status;
      const param: string | null = error.param;
    }
  }
}

export function webhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, fetchHeaders: Headers): void {
  try {
    const event: Event = verifyWebhook(rawBody, headers, 'whsec_…');
    if (event.type === 'invoice.paid') {
      const paid: number = event.data.total;
    } else if (event.type === 'customer.created') {
      const name: string = event.data.name;
      // @ts-expect-error a customer event's data is a Customer, which has no total
      event.data.total;
    }
    verifyWebhook(rawBody.toString('utf8'), fetchHeaders, 'whsec_…', 600);
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      const kind: 'missing_header' | 'bad_timestamp' | 'too_old' | 'no_matching_signature' | 'bad_payload' | 'invalid_tolerance' =
        error.kind;
    }
  }
}

export async function mistakes(customer: Customer): Promise<void> {
  // @ts-expect-error a misspelt field
  await client.customers.create({ name: 'Sarah Chen', emial: 's.chen@email.com' });
  // @ts-expect-error a wrong enum value
  await client.jobs.changeStatus('job_01jd3q9a1bc2d3e4f5g6h7j8k9', { status: 'in_progress' });
  // @ts-expect-error a missing required field (name)
  await client.customers.create({ email: 's.chen@email.com' });
  // @ts-expect-error a missing required argument (the arguments object)
  await client.invoices.pay('inv_01jd3qa2b3c4d5e6f7g8h9j0k1');
  // @ts-expect-error a wrong type (amount is a number of minor units)
  await client.invoices.pay('inv_01jd3qa2b3c4d5e6f7g8h9j0k1', { amount: '184.57', method: 'card' });
  // @ts-expect-error null where the spec does not allow it
  await client.customers.create({ name: null });
  // @ts-expect-error a wrong list filter value
  await client.jobs.list({ status: 'paused' });
  // @ts-expect-error models are read-only
  customer.name = 'Someone else';
  // @ts-expect-error an unknown option
  new Vinsnap({ apiKey: 'vsk_test_…', retries: 3 });
  // @ts-expect-error no such method
  await client.customers.remove(customer.id);
  // @ts-expect-error an event type that does not exist
  const never: Event['type'] = 'invoice.refunded';
}

export { mode, remaining };
