// Accessibility gate of the built site as it is hosted (nginx, under /testimony/): axe-core in
// Debian's Chromium reports no violation of WCAG 2.0/2.1/2.2 A and AA on every page type, in
// English and Arabic; keyboard-only use reaches the skip link first and the player's controls
// with a visible focus. A planted violation proves the check reports what it should.
// Run through run.sh, which builds the site, starts nginx and sets TESTIMONY_BASE_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { LAUNCH } from './chromium.mjs';
import { PAGE_TYPES, answer404 } from './pages.mjs';

const BASE = process.env.TESTIMONY_BASE_URL;
if (!BASE) {
  throw new Error('TESTIMONY_BASE_URL is not set: run these tests through tests/browser/run.sh');
}
const url = (path) => new URL(path, BASE).href;

export { PAGE_TYPES };
const LANGS = ['en', 'ar'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  if (browser) await browser.close();
});

/**
 * Runs axe on the loaded page and returns its violations, each as id, impact, help and the
 * targets of its nodes. axe is evaluated through the DevTools protocol (page.evaluate), which
 * the site's Content-Security-Policy (script-src 'self', no inline script) does not govern, so
 * the pages are checked under their real policy, without bypassCSP.
 */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((r) => r.violations),
    TAGS,
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Human-readable list of violations, for a failure message. */
function describe(violations) {
  return violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    at ${v.targets.join('\n    at ')}`)
    .join('\n');
}

async function withPage(fn) {
  const context = await browser.newContext({ locale: 'en-GB' });
  context.setDefaultTimeout(15000);
  try {
    const page = await context.newPage();
    return await fn(page);
  } finally {
    await context.close();
  }
}

test('axe: no WCAG 2.2 A/AA violation on any page type, in English and Arabic', async () => {
  const failures = [];
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    for (const lang of type === 'root' ? ['-'] : LANGS) {
      const address = url(path(lang));
      await withPage(async (page) => {
        const status = type === '404' ? 404 : 200;
        if (type === '404') await answer404(page, BASE, lang, address);
        const response = await page.goto(address);
        assert.ok(response && response.status() === status, `${address} did not answer ${status}`);
        const violations = await axeViolations(page);
        if (violations.length > 0) {
          failures.push(`${type} (${lang}) ${address}:\n${describe(violations)}`);
        }
      });
    }
  }
  assert.equal(failures.length, 0, `axe found violations:\n${failures.join('\n')}`);
});

test('axe: a planted violation (an image without alt, a nameless button) is reported', async () => {
  await withPage(async (page) => {
    await page.setContent(
      '<!doctype html><html lang="en"><title>Planted</title><main><h1>Planted</h1>' +
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">' +
        '<button></button></main></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id);
    assert.ok(ids.includes('image-alt'), `image-alt not reported: ${ids.join(', ')}`);
    assert.ok(ids.includes('button-name'), `button-name not reported: ${ids.join(', ')}`);
  });
});

/** Whether the focused element shows a focus indicator: an outline or a box-shadow. */
async function focusVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { visible: false, what: 'nothing focused' };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow && s.boxShadow !== 'none';
    const what = `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} "${(el.textContent || '').trim().slice(0, 40)}"`;
    return { visible: Boolean(outline || shadow), what };
  });
}

for (const lang of LANGS) {
  test(`keyboard (${lang}): Tab reaches the skip link first, then the player with visible focus`, async () => {
    await withPage(async (page) => {
      await page.goto(url(PAGE_TYPES.story(lang)));
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement;
        const href = el && el.getAttribute('href');
        return { tag: el && el.tagName, href, target: href && href.startsWith('#') ? Boolean(document.getElementById(href.slice(1))) : false };
      });
      assert.equal(first.tag, 'A', 'the first Tab does not land on a link');
      assert.ok(first.href && first.href.startsWith('#') && first.target, `the first Tab lands on ${first.href}, not a skip link to an element of the page`);
      assert.ok((await focusVisible(page)).visible, 'the skip link has no visible focus');

      // Tab on until the player (the content warnings' gate summary or the video) has the focus.
      let reached = null;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        const inPlayer = await page.evaluate(() => {
          const el = document.activeElement;
          return Boolean(el && (el.matches('details.video-gate > summary') || el.tagName === 'VIDEO' || el.closest('.player, figure.video')));
        });
        if (inPlayer) reached = await focusVisible(page);
      }
      assert.ok(reached, 'Tab never reached the player (gate summary or video)');
      assert.ok(reached.visible, `the player's focused control has no visible focus: ${reached.what}`);
    });
  });
}
