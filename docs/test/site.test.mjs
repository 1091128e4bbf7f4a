// The built site as a reader sees it, in headless Chromium (Debian's package): every operation
// and webhook event is on the page, the language tabs switch samples, the page fetches nothing
// from another host (from file:// and from the mock's /docs), and a screenshot of one operation
// is saved for people to look at (target/docs-screenshots/).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { chromium } from 'playwright-core';

import { startMock } from './processes.mjs';
import { builtDocument, operationSamples, ROOT, SITE } from './site.mjs';

const SCREENSHOTS = join(ROOT, 'target', 'docs-screenshots');
// The flags that keep Chromium from reaching for Google's services on a closed network.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const doc = builtDocument();
const { ops, samples } = operationSamples(doc);
const events = Object.values(doc.webhooks ?? {}).flatMap((item) => Object.values(item)).filter((o) => o?.operationId);
const guides = (doc.tags ?? []).filter((t) => t['x-traitTag']);

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(() => browser?.close());

/// A page that records every request leaving for another host. Requests the page's Content
/// Security Policy blocks never leave, so they are not counted; anything else is aborted (there
/// is no network to reach) and counted.
async function openPage(url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const external = [];
  const base = new URL(url);
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url());
    const local = ['file:', 'data:', 'blob:'].includes(target.protocol) || target.host === base.host;
    if (local) return route.continue();
    external.push(target.href);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('[data-component-name="Menu/MenuItem"], nav a[href^="#/"]', { timeout: 30_000 });
  return { page, external, errors, close: () => context.close() };
}

/// The texts and routes of the sidebar's entries (`{ text, route }`, route like `customers`).
async function sidebar(page) {
  return page.$$eval('[data-component-name="Menu/MenuItem"] a[href]', (as) =>
    as.map((a) => ({ text: a.innerText.trim(), route: a.getAttribute('href').replace(/^[#/]+/, '') })));
}

/// Opens the page of `tag` from the sidebar, then the operation's route from the tag's list of
/// operations (`#/<tag>/<operationId>`), as a reader clicking through would.
async function showOperation(page, url, tag, operationId) {
  const entry = (await sidebar(page)).find((e) => e.text === tag);
  assert.ok(entry, `tag ${tag} is not in the sidebar`);
  await page.goto(`${url}#/${entry.route}`);
  const link = page.locator(`a[href$="/${operationId}"]`).first();
  await link.waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {});
  const href = await link.getAttribute('href').catch(() => null);
  assert.ok(href, `no link to ${operationId} on the page of tag ${tag}`);
  await page.goto(url + href);
  const section = page.locator(`[id="${href.slice(2)}"]`);
  await section.first().waitFor({ timeout: 10_000 });
  return section.first();
}

describe('the site in Chromium, from file://', () => {
  const url = pathToFileURL(SITE).href;
  let view;
  before(async () => { view = await openPage(url); });
  after(() => view?.close());

  test('the page declares a policy that keeps every fetch on its own origin', () => {
    const html = readFileSync(SITE, 'utf8');
    assert.match(html, /http-equiv="Content-Security-Policy"[^>]*default-src 'none'/);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)="https?:/);
  });

  test('every operation is on the page, with its summary', async () => {
    for (const { operationId, operation } of ops) {
      const section = await showOperation(view.page, url, operation.tags[0], operationId);
      const text = await section.innerText();
      assert.ok(text.includes(operation.summary), `${operationId}: "${operation.summary}" not shown`);
    }
  });

  test('every webhook event is on the page, with its payload', async () => {
    assert.ok(events.length > 0, 'the spec documents webhook events');
    for (const event of events) {
      const section = await showOperation(view.page, url, event.tags[0], event.operationId);
      const text = await section.innerText();
      assert.ok(text.includes(event.summary), `${event.operationId}: "${event.summary}" not shown`);
      assert.ok(text.includes('X-VinSnap-Signature'), `${event.operationId}: signature header not shown`);
    }
  });

  test('every guide is in the sidebar', async () => {
    const entries = (await sidebar(view.page)).map((e) => e.text);
    for (const guide of guides) assert.ok(entries.includes(guide.name), `guide ${guide.name} missing from ${entries}`);
  });

  test('choosing another language shows that sample', async () => {
    const { operationId, operation } = ops.find((o) => o.operationId === 'create_customer') ?? ops[0];
    const section = await showOperation(view.page, url, operation.tags[0], operationId);
    const panel = section.locator('.panel-request-samples');
    const labels = samples.filter((s) => s.operationId === operationId).map((s) => s.label);
    assert.ok(labels.length >= 2, `${operationId} has samples in several languages`);
    for (const label of [...labels.slice(1), labels[0]]) {
      await panel.locator('[data-component-name="Dropdown/Dropdown"] > button', { hasText: new RegExp(`^(${labels.join('|')})$`) }).click();
      await view.page.getByRole('menuitem', { name: label, exact: true }).click();
      const shown = await panel.innerText();
      const sample = samples.find((s) => s.operationId === operationId && s.label === label);
      const firstLine = sample.source.split('\n').find((l) => l.trim()).trim();
      assert.ok(shown.includes(firstLine), `after choosing ${label}, the panel shows:\n${shown}`);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await view.page.screenshot({ path: join(SCREENSHOTS, `${operationId}-${label.toLowerCase()}.png`) });
    }
  });

  test('nothing was fetched from another host, and no script failed', () => {
    assert.deepEqual(view.external, []);
    assert.deepEqual(view.errors, []);
  });
});

describe('the site at the mock\'s /docs', () => {
  let mock;
  before(async () => { mock = await startMock(['--docs', join(SITE, '..')]); });
  after(() => mock?.stop());

  test('is the built page, and renders with nothing from another host', async () => {
    const response = await fetch(`${mock.baseUrl}/docs`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /text\/html/);
    assert.equal(await response.text(), readFileSync(SITE, 'utf8'));
    const view = await openPage(`${mock.baseUrl}/docs/`);
    try {
      const section = await showOperation(view.page, `${mock.baseUrl}/docs/`, ops[0].operation.tags[0], ops[0].operationId);
      assert.ok((await section.innerText()).includes(ops[0].operation.summary));
      assert.deepEqual(view.external, []);
      assert.deepEqual(view.errors, []);
    } finally {
      await view.close();
    }
  });
});
