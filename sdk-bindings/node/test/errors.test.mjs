// Every error status the spec documents for every operation, forced on the sandbox mock with
// `Prefer: code=<status>` through `defaultHeaders`, rejects with the class of that status; and
// arguments the spec refuses reject before anything is sent.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { CALLS, ID } from './support/calls.mjs';
import { MOCK_KEY, startMock } from './support/servers.mjs';
import {
  APIConnectionError,
  APIError,
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
  Vinsnap,
} from 'vinsnap';

const spec = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8'));

/** `operationId` -> the error statuses its responses document. */
const documented = new Map();
for (const methods of Object.values(spec.paths)) {
  for (const operation of Object.values(methods)) {
    const statuses = Object.keys(operation.responses).map(Number).filter((s) => s >= 400);
    documented.set(operation.operationId, statuses);
  }
}

function expectedClass(status) {
  return (
    { 400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError, 409: ConflictError, 422: UnprocessableEntityError, 429: RateLimitError }[
      status
    ] ?? (status >= 500 ? InternalServerError : APIError)
  );
}

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock?.stop());

test('the spec documents error statuses for every operation the calls table has', () => {
  assert.deepEqual([...documented.keys()].sort(), Object.keys(CALLS).sort());
});

for (const [operationId, call] of Object.entries(CALLS)) {
  test(`${operationId}: every documented error status rejects with its class`, async (t) => {
    for (const status of documented.get(operationId)) {
      await t.test(String(status), async () => {
        const client = new Vinsnap({
          apiKey: MOCK_KEY,
          baseUrl: mock.baseUrl,
          maxRetries: 0,
          defaultHeaders: { Prefer: `code=${status}` },
        });
        const error = await call(client).then(
          () => assert.fail(`${operationId} with Prefer: code=${status} resolved`),
          (e) => e,
        );
        const cls = expectedClass(status);
        assert.ok(error instanceof cls, `${status} is a ${cls.name}, not ${error?.constructor?.name}: ${error}`);
        assert.ok(error instanceof APIError && error instanceof VinsnapError && error instanceof Error);
        assert.equal(error.name, cls.name);
        assert.equal(error.status, status);
        assert.match(error.code, /^[a-z_]+$/);
        assert.ok(error.message.length > 0);
        assert.match(error.requestId, /^req_/);
        if (status === 429) {
          assert.equal(typeof error.retryAfter, 'number', '429 carries Retry-After');
          assert.ok(error.retryAfter > 0);
        }
      });
    }
  });
}

test('an error about one field names it in param', async () => {
  const client = new Vinsnap({
    apiKey: MOCK_KEY,
    baseUrl: mock.baseUrl,
    maxRetries: 0,
    defaultHeaders: { Prefer: 'code=400' },
  });
  const error = await client.customers.create({ name: 'A' }).catch((e) => e);
  assert.ok(error instanceof BadRequestError);
  assert.ok(error.param === null || typeof error.param === 'string');
});

test('a wrong key is an AuthenticationError from the server', async () => {
  const client = new Vinsnap({ apiKey: 'vsk_live_wrong', baseUrl: mock.baseUrl, maxRetries: 0 });
  const error = await client.customers.get(ID.customer).catch((e) => e);
  assert.ok(error instanceof AuthenticationError);
  assert.equal(error.status, 401);
  assert.equal(error.code, 'live_key_in_sandbox');
});

// Refused before sending: the client points at a closed port, so anything sent would fail with
// a connection error instead.
const offline = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: 'http://127.0.0.1:9', maxRetries: 0 });

async function refused(promise) {
  const error = await promise.catch((e) => e);
  assert.ok(error instanceof InvalidRequestError, `expected an InvalidRequestError, got ${error}`);
  assert.ok(!(error instanceof APIError));
  return error;
}

test('arguments the spec refuses reject with InvalidRequestError naming them', async () => {
  assert.equal((await refused(offline.customers.get('veh_01jd3q9a1bc2d3e4f5g6h7j8k9'))).param, 'id');
  assert.equal((await refused(offline.customers.get(undefined))).param, 'id');
  assert.equal((await refused(offline.customers.create({}))).param, 'name');
  assert.equal((await refused(offline.customers.create({ name: 5 }))).param, 'name');
  assert.equal((await refused(offline.customers.create({ name: 'A', colour: 'red' }))).param, 'colour');
  assert.equal((await refused(offline.customers.create({ name: null }))).param, 'name');
  assert.equal((await refused(offline.jobs.list({ status: 'paused' }))).param, 'status');
  assert.equal((await refused(offline.jobs.list({ limit: 500 }))).param, 'limit');
  assert.equal((await refused(offline.jobs.list({ colour: 'red' }))).param, 'colour');
  const line = { kind: 'part', description: 'Pads', quantity: 20000 };
  const job = { customer_id: ID.customer, vehicle_id: ID.vehicle, title: 'Brakes', line_items: [line] };
  const error = await refused(offline.jobs.create(job));
  assert.equal(error.param, 'line_items[0].quantity');
  assert.match(error.message, /10000/);
  assert.equal((await refused(offline.customers.create({ name: 'A' }, { colour: 'x' }))).param, 'colour');
  assert.equal((await refused(offline.customers.create({ name: 'A', big: 10n }))).param, null);
});

test('options the client cannot use throw InvalidRequestError at construction', () => {
  const bad = [
    [{ apiKey: 'sk_123' }, null],
    [{ apiKey: 42 }, 'apiKey'],
    [{ apiKey: MOCK_KEY, baseUrl: 'ftp://x' }, null],
    [{ apiKey: MOCK_KEY, timeout: 0 }, 'timeout'],
    [{ apiKey: MOCK_KEY, timeout: Number.NaN }, 'timeout'],
    [{ apiKey: MOCK_KEY, maxRetries: -1 }, 'maxRetries'],
    [{ apiKey: MOCK_KEY, maxRetries: 1.5 }, 'maxRetries'],
    [{ apiKey: MOCK_KEY, defaultHeaders: { 'Bad Name': 'x' } }, null],
    [{ apiKey: MOCK_KEY, defaultHeaders: { Authorization: 'Bearer other' } }, null],
    [{ apiKey: MOCK_KEY, defaultHeaders: { 'X-Count': 3 } }, 'defaultHeaders'],
  ];
  for (const [options, param] of bad) {
    assert.throws(
      () => new Vinsnap(options),
      (e) => e instanceof InvalidRequestError && e.param === param,
      JSON.stringify(options),
    );
  }
  assert.throws(() => new Vinsnap(), InvalidRequestError);
});

test('a closed port is an APIConnectionError', async () => {
  const error = await offline.customers.get(ID.customer).catch((e) => e);
  assert.ok(error instanceof APIConnectionError, String(error));
  assert.ok(!(error instanceof APIError));
});
