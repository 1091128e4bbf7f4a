// Assembles the site's input and renders it with Redoc (`@redocly/cli build-docs`).
//
//   node build.mjs SPEC_WITH_SAMPLES OUT_DIR
//
// SPEC_WITH_SAMPLES is `vinsnap-codegen docs-spec`'s output: the committed spec plus every
// operation's code samples. This script adds the guides (Markdown in guides/, one per file, in
// file-name order) as Redoc "trait tags", groups the sidebar (Guides, Reference), expands the
// guides' generated parts (included sample files, the error-code table built from the spec) and
// writes OUT_DIR/index.html. Nothing here is written per endpoint.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { errorCodes } from './lib/spec.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const guidesDir = join(here, 'guides');

// The languages a guide section lists once per language, in tab order. A file missing from a
// section's folder is a language that section does not offer (yet); the docs tests list which.
export const LANGUAGES = [
  { file: 'curl.sh', label: 'curl', fence: 'sh' },
  { file: 'python.py', label: 'Python', fence: 'python' },
  { file: 'typescript.ts', label: 'TypeScript', fence: 'typescript' },
  { file: 'rust.rs', label: 'Rust', fence: 'rust' },
  { file: 'node.js', label: 'Node', fence: 'javascript' },
  { file: 'php.php', label: 'PHP', fence: 'php' },
  { file: 'ruby.rb', label: 'Ruby', fence: 'ruby' },
  { file: 'go.go', label: 'Go', fence: 'go' },
];

const FENCE_BY_EXTENSION = { '.sh': 'sh', '.rs': 'rust', '.py': 'python', '.ts': 'typescript', '.js': 'javascript', '.php': 'php', '.rb': 'ruby', '.go': 'go', '.json': 'json' };

/// One included file as a fenced block, preceded by a comment naming it (the tests find the
/// samples in the built site by that name).
function fenced(relative) {
  const text = readFileSync(join(guidesDir, relative), 'utf8').trimEnd();
  const fence = FENCE_BY_EXTENSION[extname(relative)] ?? '';
  const ticks = text.includes('```') ? '````' : '```';
  return `<!-- sample: ${relative} -->\n${ticks}${fence}\n${text}\n${ticks}`;
}

/// Expands a guide's directives:
/// - `<!-- include: path -->`: that file, fenced;
/// - `<!-- languages: folder -->`: each language's file in that folder, under a heading
///   per language (`### Rust`);
/// - `<!-- error-codes -->`: the table of every error code the API answers with (the spec's
///   `x-error-codes`, with the operations' examples).
function expand(markdown, spec) {
  return markdown
    .replace(/<!-- include: (\S+) -->/g, (_, path) => fenced(path))
    .replace(/<!-- languages: (\S+) -->/g, (_, folder) =>
      LANGUAGES.filter((l) => existsSync(join(guidesDir, folder, l.file)))
        .map((l) => `### ${l.label}\n\n${fenced(`${folder}/${l.file}`)}`)
        .join('\n\n'))
    .replace(/<!-- error-codes -->/g, () => errorTable(spec));
}

function errorTable(spec) {
  const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = errorCodes(spec).map((e) =>
    `| \`${e.code}\` | ${e.status} | ${cell(e.meaning)} | ${e.message ? cell(e.message) : '—'} |`);
  return ['| code | status | meaning | example message |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/// The guides in file-name order: `# Title` on the first line names the sidebar entry.
export function guides(spec) {
  return readdirSync(guidesDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(guidesDir, file), 'utf8');
      const match = text.match(/^# (.+)\n/);
      if (!match) throw new Error(`guides/${file} must start with "# Title"`);
      return { name: match[1].trim(), description: expand(text.slice(match[0].length), spec).trim() };
    });
}

export function siteSpec(spec) {
  const site = structuredClone(spec);
  const list = guides(spec);
  const reference = (site.tags ?? []).map((t) => t.name);
  site.tags = [...list.map((g) => ({ ...g, 'x-traitTag': true })), ...(site.tags ?? [])];
  site['x-tagGroups'] = [
    { name: 'Guides', tags: list.map((g) => g.name) },
    { name: 'Reference', tags: reference },
  ];
  return site;
}

/// Redoc shows only the code sample languages it is told of (its default list has no Rust):
/// every language the samples use, in the order the first operation lists them.
export function redocOptions(site) {
  const languages = new Map();
  for (const item of Object.values(site.paths ?? {})) {
    for (const operation of Object.values(item)) {
      for (const sample of operation?.['x-codeSamples'] ?? []) {
        const label = sample.label ?? sample.lang;
        if (!languages.has(label)) languages.set(label, { lang: sample.lang, label });
      }
    }
  }
  return { codeSamples: { languages: [...languages.values()] } };
}

function main() {
  const [specPath, outDir] = process.argv.slice(2);
  if (!specPath || !outDir) {
    console.error('usage: node build.mjs SPEC_WITH_SAMPLES OUT_DIR');
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(specPath, 'utf8'));
  const site = siteSpec(spec);
  const input = join(dirname(specPath), 'site.json');
  writeFileSync(input, JSON.stringify(site, null, 2));
  const options = join(dirname(specPath), 'redoc-options.json');
  writeFileSync(options, JSON.stringify(redocOptions(site), null, 2));
  mkdirSync(outDir, { recursive: true });
  const redocly = join(here, 'node_modules', '.bin', 'redocly');
  execFileSync(redocly, [
    'build-docs', input,
    '--output', join(outDir, 'index.html'),
    '--template', join(here, 'template.hbs'),
    '--title', spec.info?.title ?? 'API reference',
    '--openapi', options,
    // Redoc's scripts inside the page instead of from Redocly's CDN.
    '--inlineBundle',
  ], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
