//! Site-wide indexes, built once per build after assembly: the stories, themes and pages by
//! their identity (a job names them by slug, id and path), and what related stories are
//! chosen from.

use std::collections::HashMap;

use crate::site::{Page, Site, Story, Theme};

/// Lookups by identity, and the related stories.
pub struct Index<'a> {
    site: &'a Site,
    /// Story slug to its position in `site.stories`.
    stories: HashMap<&'a str, usize>,
    /// Theme id to its position in `site.themes`.
    themes: HashMap<&'a str, usize>,
    /// Page path to its position in `site.pages`.
    pages: HashMap<&'a str, usize>,
    /// What related stories are chosen from.
    pub related: Related,
}

/// Position by key; the first of equal keys wins, as a search from the start would find.
fn positions<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(key(item)).or_insert(i);
    }
    map
}

impl<'a> Index<'a> {
    /// Indexes the site's stories, themes and pages.
    pub fn new(site: &'a Site) -> Self {
        Index {
            site,
            stories: positions(&site.stories, |s| s.slug.as_str()),
            themes: positions(&site.themes, |t| t.id.as_str()),
            pages: positions(&site.pages, |p| p.path.as_str()),
            related: Related::new(site),
        }
    }

    /// The story with this slug, and its position in `site.stories`.
    pub fn story(&self, slug: &str) -> Option<(usize, &'a Story)> {
        let i = *self.stories.get(slug)?;
        Some((i, &self.site.stories[i]))
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&'a Theme> {
        self.themes.get(id).map(|&i| &self.site.themes[i])
    }

    /// The plain page at this path.
    pub fn page(&self, path: &str) -> Option<&'a Page> {
        self.pages.get(path).map(|&i| &self.site.pages[i])
    }
}

/// What "related stories" are chosen from: the themes of every story as a bit set. Related
/// stories are those sharing the most themes, then by slug; choosing them is one pass of bit
/// operations over the stories, with no allocation per candidate, since every story page of
/// every language does it.
pub struct Related {
    /// Per story (in `site.stories` order): bit `k` is set if it has `site.themes[k]`.
    themes: Vec<Vec<u64>>,
    /// Per story: its position in slug order, to break ties.
    slug_rank: Vec<u32>,
}

impl Related {
    /// The themes of every story as bits, and the stories' slug order.
    pub fn new(site: &Site) -> Self {
        let words = site.themes.len().div_ceil(64).max(1);
        let index = positions(&site.themes, |t| t.id.as_str());
        let themes = site
            .stories
            .iter()
            .map(|story| {
                let mut bits = vec![0u64; words];
                for k in story.themes.iter().filter_map(|id| index.get(id.as_str())) {
                    bits[k / 64] |= 1 << (k % 64);
                }
                bits
            })
            .collect();
        let mut by_slug: Vec<usize> = (0..site.stories.len()).collect();
        by_slug.sort_by(|&a, &b| site.stories[a].slug.cmp(&site.stories[b].slug));
        let mut slug_rank = vec![0u32; site.stories.len()];
        for (rank, &story) in by_slug.iter().enumerate() {
            slug_rank[story] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        Related { themes, slug_rank }
    }

    /// Up to `count` stories among those `shown` (per story, in `site.stories` order) that
    /// share a theme with story `of`: most shared themes first, then by slug.
    pub fn top(&self, of: usize, shown: &[bool], count: usize) -> Vec<usize> {
        let mine = &self.themes[of];
        // (shared themes, slug rank, story), best first.
        let mut best: Vec<(u32, u32, usize)> = Vec::with_capacity(count + 1);
        for (other, bits) in self.themes.iter().enumerate() {
            if other == of || !shown.get(other).copied().unwrap_or(false) {
                continue;
            }
            let shared: u32 = mine
                .iter()
                .zip(bits)
                .map(|(a, b)| (a & b).count_ones())
                .sum();
            if shared == 0 {
                continue;
            }
            let rank = self.slug_rank[other];
            let better = |&(s, r, _): &(u32, u32, usize)| shared > s || (shared == s && rank < r);
            if best.len() == count && !best.last().is_some_and(better) {
                continue;
            }
            let at = best.iter().position(better).unwrap_or(best.len());
            best.insert(at, (shared, rank, other));
            best.truncate(count);
        }
        best.into_iter().map(|(_, _, story)| story).collect()
    }
}
