// One call of every operation with arguments the spec accepts, for the sandbox mock (which
// answers any well-formed id): the mock suite runs each, the error suite runs each under every
// status the spec documents for it.

const SUFFIX = '01jd3q9a1bc2d3e4f5g6h7j8k9';
export const ID = {
  apiKey: `key_${SUFFIX}`,
  customer: `cus_${SUFFIX}`,
  vehicle: `veh_${SUFFIX}`,
  job: `job_${SUFFIX}`,
  invoice: `inv_${SUFFIX}`,
  location: `loc_${SUFFIX}`,
  webhook: `we_${SUFFIX}`,
  delivery: `dlv_${SUFFIX}`,
};
export const VIN = '1HGCM82633A004352';

const labor = { kind: 'labor', description: 'Replace front brake pads', hours: '1.50', rate: 12000 };
const part = { kind: 'part', description: 'Ceramic pads', quantity: 2, unit_price: 5499 };

/** `operationId` -> a call of it through the client. */
export const CALLS = {
  list_api_keys: (c) => c.apiKeys.list({ limit: 2 }),
  create_api_key: (c) => c.apiKeys.create({ name: 'CI', scopes: ['customers:read'] }),
  delete_api_key: (c) => c.apiKeys.delete(ID.apiKey),
  list_customers: (c) => c.customers.list({ q: 'chen', limit: 10 }),
  create_customer: (c) => c.customers.create({ name: 'Sarah Chen', email: 's.chen@email.com', phone: '555-0142' }),
  get_customer: (c) => c.customers.get(ID.customer),
  update_customer: (c) => c.customers.update(ID.customer, { phone: null, notes: 'Prefers text messages' }),
  delete_customer: (c) => c.customers.delete(ID.customer),
  list_vehicles: (c) => c.vehicles.list(ID.customer),
  create_vehicle: (c) => c.vehicles.create(ID.customer, { vin: VIN, color: 'Silver' }),
  get_vehicle: (c) => c.vehicles.get(ID.vehicle),
  update_vehicle: (c) => c.vehicles.update(ID.vehicle, { mileage: 150000, color: null }),
  delete_vehicle: (c) => c.vehicles.delete(ID.vehicle),
  list_invoices: (c) => c.invoices.list({ status: 'draft', customer_id: ID.customer }),
  create_invoice: (c) => c.invoices.create({ job_id: ID.job }),
  get_invoice: (c) => c.invoices.get(ID.invoice),
  update_invoice: (c) => c.invoices.update(ID.invoice, { notes: 'Thanks!', line_items: [labor, part] }),
  pay_invoice: (c) => c.invoices.pay(ID.invoice, { amount: 18457, method: 'card' }),
  send_invoice: (c) => c.invoices.send(ID.invoice),
  void_invoice: (c) => c.invoices.void(ID.invoice),
  list_jobs: (c) => c.jobs.list({ status: 'in-progress' }),
  create_job: (c) =>
    c.jobs.create({ customer_id: ID.customer, vehicle_id: ID.vehicle, title: 'Brakes', line_items: [labor, part] }),
  get_job: (c) => c.jobs.get(ID.job),
  update_job: (c) => c.jobs.update(ID.job, { title: 'Front brakes', description: null }),
  delete_job: (c) => c.jobs.delete(ID.job),
  change_job_status: (c) => c.jobs.changeStatus(ID.job, { status: 'in-progress' }),
  list_locations: (c) => c.locations.list(),
  search_parts: (c) => c.parts.search({ vin: VIN, type: 'brake-pads', limit: 5 }),
  decode_vin: (c) => c.vin.decode(VIN),
  get_webhook_delivery: (c) => c.webhooks.getDelivery(ID.delivery),
  retry_webhook_delivery: (c) => c.webhooks.retryDelivery(ID.delivery),
  list_webhook_endpoints: (c) => c.webhooks.listEndpoints(),
  create_webhook_endpoint: (c) =>
    c.webhooks.createEndpoint({ url: 'https://example.com/hooks/vinsnap', events: ['customer.created'] }),
  get_webhook_endpoint: (c) => c.webhooks.getEndpoint(ID.webhook),
  update_webhook_endpoint: (c) => c.webhooks.updateEndpoint(ID.webhook, { active: false, description: null }),
  delete_webhook_endpoint: (c) => c.webhooks.deleteEndpoint(ID.webhook),
  list_webhook_deliveries: (c) => c.webhooks.listDeliveries(ID.webhook, { status: 'failed' }),
  rotate_webhook_secret: (c) => c.webhooks.rotateSecret(ID.webhook),
  test_webhook_endpoint: (c) => c.webhooks.testEndpoint(ID.webhook),
};
