// Every operation through the package against the sandbox mock (`vinsnap-mock`), with the
// coverage guard: an operation of the spec that no call here reaches fails the last test.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { OPERATIONS, uncalled } from './support/recorder.mjs';
import { CALLS, ID } from './support/calls.mjs';
import { MOCK_KEY, startMock } from './support/servers.mjs';
import { Page, Vinsnap } from 'vinsnap';

let mock;
let client;

before(async () => {
  mock = await startMock();
  client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: mock.baseUrl });
});

after(() => mock?.stop());

test('the calls table names every operation of the spec, and nothing else', () => {
  assert.deepEqual(Object.keys(CALLS).sort(), Object.keys(OPERATIONS).sort());
});

for (const [operationId, call] of Object.entries(CALLS)) {
  const shape = OPERATIONS[operationId];
  test(`${operationId}: client.${shape.resource}.${shape.method}`, async () => {
    const answer = await call(client);
    if (shape.list) {
      assert.ok(answer instanceof Page, 'a list resolves with a Page');
      assert.ok(Array.isArray(answer.data));
      assert.equal(typeof answer.has_more, 'boolean');
      assert.equal(typeof answer.total, 'number');
    } else {
      assert.equal(typeof answer, 'object', 'every operation of the spec answers a JSON object');
      assert.notEqual(answer, null);
    }
  });
}

test('path parameters reach the server: the mock echoes the id asked for', async () => {
  const customer = await client.customers.get(ID.customer);
  assert.equal(customer.id, ID.customer);
  const vehicles = await client.vehicles.list(ID.customer, { limit: 3 });
  assert.ok(vehicles.data.every((v) => v.customer_id === ID.customer));
});

test('a list pages over the whole collection with limit and offset', async () => {
  const first = await client.customers.list({ limit: 50 });
  assert.equal(first.data.length, 50);
  assert.equal(first.has_more, true);
  const ids = [];
  for await (const customer of client.customers.list({ limit: 50 })) ids.push(customer.id);
  assert.equal(ids.length, first.total);
  assert.equal(new Set(ids).size, ids.length, 'no item twice');
  let pages = 0;
  for await (const page of first.iterPages()) {
    pages += 1;
    assert.ok(page instanceof Page);
  }
  assert.equal(pages, Math.ceil(first.total / 50));
});

test("a parts search's page carries the response's own fields", async () => {
  const page = await client.parts.search({ vin: '1HGCM82633A004352' });
  assert.equal(page.vehicle.vin, '1HGCM82633A004352');
  assert.equal(typeof page.fitment_basis, 'string');
});

test('client.mode and client.rateLimit', async () => {
  assert.equal(client.mode, 'test');
  await client.locations.list();
  const reading = client.rateLimit;
  assert.ok(reading, 'a reading after the first response');
  assert.ok(reading.limit > 0 && reading.remaining <= reading.limit && reading.reset > 1_700_000_000);
  assert.equal(new Vinsnap({ apiKey: 'vsk_live_x', baseUrl: mock.baseUrl }).mode, 'live');
  assert.equal(new Vinsnap({ apiKey: 'vsk_test_x', baseUrl: mock.baseUrl }).rateLimit, null);
});

test('coverage guard: every operation of the spec answered through the package', () => {
  assert.deepEqual(uncalled(), [], 'operations no test called successfully against the mock');
});
