// The pages the browser gates visit: one real page of each type of the shipped site (as built
// by run.sh), and how to load the 404 type as a host serves it.
import assert from 'node:assert/strict';

// One real page of each type of the shipped site. The 404 type is a missing address, deep in
// the language's folder: the browser is answered there with the language's 404.html, status
// 404, as a host does (the test's nginx has no error_page, so that every other test still sees
// any 404 of the site as a failure): see `answer404`.
export const PAGE_TYPES = {
  root: () => '',
  home: (lang) => `${lang}/`,
  stories: (lang) => `${lang}/stories/`,
  story: (lang) => `${lang}/stories/example-the-border-crossing/`,
  theme: (lang) => `${lang}/themes/defection/`,
  themes: (lang) => `${lang}/themes/`,
  statements: (lang) => `${lang}/statements/`,
  about: (lang) => `${lang}/about/`,
  country: (lang) => `${lang}/stories/from/tn/`,
  search: (lang) => `${lang}/search/`,
  404: (lang) => `${lang}/no/such/page/`,
};

/**
 * Makes `page` answer the missing `address` with the language's 404.html and status 404, as a
 * host configured by docs/hosting.md does. `base` is the site's address (TESTIMONY_BASE_URL).
 */
export async function answer404(page, base, lang, address) {
  const notFound = new URL(`${lang}/404.html`, base).href;
  await page.route(address, async (route) => {
    const response = await route.fetch({ url: notFound });
    assert.equal(response.status(), 200, `${notFound} answered ${response.status()}`);
    await route.fulfill({ response, status: 404 });
  });
}
