// A crawl in Chromium of every page reachable from the site's first page, twice: the site as
// hosted by nginx under /testimony/ (TESTIMONY_BASE_URL), and a `build --relative` copy opened
// from its folder as file:// (TESTIMONY_RELATIVE_DIR). Each page is loaded as a reader's
// browser loads it (scripts, styles, posters, videos, captions), and every request it makes is
// recorded: each must stay inside the site (same origin and under the sub-path; or a file of
// the copy that exists), and none may fail or answer an error. Run through run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { LAUNCH } from './chromium.mjs';

const BASE = process.env.TESTIMONY_BASE_URL;
const RELATIVE_DIR = process.env.TESTIMONY_RELATIVE_DIR;
if (!BASE || !RELATIVE_DIR) {
  throw new Error('TESTIMONY_BASE_URL or TESTIMONY_RELATIVE_DIR is not set: run these tests through tests/browser/run.sh');
}

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  if (browser) await browser.close();
});

/**
 * Loads every page reachable by links from `start`, recording each request. `inside(url)`
 * says whether an address belongs to the site; `problem(url)` what is wrong with a request
 * that the browser made without failing (a missing file), or null.
 * Returns the pages visited and every problem found.
 */
async function crawl(start, inside, problem, fromFiles = false) {
  // #choose keeps the language chooser from sending the browser on: its links are crawled.
  const context = await browser.newContext({ locale: 'en-GB' });
  context.setDefaultTimeout(15000);
  context.setDefaultNavigationTimeout(15000);
  const problems = [];
  const requested = new Set();
  let current = start;
  context.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    requested.add(u);
    if (!inside(u)) problems.push(`${u}: outside the site (on ${current})`);
    else {
      const wrong = problem(u);
      if (wrong) problems.push(`${u}: ${wrong} (on ${current})`);
    }
  });
  context.on('requestfailed', (r) => {
    const error = r.failure()?.errorText || 'failed';
    // A load the browser cancels itself when a page is left (a video, a track, a lazy
    // picture) is not a broken link: a missing file answers 404, caught below.
    if (error === 'net::ERR_ABORTED' && ['media', 'texttrack', 'image'].includes(r.resourceType())) return;
    // Opened from a folder, every file is an origin of its own, and Chromium fetches caption
    // tracks under CORS, so it refuses them (a limit of file://, see docs/mirrors.md: the
    // transcript stays on the page). That the file is in the copy is checked on the request.
    if (fromFiles && r.resourceType() === 'texttrack') return;
    problems.push(`${r.url()}: ${error} (on ${current})`);
  });
  context.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.url()}: answered ${r.status()} (on ${current})`);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`${current}: script error ${e.message}`));
  const seen = new Set();
  const queue = [start];
  const key = (u) => {
    const url = new URL(u);
    url.hash = '';
    url.search = '';
    return url.href;
  };
  seen.add(key(start));
  while (queue.length) {
    current = queue.shift();
    await page.goto(current, { waitUntil: 'load' });
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('a[href]')].map((a) => a.href),
    );
    for (const link of links) {
      if (!inside(link)) continue;
      const k = key(link);
      // Pages only: files (feeds, videos) are followed as they are requested, not opened.
      if (!/(\/|\.html)$/.test(k) || seen.has(k)) continue;
      seen.add(k);
      queue.push(new URL(k).href);
    }
  }
  await context.close();
  return { pages: seen.size, requested, problems };
}

test('the hosted site under /testimony/: every page loads, and requests only itself', async () => {
  const origin = new URL(BASE).origin;
  const { pages, requested, problems } = await crawl(
    `${BASE}#choose`,
    (u) => u.startsWith(BASE) || u === `${origin}${new URL(BASE).pathname.slice(0, -1)}`,
    () => null,
  );
  assert.deepEqual(problems, [], `problems:\n${problems.join('\n')}`);
  assert.ok(pages > 50, `only ${pages} pages were reached`);
  // No video: a video behind content warnings is fetched only once the reader continues
  // (policy.test.mjs plays one); its address is checked by site.test.mjs.
  for (const kind of [/\.css(\?|$)/, /\.js(\?|$)/, /poster\.jpg$/]) {
    assert.ok([...requested].some((u) => kind.test(u)), `nothing matching ${kind} was requested`);
  }
});

test('a --relative copy opened from its folder: every page loads, and requests only its files', async () => {
  const root = pathToFileURL(RELATIVE_DIR.endsWith('/') ? RELATIVE_DIR : `${RELATIVE_DIR}/`).href;
  const { pages, requested, problems } = await crawl(
    `${root}index.html#choose`,
    (u) => u.startsWith(root),
    (u) => {
      const url = new URL(u);
      url.hash = '';
      url.search = '';
      const path = fileURLToPath(url);
      if (!existsSync(path)) return 'no such file in the copy';
      if (!statSync(path).isFile()) return 'a folder, not a file (opened from a folder, it shows a listing)';
      return null;
    },
    true,
  );
  assert.deepEqual(problems, [], `problems:\n${problems.join('\n')}`);
  assert.ok(pages > 50, `only ${pages} pages were reached`);
  for (const kind of [/\.css(\?|$)/, /\.js(\?|$)/, /poster\.jpg$/]) {
    assert.ok([...requested].some((u) => kind.test(u)), `nothing matching ${kind} was requested`);
  }
});
