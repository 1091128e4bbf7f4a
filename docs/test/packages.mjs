// The Python and Node packages installed as a user installs them, for the samples that use
// them: each in a project of its own under target/docs-samples/, outside the repository's
// source tree, so a sample imports `vinsnap` from the installed copy and nothing else.
//
// Both come from the build `./scripts/test` already made (nothing is compiled again here): the
// Node package needs its addon and dist/ (`npm run build` in sdk-bindings/node), the Python
// package its native module (scripts/test copies the workspace build's lib_native.so in).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ROOT } from './site.mjs';

const NODE_PACKAGE = join(ROOT, 'sdk-bindings', 'node');
const PYTHON_PACKAGE = join(ROOT, 'sdk-bindings', 'python');

function exec(command, args, options = {}) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? error.message}`);
  }
}

/// A fresh virtual environment with the `vinsnap` wheel installed by pip; returns its python.
/// The wheel holds the package's files and the native module as built (harness/wheel.py), the
/// files `pip install ./sdk-bindings/python` installs after maturin compiles them.
export function installPython(dir) {
  if (!existsSync(join(PYTHON_PACKAGE, 'python', 'vinsnap', '_native.abi3.so'))) {
    throw new Error('the Python package has no native module: run ./scripts/test, or copy target/debug/deps/lib_native.so to sdk-bindings/python/python/vinsnap/_native.abi3.so');
  }
  // A fresh venv and wheel; the folder keeps mypy's cache between runs.
  for (const old of ['venv', 'dist']) rmSync(join(dir, old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const wheel = exec('python3', [join(ROOT, 'docs', 'test', 'harness', 'wheel.py'), PYTHON_PACKAGE, join(dir, 'dist')]).trim();
  exec('python3', ['-m', 'venv', join(dir, 'venv')]);
  const python = join(dir, 'venv', 'bin', 'python');
  exec(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-index', '--no-deps', wheel]);
  return python;
}

/// Type-checks every Python file of `files` (`{ name: source }`) with `mypy --strict` against
/// the package installed for `python` (its `py.typed` types); returns each file's path and
/// diagnostics, by name. mypy is the one `./scripts/test` installs into the repository's .venv.
export function checkPython(dir, python, files) {
  const mypy = join(ROOT, '.venv', 'bin', 'mypy');
  if (!existsSync(mypy)) throw new Error(`${mypy} is missing: ./scripts/test installs it (pip install -r sdk-bindings/python/tests/requirements.txt)`);
  const src = join(dir, 'samples');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const paths = {};
  for (const [name, source] of Object.entries(files)) {
    paths[name] = join(src, `${name}.py`);
    writeFileSync(paths[name], source);
  }
  let output = '';
  try {
    execFileSync(mypy, ['--strict', '--python-executable', python, '--cache-dir', join(dir, 'mypy-cache'), '--no-error-summary', '--hide-error-context', ...Object.values(paths)], {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    if (!output.trim()) throw error;
  }
  const lines = output.split('\n').filter((line) => line.trim());
  const of = (name) => (line) => line.startsWith(`samples/${name}.py:`);
  const diagnostics = {};
  for (const name of Object.keys(files)) diagnostics[name] = lines.filter(of(name));
  const other = lines.filter((line) => !Object.keys(files).some((name) => of(name)(line)));
  return { paths, diagnostics, other };
}

/// A fresh npm project (`"type": "module"`, so samples may use top-level await) with the
/// package installed by `npm install --install-links <folder>`: npm packs the folder as it would
/// be published (its `files`) and installs the copy. Returns the project's folder and `tsc`,
/// the TypeScript of the package's own development tools, with which samples are checked.
export function installNode(dir) {
  for (const built of ['vinsnap.node', join('dist', 'index.mjs')]) {
    if (!existsSync(join(NODE_PACKAGE, built))) {
      throw new Error(`sdk-bindings/node/${built} is missing: build the package (cd sdk-bindings/node && npm run build), as ./scripts/test does`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'vinsnap-docs-samples', private: true, type: 'module' }, null, 2));
  exec('npm', ['install', '--install-links', '--no-audit', '--no-fund', '--loglevel=error', NODE_PACKAGE], {
    cwd: dir,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  const require = createRequire(join(NODE_PACKAGE, 'package.json'));
  return { dir, tsc: require.resolve('typescript/bin/tsc'), typeRoots: join(NODE_PACKAGE, 'node_modules', '@types') };
}

/// Type-checks and compiles every `.ts` file of `files` (`{ name: source }`) with `tsc --strict`
/// in the project; returns the compiled file of each name and the diagnostics of each, by name.
export function compileTypeScript({ dir, tsc, typeRoots }, files) {
  const src = join(dir, 'src');
  rmSync(src, { recursive: true, force: true });
  rmSync(join(dir, 'out'), { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  for (const [name, source] of Object.entries(files)) writeFileSync(join(src, `${name}.ts`), source);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      types: ['node'],
      typeRoots: [typeRoots],
      rootDir: 'src',
      outDir: 'out',
      skipLibCheck: false,
    },
    include: ['src'],
  }, null, 2));
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    if (!output.trim()) throw error;
  }
  // One diagnostic per line, its continuation lines (indented) joined to it.
  const entries = [];
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line) && entries.length) entries[entries.length - 1] += `\n${line}`;
    else entries.push(line);
  }
  const of = (name) => (entry) => entry.startsWith(`src/${name}.ts(`);
  const diagnostics = {};
  const compiled = {};
  for (const name of Object.keys(files)) {
    diagnostics[name] = entries.filter(of(name));
    compiled[name] = join(dir, 'out', `${name}.js`);
  }
  // Diagnostics about no sample (an option, the installed package's declarations).
  const other = entries.filter((entry) => !Object.keys(files).some((name) => of(name)(entry)));
  return { compiled, diagnostics, other };
}
