// Every operation through the package against the real server (started on a free port with a
// fresh database), checked as a user would check it: what was created is what comes back, a
// null clears and an undefined leaves a field alone, pages follow each other, a real webhook
// delivery verifies, errors have their class. The last test is the coverage guard.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { uncalled } from './support/recorder.mjs';
import { startReceiver } from './support/receiver.mjs';
import { startServer } from './support/servers.mjs';
import {
  AuthenticationError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  Page,
  PermissionDeniedError,
  UnprocessableEntityError,
  Vinsnap,
  verifyWebhook,
  WebhookVerificationError,
} from 'vinsnap';

const VIN = '1HGCM82633A004352';

let server;
let receiver;
let client;

before(async () => {
  [server, receiver] = await Promise.all([startServer(), startReceiver()]);
  client = new Vinsnap({ apiKey: server.testKey, baseUrl: server.baseUrl });
});

after(async () => {
  await Promise.all([server?.stop(), receiver?.stop()]);
});

const labor = { kind: 'labor', description: 'Replace front brake pads and rotors', hours: '1.50', rate: 12000 };
const pads = { kind: 'part', description: 'Ceramic brake pads', quantity: 2, unit_price: 5499 };

async function customerWithVehicle(name, email) {
  const customer = await client.customers.create({ name, email });
  const vehicle = await client.vehicles.create(customer.id, { vin: VIN });
  return { customer, vehicle };
}

test('customers: create, get, list, update (null clears, undefined leaves alone), delete', async () => {
  const created = await client.customers.create({ name: 'Sarah Chen', email: 's.chen@email.com', phone: '555-0142' });
  assert.match(created.id, /^cus_/);
  assert.equal(created.name, 'Sarah Chen');
  assert.equal(created.livemode, false);
  assert.deepEqual(await client.customers.get(created.id), created);

  const found = await client.customers.list({ q: 'chen' });
  assert.ok(found.data.some((c) => c.id === created.id));

  const updated = await client.customers.update(created.id, { phone: null, notes: 'Prefers text', email: undefined });
  assert.equal(updated.phone ?? null, null, 'null clears the phone');
  assert.equal(updated.email, 's.chen@email.com', 'undefined sends nothing');
  assert.equal(updated.notes, 'Prefers text');
  const untouched = await client.customers.update(created.id);
  assert.equal(untouched.notes, 'Prefers text', 'no arguments change nothing');

  const deleted = await client.customers.delete(created.id);
  assert.deepEqual(deleted, { id: created.id, deleted: true });
  await assert.rejects(client.customers.get(created.id), NotFoundError);
});

test('vehicles: create by VIN (decoded), list, get, update, delete', async () => {
  const customer = await client.customers.create({ name: 'Marcus Webb' });
  const vehicle = await client.vehicles.create(customer.id, { vin: VIN, color: 'Silver', mileage: 148250 });
  assert.equal(vehicle.customer_id, customer.id);
  assert.equal(vehicle.make, 'Honda');
  assert.equal(vehicle.year, 2003);
  const listed = await client.vehicles.list(customer.id);
  assert.deepEqual(listed.data.map((v) => v.id), [vehicle.id]);
  assert.equal((await client.vehicles.get(vehicle.id)).vin, VIN);
  const updated = await client.vehicles.update(vehicle.id, { color: null, mileage: 150000 });
  assert.equal(updated.color ?? null, null);
  assert.equal(updated.mileage, 150000);
  assert.equal((await client.vehicles.delete(vehicle.id)).deleted, true);
});

test('vin.decode and locations.list', async () => {
  const decoded = await client.vin.decode(VIN);
  assert.equal(decoded.vin, VIN);
  assert.equal(decoded.make, 'Honda');
  const locations = await client.locations.list();
  assert.ok(locations.data.length >= 1);
  assert.match(locations.data[0].id, /^loc_/);
});

test('api keys: create (secret shown once), list, revoke; a narrower key is refused with 403', async () => {
  const created = await client.apiKeys.create({ name: 'read only', scopes: ['customers:read'] });
  assert.match(created.secret, /^vsk_test_/);
  const listed = await client.apiKeys.list();
  assert.ok(listed.data.some((k) => k.id === created.id));

  const narrow = new Vinsnap({ apiKey: created.secret, baseUrl: server.baseUrl });
  await narrow.customers.list();
  const refused = await narrow.customers.create({ name: 'Nope' }).catch((e) => e);
  assert.ok(refused instanceof PermissionDeniedError, String(refused));
  assert.equal(refused.status, 403);
  assert.equal(refused.code, 'missing_scope');

  assert.equal((await client.apiKeys.delete(created.id)).deleted, true);
  const revoked = await narrow.customers.list().catch((e) => e);
  assert.ok(revoked instanceof AuthenticationError, String(revoked));
});

test('jobs: create, list by status, get, update, change status, delete; a wrong move is a 409', async () => {
  const { customer, vehicle } = await customerWithVehicle('Priya Raman');
  const job = await client.jobs.create({
    customer_id: customer.id,
    vehicle_id: vehicle.id,
    title: 'Front brakes',
    line_items: [labor, pads],
  });
  assert.equal(job.status, 'pending');
  assert.equal(job.line_items.length, 2);
  const pending = await client.jobs.list({ status: 'pending', customer_id: customer.id });
  assert.deepEqual(pending.data.map((j) => j.id), [job.id]);
  assert.equal((await client.jobs.get(job.id)).title, 'Front brakes');
  assert.equal((await client.jobs.update(job.id, { title: 'Front brakes and rotors' })).title, 'Front brakes and rotors');

  const wrong = await client.jobs.changeStatus(job.id, { status: 'completed' }).catch((e) => e);
  assert.ok(wrong instanceof ConflictError, String(wrong));
  assert.equal(wrong.code, 'invalid_status_transition');
  assert.match(wrong.requestId, /^req_/);

  assert.equal((await client.jobs.changeStatus(job.id, { status: 'in-progress' })).status, 'in-progress');
  const spare = await client.jobs.create({ customer_id: customer.id, vehicle_id: vehicle.id, title: 'Oil change' });
  assert.equal((await client.jobs.delete(spare.id)).deleted, true);
});

test('invoices: from a completed job, edited, sent, paid; another one voided', async () => {
  const { customer, vehicle } = await customerWithVehicle('Dana Brooks', 'dana@example.com');
  const job = await client.jobs.create({ customer_id: customer.id, vehicle_id: vehicle.id, title: 'Brakes', line_items: [labor] });
  await client.jobs.changeStatus(job.id, { status: 'in-progress' });
  await client.jobs.changeStatus(job.id, { status: 'completed' });

  const invoice = await client.invoices.create({ job_id: job.id });
  assert.equal(invoice.status, 'draft');
  assert.equal(invoice.job_id, job.id);
  const edited = await client.invoices.update(invoice.id, { notes: 'Thank you!', line_items: [labor, pads] });
  assert.equal(edited.line_items.length, 2);
  assert.ok(edited.total > invoice.total);
  assert.equal((await client.invoices.get(invoice.id)).total, edited.total);
  const drafts = await client.invoices.list({ status: 'draft', customer_id: customer.id });
  assert.deepEqual(drafts.data.map((i) => i.id), [invoice.id]);

  const sent = await client.invoices.send(invoice.id);
  assert.equal(sent.status, 'sent');
  assert.match(sent.pdf_url, /^http/);
  const paid = await client.invoices.pay(invoice.id, { amount: sent.total, method: 'card' });
  assert.equal(paid.status, 'paid');

  const spare = await client.invoices.create({ customer_id: customer.id, line_items: [pads] });
  assert.equal((await client.invoices.void(spare.id)).status, 'void');
});

test('parts.search: a page with the searched vehicle, iterated past the first page', async () => {
  // The catalog has few brake pads for this model: pages of one make several pages.
  const page = await client.parts.search({ vin: VIN, type: 'brake-pads', limit: 1 });
  assert.ok(page instanceof Page);
  assert.equal(page.vehicle.make, 'Honda');
  assert.equal(page.fitment_basis, 'make_model_year');
  assert.ok(page.total > 1 && page.has_more, `${page.total} parts`);
  const next = await page.getNextPage();
  assert.equal(next.vehicle.make, 'Honda', 'every page carries the response fields');
  assert.notDeepEqual(next.data.map((p) => p.id), page.data.map((p) => p.id));
  let count = 0;
  for await (const part of client.parts.search({ vin: VIN, type: 'brake-pads', limit: 1 })) {
    assert.equal(part.type, 'brake-pads');
    count += 1;
  }
  assert.equal(count, page.total);
});

test('pagination: awaited for the first page, iterated for every item of every page', async () => {
  const tag = `Pager${Date.now()}`;
  const created = [];
  for (let i = 0; i < 7; i += 1) created.push((await client.customers.create({ name: `${tag} ${i}` })).id);
  const first = await client.customers.list({ q: tag, limit: 3 });
  assert.equal(first.data.length, 3);
  assert.equal(first.has_more, true);
  assert.equal(first.total, 7);
  const seen = [];
  for await (const customer of client.customers.list({ q: tag, limit: 3 })) seen.push(customer.id);
  assert.deepEqual([...seen].sort(), [...created].sort());
  const pages = [];
  for await (const page of first.iterPages()) pages.push(page.data.length);
  assert.deepEqual(pages, [3, 3, 1]);
  const last = await (await first.getNextPage()).getNextPage();
  assert.equal(last.hasNextPage(), false);
  await assert.rejects(last.getNextPage(), RangeError);
  const fromOffset = [];
  for await (const customer of client.customers.list({ q: tag, limit: 3, offset: 5 })) fromOffset.push(customer.id);
  assert.equal(fromOffset.length, 2);
});

test('webhooks: endpoints, a real delivery verified, test ping, deliveries, retry, rotation', async () => {
  const endpoint = await client.webhooks.createEndpoint({
    url: receiver.url,
    events: ['customer.created', 'customer.updated'],
    description: 'node tests',
  });
  assert.match(endpoint.secret, /^whsec_/);
  assert.ok((await client.webhooks.listEndpoints()).data.some((e) => e.id === endpoint.id));
  assert.equal((await client.webhooks.getEndpoint(endpoint.id)).url, receiver.url);
  assert.equal((await client.webhooks.updateEndpoint(endpoint.id, { description: null })).description ?? null, null);

  const skip = receiver.received.length;
  const customer = await client.customers.create({ name: 'Webhook Watcher' });
  const delivery = await receiver.next('customer.created', skip);
  const event = verifyWebhook(delivery.rawBody, delivery.headers, endpoint.secret);
  assert.equal(event.type, 'customer.created');
  if (event.type === 'customer.created') assert.equal(event.data.id, customer.id);
  assert.equal(event.livemode, false);
  assert.deepEqual(verifyWebhook(delivery.rawBody.toString('utf8'), new Headers(delivery.headers), endpoint.secret), event);
  const tampered = Buffer.from(delivery.rawBody.toString('utf8').replace('Webhook Watcher', 'Someone Else'));
  assert.throws(
    () => verifyWebhook(tampered, delivery.headers, endpoint.secret),
    (e) => e instanceof WebhookVerificationError && e.kind === 'no_matching_signature',
  );

  const ping = await client.webhooks.testEndpoint(endpoint.id);
  assert.equal(ping.success, true);
  assert.equal(ping.status_code, 200);

  const deliveries = await client.webhooks.listDeliveries(endpoint.id, { event_type: 'customer.created' });
  const listed = deliveries.data.find((d) => d.id === delivery.headers['x-vinsnap-delivery']);
  assert.ok(listed, 'the delivery is logged');
  const detail = await client.webhooks.getDelivery(listed.id);
  assert.equal(detail.id, listed.id);
  assert.ok(detail.attempts.length >= 1);
  const retried = await client.webhooks.retryDelivery(listed.id);
  assert.equal(retried.id, listed.id);
  const again = await receiver.next('customer.created', receiver.received.indexOf(delivery) + 1);
  assert.equal(again.headers['x-vinsnap-delivery'], delivery.headers['x-vinsnap-delivery'], 'a retry keeps its delivery id');

  const rotated = await client.webhooks.rotateSecret(endpoint.id);
  assert.notEqual(rotated.secret, endpoint.secret);
  const afterRotation = receiver.received.length;
  await client.customers.update(customer.id, { notes: 'rotated' });
  const signedTwice = await receiver.next('customer.updated', afterRotation);
  const updatedEvent = verifyWebhook(signedTwice.rawBody, signedTwice.headers, rotated.secret);
  assert.equal(updatedEvent.type, 'customer.updated');
  assert.equal(verifyWebhook(signedTwice.rawBody, signedTwice.headers, endpoint.secret).id, updatedEvent.id, 'the old secret is still signed with');

  assert.equal((await client.webhooks.deleteEndpoint(endpoint.id)).deleted, true);
});

test('32 concurrent calls on one client', async () => {
  const customer = await client.customers.create({ name: 'Concurrent Carla' });
  const answers = await Promise.all(Array.from({ length: 32 }, () => client.customers.get(customer.id)));
  assert.equal(answers.length, 32);
  for (const answer of answers) assert.deepEqual(answer, customer);
  const mixed = await Promise.all(
    Array.from({ length: 32 }, (_, i) =>
      i % 2 === 0 ? client.customers.get(customer.id) : client.customers.update(customer.id, { notes: `note ${i}` }),
    ),
  );
  assert.ok(mixed.every((c) => c.id === customer.id));
  const reading = client.rateLimit;
  assert.ok(reading && reading.remaining < reading.limit);
});

test('errors from the real server have their class, code and request id', async () => {
  const missing = await client.customers.get('cus_01jd3q9a1bc2d3e4f5g6h7j8k9').catch((e) => e);
  assert.ok(missing instanceof NotFoundError);
  assert.equal(missing.status, 404);
  assert.equal(missing.code, 'customer_not_found');
  assert.match(missing.requestId, /^req_/);

  // Well-formed, so the SDK sends it; its check digit is wrong, which only the server knows.
  const badVin = await client.vin.decode('1HGCM82633A004353').catch((e) => e);
  assert.ok(badVin instanceof UnprocessableEntityError, String(badVin));
  assert.equal(badVin.status, 422);

  const stranger = new Vinsnap({ apiKey: 'vsk_test_notarealkey000000000000000', baseUrl: server.baseUrl });
  const unauthenticated = await stranger.locations.list().catch((e) => e);
  assert.ok(unauthenticated instanceof AuthenticationError);
  assert.equal(unauthenticated.status, 401);

  const invalid = await client.customers.get('customer-1').catch((e) => e);
  assert.ok(invalid instanceof InvalidRequestError);
  assert.equal(invalid.param, 'id');
});

test('coverage guard: every operation of the spec answered through the package', () => {
  assert.deepEqual(uncalled(), [], 'operations no test called successfully against the server');
});
