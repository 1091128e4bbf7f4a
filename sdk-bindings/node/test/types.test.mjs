// The types: `tsc --strict` on a user's file that touches every operation and whose
// `@ts-expect-error` lines must each be a compile error; and no `any` in the public declarations.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { OPERATIONS } from './support/recorder.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = require.resolve('typescript/bin/tsc');

test('tsc --strict accepts the usage file, and each of its @ts-expect-error lines is an error', () => {
  // An `@ts-expect-error` line that compiles fails tsc ("Unused '@ts-expect-error' directive").
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'test', 'types')], { encoding: 'utf8' });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
  const usage = readFileSync(join(root, 'test', 'types', 'usage.ts'), 'utf8');
  assert.ok((usage.match(/@ts-expect-error/g) ?? []).length >= 10);
  for (const mistake of ['a misspelt field', 'a wrong enum value', 'a missing required field']) {
    assert.ok(usage.includes(`@ts-expect-error ${mistake}`), mistake);
  }
});

test('the usage file calls every operation of the spec', () => {
  const usage = readFileSync(join(root, 'test', 'types', 'usage.ts'), 'utf8');
  const missing = Object.entries(OPERATIONS)
    .map(([id, shape]) => [id, `client.${shape.resource}.${shape.method}(`])
    .filter(([, call]) => !usage.includes(call));
  assert.deepEqual(missing, []);
});

function declarations(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declarations(path);
    return /\.d\.m?ts$/.test(entry.name) ? [path] : [];
  });
}

test('no `any` in the public declarations', () => {
  const offenders = [];
  for (const file of declarations(join(root, 'dist'))) {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/'(?:[^'\\]|\\.)*'/g, "''");
    code.split('\n').forEach((line, i) => {
      if (/\bany\b/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(offenders, []);
});
