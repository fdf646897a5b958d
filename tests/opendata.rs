//! Open data, read from a real build: `/data/stories.json`, one file per language and
//! `/data/schema-v1.json`, parsed as JSON and checked against the shipped schema.
//!
//! The `jsonschema` crate is not available offline here, so [`validate`] is a small validator
//! of the keywords the schema uses; it refuses any other keyword, so that a keyword added to
//! the schema is never silently ignored. `pattern` is not interpreted (no regex engine among
//! the dependencies): the fields it constrains are checked by hand below.

mod common;

use std::collections::BTreeSet;

use common::{Site, tree};
use serde_json::{Map, Value};

const BASE: &str = "https://fixture.example/archive/";

fn json(site: &Site, rel: &str) -> Value {
    let text = site.read(&format!("public/{rel}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel} is not JSON: {e}\n{text}"))
}

fn schema(site: &Site) -> Value {
    json(site, "data/schema-v1.json")
}

/// The errors of `value` against `schema` (whose `$defs` are in `root`), as JSON pointers.
fn errors(root: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let mut found = Vec::new();
    let Some(schema) = schema.as_object() else {
        panic!("schema at {at} is not an object");
    };
    let mut evaluated: BTreeSet<String> = BTreeSet::new();
    for (keyword, rule) in schema {
        match keyword.as_str() {
            "$schema" | "title" | "description" | "format" | "pattern" | "$defs" => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .expect("a local $ref");
                let target = &root["$defs"][name];
                assert!(!target.is_null(), "no $defs/{name}");
                found.extend(errors(root, target, value, at));
                if let Some(props) = target["properties"].as_object() {
                    evaluated.extend(props.keys().cloned());
                }
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => panic!("type at {at}"),
                };
                let ok = types.iter().any(|t| match *t {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_u64() || value.is_i64(),
                    "boolean" => value.is_boolean(),
                    "null" => value.is_null(),
                    other => panic!("type {other} at {at}"),
                });
                if !ok {
                    found.push(format!("{at}: not {types:?}: {value}"));
                }
            }
            "const" if value != rule => found.push(format!("{at}: not {rule}")),
            "const" => {}
            "minLength" => {
                let min = rule.as_u64().unwrap() as usize;
                if value.as_str().is_some_and(|s| s.chars().count() < min) {
                    found.push(format!("{at}: shorter than {min}"));
                }
            }
            "minimum" => {
                if value.as_i64().is_some_and(|n| n < rule.as_i64().unwrap()) {
                    found.push(format!("{at}: below {rule}"));
                }
            }
            "minProperties" => {
                let min = rule.as_u64().unwrap() as usize;
                if value.as_object().is_some_and(|o| o.len() < min) {
                    found.push(format!("{at}: fewer than {min} properties"));
                }
            }
            "required" => {
                if let Some(object) = value.as_object() {
                    for key in rule.as_array().unwrap() {
                        let key = key.as_str().unwrap();
                        if !object.contains_key(key) {
                            found.push(format!("{at}: no {key}"));
                        }
                    }
                }
            }
            "properties" => {
                let props = rule.as_object().unwrap();
                evaluated.extend(props.keys().cloned());
                if let Some(object) = value.as_object() {
                    for (key, sub) in props {
                        if let Some(v) = object.get(key) {
                            found.extend(errors(root, sub, v, &format!("{at}/{key}")));
                        }
                    }
                }
            }
            "additionalProperties" | "unevaluatedProperties" => {}
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    found.extend(errors(root, rule, item, &format!("{at}/{i}")));
                }
            }
            "oneOf" => {
                let passing = rule
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|s| errors(root, s, value, at).is_empty())
                    .count();
                if passing != 1 {
                    found.push(format!("{at}: {passing} of oneOf match"));
                }
            }
            other => panic!("the test's validator does not know {other} (at {at})"),
        }
    }
    // What is not among the evaluated properties is checked against the rest.
    let rest = schema
        .get("additionalProperties")
        .or(schema.get("unevaluatedProperties"));
    if let (Some(rest), Some(object)) = (rest, value.as_object()) {
        for (key, v) in object.iter().filter(|(k, _)| !evaluated.contains(*k)) {
            match rest {
                Value::Bool(false) => found.push(format!("{at}: unexpected {key}")),
                Value::Bool(true) => {}
                sub => found.extend(errors(root, sub, v, &format!("{at}/{key}"))),
            }
        }
    }
    found
}

fn validate(schema: &Value, value: &Value) -> Vec<String> {
    errors(schema, schema, value, "")
}

fn built() -> Site {
    let site = Site::fixture("basic");
    site.build_ok();
    site
}

fn stories(file: &Value) -> &Vec<Value> {
    file["stories"].as_array().expect("stories is a list")
}

fn slugs(file: &Value) -> Vec<&str> {
    stories(file)
        .iter()
        .map(|s| s["slug"].as_str().unwrap())
        .collect()
}

#[test]
fn every_data_file_follows_the_shipped_schema_and_names_it() {
    let site = built();
    let schema = schema(&site);
    let shipped: Value =
        serde_json::from_str(include_str!("../src/render/opendata-schema-v1.json")).unwrap();
    assert_eq!(schema, shipped);
    for rel in [
        "data/stories.json",
        "data/en/stories.json",
        "data/ar/stories.json",
        "data/fr/stories.json",
    ] {
        let file = json(&site, rel);
        assert_eq!(validate(&schema, &file), Vec::<String>::new(), "{rel}");
        assert_eq!(
            file["schema"],
            format!("{BASE}data/schema-v1.json"),
            "{rel}"
        );
        assert_eq!(file["version"], 1, "{rel}");
        // What `pattern` says, checked by hand.
        for story in stories(&file) {
            let origin = story["origin"].as_str().unwrap();
            assert!(origin.len() == 2 && origin.chars().all(|c| c.is_ascii_uppercase()));
            let date = story["interviewed"].as_str().unwrap();
            assert_eq!(date.len(), 10, "{date}");
        }
    }
}

#[test]
fn the_validator_refuses_a_missing_field_and_an_unknown_one() {
    let site = built();
    let schema = schema(&site);
    let file = json(&site, "data/en/stories.json");
    let mut broken = file.clone();
    broken["stories"][0]
        .as_object_mut()
        .unwrap()
        .remove("pseudonym");
    assert!(!validate(&schema, &broken).is_empty());
    let mut leaked = file.clone();
    leaked["stories"][0]
        .as_object_mut()
        .unwrap()
        .insert("private".into(), Value::Object(Map::new()));
    assert!(!validate(&schema, &leaked).is_empty());
    let mut wrong = file;
    wrong["stories"][0]["duration_seconds"] = Value::String("120".into());
    assert!(!validate(&schema, &wrong).is_empty());
}

#[test]
fn the_files_hold_the_published_stories_metadata_in_the_site_s_order() {
    let site = built();
    let all = json(&site, "data/stories.json");
    assert_eq!(all["languages"], serde_json::json!(["en", "ar", "fr"]));
    // Newest interview first, the draft left out.
    assert_eq!(slugs(&all), ["story-two", "story-one"]);
    let one = &stories(&all)[1];
    assert_eq!(one["pseudonym"], "Narrator One");
    assert_eq!(one["origin"], "SY");
    assert_eq!(
        (one["joined"].clone(), one["left"].clone()),
        (2014.into(), 2016.into())
    );
    assert_eq!(one["interviewed"], "2018-02-08");
    assert_eq!(one["duration_seconds"], 120);
    assert_eq!(
        one["themes"],
        serde_json::json!(["motivations", "defection"])
    );
    assert_eq!(
        one["segments"],
        serde_json::json!([
            { "start_seconds": 0, "end_seconds": 72, "themes": ["motivations"] },
            { "start_seconds": 72, "end_seconds": 120, "themes": ["defection"] },
        ])
    );
    assert_eq!(
        one["video"],
        serde_json::json!({ "kind": "file", "url": format!("{BASE}media/story-one/video.webm") })
    );
    let captions: Vec<&str> = one["captions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["lang"].as_str().unwrap())
        .collect();
    assert_eq!(captions, ["ar", "en"]);
    assert_eq!(
        one["captions"][0]["url"],
        format!("{BASE}media/story-one/captions.ar.vtt")
    );
    // Its own texts only: English (the source) and Arabic; French is a fallback on the site.
    let texts: Vec<&String> = one["texts"].as_object().unwrap().keys().collect();
    assert_eq!(texts, ["ar", "en"]);
    assert_eq!(one["texts"]["ar"]["title"], "قصة الاختبار الأولى");
    assert_eq!(
        one["texts"]["en"]["segment_titles"],
        serde_json::json!(["Starting out", "Getting out"])
    );
    assert_eq!(one["urls"]["fr"], format!("{BASE}fr/stories/story-one/"));
    // Every URL the site serves is one of the files it wrote.
    let output = site.output_files();
    for url in [&one["video"]["url"], &one["captions"][1]["url"]] {
        let rel = url.as_str().unwrap().strip_prefix(BASE).unwrap();
        assert!(output.iter().any(|f| f == rel), "{rel} not in the output");
    }
    let themes: Vec<&str> = all["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(themes.contains(&"defection"), "{themes:?}");
}

#[test]
fn a_language_s_file_has_the_text_shown_in_that_language() {
    let site = built();
    let ar = json(&site, "data/ar/stories.json");
    assert_eq!(ar["lang"], "ar");
    let one = stories(&ar)
        .iter()
        .find(|s| s["slug"] == "story-one")
        .unwrap();
    assert_eq!(one["title"], "قصة الاختبار الأولى");
    assert_eq!(
        (one["text_lang"].clone(), one["fallback"].clone()),
        ("ar".into(), false.into())
    );
    assert_eq!(one["url"], format!("{BASE}ar/stories/story-one/"));
    assert_eq!(one["segments"][1]["title"], "الخروج");
    assert_eq!(one["segments"][1]["themes"][0]["id"], "defection");
    // The second story has no Arabic text: the site shows the English one, and says so.
    let two = stories(&ar)
        .iter()
        .find(|s| s["slug"] == "story-two")
        .unwrap();
    assert_eq!(
        (two["text_lang"].clone(), two["fallback"].clone()),
        ("en".into(), true.into())
    );
}

#[test]
fn with_missing_translations_skipped_a_language_s_file_lists_only_what_it_shows() {
    let site = Site::fixture("basic");
    site.edit(
        "site.yaml",
        "missing_translation: fallback",
        "missing_translation: skip",
    );
    site.build_ok();
    assert_eq!(
        slugs(&json(&site, "data/en/stories.json")),
        ["story-two", "story-one"]
    );
    assert_eq!(slugs(&json(&site, "data/ar/stories.json")), ["story-one"]);
    assert!(slugs(&json(&site, "data/fr/stories.json")).is_empty());
    let all = json(&site, "data/stories.json");
    let urls: Vec<&String> = stories(&all)[1]["urls"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(urls, ["ar", "en"]);
}

#[test]
fn nothing_private_no_draft_no_body_and_no_source_path_is_published_anywhere() {
    let site = built();
    let output = tree(&site.path("public"));
    for (rel, bytes) in &output {
        let text = String::from_utf8_lossy(bytes);
        for secret in [
            "PRIVATE-NAME-DO-NOT-PUBLISH",
            "private-contact@example.invalid",
            "DRAFT-TITLE-DO-NOT-PUBLISH",
        ] {
            assert!(!text.contains(secret), "{secret} in {rel}");
        }
    }
    for rel in output.keys().filter(|r| r.starts_with("data/")) {
        let text = String::from_utf8_lossy(&output[rel]);
        for never in [
            "draft-story",
            "An introduction by the editors",
            "مقدّمة من المحرّرين",
            "index.md",
            "content/",
            "real_name",
        ] {
            assert!(!text.contains(never), "{never} in {rel}");
        }
    }
}

#[test]
fn a_draft_translation_is_left_out_of_the_data() {
    let site = Site::fixture("basic");
    site.edit(
        "content/stories/story-one/index.ar.md",
        "title: قصة الاختبار الأولى",
        "title: قصة الاختبار الأولى\nstatus: draft",
    );
    site.build_ok();
    let all = json(&site, "data/stories.json");
    let one = &stories(&all)[1];
    let texts: Vec<&String> = one["texts"].as_object().unwrap().keys().collect();
    assert_eq!(texts, ["en"]);
    let ar = json(&site, "data/ar/stories.json");
    let one = stories(&ar)
        .iter()
        .find(|s| s["slug"] == "story-one")
        .unwrap();
    assert_eq!(one["text_lang"], "en");
    assert!(
        !site
            .read("public/data/ar/stories.json")
            .contains("قصة الاختبار الأولى")
    );
}

#[test]
fn two_builds_write_the_same_bytes() {
    let first = built();
    let second = built();
    let data = |site: &Site| {
        let all = tree(&site.path("public"));
        all.into_iter()
            .filter(|(rel, _)| rel.starts_with("data/"))
            .collect::<Vec<_>>()
    };
    let (a, b) = (data(&first), data(&second));
    assert_eq!(
        a.len(),
        5,
        "{:?}",
        a.iter().map(|(r, _)| r).collect::<Vec<_>>()
    );
    assert_eq!(a, b);
}

#[test]
fn the_purpose_statement_is_in_the_data_when_site_yaml_states_one_and_follows_the_schema() {
    // Without one, the files are what version 1 always was: no `purpose` at all.
    let site = built();
    assert!(json(&site, "data/stories.json").get("purpose").is_none());
    assert!(json(&site, "data/ar/stories.json").get("purpose").is_none());

    let site = Site::fixture("basic");
    let yaml = site.read("site.yaml");
    site.write(
        "site.yaml",
        format!("{yaml}purpose:\n  en: Published to counter violent extremism.\n  ar: نص الغرض.\n"),
    );
    site.build_ok();
    let schema = schema(&site);
    let all = json(&site, "data/stories.json");
    assert_eq!(validate(&schema, &all), Vec::<String>::new());
    assert_eq!(
        all["purpose"]["en"],
        "Published to counter violent extremism."
    );
    assert_eq!(all["purpose"]["ar"], "نص الغرض.");
    assert!(
        all["purpose"].get("fr").is_none(),
        "only what site.yaml gives"
    );
    for (lang, text_lang, text) in [
        ("en", "en", "Published to counter violent extremism."),
        ("ar", "ar", "نص الغرض."),
        // French has no text of its own: its pages show the default language's.
        ("fr", "en", "Published to counter violent extremism."),
    ] {
        let file = json(&site, &format!("data/{lang}/stories.json"));
        assert_eq!(validate(&schema, &file), Vec::<String>::new(), "{lang}");
        assert_eq!(file["purpose"]["lang"], text_lang, "{lang}");
        assert_eq!(file["purpose"]["text"], text, "{lang}");
    }
}
