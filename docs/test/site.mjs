// Reads the built site (target/docs/index.html) back: the document Redoc renders is embedded
// in the page, so the samples found here are exactly the ones a reader sees.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { operations } from '../lib/spec.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.VINSNAP_DOCS_SITE ?? join(ROOT, 'target', 'docs', 'index.html');

/// The document embedded in the built page.
export function builtDocument(path = SITE) {
  let html;
  try {
    html = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: build the site with ./scripts/docs`);
  }
  const match = html.match(/const __redoc_definition = (.*);\n/);
  if (!match) throw new Error(`${path} embeds no Redoc definition`);
  return JSON.parse(match[1]);
}

/// Every operation's `x-codeSamples`: `[{ operationId, label, lang, source }]`, and the
/// operations (`{ operationId, method, path }`).
export function operationSamples(doc) {
  const ops = operations(doc).map(({ path, method, operation }) => ({ operationId: operation.operationId, method, path, operation }));
  const samples = ops.flatMap(({ operationId, operation }) =>
    (operation['x-codeSamples'] ?? []).map((s) => ({ operationId, label: s.label ?? s.lang, lang: s.lang, source: s.source })));
  return { ops, samples };
}

/// Every sample file the guides include (`<!-- sample: folder/file -->` before a fenced block),
/// as `{ guide, path, source }`.
export function guideSamples(doc) {
  const out = [];
  for (const tag of doc.tags ?? []) {
    if (!tag['x-traitTag']) continue;
    const pattern = /<!-- sample: (\S+) -->\n(`{3,})[^\n]*\n([\s\S]*?)\n\2/g;
    for (const m of (tag.description ?? '').matchAll(pattern)) {
      out.push({ guide: tag.name, path: m[1], source: m[3] + '\n' });
    }
  }
  return out;
}
