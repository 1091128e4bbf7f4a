// The webhook signature vectors every VinSnap SDK checks against (sdk-rust/tests/vectors.json),
// through verifyWebhook's header forms: Node's lower-case object, the vectors' own casing and a
// Fetch API `Headers`; bodies as Buffers and as strings.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { DEFAULT_TOLERANCE, signWebhook, verifyWebhook, verifyWebhookAt, WebhookVerificationError } from 'vinsnap';

const vectors = JSON.parse(readFileSync(new URL('../../../sdk-rust/tests/vectors.json', import.meta.url), 'utf8'));

test('the tolerance is the vectors\' one', () => {
  assert.equal(DEFAULT_TOLERANCE, vectors.tolerance_seconds);
});

for (const vector of vectors.signing) {
  test(`signing: ${vector.name}`, () => {
    const headers = signWebhook(vector.body, vector.secrets, vector.timestamp);
    assert.equal(headers['x-vinsnap-signature'], vector.signature_header);
    assert.equal(headers['x-vinsnap-timestamp'], String(vector.timestamp));
    assert.equal(signWebhook(Buffer.from(vector.body), vector.secrets, vector.timestamp)['x-vinsnap-signature'], vector.signature_header);
  });
}

const lowerCase = (headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const forms = {
  'Node lower-case headers, Buffer body': (v) => [Buffer.from(v.body, 'utf8'), lowerCase(v.headers)],
  'as written, string body': (v) => [v.body, v.headers],
  'Fetch API Headers': (v) => [v.body, new Headers(v.headers)],
};

for (const vector of vectors.verification) {
  test(`verification: ${vector.name}`, () => {
    for (const [form, make] of Object.entries(forms)) {
      const [body, headers] = make(vector);
      if (vector.expect.valid) {
        const event = verifyWebhookAt(body, headers, vector.secret, vector.now);
        assert.equal(event.type, vector.expect.event_type, form);
        assert.deepEqual(event, JSON.parse(vector.body), form);
      } else {
        assert.throws(
          () => verifyWebhookAt(body, headers, vector.secret, vector.now),
          (e) => e instanceof WebhookVerificationError && e.kind === vector.expect.error,
          `${form}: expected ${vector.expect.error}`,
        );
      }
    }
  });
}

test('a tolerance of its own: wider accepts, narrower refuses', () => {
  const vector = vectors.verification.find((v) => v.name === 'valid');
  const ts = Number(vector.headers['X-VinSnap-Timestamp']);
  assert.equal(verifyWebhookAt(vector.body, vector.headers, vector.secret, ts + 600, 600).type, 'customer.created');
  assert.throws(
    () => verifyWebhookAt(vector.body, vector.headers, vector.secret, ts + 61, 60),
    (e) => e instanceof WebhookVerificationError && e.kind === 'too_old',
  );
  assert.throws(
    () => verifyWebhookAt(vector.body, vector.headers, vector.secret, ts, -1),
    (e) => e instanceof WebhookVerificationError && e.kind === 'invalid_tolerance',
  );
});

test('verifyWebhook checks against the clock; a fresh signature passes, a stale one does not', () => {
  const body = JSON.stringify({
    id: 'evt_01jd3qa0000000000000000009',
    type: 'invoice.paid',
    created_at: '2026-11-22T10:15:30Z',
    livemode: false,
    data: JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8')).components.schemas.Invoice.example,
  });
  const event = verifyWebhook(body, signWebhook(body, 'whsec_fresh'), 'whsec_fresh');
  assert.equal(event.type, 'invoice.paid');
  if (event.type === 'invoice.paid') assert.equal(typeof event.data.total, 'number');
  const stale = signWebhook(body, 'whsec_fresh', Math.floor(Date.now() / 1000) - 301);
  assert.throws(() => verifyWebhook(body, stale, 'whsec_fresh'), (e) => e.kind === 'too_old');
  assert.equal(verifyWebhook(body, stale, 'whsec_fresh', 400).type, 'invoice.paid');
});

test('a body that is not a webhook event is refused after its signature checks', () => {
  const body = '{"hello":"world"}';
  assert.throws(
    () => verifyWebhook(body, signWebhook(body, 'whsec_s'), 'whsec_s'),
    (e) => e instanceof WebhookVerificationError && e.kind === 'bad_payload',
  );
});

test('parsed JSON instead of the raw body is a TypeError, not a silent mismatch', () => {
  assert.throws(() => verifyWebhook({ id: 'evt_1' }, {}, 'whsec_s'), TypeError);
});
