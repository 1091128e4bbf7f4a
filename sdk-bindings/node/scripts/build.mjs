// `npm run build`: the native addon with Cargo from this repository, then the TypeScript.
//
//   node scripts/build.mjs                 release addon (what an application should run)
//   node scripts/build.mjs --profile dev   debug addon, as `cargo test` builds it
//
// The addon is built in the Cargo workspace's own target directory, so it shares every compiled
// dependency with the rest of the workspace. `VINSNAP_NODE_CARGO` replaces the Cargo command's
// arguments: the test suite sets it to the command it runs anyway (`test --workspace --no-run`),
// so the addon comes out of that build, with the workspace's features, instead of a second
// build of the SDK (`cargo build -p vinsnap-node` alone unifies fewer features, so it would
// recompile tokio, hyper, reqwest and the SDK).
//
// Then: `vinsnap.node` (the addon, copied next to package.json), `tsc` into `dist/` (CommonJS
// with declarations), and `dist/index.mjs` + `dist/index.d.mts`, the ES module entry point,
// which re-exports the CommonJS module so that both ways of loading the package share one copy
// of every class (and `instanceof` holds across them).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
const profile = profileAt >= 0 ? args[profileAt + 1] : 'release';
if (!['release', 'dev'].includes(profile)) {
  console.error(`unknown profile ${profile}: use release or dev`);
  process.exit(2);
}

function run(command, commandArgs) {
  console.error(`> ${command} ${commandArgs.join(' ')}`);
  try {
    execFileSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  } catch (error) {
    console.error(`build failed: ${command} exited with ${error.status ?? error.signal ?? error.message}`);
    process.exit(1);
  }
}

// 1. The addon. Cargo names the file it built (fresh or not) in its JSON messages.
const cargoArgs = process.env.VINSNAP_NODE_CARGO
  ? process.env.VINSNAP_NODE_CARGO.split(/\s+/).filter(Boolean)
  : ['build', '--package', 'vinsnap-node', '--lib', '--profile', profile];
console.error(`> cargo ${cargoArgs.join(' ')}`);
let messages;
try {
  messages = execFileSync('cargo', [...cargoArgs, '--message-format=json-render-diagnostics'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
} catch (error) {
  console.error(`build failed: cargo exited with ${error.status ?? error.signal ?? error.message}`);
  process.exit(1);
}
const built = messages
  .split('\n')
  .filter((line) => line.startsWith('{'))
  .map((line) => JSON.parse(line))
  .filter((m) => m.reason === 'compiler-artifact' && m.target?.name === 'vinsnap_node')
  .flatMap((m) => m.filenames)
  .find((file) => /\.(so|dylib|dll)$/.test(file));
if (!built || !existsSync(built)) {
  console.error('the Cargo command did not build the vinsnap-node addon (no cdylib among its artifacts)');
  process.exit(1);
}
// Copied then renamed: a process that has the old addon loaded keeps a valid file.
const addon = join(root, 'vinsnap.node');
copyFileSync(built, `${addon}.tmp`);
renameSync(`${addon}.tmp`, addon);
console.error(`${built} -> vinsnap.node`);

// 2. The TypeScript, as CommonJS with declarations.
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);

// 3. The ES module entry point over the CommonJS one.
const names = Object.keys(require(join(root, 'dist', 'index.js'))).filter((n) => n !== 'default' && n !== '__esModule');
writeFileSync(
  join(root, 'dist', 'index.mjs'),
  [
    '// The ES module entry point: the CommonJS module\'s exports, so both share one copy of every class.',
    "import cjs from './index.js';",
    '',
    `export const { ${names.join(', ')} } = cjs;`,
    'export default cjs.Vinsnap;',
    '',
  ].join('\n'),
);
writeFileSync(
  join(root, 'dist', 'index.d.mts'),
  [
    "export * from './index.js';",
    "import { Vinsnap } from './index.js';",
    'export default Vinsnap;',
    '',
  ].join('\n'),
);
console.error('built dist/ (CommonJS, ES module entry point, declarations)');
