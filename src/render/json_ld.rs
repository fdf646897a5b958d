//! The schema.org data of a story page: a `VideoObject` with one `Clip` per segment, in the
//! page's language, serialized so that it is safe inside `<script type="application/ld+json">`.

use super::pages::Scope;
use super::{SegmentContext, StoryCard};
use crate::site::{Localized, Story, StoryText, Video};
use crate::urls::{Route, Urls};

/// schema.org `VideoObject` with one `Clip` per segment, in the page's language.
pub fn story(
    s: &Scope,
    story: &Story,
    localized: Localized<StoryText>,
    segments: &[SegmentContext],
    card: &StoryCard,
) -> String {
    let urls = &s.site.urls;
    let page_url = urls.absolute(&s.url(Route::Story(&story.slug)));
    let clips: Vec<serde_json::Value> = segments
        .iter()
        .map(|s| {
            serde_json::json!({
                "@type": "Clip",
                "name": s.title,
                "startOffset": s.start_seconds,
                "endOffset": s.end_seconds,
                "url": format!("{page_url}#t={}", s.start_seconds),
            })
        })
        .collect();
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": localized.text.title,
        "description": localized.text.summary,
        "inLanguage": localized.lang,
        "duration": story.duration.to_iso8601(),
        "url": page_url,
        "hasPart": clips,
    });
    if let Some(date) = story.interviewed {
        value["uploadDate"] =
            serde_json::json!(format!("{:04}-{:02}-{:02}", date.0, date.1, date.2));
    }
    if let Some(poster) = &card.poster_url {
        value["thumbnailUrl"] = serde_json::json!(urls.absolute(poster));
    }
    if let Video::File { name, .. } = &story.video {
        value["contentUrl"] =
            serde_json::json!(urls.absolute(&urls.file(&Urls::media_path(&story.slug, name))));
    }
    script_safe(&value.to_string())
}

/// Inside `<script>`, `<!--` and `</script` change how the HTML parser reads the block: write
/// `<`, `>` and `&` as JSON escapes, which mean the same to a JSON reader.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::script_safe;

    #[test]
    fn json_cannot_close_the_script_element() {
        let json = serde_json::json!({ "name": "</script><!-- & -->" }).to_string();
        let safe = script_safe(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["name"], "</script><!-- & -->");
    }
}
