// The package as a new user gets it: `npm install <path to sdk-bindings/node>` into a fresh npm
// project (as a link, npm's default for a folder, and as a copy with --install-links, which
// packs the folder and so proves `files` ships the addon and dist/), then an ES module file and
// a CommonJS file calling the sandbox mock, and the user's TypeScript checked with `tsc --strict`.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { MOCK_KEY, startMock } from './support/servers.mjs';

const require = createRequire(import.meta.url);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = require.resolve('typescript/bin/tsc');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let mock;
const projects = [];

before(async () => {
  mock = await startMock();
});

after(async () => {
  await mock?.stop();
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

function project(name) {
  const dir = mkdtempSync(join(tmpdir(), `vinsnap-user-${name}-`));
  projects.push(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `user-${name}`, version: '1.0.0', private: true }, null, 2));
  return dir;
}

function run(dir, command, args) {
  try {
    return execFileSync(command, args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, MOCK_URL: mock.baseUrl, MOCK_KEY, npm_config_audit: 'false', npm_config_fund: 'false' },
    });
  } catch (error) {
    assert.fail(`${command} ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`);
  }
}

const esm = `
import { createRequire } from 'node:module';
import Default, { Vinsnap, NotFoundError, verifyWebhook, signWebhook } from 'vinsnap';

const client = new Vinsnap({ apiKey: process.env.MOCK_KEY, baseUrl: process.env.MOCK_URL });
const customer = await client.customers.get('cus_01jd3q9a1bc2d3e4f5g6h7j8k9');
let items = 0;
for await (const job of client.jobs.list({ limit: 100 })) items += 1;
const failing = new Vinsnap({
  apiKey: process.env.MOCK_KEY,
  baseUrl: process.env.MOCK_URL,
  maxRetries: 0,
  defaultHeaders: { Prefer: 'code=404' },
});
const error = await failing.customers.get('cus_01jd3q9a1bc2d3e4f5g6h7j8k9').catch((e) => e);
const cjs = createRequire(import.meta.url)('vinsnap');
const body = '{"id":"evt_1","type":"ping","created_at":"2026-11-22T10:15:30Z","livemode":false,"data":{"message":"hi"}}';
const event = verifyWebhook(body, signWebhook(body, 'whsec_x'), 'whsec_x');
console.log(JSON.stringify({
  id: customer.id,
  items,
  notFound: error instanceof NotFoundError && error.status === 404,
  sameClasses: cjs.NotFoundError === NotFoundError && cjs.Vinsnap === Vinsnap && Default === Vinsnap,
  event: event.type,
}));
`;

const cjs = `
const { Vinsnap, NotFoundError } = require('vinsnap');

(async () => {
  const client = new Vinsnap({ apiKey: process.env.MOCK_KEY, baseUrl: process.env.MOCK_URL });
  const created = await client.customers.create({ name: 'Sarah Chen', phone: null });
  const page = await client.customers.list({ limit: 5 });
  const error = await new Vinsnap({ apiKey: process.env.MOCK_KEY, baseUrl: process.env.MOCK_URL, maxRetries: 0, defaultHeaders: { Prefer: 'code=404' } })
    .jobs.get('job_01jd3q9a1bc2d3e4f5g6h7j8k9')
    .catch((e) => e);
  console.log(JSON.stringify({ name: created.name, page: page.data.length, notFound: error instanceof NotFoundError }));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
`;

// The user's own TypeScript, checked without @types/node: the package's types stand alone.
// The same file as an ES module (user.mts) and as CommonJS (user.cts): each resolves the
// package's types through its own condition of `exports`.
const userTs = `
import { Vinsnap, NotFoundError, type Customer, type Event, verifyWebhook } from 'vinsnap';

export async function main(key: string): Promise<string> {
  const client = new Vinsnap({ apiKey: key });
  const customer: Customer = await client.customers.create({ name: 'Sarah Chen', email: null });
  await client.jobs.changeStatus('job_01jd3q9a1bc2d3e4f5g6h7j8k9', { status: 'in-progress' });
  const titles: string[] = [];
  for await (const job of client.jobs.list({ status: 'pending' })) titles.push(job.title);
  // @ts-expect-error a misspelt field does not compile
  await client.customers.update(customer.id, { nmae: 'x' });
  try {
    await client.customers.get(customer.id);
  } catch (e) {
    if (e instanceof NotFoundError) return e.code ?? 'none';
  }
  const event: Event = verifyWebhook('{}', { 'x-vinsnap-signature': 'sha256=00' }, 'whsec_x');
  if (event.type === 'job.completed') return event.data.title;
  return customer.id;
}
`;

const tsconfig = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    types: [],
  },
  files: ['user.mts', 'user.cts'],
};

for (const [name, flags] of [
  ['linked', []],
  ['copied', ['--install-links']],
]) {
  test(`npm install <path> (${name}): ESM and CommonJS files call the API, the user's TypeScript type-checks`, () => {
    const dir = project(name);
    run(dir, npm, ['install', '--no-audit', '--no-fund', ...flags, packageDir]);

    writeFileSync(join(dir, 'app.mjs'), esm);
    const fromEsm = JSON.parse(run(dir, process.execPath, ['app.mjs']));
    assert.deepEqual(fromEsm, {
      id: 'cus_01jd3q9a1bc2d3e4f5g6h7j8k9',
      items: 120,
      notFound: true,
      sameClasses: true,
      event: 'ping',
    });

    writeFileSync(join(dir, 'app.cjs'), cjs);
    assert.deepEqual(JSON.parse(run(dir, process.execPath, ['app.cjs'])), { name: 'Sarah Chen', page: 5, notFound: true });

    writeFileSync(join(dir, 'user.mts'), userTs);
    writeFileSync(join(dir, 'user.cts'), userTs);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    run(dir, process.execPath, [tsc, '-p', 'tsconfig.json']);
  });
}
