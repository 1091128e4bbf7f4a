// Runs the Node webhook verification sample against the shared vectors.
// usage: node verify_vectors.mjs SAMPLE.mjs VECTORS.json
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const sample = await import(pathToFileURL(process.argv[2]).href);
const vectors = JSON.parse(readFileSync(process.argv[3], 'utf8'));
let passed = 0;
let failed = 0;
for (const v of vectors.verification) {
  let ok;
  let got;
  try {
    const event = sample.verify(Buffer.from(v.body, 'utf8'), v.headers, v.secret, v.now);
    ok = v.expect.valid && event.type === v.expect.event_type;
    got = `valid ${event.type}`;
  } catch (e) {
    if (!(e instanceof sample.WebhookVerificationError)) throw e;
    ok = !v.expect.valid && e.kind === v.expect.error;
    got = `error ${e.kind}`;
  }
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL ${v.name}: expected ${JSON.stringify(v.expect)}, got ${got}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
