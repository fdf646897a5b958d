// The editor's live preview in a real browser: `testimony serve` on a copy of the basic fixture,
// a story page open, then saves: the page reloads by itself; a broken save shows the overlay
// with the file and line; the fix takes it away. Run through run.sh, which makes the copy and
// sets TESTIMONY_BIN and TESTIMONY_SERVE_SITE. Every wait is bounded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { LAUNCH } from './chromium.mjs';

const BIN = process.env.TESTIMONY_BIN;
const SITE = process.env.TESTIMONY_SERVE_SITE;
if (!BIN || !SITE) {
  throw new Error('TESTIMONY_BIN or TESTIMONY_SERVE_SITE is not set: run these tests through tests/browser/run.sh');
}
const STORY = 'content/stories/story-one/index.md';
/** How long a rebuild and the reload it triggers may take (a debug build on shared cores). */
const WAIT = 20000;

let browser;
let serve;
let origin;
let output = '';

/** Starts serve on a free port and resolves with its address once it says it is serving. */
function startServe() {
  return new Promise((resolve, reject) => {
    serve = spawn(BIN, ['--root', SITE, 'serve', '--port', '0'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 120000);
    serve.stderr.on('data', (chunk) => { output += chunk; });
    serve.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    serve.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

before(async () => {
  origin = await startServe();
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  if (browser) await browser.close();
  if (serve && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
});

/** The line and column (1-based) where `needle` starts in `text`. */
function position(text, needle) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} is not in the file`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${column}`;
}

test('a story page reloads on save, shows a broken save in an overlay, and recovers', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  context.setDefaultTimeout(WAIT);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    // The page listens once its EventSource has its answer's head: a save before then is missed.
    const listening = () => page.waitForResponse(
      (r) => r.url().endsWith('/__testimony/events') && r.status() === 200, { timeout: WAIT });
    let connected = listening();
    const response = await page.goto(`${origin}/en/stories/story-one/`);
    assert.equal(response.status(), 200);
    assert.match(await page.textContent('h1'), /The first fixture story/);
    await connected;

    const original = await readFile(join(SITE, STORY), 'utf8');
    const story = join(SITE, STORY);

    // A save: the page reloads by itself and shows the new title.
    // A mark on this document: a reloaded page has a new one without it.
    await page.evaluate(() => { window.beforeTheSave = true; });
    connected = listening();
    await writeFile(story, original.replace('The first fixture story', 'A title saved just now'));
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent.includes('A title saved just now'),
      null, { timeout: WAIT });
    assert.equal(await page.evaluate(() => window.beforeTheSave), undefined,
      'the page changed without reloading');
    await connected;

    // A broken save: the overlay shows the terminal's message with the file, line and column.
    const broken = original
      .replace('The first fixture story', 'A title saved just now')
      .replace('themes: [motivations, defection]', 'themes: [motivations, no-such-theme]');
    await writeFile(story, broken);
    const overlay = page.locator('div[role="alertdialog"]');
    await overlay.waitFor({ state: 'visible', timeout: WAIT });
    const message = await overlay.locator('pre').textContent();
    assert.ok(message.includes(`${STORY}:${position(broken, 'no-such-theme')}`), message);
    assert.ok(message.includes('no-such-theme'), message);
    const style = await overlay.evaluate((el) => getComputedStyle(el).position);
    assert.equal(style, 'fixed');
    // The last good page is still the one shown beneath.
    assert.match(await page.textContent('h1'), /A title saved just now/);

    // Fixed: the page reloads, the overlay is gone, the fixed content is shown.
    await writeFile(story, original.replace('The first fixture story', 'A title fixed at last'));
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent.includes('A title fixed at last'),
      null, { timeout: WAIT });
    assert.equal(await overlay.count(), 0, 'the overlay stayed after the fix');
    assert.deepEqual(errors, []);

    // A page opened while the site is broken shows the overlay at once.
    await writeFile(story, broken);
    await overlay.waitFor({ state: 'visible', timeout: WAIT });
    const late = await context.newPage();
    await late.goto(`${origin}/en/`);
    await late.locator('div[role="alertdialog"] pre').waitFor({ state: 'visible', timeout: WAIT });
    assert.match(await late.locator('div[role="alertdialog"] pre').textContent(), /no-such-theme/);
  } finally {
    await context.close();
  }
});
