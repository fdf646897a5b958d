//! The pieces page builders share, read through a [`Scope`] (the site, its indexes and one
//! language's view): the `page` values, story cards, theme links, segments, countries, and the
//! story page's video, caption tracks and transcript.

use std::collections::BTreeSet;

use super::pages::Scope;
use super::{
    Alternate, Country, CueContext, LangContext, PageContext, SegmentContext, StoryCard, StoryRef,
    ThemeLink, ThemeRef, TrackContext, TranscriptContext, VideoContext, poster_output_name,
};
use crate::config::{Direction, MissingTranslation};
use crate::site::{CaptionTrack, Localized, Story, StoryText, Texts, Theme, ThemeText, Video};
use crate::urls::{Route, Urls};

impl<'r> Scope<'r> {
    /// The language `code` as templates see it; a code the site does not have (never the
    /// case after assembly) is shown left to right under its code.
    pub fn lang_of(&self, code: &str) -> LangContext {
        self.site
            .config
            .language(code)
            .map(LangContext::of)
            .unwrap_or(LangContext {
                code: code.to_string(),
                name: code.to_string(),
                dir: Direction::Ltr.as_str(),
            })
    }

    /// The address of `route` in this language.
    pub fn url(&self, route: Route) -> String {
        self.site.urls.page(self.code(), route)
    }

    /// The language links of a page that exists as `texts` (or always, for generated pages).
    fn alternates<T>(&self, route: Route, texts: Option<&Texts<T>>) -> Vec<Alternate> {
        let urls = &self.site.urls;
        let languages = self.site.config.languages.iter();
        languages
            .filter_map(|language| {
                let translated = texts.is_none_or(|t| t.has(&language.code));
                // A story outside its consented languages has no page there to link to.
                let allowed = texts.is_none_or(|t| t.allows(&language.code));
                let exists =
                    allowed && (translated || self.policy() == MissingTranslation::Fallback);
                exists.then(|| {
                    let url = urls.page(&language.code, route);
                    Alternate {
                        lang: LangContext::of(language),
                        absolute_url: urls.absolute(&url),
                        url,
                        translated,
                        current: language.code == self.code(),
                        og_locale: super::og_locale(&language.code),
                    }
                })
            })
            .collect()
    }

    /// The `page` values of a page at `route`, written as `texts` (`None` for generated pages,
    /// which exist in every language), with its text in the page's language: see
    /// [`Scope::shown_as`] for a text that may be a fallback.
    pub fn page<T>(
        &self,
        kind: &'static str,
        route: Route,
        title: String,
        texts: Option<&Texts<T>>,
    ) -> PageContext {
        let urls = &self.site.urls;
        let url = self.url(route);
        let default = &self.site.config.default_language().code;
        PageContext {
            csp: super::hosting::PagePolicy::BASE.meta(),
            kind,
            title,
            description: None,
            canonical: urls.absolute(&url),
            url,
            text_lang: self.view.lang.clone(),
            is_fallback: false,
            is_stale: false,
            is_draft: false,
            alternates: self.alternates(route, texts),
            default_url: urls.absolute(&urls.page(default, route)),
            og_type: if kind == "story" {
                "article"
            } else {
                "website"
            },
            image: None,
            pager: None,
        }
    }

    /// `page` with its text shown as `localized`: its language, fallback, staleness, draft.
    pub fn shown_as<T>(&self, page: PageContext, localized: Localized<T>) -> PageContext {
        PageContext {
            text_lang: self.lang_of(localized.lang),
            is_fallback: localized.fallback,
            is_stale: localized.stale,
            is_draft: localized.draft,
            ..page
        }
    }

    /// A country, named in this language, with its list of stories.
    pub fn country(&self, code: &str) -> Country {
        Country {
            code: code.to_string(),
            name: self
                .view
                .formatter
                .country(code)
                .unwrap_or_else(|| code.to_string()),
            url: self.url(Route::StoriesFrom(code)),
        }
    }

    /// The countries of the stories shown in this language, by name.
    pub fn countries(&self) -> Vec<Country> {
        let codes: BTreeSet<&str> = self
            .shown_stories()
            .map(|(_, s)| s.origin.as_str())
            .collect();
        let mut countries: Vec<Country> = codes.into_iter().map(|c| self.country(c)).collect();
        countries.sort_by(|a, b| a.name.cmp(&b.name));
        countries
    }

    /// The stories shown in this language, with their positions, in `site.stories` order.
    pub fn shown_stories(&self) -> impl Iterator<Item = (usize, &'r Story)> + '_ {
        let shown = &self.view.shown;
        let stories = self.site.stories.iter().enumerate();
        stories
            .filter(|(i, _)| shown.get(*i).copied().unwrap_or(false))
            .map(|(i, story)| (i, &**story))
    }

    /// A theme as a link in lists, with its counts in this language.
    pub fn theme_link(&self, theme: &Theme, localized: Localized<ThemeText>) -> ThemeLink {
        let counts = self.view.theme_counts.get(&theme.id);
        let (story_count, segment_count) = counts.copied().unwrap_or_default();
        ThemeLink {
            id: theme.id.clone(),
            title: localized.text.title.clone(),
            summary: localized.text.summary.clone(),
            url: self.url(Route::Theme(&theme.id)),
            lang: self.lang_of(localized.lang),
            story_count,
            segment_count,
        }
    }

    /// Every theme shown in this language, as links, in theme order.
    pub fn theme_links(&self) -> Vec<ThemeLink> {
        let themes = self.site.themes.iter();
        themes
            .filter_map(|theme| Some(self.theme_link(theme, self.localized(&theme.texts)?)))
            .collect()
    }

    /// A link to the theme `id`, if it is shown in this language.
    pub fn theme_ref(&self, id: &str) -> Option<ThemeRef> {
        let localized = self.localized(&self.index.theme(id)?.texts)?;
        Some(ThemeRef {
            id: id.to_string(),
            title: localized.text.title.clone(),
            url: self.url(Route::Theme(id)),
        })
    }

    /// Links to the themes `ids` shown in this language.
    pub fn theme_refs(&self, ids: &[String]) -> Vec<ThemeRef> {
        ids.iter().filter_map(|id| self.theme_ref(id)).collect()
    }

    /// A link to a story, shown as `localized`.
    pub fn story_ref(&self, story: &Story, localized: Localized<StoryText>) -> StoryRef {
        StoryRef {
            title: localized.text.title.clone(),
            pseudonym: story.pseudonym.clone(),
            url: self.url(Route::Story(&story.slug)),
            lang: self.lang_of(localized.lang),
        }
    }

    /// The address of a file of a story, its name percent-encoded (see [`Urls::file`]).
    pub fn media_url(&self, story: &Story, name: &str) -> String {
        self.site.urls.file(&Urls::media_path(&story.slug, name))
    }

    /// `2014–2015` (joined–left), or only the year joined, in this language.
    fn years(&self, story: &Story) -> Option<String> {
        let formatter = &self.view.formatter;
        match (story.joined, story.left) {
            (Some(j), Some(l)) => Some(format!("{}–{}", formatter.year(j), formatter.year(l))),
            (Some(j), None) => Some(formatter.year(j)),
            _ => None,
        }
    }

    /// The story as a card in lists, if it is shown in this language.
    pub fn card(&self, story: &Story) -> Option<StoryCard> {
        let localized = self.localized(&story.texts)?;
        let poster = story.poster.as_ref();
        Some(StoryCard {
            slug: story.slug.clone(),
            url: self.url(Route::Story(&story.slug)),
            title: localized.text.title.clone(),
            pseudonym: story.pseudonym.clone(),
            summary: localized.text.summary.clone(),
            example: story.example,
            origin: self.country(&story.origin),
            years: self.years(story),
            poster_url: poster.map(|p| self.media_url(story, &poster_output_name(&p.name))),
            poster_width: poster.and_then(|p| p.size).map(|(w, _)| w),
            poster_height: poster.and_then(|p| p.size).map(|(_, h)| h),
            duration: story.duration.to_display(),
            lang: self.lang_of(localized.lang),
            is_fallback: localized.fallback,
            themes: story.themes.clone(),
        })
    }

    /// The segments of a story shown as `localized`, each with its story.
    pub fn segments(&self, story: &Story, localized: Localized<StoryText>) -> Vec<SegmentContext> {
        let story_url = self.url(Route::Story(&story.slug));
        let titles = &localized.text.segment_titles;
        let segments = story.segments.iter().enumerate();
        segments
            .map(|(i, segment)| SegmentContext {
                title: titles.get(i).cloned().unwrap_or_default(),
                lang: self.lang_of(localized.lang),
                start_seconds: segment.start.whole_seconds(),
                end_seconds: segment.end.whole_seconds(),
                start_display: segment.start.to_display(),
                end_display: segment.end.to_display(),
                url: format!("{story_url}#t={}", segment.start.whole_seconds()),
                themes: self.theme_refs(&segment.themes),
                story: Some(self.story_ref(story, localized)),
            })
            .collect()
    }

    /// The caption track selected by default: the reader's language if the story is
    /// captioned in it, else the default language, else the first.
    pub fn selected_track<'s>(&self, story: &'s Story) -> Option<&'s CaptionTrack> {
        let default = &self.site.config.default_language().code;
        story
            .captions_in(self.code())
            .or_else(|| story.captions_in(default))
            .or(story.captions.first())
    }

    /// The story's caption tracks, one per captioned language.
    pub fn tracks(&self, story: &Story) -> Vec<TrackContext> {
        let selected = self.selected_track(story);
        let tracks = story.captions.iter();
        tracks
            .map(|track| TrackContext {
                lang: self.lang_of(&track.lang),
                url: self
                    .site
                    .urls
                    .file(&Urls::captions_path(&story.slug, &track.lang)),
                default: selected.is_some_and(|s| s.lang == track.lang),
            })
            .collect()
    }

    /// The transcript: the cues of the selected caption track.
    pub fn transcript(&self, story: &Story) -> Option<TranscriptContext> {
        let track = self.selected_track(story)?;
        let cues = track.captions.cues.iter();
        Some(TranscriptContext {
            lang: self.lang_of(&track.lang),
            is_fallback: track.lang != self.code(),
            cues: cues
                .map(|cue| CueContext {
                    start_seconds: cue.start.seconds(),
                    start_display: cue.start.to_display(),
                    text: cue.plain_text(),
                })
                .collect(),
        })
    }

    /// The story's video: a file of its folder, or a YouTube video.
    pub fn video(&self, story: &Story, poster_url: Option<String>) -> VideoContext {
        let duration = story.duration;
        let (kind, src, mime, youtube_id, chapters_url) = match &story.video {
            Video::File { name, .. } => (
                "file",
                Some(self.media_url(story, name)),
                Some(video_mime(name)),
                None,
                (!story.segments.is_empty()).then(|| {
                    let path = Urls::chapters_path(self.code(), &story.slug);
                    self.site.urls.file(&path)
                }),
            ),
            Video::Youtube { id } => ("youtube", None, None, Some(id.clone()), None),
        };
        let youtube_embed_url = youtube_id.as_ref().map(|id| {
            // Assembly allows letters, digits, `-` and `_` only; encoded all the same.
            let id = crate::urls::encode_path(id);
            format!("{}/embed/{id}", super::hosting::YOUTUBE_EMBED_ORIGIN)
        });
        VideoContext {
            kind,
            src,
            mime,
            youtube_id,
            youtube_embed_url,
            gated: !story.warnings.is_empty(),
            poster_url,
            duration_seconds: duration.whole_seconds(),
            duration_display: duration.to_display(),
            chapters_url,
        }
    }
}

/// The content type of a story's video file, from its name: `.mp4` or else WebM (assembly
/// accepts only those two).
fn video_mime(name: &str) -> &'static str {
    if name.to_ascii_lowercase().ends_with(".mp4") {
        "video/mp4"
    } else {
        "video/webm"
    }
}
