// Benchmark (not a test): `customers.get` calls per second through vinsnap and through
// openapi-fetch (types from openapi-typescript), against the same release server, in one run,
// interleaved: each round measures both clients back to back, in alternating order, so a
// slower or busier moment of the machine falls on both.
//
//   npm run bench                       (from sdk-bindings/node, after `npm install`)
//   ROUNDS=7 SEQUENTIAL=3000 CONCURRENT=16000 npm run bench
//
// It builds the release server and the release addon in one Cargo command (one feature set,
// nothing compiled twice), generates the openapi-fetch types from openapi/openapi.json, and
// type-checks and compiles bench/clients.mts.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const require = createRequire(import.meta.url);

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 2000);
const CONCURRENT = Number(process.env.CONCURRENT ?? 8000);
const WORKERS = 32;

function step(what, command, args, env = {}) {
  console.error(`== ${what}`);
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

step('release server and addon (one Cargo build)', process.execPath, ['scripts/build.mjs'], {
  VINSNAP_NODE_CARGO: 'build --release --locked --package vinsnap-server --package vinsnap-node',
});
mkdirSync(join(here, '.generated'), { recursive: true });
step('openapi-fetch types (openapi-typescript)', process.execPath, [
  // Its `exports` map `./*.js` to `./*.mjs`, so its bin is found from the package's folder.
  join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js'),
  resolve(root, '..', '..', 'openapi', 'openapi.json'),
  '--output',
  join(here, '.generated', 'openapi.d.ts'),
]);
step('type-check and compile bench/clients.mts', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')]);

const targetDir = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }),
).target_directory;
process.env.VINSNAP_SERVER_BIN = join(targetDir, 'release', 'vinsnap-server');
const { startServer } = await import('../test/support/servers.mjs');
const { clients } = await import('./.out/clients.mjs');
const { Vinsnap } = require('vinsnap');

const server = await startServer();
try {
  const setup = new Vinsnap({ apiKey: server.testKey, baseUrl: server.baseUrl });
  const { id } = await setup.customers.create({ name: 'Bench Customer', email: 'bench@example.com' });
  const contenders = clients(server.baseUrl, server.testKey);

  async function sequential(get, n) {
    const started = performance.now();
    for (let i = 0; i < n; i += 1) await get(id);
    return n / ((performance.now() - started) / 1000);
  }

  async function concurrent(get, n) {
    const started = performance.now();
    let left = n;
    const worker = async () => {
      while (left > 0) {
        left -= 1;
        await get(id);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    return n / ((performance.now() - started) / 1000);
  }

  for (const get of Object.values(contenders)) {
    await sequential(get, 300);
    await concurrent(get, 1000);
  }

  const names = Object.keys(contenders);
  const results = { sequential: {}, concurrent: {} };
  for (const name of names) {
    results.sequential[name] = [];
    results.concurrent[name] = [];
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      results.sequential[name].push(await sequential(contenders[name], SEQUENTIAL));
      results.concurrent[name].push(await concurrent(contenders[name], CONCURRENT));
    }
    console.error(`round ${round + 1}/${ROUNDS} done`);
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (x) => Math.round(x).toLocaleString('en-US').padStart(8);
  console.log(
    `\ncustomers.get, calls/s: median of ${ROUNDS} interleaved rounds (${SEQUENTIAL} sequential calls, ` +
      `${CONCURRENT} calls over ${WORKERS} concurrent workers), release server and addon, Node ${process.version}\n`,
  );
  console.log('                 vinsnap  openapi-fetch   ratio   goal');
  for (const [mode, goal] of [
    ['sequential', 1.0],
    ['concurrent', 1.2],
  ]) {
    const ours = median(results[mode].vinsnap);
    const theirs = median(results[mode]['openapi-fetch']);
    const ratio = ours / theirs;
    console.log(
      `${mode === 'sequential' ? 'sequential     ' : '32 concurrent  '} ${fmt(ours)}       ${fmt(theirs)}   ${ratio.toFixed(2)}x  >= ${goal.toFixed(1)}x ${ratio >= goal ? 'met' : 'NOT met'}`,
    );
  }
  console.log(`\nper round (vinsnap / openapi-fetch):`);
  for (const mode of ['sequential', 'concurrent']) {
    console.log(
      `  ${mode}: ${results[mode].vinsnap.map((v, i) => `${Math.round(v)}/${Math.round(results[mode]['openapi-fetch'][i])}`).join('  ')}`,
    );
  }
} finally {
  await server.stop();
}
