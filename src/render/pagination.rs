//! The long lists cut into pages: all stories, the stories from a country and a theme's
//! stories (with their segments) show `page_size` cards a page (site.yaml), page 1 at the
//! list's address and the next ones at `page/2/`, `page/3/`, ... under it
//! ([`crate::urls::Urls::list_page`]). The counts a list shows stay its totals.
//!
//! How many pages a list has depends on the language (a story missing from a language is not
//! listed in it), so [`Lists`] counts the stories of every list in every language once, for
//! the jobs, the sitemap and the pages' language links alike. A theme page shows the segments
//! of the stories on it rather than a second, separately paged list: a reader sees a story and
//! its parts about the theme on the same page, and a page stays small however long the list.

use std::collections::{BTreeMap, BTreeSet};

use super::{PageLink, PagerContext};
use crate::site::Site;
use crate::urls::{Route, Urls};

/// A list that is cut into pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum List<'a> {
    /// All stories, `/<lang>/stories/`.
    Stories,
    /// The stories from one country, by ISO code: `/<lang>/stories/from/<code>/`.
    From(&'a str),
    /// The stories of one theme, by id: `/<lang>/themes/<id>/`.
    Theme(&'a str),
}

impl<'a> List<'a> {
    /// The list's address without its language (its first page).
    pub fn route(self) -> Route<'a> {
        match self {
            List::Stories => Route::Stories,
            List::From(code) => Route::StoriesFrom(code),
            List::Theme(id) => Route::Theme(id),
        }
    }
}

/// How many pages a list of `items` has: at least one (an empty list still has its page).
pub fn page_count(items: usize, page_size: usize) -> usize {
    items.div_ceil(page_size.max(1)).max(1)
}

/// The positions in the list of the items on page `number` (from 1); empty past the end.
pub fn items_on(number: usize, page_size: usize, items: usize) -> std::ops::Range<usize> {
    let size = page_size.max(1);
    let start = number.saturating_sub(1).saturating_mul(size).min(items);
    start..start.saturating_add(size).min(items)
}

/// How many stories each list has in each language, counted once per build.
pub struct Lists<'a> {
    /// Per language code, then per list: how many stories it shows in that language.
    counts: BTreeMap<&'a str, BTreeMap<List<'a>, usize>>,
    page_size: usize,
}

impl<'a> Lists<'a> {
    /// Counts the lists of `site`: a story is listed in a language when it has a page in it
    /// (its own text, or a fallback the missing-translation policy allows).
    pub fn new(site: &'a Site) -> Self {
        let policy = site.config.missing_translation;
        let mut counts = BTreeMap::new();
        for language in &site.config.languages {
            let lang = language.code.as_str();
            let mut lists: BTreeMap<List<'a>, usize> = BTreeMap::new();
            lists.insert(List::Stories, 0);
            for story in &site.stories {
                // Every country with a story has its list, in every language.
                lists.entry(List::From(&story.origin)).or_default();
            }
            for theme in &site.themes {
                lists.insert(List::Theme(&theme.id), 0);
            }
            let shown = site
                .stories
                .iter()
                .filter(|s| s.texts.get(lang, policy).is_some());
            for story in shown {
                *lists.entry(List::Stories).or_default() += 1;
                *lists.entry(List::From(&story.origin)).or_default() += 1;
                let themes: BTreeSet<&str> = story.themes.iter().map(String::as_str).collect();
                for id in themes {
                    *lists.entry(List::Theme(id)).or_default() += 1;
                }
            }
            counts.insert(lang, lists);
        }
        Lists {
            counts,
            page_size: site.config.page_size,
        }
    }

    /// How many stories `list` shows in `lang`.
    pub fn items(&self, lang: &str, list: List) -> usize {
        let lists = self.counts.get(lang);
        lists.and_then(|l| l.get(&list)).copied().unwrap_or(0)
    }

    /// How many pages `list` has in `lang`.
    pub fn pages(&self, lang: &str, list: List) -> usize {
        page_count(self.items(lang, list), self.page_size)
    }
}

/// The pager of page `number` of a list of `total` items at `route` in `lang`: its
/// neighbours (for `rel=prev/next` and the arrows) and a few numbered links around it (the
/// first, the last and two either side, so that a list of seventy pages does not put seventy
/// links on each).
pub fn pager(
    urls: &Urls,
    lang: &str,
    route: Route,
    number: usize,
    total: usize,
    page_size: usize,
) -> PagerContext {
    let count = page_count(total, page_size);
    let url = |n: usize| urls.list_page(lang, route, n);
    let neighbour = |n: usize| (1..=count).contains(&n).then(|| url(n));
    let shown: BTreeSet<usize> = [1, count]
        .into_iter()
        .chain(number.saturating_sub(2).max(1)..=(number + 2).min(count))
        .collect();
    let mut pages = Vec::new();
    let mut last = 0;
    for n in shown {
        pages.push(PageLink {
            number: n,
            url: url(n),
            current: n == number,
            gap_before: n > last + 1,
        });
        last = n;
    }
    PagerContext {
        number,
        count,
        total,
        first: items_on(number, page_size, total).start + 1,
        last: items_on(number, page_size, total).end,
        prev_url: number.checked_sub(1).and_then(neighbour),
        prev_absolute_url: number
            .checked_sub(1)
            .and_then(neighbour)
            .map(|u| urls.absolute(&u)),
        next_url: neighbour(number + 1),
        next_absolute_url: neighbour(number + 1).map(|u| urls.absolute(&u)),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_has_as_many_pages_as_it_fills_and_never_none() {
        assert_eq!(page_count(0, 24), 1);
        assert_eq!(page_count(24, 24), 1);
        assert_eq!(page_count(25, 24), 2);
        assert_eq!(page_count(1600, 24), 67);
        assert_eq!(items_on(1, 3, 7), 0..3);
        assert_eq!(items_on(3, 3, 7), 6..7);
        assert_eq!(items_on(4, 3, 7), 7..7);
    }

    #[test]
    fn the_pager_links_its_neighbours_and_a_window_of_numbers() {
        let urls = Urls::new("https://example.org/sub/");
        let p = pager(&urls, "ar", Route::Theme("t"), 5, 100, 10);
        assert_eq!(p.count, 10);
        assert_eq!((p.first, p.last), (41, 50));
        assert_eq!(p.prev_url.as_deref(), Some("/sub/ar/themes/t/page/4/"));
        assert_eq!(p.next_url.as_deref(), Some("/sub/ar/themes/t/page/6/"));
        let numbers: Vec<(usize, bool)> =
            p.pages.iter().map(|l| (l.number, l.gap_before)).collect();
        assert_eq!(
            numbers,
            [
                (1, false),
                (3, true),
                (4, false),
                (5, false),
                (6, false),
                (7, false),
                (10, true)
            ]
        );
        let first = pager(&urls, "ar", Route::Theme("t"), 1, 100, 10);
        assert_eq!(first.prev_url, None);
        assert_eq!(first.pages[0].url, "/sub/ar/themes/t/");
        let only = pager(&urls, "en", Route::Stories, 1, 3, 10);
        assert_eq!((only.count, only.prev_url, only.next_url), (1, None, None));
    }
}
