// "Reading needs no JavaScript": every page type of the built site (as hosted by nginx, under
// /testimony/), in English and Arabic, loaded in Chromium with JavaScript disabled. The page's
// content is there and visible (a story's title, statement, transcript, segments and player;
// a list's cards), nothing that holds text stays hidden waiting for a script to show it
// (except the few parts that only work with one, each named in JS_ONLY with why), every link
// of the page answers 200 (or points to a part of the page), and following links works. The
// search page says that searching needs JavaScript and links to the stories. A planted
// violation (a story whose transcript a route hides, and a broken link) proves the check
// reports what it should. Run through run.sh, which builds the site, starts nginx and sets
// TESTIMONY_BASE_URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { LAUNCH } from './chromium.mjs';
import { PAGE_TYPES, answer404 } from './pages.mjs';

const BASE = process.env.TESTIMONY_BASE_URL;
if (!BASE) {
  throw new Error('TESTIMONY_BASE_URL is not set: run these tests through tests/browser/run.sh');
}
const url = (path) => new URL(path, BASE).href;
const LANGS = ['en', 'ar'];

// The parts of a page that only work with JavaScript, hidden until a script shows them; each is
// allowed to stay hidden without it. Anything else hidden that holds text is a failure.
export const JS_ONLY = [
  // The search box: pagefind searches in the browser. The page says so without JavaScript,
  // and links to the list of stories (checked below).
  '[data-search]',
  // The button that loads an external (YouTube) player on request; the link to the video
  // on its own site is shown instead.
  '.video-load',
  // The notice that the video failed to load, shown by the script on an error.
  '.video-error',
];

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  if (browser) await browser.close();
});

/** Runs `fn(context)` in a fresh context with JavaScript disabled. */
async function withoutJs(fn, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB', viewport });
  context.setDefaultTimeout(15000);
  try {
    return await fn(context);
  } finally {
    await context.close();
  }
}

/**
 * Everything on the loaded page that would need JavaScript to be read: hidden parts with text,
 * text cut off in a box that does not scroll, and the expected content of the page `type`
 * missing or invisible. Returns { problems, links }: the problems as sentences, and the
 * addresses (without fragment) of the page's links to this site, to be fetched by the caller.
 */
export async function readingProblems(page, type) {
  return page.evaluate(
    ({ type, jsOnly }) => {
      const problems = [];
      const describe = (el) => {
        const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
        const id = el.id ? '#' + el.id : '';
        const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50);
        return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
      };
      const shown = (el) =>
        el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
        el.getClientRects().length > 0;
      // Shown, or inside a closed <details> whose summary is shown: the reader opens it, and
      // a <details> opens without a script (a menu on a phone, the warnings' gate).
      const reachable = (el) => {
        if (shown(el)) return true;
        const details = el.parentElement && el.parentElement.closest('details:not([open])');
        const summary = details && details.querySelector(':scope > summary');
        return Boolean(summary && shown(summary) && reachable(details));
      };
      const ownText = (el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');

      // 1. Hidden text. For each element with text of its own that is not shown, the outermost
      // hidden ancestor is what hides it; it is reported once, with the reason.
      const hiders = new Set();
      for (const el of document.body.querySelectorAll('*')) {
        if (!(ownText(el) || el.matches('img, video, iframe')) || shown(el)) continue;
        // A wide screen's menu: its summary hidden, what it holds laid out in full.
        if (el.matches('summary') && [...el.parentElement.children].some((c) => c !== el && shown(c))) continue;
        let hider = el;
        while (hider.parentElement && hider.parentElement !== document.body && !shown(hider.parentElement)) {
          hider = hider.parentElement;
        }
        const parent = hider.parentElement;
        // What a closed <details> holds opens without a script (its summary is checked shown);
        // a <video>'s fallback text is for browsers without video.
        if (parent && parent.matches('details:not([open])') && !hider.matches('summary')) continue;
        if (el.closest('video, audio')) continue;
        if (jsOnly.some((sel) => hider.closest(sel))) continue;
        hiders.add(hider);
      }
      for (const el of hiders) {
        const s = getComputedStyle(el);
        const why = el.hidden
          ? 'the hidden attribute'
          : s.display === 'none'
            ? 'display: none'
            : s.visibility !== 'visible'
              ? `visibility: ${s.visibility}`
              : Number(s.opacity) === 0
                ? 'opacity: 0'
                : 'no box';
        problems.push(`hidden (${why}): ${describe(el)}`);
      }
      // A <details> must open, unless what it holds is shown without opening (a menu laid
      // out in full on a wide screen, its summary hidden).
      for (const summary of document.querySelectorAll('details > summary')) {
        const details = summary.parentElement;
        const contentShown = [...details.children].some((c) => c !== summary && shown(c));
        if (!shown(summary) && !contentShown && reachable(details)) {
          problems.push(`neither the summary of a <details> nor what it holds is shown: ${describe(details)}`);
        }
      }

      // 2. Text cut off: a box that clips its content without letting the reader scroll.
      for (const el of document.body.querySelectorAll('*')) {
        if (!shown(el) || !(el.textContent || '').trim()) continue;
        const s = getComputedStyle(el);
        const clips = (o) => o === 'hidden' || o === 'clip';
        if ((clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1) || (clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1)) {
          // A one-pixel box is the visually-hidden pattern (text for screen readers): not cut off.
          if (el.clientWidth > 1 && el.clientHeight > 1) problems.push(`text cut off (overflow ${s.overflowX}/${s.overflowY}): ${describe(el)}`);
        }
      }

      // 3. The content each page type must show.
      const all = (sel) => [...document.querySelectorAll(sel)];
      const expect = (sel, min, what) => {
        const els = all(sel);
        const visible = els.filter((el) => reachable(el) && (el.textContent || '').trim() !== '');
        if (visible.length < min) problems.push(`${what}: ${visible.length} of ${els.length} shown (${sel}), expected at least ${min}`);
        if (visible.length < els.length) {
          for (const el of els.filter((e) => !visible.includes(e)).slice(0, 3)) problems.push(`${what}: not shown: ${describe(el)}`);
        }
      };
      if (document.documentElement.classList.contains('js')) problems.push('a script ran although JavaScript is disabled');
      expect('main h1', 1, 'the main heading');
      const mainText = (document.querySelector('main')?.innerText || '').trim();
      if (mainText.length < 40) problems.push(`<main> shows only ${mainText.length} characters`);
      if (type !== 'root') {
        expect('.site-header .site-title', 1, 'the site name');
        expect('.site-header .site-nav a', 4, 'the main navigation');
      }
      const cards = () => {
        expect('.cards .card', 1, 'story cards');
        expect('.cards .card .card-title a', 1, 'story card titles');
      };
      switch (type) {
        case 'root':
          expect('.language-list a[hreflang]', 2, 'the languages');
          break;
        case 'home':
          cards();
          expect('.theme-list .theme-item', 1, 'themes');
          break;
        case 'stories':
        case 'country':
          cards();
          break;
        case 'theme':
          cards();
          expect('.theme-segments .segment-link', 1, 'the theme\'s segments');
          break;
        case 'themes':
          expect('.theme-list .theme-item .theme-title a', 1, 'themes');
          break;
        case 'statements':
          expect('.statements blockquote', 1, 'statements');
          break;
        case 'about':
          expect('main .prose', 1, 'the page\'s text');
          break;
        case 'story': {
          expect('main .summary', 1, 'the story\'s summary');
          expect('.statement blockquote', 1, 'the statement');
          expect('#transcript .cue-text', 3, 'transcript lines');
          expect('.story-segments .segment-link', 2, 'segments');
          const gate = document.querySelector('details.video-gate');
          const video = document.getElementById('video');
          if (!video) problems.push('the story has no <video id="video">');
          else if (!video.hasAttribute('controls')) problems.push('the <video> has no controls (nothing to play it with)');
          if (!gate && video && !shown(video)) problems.push('the <video> is not shown and no gate opens it');
          break;
        }
        case 'search': {
          expect('[data-search-needs-js]', 1, 'the note that search needs JavaScript');
          const stories = document.querySelector('.site-nav a[href$="/stories/"]')?.href;
          const link = [...document.querySelectorAll('[data-search-needs-js] a')].find((a) => a.href === stories);
          if (!link || !shown(link)) problems.push(`the note that search needs JavaScript does not link to the stories (${stories})`);
          break;
        }
        case '404':
          expect('main a[href]', 1, 'links on from the missing page');
          break;
      }

      // 4. Links: to this site (fetched by the caller), or to a part of this page.
      const here = location.href.split('#')[0];
      const links = new Set();
      for (const a of document.querySelectorAll('a[href]')) {
        const u = new URL(a.getAttribute('href'), document.baseURI);
        if (u.origin !== location.origin) continue;
        const hash = u.hash;
        u.hash = '';
        if (u.href === here && hash) {
          // #t=SECONDS is the time in a story (read by the player's script; without one the
          // reader stays on the page, where the time is written next to the link).
          const ok = /^#t=\d/.test(hash) ? Boolean(document.querySelector('video')) : Boolean(document.getElementById(decodeURIComponent(hash.slice(1))));
          if (!ok) problems.push(`a link to ${hash}, which is not on this page: ${describe(a)}`);
        } else {
          links.add(u.href);
        }
      }
      return { problems, links: [...links] };
    },
    { type, jsOnly: JS_ONLY },
  );
}

/** The links of `links` that do not answer 200 to HEAD (redirects not followed), with their status. */
async function brokenLinks(context, links, checked = new Map()) {
  const broken = [];
  for (const link of links) {
    if (!checked.has(link)) {
      const response = await context.request.fetch(link, { method: 'HEAD', maxRedirects: 0, failOnStatusCode: false });
      checked.set(link, response.status());
      await response.dispose();
    }
    if (checked.get(link) !== 200) broken.push(`${link} answered ${checked.get(link)}`);
  }
  return broken;
}

/** Opens `type` in `lang` in `context` (the 404 type answered as a host does); returns the page. */
async function openType(context, type, lang) {
  const page = await context.newPage();
  const address = url(PAGE_TYPES[type](lang));
  if (type === '404') await answer404(page, BASE, lang, address);
  const response = await page.goto(address);
  const status = type === '404' ? 404 : 200;
  assert.ok(response && response.status() === status, `${address} did not answer ${status}`);
  return page;
}

// A phone's screen and a desktop's: a layout may hide (or fold into a <details>) on one what
// it shows on the other.
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
const checked = new Map(); // link -> status, shared by both sizes

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`without JavaScript every page type is readable (${size}, ${viewport.width} px), in English and Arabic, and its links work`, async () => {
    await withoutJs(async (context) => {
      const failures = [];
      let pages = 0;
      for (const type of Object.keys(PAGE_TYPES)) {
        for (const lang of type === 'root' ? ['-'] : LANGS) {
          const page = await openType(context, type, lang);
          const { problems, links } = await readingProblems(page, type);
          problems.push(...(await brokenLinks(context, links, checked)));
          for (const p of problems) failures.push(`${type} (${lang}) ${page.url()}: ${p}`);
          await page.close();
          pages++;
        }
      }
      assert.equal(pages, 1 + (Object.keys(PAGE_TYPES).length - 1) * LANGS.length);
      assert.ok(checked.size > 20, `only ${checked.size} links were checked`);
      assert.deepEqual(failures, [], `pages that need JavaScript to be read:\n${failures.join('\n')}`);
    }, viewport);
  });
}

for (const lang of LANGS) {
  test(`without JavaScript (${lang}) a reader goes from the home page to a story, opens its player, and on to a theme`, async () => {
    await withoutJs(async (context) => {
      const page = await openType(context, 'home', lang);
      const card = page.locator('.cards .card-title a').first();
      const story = await card.evaluate((a) => a.href);
      await Promise.all([page.waitForURL(story), card.click()]);
      assert.match(page.url(), new RegExp(`/${lang}/stories/[^/]+/$`));
      assert.ok(await page.locator('main h1').isVisible(), 'the story\'s title is not shown');

      // The player: behind the content warnings' gate (a <details>, which opens without a
      // script) when the story has warnings, else shown at once; playable (controls, a source
      // that answers).
      const gate = page.locator('details.video-gate > summary');
      if (await gate.count()) {
        assert.equal(await page.locator('#video').isVisible(), false, 'the video shows before the reader continues past the warnings');
        await gate.click();
      }
      const video = page.locator('#video');
      assert.ok(await video.isVisible(), 'the video is not shown once the reader continues');
      assert.notEqual(await video.getAttribute('controls'), null, 'the video has no controls');
      const src = await page.locator('#video source').first().evaluate((s) => s.src);
      const media = await context.request.head(src);
      assert.equal(media.status(), 200, `the video ${src} answered ${media.status()}`);

      // A theme of the story, and from it a segment link back into a story, at its time.
      const tag = page.locator('.story-themes .tags a').first();
      const theme = await tag.evaluate((a) => a.href);
      await Promise.all([page.waitForURL(theme), tag.click()]);
      assert.ok(await page.locator('main h1').isVisible(), 'the theme\'s title is not shown');
      const segment = page.locator('.theme-segments a.segment-link').first();
      const target = await segment.evaluate((a) => a.href);
      await Promise.all([page.waitForURL(target), segment.click()]);
      assert.match(page.url(), /\/stories\/[^/]+\/#t=\d/);
      assert.ok(await page.locator('#transcript .cue-text').first().isVisible(), 'the transcript is not shown');
      await page.close();
    });
  });
}

test('without JavaScript: a planted violation (a hidden transcript, a broken link) is reported', async () => {
  await withoutJs(async (context) => {
    const address = url(PAGE_TYPES.story('en'));
    const page = await context.newPage();
    // The page as a broken theme would write it: the transcript hidden until a script shows
    // it, and a link to a page that does not exist.
    let planted = false;
    await page.route(address, async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/<section(?=[^>]*\sid="?transcript[\s">])/, '<section hidden')
        .replace(/<\/main>/, '<a href="no-such-page/">planted</a></main>');
      planted = /<section hidden[^>]*\sid="?transcript/.test(html) && html.includes('no-such-page/');
      await route.fulfill({ response, body: html });
    });
    await page.goto(address);
    assert.ok(planted, 'the planted violation was not placed in the page');
    const { problems, links } = await readingProblems(page, 'story');
    problems.push(...(await brokenLinks(context, links)));
    const has = (re) => problems.some((p) => re.test(p));
    assert.ok(has(/^hidden \(the hidden attribute\): <section#transcript/), `the hidden transcript not reported:\n${problems.join('\n')}`);
    assert.ok(has(/^transcript lines: 0 of \d+ shown/), `the missing transcript lines not reported:\n${problems.join('\n')}`);
    assert.ok(has(/no-such-page\/ answered 404$/), `the broken link not reported:\n${problems.join('\n')}`);

    // The same page as built passes.
    await page.unroute(address);
    await page.goto(address);
    const real = await readingProblems(page, 'story');
    assert.deepEqual(real.problems, []);
    await page.close();
  });
});
