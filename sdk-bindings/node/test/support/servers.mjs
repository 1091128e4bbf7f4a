// The real server and the sandbox mock, started by the tests from the binaries Cargo built.
//
// Each is started on a free port (`--addr 127.0.0.1:0`, `--port 0`) and read back from the line
// it prints; the server gets a fresh database in a temporary directory. Binaries come from the
// workspace's target directory (`cargo test --workspace` builds them), or from
// VINSNAP_SERVER_BIN / VINSNAP_MOCK_BIN.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const targetDir = process.env.CARGO_TARGET_DIR
  ? resolve(process.env.CARGO_TARGET_DIR)
  : resolve(packageRoot, '..', '..', 'target');

function binary(name, envVar) {
  const path = process.env[envVar] ?? join(targetDir, 'debug', name);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: build it with \`cargo build -p ${name}\` (or \`cargo test --workspace\`), or set ${envVar}`,
    );
  }
  return path;
}

/** Starts `command` and resolves once a stdout line matches `ready`, with every line so far. */
function start(command, args, ready, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    const lines = [];
    let stderr = '';
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} did not start within 60 s; stderr:\n${stderr}`));
    }, 60_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        if (ready.test(line)) {
          clearTimeout(timer);
          resolvePromise({ child, lines });
        }
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code ?? signal}) before it was ready; stderr:\n${stderr}`));
    });
  });
}

function stopper(child, cleanup) {
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timeout);
    }
    cleanup?.();
  };
  // A test process that ends without its after() hook still takes its server with it.
  process.once('exit', () => child.kill('SIGKILL'));
  return stop;
}

/** Rate limits high enough that a test run never waits on them (the limiter still runs). */
const RAISED_LIMITS = {
  free: { reads: 100000, writes: 100000, parts_search: 100000, vin_decode: 100000 },
  pro: { reads: 100000, writes: 100000, parts_search: 100000, vin_decode: 100000 },
  enterprise: { reads: 100000, writes: 100000, parts_search: 100000, vin_decode: 100000 },
  throttle_after_rejections: 10,
  throttle_seconds: 60,
};

/**
 * The reference server on a fresh SQLite database, with local webhook receivers allowed and
 * the retry schedule shrunk. Resolves with `{ baseUrl, testKey, liveKey, stop }`.
 */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'vinsnap-node-server-'));
  const limits = join(dir, 'rate-limits.json');
  writeFileSync(limits, JSON.stringify(RAISED_LIMITS));
  const { child, lines } = await start(
    binary('vinsnap-server', 'VINSNAP_SERVER_BIN'),
    [
      'serve',
      '--addr', '127.0.0.1:0',
      '--db', join(dir, 'test.db'),
      '--outbox', join(dir, 'outbox'),
      '--allow-local-webhooks',
      '--webhook-time-scale', '0.001',
      '--rate-limits', limits,
    ],
    /listening on http:\/\//,
    { cwd: dir },
  );
  const baseUrl = lines.at(-1).match(/http:\/\/\S+/)[0];
  const testKey = lines.find((l) => l.startsWith('vsk_test_'));
  const liveKey = lines.find((l) => l.startsWith('vsk_live_'));
  return {
    baseUrl,
    testKey,
    liveKey,
    stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })),
  };
}

/** The sandbox mock. Resolves with `{ baseUrl, stop }`. */
export async function startMock() {
  const { child, lines } = await start(binary('vinsnap-mock', 'VINSNAP_MOCK_BIN'), ['--port', '0'], /listening on http:\/\//);
  return { baseUrl: lines.at(-1).match(/http:\/\/\S+/)[0], stop: stopper(child) };
}

/** Any well-formed sandbox key: the mock accepts every `vsk_test_` key. */
export const MOCK_KEY = 'vsk_test_nodesdk0000000000000000';
