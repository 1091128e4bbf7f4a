// The errors guide's table lists every error code the API answers with: each code and status
// of the spec's `x-error-codes` (the server's list) is a row of the built site, and every code
// an operation documents is in that list.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { errorCodes } from '../lib/spec.mjs';
import { builtDocument } from './site.mjs';

const doc = builtDocument();
const listed = doc['x-error-codes'] ?? [];
const guide = (doc.tags ?? []).find((t) => t['x-traitTag'] && t.name === 'Errors');

test('the spec lists error codes', () => assert.ok(listed.length > 0, 'the spec has no x-error-codes'));

test('the errors guide has a row for every listed code', () => {
  assert.ok(guide, 'the site has no Errors guide');
  const missing = listed.filter((e) => !guide.description.includes(`| \`${e.code}\` | ${e.status} | `));
  assert.deepEqual(missing, []);
});

test('every code an operation documents is in the list, at its status', () => {
  const known = new Set(listed.map((e) => `${e.code} ${e.status}`));
  const unlisted = errorCodes(doc).filter((e) => e.operations.length && !known.has(`${e.code} ${e.status}`));
  assert.deepEqual(unlisted.map((e) => `${e.code} ${e.status}`), []);
});

test('codes no operation documents are in the table too', () => {
  for (const code of ['internal_error', 'route_not_found', 'method_not_allowed', 'invalid_body']) {
    assert.match(guide.description, new RegExp(`\\| \`${code}\` \\| \\d{3} \\| \\S`), code);
  }
});
