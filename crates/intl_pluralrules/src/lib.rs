//! The API of `intl_pluralrules` 7 (what fluent-bundle calls), answered by ICU4X.
//!
//! fluent-bundle asks this crate which plural category a number falls in, to choose between a
//! message's variants. The published 7.0.2 computes some categories wrongly (Arabic `few` and
//! `many` ignore `n % 100`, so 103 is `other`); ICU4X carries CLDR's rules as data and gets
//! them right. Only the parts fluent-bundle uses are provided: [`PluralRules::create`],
//! [`PluralRules::select`], [`PluralRules::get_locales`], and [`operands::PluralOperands`]
//! with its public fields and conversions.

pub mod operands;

use std::sync::OnceLock;

use icu_plurals::{PluralRuleType as IcuType, PluralRules as IcuRules, PluralRulesOptions};
use unic_langid::LanguageIdentifier;

use crate::operands::PluralOperands;

/// A plural category, as named by CLDR.
#[derive(Debug, Eq, PartialEq, Clone, Copy)]
pub enum PluralCategory {
    ZERO,
    ONE,
    TWO,
    FEW,
    MANY,
    OTHER,
}

/// Cardinal ("3 stories") or ordinal ("3rd story") rules.
#[derive(Copy, Clone, Debug, Hash, PartialEq, Eq)]
pub enum PluralRuleType {
    ORDINAL,
    CARDINAL,
}

/// The plural rules of one language.
pub struct PluralRules {
    locale: LanguageIdentifier,
    rules: IcuRules,
}

impl PluralRules {
    /// The rules for `langid`. ICU4X falls back to the closest language it knows (and to
    /// rules that always answer `other`), so this fails only for an identifier ICU4X cannot
    /// read.
    pub fn create<L: Into<LanguageIdentifier>>(
        langid: L,
        prt: PluralRuleType,
    ) -> Result<Self, &'static str> {
        let locale = langid.into();
        let icu_locale: icu_locale_core::Locale =
            locale.to_string().parse().map_err(|_| "unknown locale")?;
        let options = PluralRulesOptions::default().with_type(match prt {
            PluralRuleType::CARDINAL => IcuType::Cardinal,
            PluralRuleType::ORDINAL => IcuType::Ordinal,
        });
        let rules =
            IcuRules::try_new((&icu_locale).into(), options).map_err(|_| "unknown locale")?;
        Ok(PluralRules { locale, rules })
    }

    /// The category of `number`.
    pub fn select<N: TryInto<PluralOperands>>(
        &self,
        number: N,
    ) -> Result<PluralCategory, &'static str> {
        let operands = number
            .try_into()
            .map_err(|_| "Argument can not be parsed to operands.")?;
        let decimal: fixed_decimal::UnsignedDecimal = operands
            .to_decimal_string()
            .parse()
            .map_err(|_| "Argument can not be parsed to operands.")?;
        Ok(match self.rules.category_for(&decimal) {
            icu_plurals::PluralCategory::Zero => PluralCategory::ZERO,
            icu_plurals::PluralCategory::One => PluralCategory::ONE,
            icu_plurals::PluralCategory::Two => PluralCategory::TWO,
            icu_plurals::PluralCategory::Few => PluralCategory::FEW,
            icu_plurals::PluralCategory::Many => PluralCategory::MANY,
            icu_plurals::PluralCategory::Other => PluralCategory::OTHER,
        })
    }

    /// The languages rules can be asked for. fluent-bundle negotiates a bundle's language
    /// against this list before calling [`PluralRules::create`], so it holds every
    /// well-formed language subtag (two or three letters): ICU4X then finds the closest rules
    /// itself, region included.
    pub fn get_locales(_prt: PluralRuleType) -> Vec<LanguageIdentifier> {
        static ALL: OnceLock<Vec<LanguageIdentifier>> = OnceLock::new();
        ALL.get_or_init(|| {
            // `und` ("undetermined") would match every language as a range: left out.
            let known = |id: &LanguageIdentifier| !id.language.is_empty();
            let letters = b'a'..=b'z';
            let mut all = Vec::with_capacity(26 * 26 * 27);
            for a in letters.clone() {
                for b in letters.clone() {
                    let two = [a, b];
                    all.extend(LanguageIdentifier::from_bytes(&two).ok().filter(known));
                    for c in letters.clone() {
                        all.extend(
                            LanguageIdentifier::from_bytes(&[a, b, c])
                                .ok()
                                .filter(known),
                        );
                    }
                }
            }
            all.sort();
            all
        })
        .clone()
    }

    /// The language these rules were asked for.
    pub fn get_locale(&self) -> &LanguageIdentifier {
        &self.locale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(lang: &str, n: impl TryInto<PluralOperands>) -> PluralCategory {
        let lang: LanguageIdentifier = lang.parse().unwrap();
        PluralRules::create(lang, PluralRuleType::CARDINAL)
            .unwrap()
            .select(n)
            .unwrap()
    }

    #[test]
    fn arabic_uses_the_last_two_digits() {
        use PluralCategory::*;
        for (n, expected) in [
            (0, ZERO),
            (1, ONE),
            (2, TWO),
            (3, FEW),
            (10, FEW),
            (11, MANY),
            (99, MANY),
            (100, OTHER),
            (102, OTHER),
            (103, FEW),
            (110, FEW),
            (111, MANY),
            (199, MANY),
            (1003, FEW),
            (12_510, FEW),
        ] {
            assert_eq!(category("ar", n), expected, "{n}");
            assert_eq!(category("ar-SY", n), expected, "ar-SY {n}");
        }
    }

    #[test]
    fn other_languages() {
        use PluralCategory::*;
        assert_eq!(category("en", 1), ONE);
        assert_eq!(category("en", 2), OTHER);
        assert_eq!(category("en", "1.0"), OTHER);
        assert_eq!(category("fr", 0), ONE);
        assert_eq!(category("fr", 1.5), ONE);
        assert_eq!(category("ru", 21), ONE);
        assert_eq!(category("ru", 22), FEW);
        assert_eq!(category("ru", 111), MANY);
        assert_eq!(category("tr", 1), ONE);
        assert_eq!(category("ja", 1), OTHER);
    }

    #[test]
    fn negotiation_finds_every_language() {
        let all = PluralRules::get_locales(PluralRuleType::CARDINAL);
        for code in ["ar", "en", "ckb", "fil"] {
            let id: LanguageIdentifier = code.parse().unwrap();
            assert!(all.binary_search(&id).is_ok(), "{code}");
        }
        assert!(all.iter().all(|id| !id.language.is_empty()), "no `und`");
    }
}
