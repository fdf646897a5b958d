//! Forbidden terms: the names and places a story's `private:` block lists, and finding them in
//! a text however it is spelt. Pure: text in, places out; `site` checks a story's sources with
//! it, and `render` sweeps the story's pages with it as a safety net.
//!
//! Both sides, the term and the text, go through [`normalise`]: compatibility decomposition
//! (NFKD: ligatures, full-width and Arabic presentation forms become plain letters), full case
//! folding (`ß` = `ss`), then every nonspacing or enclosing mark and every format character is
//! dropped, so accents (`é` = `e`), Arabic harakat and the hamza or madda that decomposing puts
//! beside an alef (`أ إ آ` = `ا`) are ignored alike, as are tatweel, the Quranic annotation
//! signs (U+06D6-U+06ED) and zero-width joiners. Then a few Arabic letters are unified: `ٱ` =
//! `ا`, `ى` = `ي`, `ة` = `ه`, the Persian and Urdu `ی` `ک` `ہ` `ھ` and Kurdish `ە` = `ي` `ك`
//! `ه`, and Arabic-Indic digits are read as `0-9`.
//!
//! A term matches whole words only: `Ali` is found in `Ali's` and `ALI`, not in `Alice` (the
//! alternative, matching inside words, would stop a build for every name that is part of a
//! longer word). Punctuation and spaces between the words of a term, or of the text, are
//! ignored, so `Abu Omar` matches `abu-omar` and `AbuOmar` (and `AbuOmar` matches `Abu Omar`),
//! and `عبد الله` matches `عبدالله`. A term written in
//! Arabic letters also matches with the proclitics Arabic writes onto a word: `و` or `ف`, then
//! `ب`, `ك` or `ل`, then the article `ال`, and `لل` (`ل` + `ال`): `الرقة` is found in `والرقة`,
//! `بالرقة` and `للرقة` (not in bare `رقة`, a common word), `محمد` in `ومحمد`. This errs on the
//! side of the narrator: a word that only looks like a term with a proclitic (`لعلي`, "perhaps
//! I", for `علي`) is reported too, and the editor rephrases.

use std::ops::Range;

use icu_casemap::CaseMapper;
use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::GeneralCategory;

/// The words of `text`, normalised as the module describes and joined by single spaces: what
/// a term and a text are compared as.
pub fn normalise(text: &str) -> String {
    let normalised = Normalised::new(text);
    normalised
        .words
        .iter()
        .map(|w| &normalised.letters[w.letters.clone()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word of a text: where its letters are in [`Normalised::letters`], and where it was
/// written in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    letters: Range<usize>,
    source: Range<usize>,
}

/// A text normalised once, to look for any number of terms in it: the letters of its words run
/// together (so that a term of several words is one search), and where each word is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalised {
    letters: String,
    words: Vec<Word>,
}

impl Normalised {
    pub fn new(text: &str) -> Self {
        let mut normalised = Normalised {
            letters: String::new(),
            words: Vec::new(),
        };
        let mut chunk: Option<usize> = None;
        for (i, c) in text.char_indices() {
            match (chunk, is_word_part(c)) {
                (None, true) => chunk = Some(i),
                (Some(start), false) => {
                    normalised.push_chunk(&text[start..i], start);
                    chunk = None;
                }
                _ => {}
            }
        }
        if let Some(start) = chunk {
            normalised.push_chunk(&text[start..], start);
        }
        normalised
    }

    /// Adds the words of a run of letters and marks written at `offset` of the text. A run
    /// usually is one word; a character that decomposes into several (`½`, `ﷺ`) may make more,
    /// each placed at the whole run.
    fn push_chunk(&mut self, chunk: &str, offset: usize) {
        let source = offset..offset + chunk.len();
        if chunk.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let start = self.letters.len();
            self.letters
                .extend(chunk.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            self.words.push(Word {
                letters: start..self.letters.len(),
                source,
            });
            return;
        }
        let mut start: Option<usize> = None;
        for c in normalise_chunk(chunk).chars() {
            match (start, c.is_alphanumeric()) {
                (None, true) => {
                    start = Some(self.letters.len());
                    self.letters.push(c);
                }
                (Some(_), true) => self.letters.push(c),
                (Some(from), false) => {
                    self.words.push(Word {
                        letters: from..self.letters.len(),
                        source: source.clone(),
                    });
                    start = None;
                }
                (None, false) => {}
            }
        }
        if let Some(from) = start {
            self.words.push(Word {
                letters: from..self.letters.len(),
                source,
            });
        }
    }

    /// The index of the word whose letters hold the byte `at` of [`Self::letters`].
    fn word_at(&self, at: usize) -> usize {
        self.words
            .partition_point(|w| w.letters.start <= at)
            .saturating_sub(1)
    }
}

/// Whether `c` belongs to a word as written: a letter or digit, or a mark or format character
/// that normalising drops from inside a word (so that `عَلِي` and `Ra\u{200D}qqa` stay one word).
fn is_word_part(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || dropped(c)
}

/// Whether normalising drops `c`: marks, format characters, tatweel, Quranic signs.
fn dropped(c: char) -> bool {
    const CATEGORIES: icu_properties::CodePointMapDataBorrowed<'static, GeneralCategory> =
        CodePointMapData::<GeneralCategory>::new();
    matches!(c, '\u{0640}' | '\u{06D6}'..='\u{06ED}')
        || matches!(
            CATEGORIES.get(c),
            GeneralCategory::NonspacingMark
                | GeneralCategory::EnclosingMark
                | GeneralCategory::Format
        )
}

/// One run of letters and marks, normalised (see the module's documentation).
fn normalise_chunk(chunk: &str) -> String {
    const NFKD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfkd();
    const CASE: icu_casemap::CaseMapperBorrowed<'static> = CaseMapper::new();
    let decomposed = NFKD.normalize(chunk);
    let folded = CASE.fold_string(&decomposed);
    // Folding can give back a letter with a mark (`İ` folds to `i` + U+0307): decompose again.
    NFKD.normalize(&folded)
        .chars()
        .filter(|&c| !dropped(c))
        .map(unify)
        .collect()
}

/// The Arabic-script letters and digits that are written in several ways, as one.
fn unify(c: char) -> char {
    match c {
        'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => 'ا',
        'ى' | 'ی' | 'ې' | 'ۍ' => 'ي',
        'ک' | 'ڪ' => 'ك',
        'ة' | 'ہ' | 'ھ' | 'ە' | 'ۀ' => 'ه',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    }
}

/// Whether `c` is a letter of the Arabic script (after [`unify`]).
fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Whether `prefix` (normalised letters before a term, inside the word) is a run of Arabic
/// proclitics: `و`/`ف`, then `ب`/`ك`/`ل`, then `ال`; or `لل`. With `article`, the run must
/// end in the article (the term was written with it, and is looked for without it).
fn proclitics(prefix: &str, article: bool) -> bool {
    let rest = prefix.strip_prefix(['و', 'ف']).unwrap_or(prefix);
    if rest == "لل" {
        return true;
    }
    let rest = rest.strip_prefix(['ب', 'ك', 'ل']).unwrap_or(rest);
    match rest {
        "ال" => true,
        "" => !article,
        _ => false,
    }
}

/// One forbidden term, normalised, with what a message may say of it (never its text).
#[derive(Clone, PartialEq, Eq)]
pub struct Term {
    /// The letters looked for: the term's words run together; without the article `ال` when
    /// `article` is set.
    letters: String,
    /// An Arabic term: proclitics before it are part of the word it is found in.
    arabic: bool,
    /// The term began with the article `ال`, which `letters` leaves out.
    article: bool,
    /// How a message names the term without writing it: "item 2 of `private: forbidden:`".
    pub label: String,
    /// Where the term is listed (in the story's `index.md`), for a message about output that
    /// no source explains.
    pub listed: Option<crate::diagnostic::Location>,
}

impl std::fmt::Debug for Term {
    /// The label only: a term is never printed, not even in a test's failure.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Term({})", self.label)
    }
}

/// Where a term was found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The term's index in [`Terms`].
    pub term: usize,
    /// The byte range of the words it was found in, in the text as written.
    pub at: Range<usize>,
}

/// A story's forbidden terms, normalised once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    terms: Vec<Term>,
}

impl Terms {
    /// Adds `term`, named in messages by `label`. Returns `false`, adding nothing, when the term
    /// has no letter or digit (it could match nothing).
    pub fn push(
        &mut self,
        term: &str,
        label: impl Into<String>,
        listed: Option<crate::diagnostic::Location>,
    ) -> bool {
        let normalised = Normalised::new(term);
        let mut letters = normalised.letters;
        if letters.is_empty() {
            return false;
        }
        let arabic = letters.chars().next().is_some_and(is_arabic);
        let article = arabic && letters.starts_with("ال") && letters.chars().count() > 3;
        if article {
            letters.drain(.."ال".len());
        }
        self.terms.push(Term {
            letters,
            arabic,
            article,
            label: label.into(),
            listed,
        });
        true
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Term> {
        self.terms.get(index)
    }

    /// Every place a term appears in `text`, in the order of the terms, then of the text.
    pub fn find(&self, text: &Normalised) -> Vec<Found> {
        let mut found = Vec::new();
        let haystack = text.letters.as_bytes();
        for (index, term) in self.terms.iter().enumerate() {
            for at in memchr::memmem::find_iter(haystack, term.letters.as_bytes()) {
                let end = at + term.letters.len();
                let first = &text.words[text.word_at(at)];
                let last = &text.words[text.word_at(end - 1)];
                if last.letters.end != end {
                    continue;
                }
                let prefix = &text.letters[first.letters.start..at];
                let starts = if term.arabic {
                    proclitics(prefix, term.article)
                } else {
                    prefix.is_empty()
                };
                if starts {
                    found.push(Found {
                        term: index,
                        at: first.source.start..last.source.end,
                    });
                }
            }
        }
        found
    }

    /// [`Terms::find`] in a text not normalised yet.
    pub fn find_in(&self, text: &str) -> Vec<Found> {
        if self.is_empty() {
            return Vec::new();
        }
        self.find(&Normalised::new(text))
    }
}

/// `text` with the character references of HTML and XML (`&#39;`, `&#x2F;`, `&amp;`, `&quot;`,
/// `&lt;`, `&gt;`, `&apos;`, `&nbsp;`) decoded, so that a term escaped by a template is still
/// found in a rendered page. Other named references are left as written.
pub fn decode_references(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name.strip_prefix('#').and_then(|n| {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => n.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[&str]) -> Terms {
        let mut terms = Terms::default();
        for (i, term) in list.iter().enumerate() {
            assert!(terms.push(term, format!("item {}", i + 1), None));
        }
        terms
    }

    /// The texts of the places `list`'s terms are found in `text`.
    fn found<'a>(list: &[&str], text: &'a str) -> Vec<&'a str> {
        terms(list)
            .find_in(text)
            .into_iter()
            .map(|f| &text[f.at])
            .collect()
    }

    #[test]
    fn normalises_case_accents_ligatures_and_width() {
        assert_eq!(normalise("  Zoë  STRASSE"), "zoe strasse");
        assert_eq!(normalise("Straße"), "strasse");
        assert_eq!(normalise("ﬁne Ｒａｑｑａ"), "fine raqqa");
        assert_eq!(normalise("İstanbul"), "istanbul");
        assert_eq!(normalise("Abu-Omar, (al)"), "abu omar al");
    }

    #[test]
    fn normalises_arabic_harakat_alef_forms_and_letter_variants() {
        // Harakat and tatweel are dropped, every alef form is bare alef.
        assert_eq!(normalise("أَحْمَد"), normalise("احمد"));
        assert_eq!(normalise("إبراهيم"), normalise("ابراهيم"));
        assert_eq!(normalise("آمنة"), normalise("امنه"));
        assert_eq!(normalise("ٱلرقة"), normalise("الرقه"));
        assert_eq!(normalise("مـــحـمـد"), normalise("محمد"));
        // Alef maqsura and yeh, Persian yeh and kaf, Arabic-Indic digits.
        assert_eq!(normalise("مصطفى"), normalise("مصطفي"));
        assert_eq!(normalise("کریمی"), normalise("كريمي"));
        assert_eq!(normalise("اللواء ١٧"), "اللواء 17");
        // Presentation forms decompose to the letters.
        assert_eq!(
            normalise("\u{FEE3}\u{FEA4}\u{FEE4}\u{FEA9}"),
            normalise("محمد")
        );
        // A Quranic sign and a zero-width joiner inside a word leave one word.
        assert_eq!(normalise("عل\u{06DA}ي Ra\u{200D}qqa"), "علي raqqa");
    }

    #[test]
    fn finds_a_term_in_another_case_with_accents_and_punctuation() {
        let text = "I met ABU-OMAR in Zoë's town.";
        assert_eq!(found(&["Abu Omar", "zoe"], text), ["ABU-OMAR", "Zoë"]);
        // Spaces inside a term count for nothing, either way.
        assert_eq!(
            found(&["abuomar"], "AbuOmar and abu omar"),
            ["AbuOmar", "abu omar"]
        );
        assert_eq!(
            found(&["Abu Omar"], "AbuOmar and abu omar"),
            ["AbuOmar", "abu omar"]
        );
    }

    #[test]
    fn a_term_inside_a_longer_word_is_not_found() {
        assert!(found(&["Ali"], "Alice and Bali, alien").is_empty());
        assert_eq!(found(&["Ali"], "Alice, Ali's friend"), ["Ali"]);
        assert!(found(&["Abu Omar"], "Abu Omari").is_empty());
        assert!(found(&["omar"], "Abuomar").is_empty());
    }

    #[test]
    fn finds_an_arabic_term_written_with_harakat_another_alef_or_proclitics() {
        assert_eq!(found(&["احمد"], "قال أَحْمَد ذلك"), ["أَحْمَد"]);
        assert_eq!(found(&["إبراهيم"], "وابراهيم"), ["وابراهيم"]);
        // The article: with proclitics, contracted after lam, but not without it.
        let town = ["الرقة"];
        assert_eq!(
            found(&town, "في الرقه وبالرقة وللرقة"),
            ["الرقه", "وبالرقة", "وللرقة"]
        );
        assert!(found(&town, "رقة القلب").is_empty());
        // A term without the article is found with one too.
        assert_eq!(found(&["رقة"], "والرقة"), ["والرقة"]);
        // Other letters before the term make another word.
        assert!(found(&["علي"], "جعلي تعلين").is_empty());
        // Two words, written as one.
        assert_eq!(found(&["عبد الله"], "عبدالله"), ["عبدالله"]);
    }

    #[test]
    fn finds_every_place_of_every_term() {
        let list = ["Raqqa", "Ali"];
        let text = "Raqqa. ali, raqqa";
        let all = terms(&list).find_in(text);
        let places: Vec<(usize, &str)> =
            all.iter().map(|f| (f.term, &text[f.at.clone()])).collect();
        assert_eq!(places, [(0, "Raqqa"), (0, "raqqa"), (1, "ali")]);
    }

    #[test]
    fn a_term_without_letters_is_refused() {
        let mut terms = Terms::default();
        assert!(!terms.push(" - ", "item 1", None));
        assert!(!terms.push("\u{064E}", "item 2", None));
        assert!(terms.is_empty());
    }

    #[test]
    fn a_term_is_never_printed_by_debug() {
        let list = terms(&["SECRET-TERM"]);
        let printed = format!("{list:?}");
        assert!(!printed.to_lowercase().contains("secret"), "{printed}");
        assert!(printed.contains("item 1"), "{printed}");
    }

    #[test]
    fn decodes_character_references_of_a_rendered_page() {
        assert_eq!(
            decode_references("O&#39;Brien &amp; Ra&#x71;qa"),
            "O'Brien & Raqqa"
        );
        assert_eq!(decode_references("&copy; &#xZZ; &"), "&copy; &#xZZ; &");
        assert_eq!(
            found(&["O'Brien"], &decode_references("O&#x27;Brien")),
            ["O'Brien"]
        );
    }
}
