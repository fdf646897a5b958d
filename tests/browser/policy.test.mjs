// Browser tests of the content policy (issue 13, items 6 and 7), run through run.sh: one page of
// every kind, in English and Arabic, requests nothing from another origin and breaks no rule of
// its Content-Security-Policy (no `securitypolicyviolation` event); a video behind content
// warnings plays only after the reader continues, and the transcript is readable before; a
// YouTube video (the policy fixture, served beside the shipped site) loads nothing from YouTube
// until its button is clicked, then frames only the privacy-enhanced domain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { LAUNCH } from './chromium.mjs';

const BASE = process.env.TESTIMONY_BASE_URL;
const POLICY_BASE = process.env.TESTIMONY_POLICY_BASE_URL;
if (!BASE || !POLICY_BASE) {
  throw new Error('TESTIMONY_BASE_URL or TESTIMONY_POLICY_BASE_URL is not set: run these tests through tests/browser/run.sh');
}
const ORIGIN = new URL(BASE).origin;
const EMBED = 'https://www.youtube-nocookie.com/embed/aBcD_12-xYz';

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  if (browser) await browser.close();
});

/**
 * A fresh context that records every request and, in every page, every CSP violation (the
 * listener is installed before any of the page's own code runs). Nothing leaves the machine:
 * a request to another origin is recorded, then aborted.
 */
async function watched(options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  context.setDefaultTimeout(15000);
  const requests = [];
  await context.route('**/*', (route) => {
    const address = route.request().url();
    requests.push(address);
    const u = new URL(address);
    if (u.origin === ORIGIN || u.protocol === 'data:') return route.continue();
    return route.abort();
  });
  if (options.javaScriptEnabled !== false) {
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }
  const elsewhere = () => requests.filter((r) => {
    const u = new URL(r);
    return !(u.protocol === 'data:' || u.origin === ORIGIN);
  });
  return { context, requests, elsewhere };
}

async function visit(context, address) {
  const page = await context.newPage();
  const response = await page.goto(address);
  assert.ok(response && response.status() === 200, `${address} answered ${response && response.status()}`);
  await page.waitForLoadState('networkidle');
  return page;
}

const violations = (page) => page.evaluate(() => window.__violations);

/** The first link of `page` matching `selector`, as an absolute address. */
const firstHref = (page, selector) => page.locator(selector).first().evaluate((a) => a.href);

for (const lang of ['en', 'ar']) {
  test(`${lang}: every kind of page requests nothing elsewhere and breaks no rule of its policy`, async () => {
    const { context, requests, elsewhere } = await watched({ locale: lang === 'ar' ? 'ar-EG' : 'en-GB' });
    try {
      const at = (path) => new URL(path, BASE).href;
      const home = await visit(context, at(`${lang}/`));
      const story = await firstHref(home, '.cards .card-title a');
      await home.close();
      const list = await visit(context, at(`${lang}/stories/`));
      const country = await firstHref(list, 'a[href*="/stories/from/"]');
      await list.close();
      const themes = await visit(context, at(`${lang}/themes/`));
      const theme = await firstHref(themes, '.theme-list .theme-title a');
      await themes.close();
      const pages = [
        `${BASE}#choose`, at(`${lang}/`), at(`${lang}/stories/`), story, theme, at(`${lang}/themes/`),
        at(`${lang}/statements/`), at(`${lang}/about/`), country, at(`${lang}/404.html`), at('404.html'),
        new URL('en/stories/on-youtube/', POLICY_BASE).href,
      ];
      for (const address of pages) {
        const page = await visit(context, address);
        assert.equal(
          await page.locator('head > meta[http-equiv="Content-Security-Policy"]').count(),
          1,
          `${address}: no policy`,
        );
        assert.deepEqual(await violations(page), [], `${address}: CSP violations`);
        await page.close();
      }
      assert.ok(requests.length > pages.length, `too few requests recorded (${requests.length})`);
      assert.deepEqual(elsewhere(), [], 'requests to other origins');
    } finally {
      await context.close();
    }
  });
}

test('a video behind content warnings plays only after the reader continues', async () => {
  const { context, requests, elsewhere } = await watched();
  try {
    const home = await visit(context, new URL('en/', BASE).href);
    const stories = await home.locator('.cards .card-title a').evaluateAll((as) => as.map((a) => a.href));
    await home.close();
    let page = null;
    for (const story of stories) {
      const candidate = await visit(context, story);
      if (await candidate.locator('details.video-gate').count()) {
        page = candidate;
        break;
      }
      await candidate.close();
    }
    assert.ok(page, 'no story with content warnings');

    // Before: the warnings and the transcript are shown, the video is not, and not loaded.
    assert.ok(await page.locator('.content-warning').isVisible(), 'the warnings are not shown');
    assert.ok(await page.locator('#transcript .cue-text').first().isVisible(), 'the transcript is hidden');
    assert.equal(await page.locator('#video').isVisible(), false, 'the video is visible before continuing');
    const before = await page.evaluate(() => {
      const v = document.getElementById('video');
      return { readyState: v.readyState, preload: v.preload };
    });
    assert.deepEqual(before, { readyState: 0, preload: 'none' });
    const videoRequests = () => requests.filter((r) => /\.(webm|mp4)(\?|$)/.test(r));
    assert.deepEqual(videoRequests(), [], 'the video was fetched before continuing');

    // The summary is the control, reached with the keyboard, and opens the gate.
    const summary = page.locator('details.video-gate > summary');
    await summary.focus();
    assert.ok(await summary.evaluate((s) => s.matches(':focus')), 'the summary takes the focus');
    await page.keyboard.press('Enter');
    await page.locator('#video').waitFor({ state: 'visible' });
    const played = await page.evaluate(async () => {
      const v = document.getElementById('video');
      v.muted = true;
      const playing = new Promise((resolve) => v.addEventListener('playing', () => resolve(true), { once: true }));
      await v.play();
      await playing;
      await new Promise((resolve) => setTimeout(resolve, 400));
      return v.currentTime;
    });
    assert.ok(played > 0, `the video did not play (currentTime ${played})`);
    assert.ok(videoRequests().length > 0, 'the video was never fetched');
    assert.deepEqual(await violations(page), [], 'CSP violations');
    assert.deepEqual(elsewhere(), [], 'requests to other origins');
    await page.close();
  } finally {
    await context.close();
  }
});

test('a YouTube video loads nothing from YouTube until asked, then frames the privacy-enhanced domain', async () => {
  const { context, elsewhere } = await watched();
  try {
    const page = await visit(context, new URL('en/stories/on-youtube/', POLICY_BASE).href);
    assert.equal(await page.locator('iframe').count(), 0, 'a frame before the click');
    const link = page.locator('.video-external a[href^="https://www.youtube.com/watch"]');
    assert.equal(await link.getAttribute('rel'), 'external noopener noreferrer');
    const button = page.locator('.video-load-button');
    assert.ok(await button.isVisible(), 'the load button is not shown with JavaScript');
    await page.waitForTimeout(300);
    assert.deepEqual(elsewhere(), [], 'requests to other origins before the click');

    await button.click();
    const frame = page.locator('.player iframe');
    await frame.waitFor({ state: 'attached' });
    assert.equal(await frame.getAttribute('src'), EMBED);
    assert.equal(await frame.getAttribute('referrerpolicy'), 'no-referrer');
    assert.equal(await frame.getAttribute('title'), 'The YouTube fixture story');
    assert.ok((await frame.getAttribute('sandbox')).includes('allow-scripts'));
    assert.equal(await page.locator('.video-external').count(), 0, 'the placeholder stays');
    // The frame's request is the only one to another origin (aborted: the machine is offline),
    // and the page's policy allowed it.
    await page.waitForTimeout(300);
    assert.deepEqual(
      [...new Set(elsewhere().map((r) => new URL(r).origin))],
      ['https://www.youtube-nocookie.com'],
    );
    assert.deepEqual(await violations(page), [], 'CSP violations');
    await page.close();
  } finally {
    await context.close();
  }
});

test('without JavaScript a YouTube video is a link out, and a gated video stays closed', async () => {
  const { context, elsewhere } = await watched({ javaScriptEnabled: false });
  try {
    const page = await visit(context, new URL('en/stories/on-youtube/', POLICY_BASE).href);
    assert.equal(await page.locator('.video-load-button').isVisible(), false);
    assert.ok(await page.locator('.video-external a[href^="https://www.youtube.com/watch"]').isVisible());
    await page.close();
    const gated = await visit(context, new URL('en/stories/gated/#t=30', POLICY_BASE).href);
    assert.equal(await gated.locator('details.video-gate').getAttribute('open'), null);
    assert.equal(await gated.locator('#video').isVisible(), false);
    assert.ok(await gated.locator('#transcript .cue-text').first().isVisible());
    await gated.locator('details.video-gate > summary').click();
    assert.ok(await gated.locator('#video').isVisible(), 'the summary opens the gate without JavaScript');
    await gated.close();
    assert.deepEqual(elsewhere(), [], 'requests to other origins');
  } finally {
    await context.close();
  }
});
