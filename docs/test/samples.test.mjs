// Every sample of the built site runs: each operation's samples against the sandbox mock, the
// quickstarts against the reference server, the webhook verification samples against the
// shared signature vectors with each language's own toolchain. A language without a runner
// here, or an operation or guide without a sample in a required language, fails. Python and
// TypeScript samples run on the packages installed as a user installs them (packages.mjs),
// after passing `mypy --strict` and `tsc --strict`.
//
// Adding a language: a runner in OPERATION_RUNNERS (and QUICKSTART_RUNNERS), and its samples
// appear in the site through vinsnap-codegen's samples module (and docs/guides/quickstart/).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { builtDocument, guideSamples, operationSamples, ROOT } from './site.mjs';
import { checkPython, compileTypeScript, installNode, installPython } from './packages.mjs';
import { startMock, startServer } from './processes.mjs';

const WORK = join(ROOT, 'target', 'docs-samples');
const VECTORS = join(ROOT, 'sdk-rust', 'tests', 'vectors.json');
const RUST_BINARY = join(ROOT, 'target', 'debug', 'vinsnap-docs-samples');
const HARNESS = join(ROOT, 'docs', 'test', 'harness');

const doc = builtDocument();
const { ops, samples } = operationSamples(doc);
const guides = guideSamples(doc);

function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  if (result.error) throw result.error;
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed (${result.status}):\n${output}`);
  return { stdout: result.stdout, ms: Date.now() - started };
}

const withApi = (api) => ({ env: { ...process.env, VINSNAP_BASE_URL: api.baseUrl, VINSNAP_API_KEY: api.key } });

// A curl sample is one command; `--fail-with-body` makes an error answer a failure.
function curl(source, api) {
  const { stdout } = run('bash', ['-euo', 'pipefail', '-c', source], withApi(api));
  return stdout;
}

// Rust samples are compiled together, once (see compileRust), and run by name.
function rust(name, api) {
  return run(RUST_BINARY, [name], withApi(api)).stdout;
}

// Python samples are type-checked with `mypy --strict` together, once (see
// checkPythonSamples), against the package installed in a virtual environment (installPython);
// a sample with a diagnostic fails, the others run as scripts, from a folder outside the
// repository.
let python;
let pythonChecked;
function runPython(name, api) {
  const errors = pythonChecked.diagnostics[name];
  assert.ok(errors, `${name} was not checked`);
  assert.deepEqual(errors, [], `${name} does not type-check with mypy --strict:\n${errors.join('\n')}`);
  const file = pythonChecked.paths[name];
  return run(python, [file], { cwd: dirname(file), ...withApi(api) }).stdout;
}

// TypeScript samples are type-checked with `tsc --strict` together, once (see
// compileTypeScriptSamples), against the installed Node package; a sample with a diagnostic
// fails, the others run with node as the ES modules tsc made of them.
let typescript;
function runTypeScript(name, api) {
  const errors = typescript.diagnostics[name];
  assert.ok(errors, `${name} was not compiled`);
  assert.deepEqual(errors, [], `${name} does not type-check with tsc --strict:\n${errors.join('\n')}`);
  return run(process.execPath, [typescript.compiled[name]], { cwd: typescript.dir, ...withApi(api) }).stdout;
}

const OPERATION_RUNNERS = {
  curl: (sample, api) => JSON.parse(curl(sample.source, api)),
  Python: (sample, api) => runPython(`op_${sample.operationId}`, api),
  TypeScript: (sample, api) => runTypeScript(`op_${sample.operationId}`, api),
  Rust: (sample, api) => rust(`op:${sample.operationId}`, api),
};

const QUICKSTART_RUNNERS = {
  'quickstart/curl.sh': (sample, api) => curl(sample.source, api),
  'quickstart/python.py': (sample, api) => runPython('quickstart', api),
  'quickstart/typescript.ts': (sample, api) => runTypeScript('quickstart', api),
  'quickstart/rust.rs': (sample, api) => rust('quickstart', api),
};

// Each verification sample, written to a file and run by its language's harness.
const VERIFY_RUNNERS = {
  'webhooks/python.py': (source, dir) => run('python3', [join(HARNESS, 'verify_vectors.py'), write(dir, 'verify.py', source), VECTORS]),
  'webhooks/node.js': (source, dir) => run('node', [join(HARNESS, 'verify_vectors.mjs'), write(dir, 'verify.mjs', source), VECTORS]),
  'webhooks/php.php': (source, dir) => run('php', [join(HARNESS, 'verify_vectors.php'), write(dir, 'verify.php', source), VECTORS]),
  'webhooks/ruby.rb': (source, dir) => run('ruby', [join(HARNESS, 'verify_vectors.rb'), write(dir, 'verify.rb', source), VECTORS]),
  'webhooks/go.go': (source, dir) => {
    write(dir, 'verify.go', source);
    write(dir, 'go.mod', 'module vinsnapwebhook\n\ngo 1.19\n');
    copyFileSync(join(HARNESS, 'verify_vectors_test.go'), join(dir, 'verify_vectors_test.go'));
    return run('go', ['test', '-count=1', './...'], {
      cwd: dir,
      env: { ...process.env, VINSNAP_VECTORS: VECTORS, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOCACHE: join(WORK, 'go-cache'), GOPATH: join(WORK, 'go-path') },
    });
  },
  'webhooks/rust.rs': () => run(RUST_BINARY, ['verify-vectors'], { env: { ...process.env, VINSNAP_VECTORS: VECTORS } }),
};

function write(dir, name, text) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/// Every Rust sample of the site as a module of one binary (`vinsnap-docs-samples`), so they
/// compile once, in the workspace's target directory.
function compileRust() {
  const modules = [];
  const arms = [];
  const asModule = (name, source) => `#[allow(dead_code, unused_imports)]\nmod ${name} {\n${source.replace(/^(\s*)(async\s+)?fn main\(/m, '$1pub $2fn main(')}}\n`;
  for (const s of samples.filter((s) => s.label === 'Rust')) {
    const name = `op_${s.operationId}`;
    modules.push(asModule(name, s.source));
    arms.push([`op:${s.operationId}`, `${name}::main().map_err(|e| e.to_string())`]);
  }
  for (const g of guides) {
    if (g.path === 'quickstart/rust.rs') {
      modules.push(asModule('quickstart', g.source));
      arms.push(['quickstart', 'quickstart::main().map_err(|e| format!("{e:#}"))']);
    }
    if (g.path === 'webhooks/rust.rs') {
      modules.push(asModule('verify_sample', g.source));
      modules.push(`mod verify_vectors {\n${readFileSync(join(HARNESS, 'verify_vectors.rs'), 'utf8')}}\n`);
      arms.push(['verify-vectors', 'verify_vectors::run()']);
    }
  }
  const text = [
    '// Generated by docs/test/samples.test.mjs from the built site: do not edit.',
    ...modules,
    `pub const NAMES: &[&str] = &[${arms.map(([n]) => JSON.stringify(n)).join(', ')}];`,
    'pub fn run(name: &str) -> Option<Result<(), String>> {',
    '    Some(match name {',
    ...arms.map(([n, call]) => `        ${JSON.stringify(n)} => ${call},`),
    '        _ => return None,',
    '    })',
    '}',
  ].join('\n');
  const file = write(join(WORK, 'rust'), 'samples.rs', text + '\n');
  execFileSync('cargo', ['build', '--locked', '-q', '-p', 'vinsnap-docs-samples'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VINSNAP_DOCS_RUST_SAMPLES: file },
  });
}

/// Every Python sample of the site, checked by one `mypy --strict` run.
function checkPythonSamples() {
  const files = {};
  for (const s of samples.filter((s) => s.label === 'Python')) files[`op_${s.operationId}`] = s.source;
  for (const g of guides.filter((g) => g.path === 'quickstart/python.py')) files.quickstart = g.source;
  // Proof that a sample which does not type-check is caught: a wrong argument type.
  files.check_wrong_type = 'import vinsnap\n\nclient = vinsnap.Client("k")\nclient.customers.get(42)\n';
  const result = checkPython(join(WORK, 'python'), python, files);
  assert.deepEqual(result.other, [], `mypy reports problems outside the samples:\n${result.other.join('\n')}`);
  return result;
}

/// Every TypeScript sample of the site as a module of one project, checked and compiled by one
/// `tsc --strict` run.
function compileTypeScriptSamples() {
  const project = installNode(join(WORK, 'typescript'));
  const files = {};
  for (const s of samples.filter((s) => s.label === 'TypeScript')) files[`op_${s.operationId}`] = s.source;
  for (const g of guides.filter((g) => g.path === 'quickstart/typescript.ts')) files.quickstart = g.source;
  // Proof that a sample which does not type-check is caught: a wrong argument type.
  files.check_wrong_type = "import { Vinsnap } from 'vinsnap';\nconst client = new Vinsnap({ apiKey: 'k' });\nawait client.customers.get(42);\n";
  const result = compileTypeScript(project, files);
  assert.deepEqual(result.other, [], `tsc reports problems outside the samples:\n${result.other.join('\n')}`);
  return { ...result, dir: project.dir };
}

before(() => {
  let started = Date.now();
  compileRust();
  console.log(`# Rust samples compiled in ${Date.now() - started} ms`);
  started = Date.now();
  python = installPython(join(WORK, 'python'));
  pythonChecked = checkPythonSamples();
  console.log(`# Python package installed and samples checked in ${Date.now() - started} ms`);
  started = Date.now();
  typescript = compileTypeScriptSamples();
  console.log(`# Node package installed and TypeScript samples compiled in ${Date.now() - started} ms`);
});

test('a Python sample that does not type-check is reported', () => {
  const errors = pythonChecked.diagnostics.check_wrong_type;
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /^samples\/check_wrong_type\.py:4: error: .*\[arg-type\]/);
});

test('a TypeScript sample that does not type-check is reported', () => {
  const errors = typescript.diagnostics.check_wrong_type;
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /^src\/check_wrong_type\.ts\(3,\d+\): error TS2345/);
});

describe('every operation has a sample in every language', () => {
  test('the site documents operations', () => assert.ok(ops.length > 0));
  for (const { operationId } of ops) {
    test(operationId, () => {
      const labels = samples.filter((s) => s.operationId === operationId).map((s) => s.label);
      for (const language of Object.keys(OPERATION_RUNNERS)) {
        assert.ok(labels.includes(language), `${operationId} has no ${language} sample (has: ${labels.join(', ')})`);
      }
      for (const label of labels) assert.ok(OPERATION_RUNNERS[label], `no runner for ${label} samples`);
    });
  }
});

describe('operation samples against the sandbox mock', () => {
  let mock;
  before(async () => { mock = await startMock(); });
  after(() => mock?.stop());
  for (const sample of samples.filter((s) => OPERATION_RUNNERS[s.label])) {
    test(`${sample.operationId} (${sample.label})`, () => {
      OPERATION_RUNNERS[sample.label](sample, { baseUrl: mock.baseUrl, key: 'vsk_test_docsSamples1234' });
    });
  }
});

describe('quickstarts against the reference server', () => {
  let server;
  before(async () => { server = await startServer(); });
  after(() => server?.stop());
  test('every quickstart language is there and has a runner', () => {
    const paths = guides.filter((g) => g.path.startsWith('quickstart/')).map((g) => g.path);
    for (const path of Object.keys(QUICKSTART_RUNNERS)) assert.ok(paths.includes(path), `the quickstart has no ${path}`);
    for (const path of paths) assert.ok(QUICKSTART_RUNNERS[path], `no runner for ${path}`);
  });
  for (const sample of guides.filter((g) => QUICKSTART_RUNNERS[g.path])) {
    test(sample.path, () => {
      const emails = () => { try { return readdirSync(server.outbox).filter((f) => f.endsWith('.eml')); } catch { return []; } };
      const before = emails();
      const out = QUICKSTART_RUNNERS[sample.path](sample, { baseUrl: server.baseUrl, key: server.testKey });
      const sent = emails().filter((f) => !before.includes(f));
      assert.equal(sent.length, 1, `one invoice email expected in ${server.outbox}; output:\n${out}`);
      const email = readFileSync(join(server.outbox, sent[0]), 'utf8');
      assert.match(email, /s\.chen@email\.com/);
      assert.match(email, /application\/pdf/);
      assert.match(out, /inv_[0-9a-z]{26}/, 'the quickstart prints the invoice it sent');
    });
  }
});

describe('webhook verification samples against the shared vectors', () => {
  test('every verification language is there and has a runner', () => {
    const paths = guides.filter((g) => g.path.startsWith('webhooks/')).map((g) => g.path);
    for (const path of Object.keys(VERIFY_RUNNERS)) assert.ok(paths.includes(path), `the webhooks guide has no ${path}`);
    for (const path of paths) assert.ok(VERIFY_RUNNERS[path], `no runner for ${path}`);
  });
  for (const sample of guides.filter((g) => VERIFY_RUNNERS[g.path])) {
    test(sample.path, () => {
      const { stdout, ms } = VERIFY_RUNNERS[sample.path](sample.source, join(WORK, sample.path.replace(/[/.]/g, '-')));
      assert.doesNotMatch(stdout, /FAIL/);
      console.log(`# ${sample.path}: ${ms} ms`);
    });
  }
});
