//! The text folding that makes search find Arabic as readers type it.
//!
//! Arabic is mostly written without its short vowels (harakat), and a reader types a bare alef
//! where the text may carry a hamza or a madda on it (أ إ آ), and never types the tatweel (ـ)
//! that stretches a word for looks. Pagefind's own word splitting and stemming fold none of
//! these: a word written with harakat would not be found by the same word typed without them.
//! So the build indexes a folded copy of every text ([`normalise_arabic`]) and the search page's
//! script folds the query by the very same rules (`themes/default/static/search.js`) before
//! asking pagefind. Only Arabic-script characters change: every other text is indexed as it is
//! written. The excerpt a reader sees is the folded text, which is how Arabic is usually
//! written anyway (no harakat, a bare alef), so it stays readable.
//!
//! Rejected: folding ى into ي and ة into ه as some Arabic search engines do; they change which
//! word is meant (على / علي), and readers type them as written. Another rejected alternative
//! was indexing both the written and the folded text: it doubles the index a reader downloads.

/// Folds Arabic text as a reader types it: removes the harakat (tanwin, fatha, damma, kasra,
/// shadda, sukun and the other combining marks of the Arabic block, U+064B-U+065F, the
/// superscript alef U+0670 and the Quranic marks U+0610-U+061A, U+06D6-U+06ED), removes the
/// tatweel (U+0640), and writes every alef form (أ إ آ ٱ) as the bare alef ا. Any other
/// character is kept, so that text in other scripts is unchanged.
///
/// `search.js` does the same to the query: keep the two in step.
pub fn normalise_arabic(text: &str) -> String {
    text.chars()
        .filter(|&c| !is_removed(c))
        .map(|c| match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
            other => other,
        })
        .collect()
}

/// The marks a reader does not type: harakat and other combining marks, and the tatweel.
fn is_removed(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}')
}

#[cfg(test)]
mod tests {
    use super::normalise_arabic;

    #[test]
    fn harakat_are_removed() {
        // "kitābun" with fatha, alef, damma and tanwin; "madrasa" with sukun and shadda.
        assert_eq!(normalise_arabic("كِتَابٌ"), "كتاب");
        assert_eq!(normalise_arabic("مَدْرَسَةٌ"), "مدرسة");
        assert_eq!(normalise_arabic("الْمُسْتَشْفَى"), "المستشفى");
        assert_eq!(normalise_arabic("مُحَمَّد"), "محمد");
    }

    #[test]
    fn every_alef_form_is_the_bare_alef() {
        assert_eq!(normalise_arabic("أمل"), "امل");
        assert_eq!(normalise_arabic("إسلام"), "اسلام");
        assert_eq!(normalise_arabic("آخر"), "اخر");
        assert_eq!(normalise_arabic("ٱلله"), "الله");
        // An alef with a separate combining hamza above (decomposed) folds the same.
        assert_eq!(normalise_arabic("\u{0627}\u{0654}مل"), "امل");
    }

    #[test]
    fn tatweel_is_removed() {
        assert_eq!(normalise_arabic("جـــميل"), "جميل");
        assert_eq!(normalise_arabic("الحـدود"), "الحدود");
    }

    #[test]
    fn a_word_written_with_marks_folds_to_the_word_typed_without_them() {
        let written = "غَادَرْتُ إِلَى الْحُدُودِ";
        let typed = "غادرت الى الحدود";
        assert_eq!(normalise_arabic(written), normalise_arabic(typed));
    }

    #[test]
    fn other_scripts_and_arabic_letters_that_change_meaning_are_kept() {
        assert_eq!(normalise_arabic("Café, über, Привет"), "Café, über, Привет");
        // ى and ي, ة and ه are different words to a reader: not folded.
        assert_eq!(normalise_arabic("على علي"), "على علي");
        assert_eq!(normalise_arabic("مدرسة"), "مدرسة");
        // Arabic punctuation and digits stay.
        assert_eq!(normalise_arabic("؟ ، ١٢٣"), "؟ ، ١٢٣");
    }
}
