// The Rust SDK's transport under the package: retries against a scripted server, a retried POST
// that creates exactly one resource on the real server, timeouts, and calls that never block
// the event loop.

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';

import { ID } from './support/calls.mjs';
import { MOCK_KEY, startServer } from './support/servers.mjs';
import { APIConnectionError, APITimeoutError, InternalServerError, RateLimitError, Vinsnap } from 'vinsnap';

const CUSTOMER = {
  id: ID.customer,
  location_id: ID.location,
  name: 'Sarah Chen',
  email: 's.chen@email.com',
  phone: '555-0142',
  notes: null,
  livemode: false,
  created_at: '2026-11-22T10:15:30.123Z',
  updated_at: '2026-11-22T10:15:30.123Z',
};

function envelope(code, message) {
  return JSON.stringify({ success: false, error: { code, message, request_id: 'req_scripted' } });
}

/** A server answering the n-th request (from 0) with `script[n]` (the last one repeats). */
async function scripted(script) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString(), at: Date.now() });
      const answer = script[Math.min(requests.length - 1, script.length - 1)];
      const send = () => res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
      if (answer.delay) setTimeout(send, answer.delay);
      else send();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    requests,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

const ok = { status: 200, body: JSON.stringify(CUSTOMER) };
const unavailable = { status: 503, body: envelope('unavailable', 'Try again') };
const limited = { status: 429, headers: { 'retry-after': '1' }, body: envelope('rate_limited', 'Slow down') };

test('a 503 is retried, and the second answer is the result', async () => {
  const api = await scripted([unavailable, ok]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: api.baseUrl });
    assert.equal((await client.customers.get(ID.customer)).name, 'Sarah Chen');
    assert.equal(api.requests.length, 2);
  } finally {
    await api.stop();
  }
});

test("a 429 waits out its Retry-After before the retry", async () => {
  const api = await scripted([limited, ok]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: api.baseUrl });
    assert.equal((await client.customers.get(ID.customer)).id, ID.customer);
    assert.equal(api.requests.length, 2);
    const waited = api.requests[1].at - api.requests[0].at;
    assert.ok(waited >= 950, `retried after ${waited} ms, before Retry-After: 1`);
  } finally {
    await api.stop();
  }
});

test('retries run out: the last error is thrown, with its class', async () => {
  const api = await scripted([limited]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: api.baseUrl, maxRetries: 1 });
    const error = await client.customers.get(ID.customer).catch((e) => e);
    assert.ok(error instanceof RateLimitError, String(error));
    assert.equal(error.retryAfter, 1);
    assert.equal(error.requestId, 'req_scripted');
    assert.equal(api.requests.length, 2);
  } finally {
    await api.stop();
  }
  const failing = await scripted([unavailable]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: failing.baseUrl, maxRetries: 0 });
    assert.ok((await client.customers.get(ID.customer).catch((e) => e)) instanceof InternalServerError);
    assert.equal(failing.requests.length, 1, 'maxRetries: 0 sends once');
  } finally {
    await failing.stop();
  }
});

test('every POST carries one Idempotency-Key, the same on each retry; a given one is sent as is', async () => {
  const api = await scripted([unavailable, { status: 201, body: JSON.stringify(CUSTOMER) }]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: api.baseUrl });
    await client.customers.create({ name: 'Sarah Chen' });
    const [first, second] = api.requests;
    assert.ok(first.headers['idempotency-key']);
    assert.equal(second.headers['idempotency-key'], first.headers['idempotency-key']);
    assert.equal(first.body, JSON.stringify({ name: 'Sarah Chen' }));
    await client.customers.create({ name: 'Sarah Chen' }, { idempotencyKey: 'order-1234' });
    assert.equal(api.requests.at(-1).headers['idempotency-key'], 'order-1234');
  } finally {
    await api.stop();
  }
});

test('on the wire: null is sent as null, undefined is left out, query and body go apart', async () => {
  const api = await scripted([ok]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: api.baseUrl });
    await client.customers.update(ID.customer, { phone: null, email: undefined, notes: 'x' });
    const put = api.requests.at(-1);
    assert.equal(put.method, 'PUT');
    assert.equal(put.url, `/customers/${ID.customer}`);
    assert.deepEqual(JSON.parse(put.body), { phone: null, notes: 'x' });
    await client.customers.update(ID.customer);
    assert.equal(api.requests.at(-1).body, '{}', 'a required body with no fields is an empty object');
  } finally {
    await api.stop();
  }
  const list = await scripted([{ status: 200, body: JSON.stringify({ data: [CUSTOMER], has_more: false, total: 1 }) }]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: list.baseUrl });
    const page = await client.customers.list({ q: 'chen', limit: 5, location_id: undefined });
    assert.deepEqual(page.data.map((c) => c.id), [CUSTOMER.id]);
    const url = new URL(list.requests[0].url, list.baseUrl);
    assert.equal(url.pathname, '/customers');
    assert.deepEqual(Object.fromEntries(url.searchParams), { q: 'chen', limit: '5' });
    assert.equal(list.requests[0].body, '');
  } finally {
    await list.stop();
  }
});

test('an attempt past the timeout is an APITimeoutError', async () => {
  const api = await scripted([{ ...ok, delay: 2_000 }]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: api.baseUrl, timeout: 200, maxRetries: 0 });
    const started = Date.now();
    const error = await client.customers.get(ID.customer).catch((e) => e);
    assert.ok(error instanceof APITimeoutError, String(error));
    assert.ok(error instanceof APIConnectionError);
    assert.ok(Date.now() - started < 1_500);
  } finally {
    await api.stop();
  }
});

test('calls run off the event loop: timers keep firing while 32 requests wait', async () => {
  const api = await scripted([{ ...ok, delay: 300 }]);
  try {
    const client = new Vinsnap({ apiKey: MOCK_KEY, baseUrl: api.baseUrl });
    let ticks = 0;
    const interval = setInterval(() => {
      ticks += 1;
    }, 10);
    const calls = Promise.all(Array.from({ length: 32 }, () => client.customers.get(ID.customer)));
    const ticksWhenCalled = ticks;
    const answers = await calls;
    clearInterval(interval);
    assert.equal(answers.length, 32);
    assert.equal(ticksWhenCalled, 0, 'starting the calls returned at once');
    assert.ok(ticks >= 10, `only ${ticks} timer ticks during a 300 ms wait`);
    assert.equal(api.requests.length, 32);
  } finally {
    await api.stop();
  }
});

// The real server behind a proxy that loses the answer to the first POST /customers: the
// customer is created, the client sees a 502 and retries with the same Idempotency-Key, and the
// server replays its first answer instead of creating a second customer.
let server;
let proxy;
const proxied = [];

before(async () => {
  server = await startServer();
  const target = new URL(server.baseUrl);
  let lostOne = false;
  proxy = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      proxied.push({ method: req.method, url: req.url, key: req.headers['idempotency-key'] });
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const body = [];
          answer.on('data', (c) => body.push(c));
          answer.on('end', () => {
            if (req.method === 'POST' && req.url === '/customers' && !lostOne) {
              lostOne = true;
              res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
              return;
            }
            res.writeHead(answer.statusCode, answer.headers).end(Buffer.concat(body));
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  proxy?.closeAllConnections();
  await Promise.all([server?.stop(), proxy && new Promise((resolve) => proxy.close(resolve))]);
});

test('a POST retried after a lost answer creates exactly one resource', async () => {
  const client = new Vinsnap({
    apiKey: server.testKey,
    baseUrl: `http://127.0.0.1:${proxy.address().port}`,
  });
  const name = `Once Only ${Date.now()}`;
  const customer = await client.customers.create({ name });
  assert.equal(customer.name, name);
  const posts = proxied.filter((r) => r.method === 'POST' && r.url === '/customers');
  assert.equal(posts.length, 2, 'the lost answer was retried');
  assert.equal(posts[0].key, posts[1].key);
  const found = await client.customers.list({ q: name });
  assert.equal(found.total, 1);
  assert.equal(found.data[0].id, customer.id);
});
