// Browser tests of the search pages of the built site (nginx, under /testimony/): a query typed
// in English, and one in Arabic without harakat or hamza (the shipped example captions have
// them), each lands on the right story at the right moment of the video.
// Run through run.sh, which builds the site, starts nginx and sets TESTIMONY_BASE_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { LAUNCH } from './chromium.mjs';

const BASE = process.env.TESTIMONY_BASE_URL;
if (!BASE) {
  throw new Error('TESTIMONY_BASE_URL is not set: run these tests through tests/browser/run.sh');
}
const url = (path) => new URL(path, BASE).href;

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  if (browser) await browser.close();
});

/** Types `query` on /<lang>/search/, clicks the result linking to `slug` at `seconds`, and checks
 * that the story page opens with the video there, paused. */
async function searchAndLand(lang, query, slug, seconds) {
  const context = await browser.newContext({ locale: lang === 'ar' ? 'ar-EG' : 'en-GB' });
  context.setDefaultTimeout(15000);
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const response = await page.goto(url(`${lang}/search/`));
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('[data-search-needs-js]').isVisible(), false);
    await page.locator('#search-input').fill(query);
    const target = `${new URL(url(`${lang}/stories/${slug}/`)).pathname}#t=${seconds}`;
    const link = page.locator(`.search-result h2 a[href="${target}"]`);
    await link.waitFor({ state: 'visible' }).catch(async () => {
      const found = await page.locator('.search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const status = await page.locator('.search-status').textContent();
      assert.fail(`${lang} "${query}": no result linking to ${target}; found ${JSON.stringify(found)}, status "${status}", errors ${JSON.stringify(errors)}`);
    });
    // The excerpt marks what was found.
    const marks = await link.locator('xpath=ancestor::li').locator('.search-excerpt mark').count();
    assert.ok(marks > 0, 'the excerpt marks no word');
    await Promise.all([page.waitForURL(`**${target}`), link.click()]);
    await page.waitForFunction(() => {
      const v = document.getElementById('video');
      return v && v.readyState >= 1;
    });
    await page
      .waitForFunction((t) => Math.abs(document.getElementById('video').currentTime - t) < 0.5, seconds, { timeout: 5000 })
      .catch(() => {});
    const state = await page.evaluate(() => {
      const v = document.getElementById('video');
      return { currentTime: v.currentTime, paused: v.paused };
    });
    assert.ok(Math.abs(state.currentTime - seconds) < 0.5, `expected the video at ${seconds} s, got ${state.currentTime}`);
    assert.equal(state.paused, true, 'the search result started playback');
    assert.deepEqual(errors, [], 'script errors');
  } finally {
    await context.close();
  }
}

test('an English query lands on the story at the moment it is said', async () => {
  // "...and there were religious lessons every evening.", the caption from 0:35.7.
  await searchAndLand('en', 'religious lessons', 'example-the-border-crossing', 35.7);
});

test('an Arabic query typed without harakat or hamza finds the text written with them', async () => {
  // Written: ثم أُرسلت إلى بلدة قرب الجبهة (a damma, and alefs with hamza).
  await searchAndLand('ar', 'ارسلت الى بلدة قرب الجبهة', 'example-the-border-crossing', 48);
});

test('the Arabic search page is right-to-left, and says what it needs without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(url('ar/search/'));
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('[data-search-needs-js]').isVisible(), true);
    assert.equal(await page.locator('[data-search]').isVisible(), false);
    const href = await page.locator('[data-search-needs-js] a').getAttribute('href');
    assert.equal(href, new URL(url('ar/stories/')).pathname);
  } finally {
    await context.close();
  }
});
