// The programs the docs tests run samples against: the sandbox mock and the reference server,
// each on a free port, stopped when the test process ends.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './site.mjs';

const children = new Set();
process.on('exit', () => { for (const child of children) child.kill('SIGTERM'); });

/// Starts `binary args…` and resolves with its stdout once `ready(stdout)` returns a value.
function start(binary, args, ready, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'target', 'debug', binary), args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    children.add(child);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`${binary} did not start in 60 s:\n${out}${err}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const value = ready(out);
      if (value) {
        clearTimeout(timer);
        resolve({ ...value, stop: () => { child.kill('SIGTERM'); children.delete(child); } });
      }
    });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start ${binary}: ${e.message} (is it built?)`)); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${binary} exited with ${code}:\n${out}${err}`)); });
  });
}

/// The sandbox mock, serving `site` at /docs when given.
export function startMock(extraArgs = []) {
  return start('vinsnap-mock', ['--port', '0', ...extraArgs], (out) => {
    const m = out.match(/listening on (http:\/\/\S+)/);
    return m && { baseUrl: m[1] };
  });
}

/// The reference server on a fresh database: its address, the test key its first start prints
/// and the folder its invoice emails are written to.
export function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'vinsnap-docs-'));
  const outbox = join(dir, 'outbox');
  return start('vinsnap-server', ['serve', '--addr', '127.0.0.1:0', '--db', join(dir, 'vinsnap.db'), '--outbox', outbox], (out) => {
    const url = out.match(/listening on (http:\/\/\S+)/);
    const key = out.match(/^(vsk_test_\S+)$/m);
    return url && key && { baseUrl: url[1], testKey: key[1], outbox };
  }, { cwd: dir });
}
