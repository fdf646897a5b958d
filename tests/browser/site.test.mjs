// Browser tests of the built site as it is hosted (nginx, under the sub-path /testimony/).
// Run through run.sh, which builds the site, starts nginx and sets TESTIMONY_BASE_URL.
// Plain node:test + node:assert; playwright-core drives Debian's chromium (nothing downloaded).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { LAUNCH } from './chromium.mjs';

const BASE = process.env.TESTIMONY_BASE_URL;
if (!BASE) {
  throw new Error('TESTIMONY_BASE_URL is not set: run these tests through tests/browser/run.sh');
}
const base = new URL(BASE);
const ORIGIN = base.origin;
const LANGS = ['en', 'ar', 'fr'];

/** @type {import('playwright-core').Browser} */
let browser;

before(async () => {
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  if (browser) await browser.close();
});

const url = (path) => new URL(path, BASE).href;

async function newContext(options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  context.setDefaultTimeout(15000);
  context.setDefaultNavigationTimeout(15000);
  return context;
}

/** Runs `fn(context)` in a fresh browser context, closed afterwards. */
async function withContext(options, fn) {
  const context = await newContext(options);
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

async function open(context, address) {
  const page = await context.newPage();
  const response = await page.goto(address);
  assert.ok(response, `no response for ${address}`);
  assert.equal(response.status(), 200, `${address} answered ${response.status()}`);
  return page;
}

/** Opens the content warnings' gate of a story that has one (unless `openGate` is false: the
 * page itself must have opened it), then waits until the story's <video> has its metadata
 * (readyState >= 1). */
async function waitForMetadata(page, { openGate = true } = {}) {
  const closed = page.locator('details.video-gate:not([open]) > summary');
  if (openGate && (await closed.count())) await closed.click();
  await page.waitForFunction(() => {
    const v = document.getElementById('video');
    return v && v.readyState >= 1;
  }, null, { timeout: 15000 });
}

const videoState = (page) =>
  page.evaluate(() => {
    const v = document.getElementById('video');
    return { currentTime: v.currentTime, paused: v.paused, duration: v.duration, readyState: v.readyState };
  });

/** Waits (up to 5 s) for the video to be at `seconds` (±0.5 s), then asserts it. */
async function expectVideoAt(page, seconds, what) {
  await page
    .waitForFunction(
      (t) => Math.abs(document.getElementById('video').currentTime - t) < 0.5,
      seconds,
      { timeout: 5000 },
    )
    .catch(() => {});
  const state = await videoState(page);
  assert.ok(
    Math.abs(state.currentTime - seconds) < 0.5,
    `${what}: expected video.currentTime ≈ ${seconds}, got ${state.currentTime}`,
  );
  return state;
}

/** The first story linked from /testimony/<lang>/stories/. */
async function firstStoryUrl(context, lang = 'en') {
  const page = await open(context, url(`${lang}/stories/`));
  const href = await page.locator('.cards .card-title a').first().evaluate((a) => a.href);
  await page.close();
  assert.match(href, new RegExp(`^${ORIGIN}${base.pathname}${lang}/stories/[^/]+/$`));
  return href;
}

// ---- a. Story page ---------------------------------------------------------------------------

test('story page: no autoplay, warning before video, transcript and segments seek the video', async () => {
  await withContext({}, async (context) => {
    const story = await firstStoryUrl(context);
    const page = await open(context, story);
    await waitForMetadata(page);

    // No autoplay: no attribute, paused after load, still at 0 a moment later.
    assert.equal(await page.locator('#video').getAttribute('autoplay'), null, '<video> has autoplay');
    await page.waitForTimeout(700);
    let state = await videoState(page);
    assert.equal(state.paused, true, 'the video started playing by itself');
    assert.equal(state.currentTime, 0, 'the video moved by itself');
    assert.ok(state.duration > 0 && isFinite(state.duration), `bad duration ${state.duration}`);

    // The content warning comes before the video in the document.
    const order = await page.evaluate(() => {
      const warning = document.querySelector('.content-warning');
      const video = document.getElementById('video');
      if (!warning) return 'no .content-warning';
      return warning.compareDocumentPosition(video) & Node.DOCUMENT_POSITION_FOLLOWING ? 'before' : 'after';
    });
    assert.equal(order, 'before', 'the content warning must come before the video');

    // Clicking a transcript line's time moves the video to that line's start.
    const cueTimes = page.locator('#transcript .cue [data-start]');
    const count = await cueTimes.count();
    assert.ok(count >= 3, `expected transcript lines with times, found ${count}`);
    const cue = cueTimes.nth(Math.min(5, count - 1));
    const cueStart = Number(await cue.getAttribute('data-start'));
    assert.ok(cueStart > 0 && cueStart < state.duration, `pick a cue inside the video (${cueStart})`);
    await cue.click();
    state = await expectVideoAt(page, cueStart, 'after clicking a transcript time');
    assert.equal(state.paused, true, 'seeking from the transcript started playback');
    assert.equal(new URL(page.url()).hash, `#t=${cueStart}`, 'the address keeps the time');
    assert.equal(
      await cue.evaluate((b) => b.closest('.cue').getAttribute('aria-current')),
      'true',
      'the clicked line is marked as current',
    );

    // Clicking a line's text seeks as well.
    const otherIndex = Math.min(2, count - 1);
    const otherStart = Number(await cueTimes.nth(otherIndex).getAttribute('data-start'));
    await page.locator('#transcript .cue').nth(otherIndex).locator('.cue-text').click();
    await expectVideoAt(page, otherStart, 'after clicking a transcript line\'s text');

    // Clicking a segment link moves the video to the segment's start (and stays on the page).
    const segments = page.locator('.story-segments .segment-link[data-start]');
    const segCount = await segments.count();
    assert.ok(segCount >= 2, `expected segment links, found ${segCount}`);
    const segment = segments.nth(segCount - 1);
    const segStart = Number(await segment.getAttribute('data-start'));
    const before = page.url().split('#')[0];
    await segment.click();
    state = await expectVideoAt(page, segStart, 'after clicking a segment link');
    assert.equal(state.paused, true, 'choosing a segment started playback');
    assert.equal(page.url().split('#')[0], before, 'a segment link left the page');
    await page.close();
  });
});

// ---- b. Time in the address; theme page -> story at the segment ----------------------------

test('story page opened with #t=72 (and #t=1:12) starts at that time', async () => {
  await withContext({}, async (context) => {
    const story = await firstStoryUrl(context);
    for (const [hash, seconds] of [['#t=72', 72], ['#t=1:12', 72]]) {
      const page = await open(context, story + hash);
      // A time in the address opens the warnings' gate by itself.
      await waitForMetadata(page, { openGate: false });
      const state = await expectVideoAt(page, seconds, `opening ${hash}`);
      assert.ok(state.duration > seconds, `the video (${state.duration} s) is shorter than ${seconds} s`);
      assert.equal(state.paused, true, `opening ${hash} started playback`);
      await page.close();
    }
  });
});

test('a segment link on a theme page lands on the story at the segment start', async () => {
  await withContext({}, async (context) => {
    const list = await open(context, url('en/themes/'));
    const themes = await list.locator('.theme-list .theme-title a').evaluateAll((as) => as.map((a) => a.href));
    await list.close();
    assert.ok(themes.length > 0, 'no theme linked from /en/themes/');

    // The first theme with a segment that starts after 0 (so the seek is visible).
    let page = null;
    let link = null;
    for (const theme of themes) {
      assert.match(theme, new RegExp(`^${ORIGIN}${base.pathname}en/themes/[^/]+/$`));
      const candidate = await open(context, theme);
      const links = candidate.locator('.theme-segments a.segment-link[href*="#t="]');
      const n = await links.count();
      for (let i = 0; i < n; i++) {
        const t = Number(new URL(await links.nth(i).evaluate((a) => a.href)).hash.replace('#t=', ''));
        if (t > 0) {
          link = links.nth(i);
          break;
        }
      }
      if (link) {
        page = candidate;
        break;
      }
      await candidate.close();
    }
    assert.ok(link, 'no theme page has a segment link with a time after 0');

    const target = await link.evaluate((a) => a.href);
    const seconds = Number(new URL(target).hash.slice('#t='.length));
    await Promise.all([page.waitForURL(target), link.click()]);
    assert.match(page.url(), /\/stories\/[^/]+\/#t=/);
    assert.equal(await page.locator('#video').count(), 1, 'the story page has no <video>');
    await waitForMetadata(page, { openGate: false });
    const state = await expectVideoAt(page, seconds, `following ${target}`);
    assert.equal(state.paused, true, 'following a segment link started playback');
    await page.close();
  });
});

// ---- c. Without JavaScript -------------------------------------------------------------------

test('without JavaScript the transcript is readable on the story page', async () => {
  await withContext({ javaScriptEnabled: false }, async (context) => {
    const story = await firstStoryUrl(context);
    const page = await open(context, story);
    assert.equal(
      await page.evaluate(() => document.documentElement.classList.contains('js')),
      false,
      'JavaScript ran although disabled',
    );
    const lines = page.locator('#transcript .cue-text');
    const n = await lines.count();
    assert.ok(n >= 3, `expected transcript lines, found ${n}`);
    for (const i of [0, Math.floor(n / 2), n - 1]) {
      assert.ok(await lines.nth(i).isVisible(), `transcript line ${i + 1} of ${n} is not visible`);
      assert.ok((await lines.nth(i).innerText()).trim().length > 0, `transcript line ${i + 1} is empty`);
    }
    // The whole transcript is in the page, not cut off in a scrolling box.
    const clipped = await page.evaluate(() => {
      const list = document.querySelector('#transcript .cues');
      return list.scrollHeight > list.clientHeight + 1;
    });
    assert.equal(clipped, false, 'the transcript is clipped without JavaScript');
    await page.close();
  });
});

// ---- d. Arabic: right to left --------------------------------------------------------------

test('the Arabic story page is right-to-left and mirrored', async () => {
  await withContext({ viewport: { width: 1280, height: 800 } }, async (context) => {
    const en = await open(context, await firstStoryUrl(context, 'en'));
    const arUrl = await en.locator('.lang-nav a[hreflang="ar"]').evaluate((a) => a.href);
    assert.match(arUrl, new RegExp(`^${ORIGIN}${base.pathname}ar/stories/[^/]+/$`));
    const ar = await open(context, arUrl);

    assert.equal(await ar.getAttribute('html', 'lang'), 'ar');
    assert.equal(await ar.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await en.getAttribute('html', 'dir'), 'ltr');

    const layout = (page) =>
      page.evaluate(() => {
        const box = (sel) => {
          const r = document.querySelector(sel).getBoundingClientRect();
          return { left: r.left, right: r.right, center: (r.left + r.right) / 2 };
        };
        const cue = document.querySelector('#transcript .cue');
        return {
          width: document.documentElement.clientWidth,
          title: box('.site-header .site-title'),
          langs: box('.site-header .lang-nav'),
          time: cue && cue.querySelector('.cue-time').getBoundingClientRect().left,
          text: cue && cue.querySelector('.cue-text').getBoundingClientRect().left,
          transcriptDir: document.getElementById('transcript') && getComputedStyle(document.getElementById('transcript')).direction,
        };
      });
    const l = await layout(en);
    const r = await layout(ar);

    // Header: site title at the start (left in English, right in Arabic), languages at the end.
    assert.ok(l.title.center < l.width / 2, `en: site title not on the left (${JSON.stringify(l.title)})`);
    assert.ok(r.title.center > r.width / 2, `ar: site title not on the right (${JSON.stringify(r.title)})`);
    assert.ok(l.langs.left > l.title.right, 'en: language menu not after (right of) the title');
    assert.ok(r.langs.right < r.title.left, 'ar: language menu not after (left of) the title');
    // Mirrored: the title is as far from the right edge in Arabic as from the left in English.
    assert.ok(
      Math.abs(l.title.left - (r.width - r.title.right)) < 2,
      `header not mirrored: en title starts ${l.title.left}px from the left, ar ${r.width - r.title.right}px from the right`,
    );

    // The Arabic transcript's times are on the right of the text.
    if (r.transcriptDir === 'rtl') {
      assert.ok(r.time > r.text, 'ar: transcript times are not on the right of the text');
    }
    assert.ok(l.time < l.text, 'en: transcript times are not on the left of the text');
    await en.close();
    await ar.close();
  });
});

// ---- e. The language chooser at the root --------------------------------------------------------

test('root /testimony/ sends a French browser to /testimony/fr/', async () => {
  await withContext({ locale: 'fr-FR' }, async (context) => {
    const page = await context.newPage();
    await page.goto(BASE);
    await page.waitForURL(url('fr/'), { timeout: 10000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.close();
  });
});

test('root /testimony/ sends an Arabic browser to /testimony/ar/', async () => {
  await withContext({ locale: 'ar-EG' }, async (context) => {
    const page = await context.newPage();
    await page.goto(BASE);
    await page.waitForURL(url('ar/'), { timeout: 10000 });
    await page.close();
  });
});

test('root /testimony/ keeps a German browser (no German site) on the language list', async () => {
  // site.js goes on only when the browser's language is one of the site's (root.html); a
  // German reader stays on the list of languages, every one of which is a working link.
  await withContext({ locale: 'de-DE' }, async (context) => {
    const page = await open(context, BASE);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
    assert.equal(page.url(), BASE, 'a de-DE browser was sent away from the language list');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), true);
    const links = await page.locator('.language-list a[hreflang]').evaluateAll((as) =>
      as.map((a) => ({ lang: a.getAttribute('hreflang'), href: a.href, visible: a.getBoundingClientRect().width > 0 })),
    );
    assert.deepEqual(links.map((a) => a.lang).sort(), [...LANGS].sort());
    for (const a of links) {
      assert.equal(a.href, url(`${a.lang}/`));
      assert.ok(a.visible, `the link to ${a.lang} is not visible`);
    }
    await page.close();
  });
});

test('root /testimony/#choose keeps even a French browser on the language list', async () => {
  await withContext({ locale: 'fr-FR' }, async (context) => {
    const page = await open(context, BASE + '#choose');
    await page.waitForTimeout(1000);
    assert.equal(page.url(), BASE + '#choose');
    await page.close();
  });
});

// ---- f. Hosting: every link and asset answers 200; nothing from other hosts ------------------

const EXPECTED_TYPES = {
  '.css': /^text\/css/,
  '.js': /^(text|application)\/javascript/,
  '.vtt': /^text\/vtt/,
  '.webm': /^video\/webm/,
  '.mp4': /^video\/mp4/,
  '.jpg': /^image\/jpeg/,
  '.jpeg': /^image\/jpeg/,
  '.png': /^image\/png/,
  '.webp': /^image\/webp/,
  '.svg': /^image\/svg\+xml/,
  '.ico': /^image\/(x-icon|vnd\.microsoft\.icon)/,
  '.xml': /^(text|application)\/xml/,
};

test('every page and asset reachable from /testimony/ answers 200 through nginx', async () => {
  await withContext({ javaScriptEnabled: false }, async (context) => {
    // Pages are loaded only to read their links: their own assets are fetched below instead.
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'document' ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    const seen = new Map(); // url -> where it was found
    const queue = [];
    const broken = [];
    const foreign = [];
    let pages = 0;
    let assets = 0;

    const enqueue = (raw, from, loads) => {
      let u;
      try {
        u = new URL(raw, from.startsWith('http') ? from : BASE);
      } catch {
        broken.push(`${raw} (unparsable, on ${from})`);
        return;
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
      if (u.origin !== ORIGIN) {
        // A link to another site is allowed; loading anything from one is not.
        if (loads) foreign.push(`${u.href} (loaded by ${from})`);
        return;
      }
      u.hash = '';
      if (!seen.has(u.href)) {
        seen.set(u.href, from);
        queue.push(u.href);
      }
    };

    enqueue(BASE, '(start)', false);
    enqueue(url('sitemap.xml'), '(start)', false);

    while (queue.length) {
      const address = queue.shift();
      const from = seen.get(address);
      const response = await context.request.get(address, { maxRedirects: 0, failOnStatusCode: false });
      const status = response.status();
      const type = response.headers()['content-type'] || '';
      if (status !== 200) {
        broken.push(`${address} answered ${status} (linked from ${from})`);
        continue;
      }
      const path = new URL(address).pathname;
      const ext = (path.match(/\.[a-z0-9]+$/i) || [''])[0].toLowerCase();
      if (EXPECTED_TYPES[ext] && !EXPECTED_TYPES[ext].test(type)) {
        broken.push(`${address} served as '${type}'`);
      }

      if (type.startsWith('text/html')) {
        pages++;
        assert.ok(address.startsWith(BASE), `a page outside ${BASE}: ${address}`);
        await page.goto(address);
        const refs = await page.evaluate(() => {
          const out = [];
          const add = (el, attr, loads) => {
            const v = el.getAttribute(attr);
            if (v !== null && v.trim() !== '') out.push([new URL(v, document.baseURI).href, loads]);
          };
          document.querySelectorAll('a[href]').forEach((e) => add(e, 'href', false));
          document.querySelectorAll('link[href]').forEach((e) => {
            const rel = (e.getAttribute('rel') || '').toLowerCase().split(/\s+/);
            const loads = !rel.some((r) => ['canonical', 'alternate'].includes(r));
            add(e, 'href', loads);
          });
          document.querySelectorAll('script[src], img[src], video[src], audio[src], source[src], track[src], iframe[src]')
            .forEach((e) => add(e, 'src', true));
          document.querySelectorAll('video[poster]').forEach((e) => add(e, 'poster', true));
          document.querySelectorAll('img[srcset], source[srcset]').forEach((e) =>
            e.getAttribute('srcset').split(',').forEach((part) => {
              const u = part.trim().split(/\s+/)[0];
              if (u) out.push([new URL(u, document.baseURI).href, true]);
            }),
          );
          return out;
        });
        for (const [ref, loads] of refs) enqueue(ref, address, loads);
      } else {
        assets++;
        if (ext === '.css') {
          for (const m of (await response.text()).matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
            if (!m[1].startsWith('data:')) enqueue(m[1], address, true);
          }
        } else if (ext === '.xml') {
          for (const m of (await response.text()).matchAll(/<loc>([^<]+)<\/loc>|href="([^"]+)"/g)) {
            enqueue(m[1] || m[2], address, false);
          }
        }
      }
      await response.dispose();
    }
    await page.close();

    assert.deepEqual(broken, [], `broken links or assets:\n${broken.join('\n')}`);
    assert.deepEqual(foreign, [], `assets from other hosts:\n${foreign.join('\n')}`);
    // The shipped site: 25 pages per language, and the chooser.
    assert.ok(pages >= 1 + 25 * LANGS.length, `only ${pages} pages were reachable`);
    assert.ok(assets > 0, 'no assets were found');
    const all = [...seen.keys()];
    for (const kind of [/\.css(\?|$)/, /\.js(\?|$)/, /\.vtt$/, /\.webm$/, /poster\.jpg$/]) {
      assert.ok(all.some((u) => kind.test(u)), `no asset matching ${kind} was linked`);
    }
  });
});

test('representative pages request nothing from any host but 127.0.0.1', async () => {
  const host = base.hostname;
  assert.equal(host, '127.0.0.1');
  for (const lang of LANGS) {
    const locale = { en: 'en-GB', ar: 'ar-EG', fr: 'fr-FR' }[lang];
    await withContext({ locale }, async (context) => {
      const requests = [];
      const failures = [];
      const errors = [];
      context.on('request', (r) => requests.push(r.url()));
      context.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
      context.on('response', (r) => {
        if (r.status() >= 400) failures.push(`${r.url()}: ${r.status()}`);
      });

      // The root sends this browser on to its language's home page.
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      await page.goto(BASE);
      await page.waitForURL(url(`${lang}/`));
      await page.waitForLoadState('networkidle');

      const story = await page.locator('.cards .card-title a').first().evaluate((a) => a.href);
      await page.goto(story);
      await waitForMetadata(page);
      await page.waitForLoadState('networkidle');

      const theme = await page.locator('.story-themes .tags a').first().evaluate((a) => a.href);
      assert.match(theme, new RegExp(`/${lang}/themes/[^/]+/$`));
      await page.goto(theme);
      await page.waitForLoadState('networkidle');
      await page.close();

      assert.ok(requests.length > 5, `${lang}: too few requests recorded (${requests.length})`);
      const elsewhere = requests.filter((r) => {
        const u = new URL(r);
        return !(u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === host);
      });
      assert.deepEqual(elsewhere, [], `${lang}: requests to other hosts`);
      assert.deepEqual(failures, [], `${lang}: failed requests`);
      assert.deepEqual(errors, [], `${lang}: script errors`);
    });
  }
});

// ---- Last: nothing the browser asked nginx for during the whole run failed --------------------
// (run.sh passes nginx's access log; this catches requests Playwright does not report, such as
// the browser's own /favicon.ico at the host root when no page declares an icon.)

test('nginx answered no request of this run with an error', async () => {
  const log = process.env.TESTIMONY_NGINX_ACCESS_LOG;
  assert.ok(log, 'TESTIMONY_NGINX_ACCESS_LOG is not set: run these tests through tests/browser/run.sh');
  // Let the browser's last requests arrive and be logged.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
  assert.ok(lines.length > 100, `only ${lines.length} requests in ${log}`);
  const errors = lines.filter((line) => {
    const m = /" (\d{3}) /.exec(line);
    return !m || Number(m[1]) >= 400;
  });
  assert.deepEqual(errors, [], `nginx answered errors:\n${errors.join('\n')}`);
});
