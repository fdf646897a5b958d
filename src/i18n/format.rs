//! Locale-aware formatting with ICU4X: dates, years, numbers and country names, plus the
//! number formatter plugged into the Fluent bundles so that `{ $count }` is written with the
//! locale's digits.
//!
//! All data is compiled into the binary (`compiled_data`), so nothing is loaded at run time and
//! every constructor falls back through the locale's parents down to the root locale: an unknown
//! language gets root data (Latin digits, ISO-like dates), never an error.

use icu_calendar::Date;
use icu_calendar::cal::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_locale_core::Locale;
use icu_locale_core::subtags::Region;

use fluent_bundle::FluentValue;
use fluent_bundle::types::{FluentNumber, FluentNumberStyle};
use intl_memoizer::Memoizable;
use intl_memoizer::concurrent::IntlLangMemoizer;

/// Formats dates, years, numbers and country names the way one language writes them.
///
/// Build one per language per build and share it: construction loads the locale's data,
/// formatting is cheap. Dates are always in the Gregorian calendar, whatever the locale's
/// default calendar, because the testimonies' dates are Gregorian dates and a reader comparing
/// two language versions of a page must see the same day.
#[derive(Debug)]
pub struct Formatter {
    lang: String,
    date: Option<FixedCalendarDateTimeFormatter<Gregorian, YMD>>,
    /// Without grouping separators, for years.
    plain: Option<DecimalFormatter>,
    /// With the locale's grouping separators, for counts.
    grouped: Option<DecimalFormatter>,
    regions: Option<RegionDisplayNames>,
}

impl Formatter {
    /// Loads the formatting data for a BCP 47 language code such as `ar` or `pt-BR`.
    ///
    /// Never fails: a code ICU4X does not know, or cannot parse, gets the root locale's data.
    pub fn new(lang: &str) -> Formatter {
        let locale = locale_of(lang);
        Formatter {
            lang: lang.to_string(),
            date: with_fallback(&locale, |locale| {
                FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()
            }),
            plain: decimal_formatter(&locale, false),
            grouped: decimal_formatter(&locale, true),
            // CLDR's root locale has no country names: a language without any falls back to
            // English ones rather than to codes.
            regions: region_names(&locale).or_else(|| region_names(&ENGLISH)),
        }
    }

    /// The language code this formatter was built for.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// A day in the long form the locale uses: `October 12, 2015` (`en`), `12 October 2015`
    /// (`en-GB`), `12 octobre 2015`, `12 أكتوبر 2015` (`ar`), `١٢ تشرين الأول ٢٠١٥` (`ar-SY`). A day that does not exist (month 13, 30 February) is written as
    /// `YYYY-MM-DD` so that the page still says what the source said.
    pub fn date(&self, year: i32, month: u8, day: u8) -> String {
        match (&self.date, Date::try_new_gregorian(year, month, day)) {
            (Some(formatter), Ok(date)) => formatter.format(&date).to_string(),
            _ => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// A year, with the locale's digits and no grouping separator: `2014`, `٢٠١٤` (`ar-SY`).
    pub fn year(&self, year: i32) -> String {
        match &self.plain {
            Some(formatter) => formatter.format(&Decimal::from(year)).to_string(),
            None => year.to_string(),
        }
    }

    /// A whole number with the locale's digits and grouping: `12,500`, `12 500`, `١٢٬٥٠٠`
    /// (`ar-SY`).
    pub fn number(&self, n: i64) -> String {
        match &self.grouped {
            Some(formatter) => formatter.format(&Decimal::from(n)).to_string(),
            None => n.to_string(),
        }
    }

    /// The name of a country in this language, from its ISO 3166-1 alpha-2 code (`SY` →
    /// `Syria`, `سوريا`, `Syrie`). Lower case is accepted. `None` for anything that is not a
    /// two-letter code with a known name.
    pub fn country(&self, code: &str) -> Option<String> {
        let code = code.trim();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let region = Region::try_from_str(&code.to_ascii_uppercase()).ok()?;
        // `ZZ` is CLDR's "Unknown Region": a placeholder, not a country.
        if region.as_str() == "ZZ" {
            return None;
        }
        self.regions.as_ref()?.of(region).map(str::to_string)
    }
}

/// The ICU4X locale of a language code; the root locale if the code does not parse.
fn locale_of(lang: &str) -> Locale {
    Locale::try_from_str(lang).unwrap_or(Locale::UNKNOWN)
}

/// Builds something from the locale's data, or from the root locale's if that fails.
fn with_fallback<T>(locale: &Locale, build: impl Fn(&Locale) -> Option<T>) -> Option<T> {
    build(locale).or_else(|| build(&Locale::UNKNOWN))
}

const ENGLISH: Locale = icu_locale_core::locale!("en");

fn region_names(locale: &Locale) -> Option<RegionDisplayNames> {
    RegionDisplayNames::try_new(locale.into(), DisplayNamesOptions::default()).ok()
}

fn decimal_formatter(locale: &Locale, grouping: bool) -> Option<DecimalFormatter> {
    let mut options = DecimalFormatterOptions::default();
    if !grouping {
        options.grouping_strategy = Some(GroupingStrategy::Never);
    }
    with_fallback(locale, |locale| {
        DecimalFormatter::try_new(locale.into(), options).ok()
    })
}

/// The ICU4X decimal formatter of a Fluent bundle's language, built on first use and kept by
/// the bundle's memoizer (one per language and grouping setting).
struct FluentDecimalFormatter(DecimalFormatter);

impl Memoizable for FluentDecimalFormatter {
    /// Whether to group digits (`NUMBER($n, useGrouping: "false")` turns it off).
    type Args = bool;
    type Error = ();

    fn construct(lang: unic_langid::LanguageIdentifier, grouping: bool) -> Result<Self, ()> {
        decimal_formatter(&locale_of(&lang.to_string()), grouping)
            .map(FluentDecimalFormatter)
            .ok_or(())
    }
}

/// The number formatter of every Fluent bundle (`FluentBundle::set_formatter`): numbers are
/// written with the locale's digits, decimal separator and grouping. Strings, and the
/// `percent` and `currency` styles of `NUMBER()`, are left to Fluent (`None`).
pub(crate) fn fluent_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    if number.options.style != FluentNumberStyle::Decimal {
        return None;
    }
    let decimal = to_decimal(number)?;
    intls
        .with_try_get::<FluentDecimalFormatter, _, _>(number.options.use_grouping, |formatter| {
            formatter.0.format(&decimal).to_string()
        })
        .ok()
}

/// A Fluent number as an ICU4X decimal, rounded and padded as its `NUMBER()` options ask, with
/// the defaults of JavaScript's `Intl.NumberFormat` (at most 3 fraction digits). Rounding is
/// half-even, ICU's default.
fn to_decimal(number: &FluentNumber) -> Option<Decimal> {
    if !number.value.is_finite() {
        return None;
    }
    // `Display` for f64 never uses an exponent, so this is always a plain decimal.
    let mut decimal = Decimal::try_from_str(&number.value.to_string()).ok()?;
    let options = &number.options;
    let position = |digits: usize| i16::try_from(digits.min(300)).unwrap_or(300);
    if options.minimum_significant_digits.is_some() || options.maximum_significant_digits.is_some()
    {
        let top = decimal.absolute.nonzero_magnitude_start();
        if let Some(max) = options.maximum_significant_digits {
            decimal.round(top - position(max) + 1);
            decimal.absolute.trim_end();
        }
        if let Some(min) = options.minimum_significant_digits {
            decimal.absolute.pad_end(top - position(min) + 1);
        }
    } else {
        let min = options.minimum_fraction_digits.unwrap_or(0);
        let max = options.maximum_fraction_digits.unwrap_or(3).max(min);
        decimal.round(-position(max));
        decimal.absolute.trim_end();
        decimal.absolute.pad_end(-position(min));
    }
    if let Some(min) = options.minimum_integer_digits {
        decimal.absolute.pad_start(position(min));
    }
    Some(decimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_in_english_arabic_and_french() {
        // Plain `en` is American English in CLDR; `en-GB` (or `en-001`) puts the day first.
        assert_eq!(Formatter::new("en").date(2015, 10, 12), "October 12, 2015");
        assert_eq!(
            Formatter::new("en-GB").date(2015, 10, 12),
            "12 October 2015"
        );
        assert_eq!(Formatter::new("fr").date(2015, 10, 12), "12 octobre 2015");
        // CLDR's `ar` writes Western digits; Syria, Iraq, Egypt… write Arabic-Indic ones, and
        // the Levant names the months differently.
        assert_eq!(Formatter::new("ar").date(2015, 10, 12), "12 أكتوبر 2015");
        assert_eq!(Formatter::new("ar-EG").date(2015, 10, 12), "١٢ أكتوبر ٢٠١٥");
        assert_eq!(
            Formatter::new("ar-SY").date(2015, 10, 12),
            "١٢ تشرين الأول ٢٠١٥"
        );
        // Gregorian even where the locale's own calendar is another one.
        assert_eq!(Formatter::new("ar-SA").date(2015, 10, 12), "١٢ أكتوبر ٢٠١٥");
        assert_eq!(Formatter::new("en").date(2015, 13, 1), "2015-13-01");
    }

    #[test]
    fn formats_years_and_numbers_with_the_locales_digits() {
        let en = Formatter::new("en");
        assert_eq!(en.year(2014), "2014");
        assert_eq!(en.number(12500), "12,500");
        let ar_sy = Formatter::new("ar-SY");
        assert_eq!(ar_sy.year(2014), "٢٠١٤");
        assert_eq!(ar_sy.number(12500), "١٢٬٥٠٠");
        assert_eq!(Formatter::new("ar").number(12500), "12,500");
        assert_eq!(Formatter::new("fa").year(2014), "۲۰۱۴");
        assert_eq!(Formatter::new("de").number(12500), "12.500");
        assert_eq!(Formatter::new("fr").number(-12500), "-12\u{202f}500");
    }

    #[test]
    fn unknown_locales_fall_back_to_root_data() {
        let formatter = Formatter::new("xx-not-a-locale-!!");
        assert_eq!(formatter.year(2014), "2014");
        assert!(formatter.date(2015, 10, 12).contains("2015"));
        assert_eq!(Formatter::new("qaa").number(3), "3");
        // Root has no country names: English ones rather than none.
        assert_eq!(formatter.country("SY").as_deref(), Some("Syria"));
    }

    #[test]
    fn names_countries_in_english_arabic_and_french() {
        assert_eq!(Formatter::new("en").country("SY").as_deref(), Some("Syria"));
        assert_eq!(Formatter::new("ar").country("SY").as_deref(), Some("سوريا"));
        assert_eq!(Formatter::new("fr").country("sy").as_deref(), Some("Syrie"));
        assert_eq!(Formatter::new("de").country("IQ").as_deref(), Some("Irak"));
    }

    #[test]
    fn unknown_countries_have_no_name() {
        let en = Formatter::new("en");
        assert_eq!(en.country("XX"), None);
        assert_eq!(en.country("ZZ"), None);
        assert_eq!(en.country("Syria"), None);
        assert_eq!(en.country(""), None);
        assert_eq!(en.country("١٢"), None);
    }

    #[test]
    fn formatter_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Formatter>();
    }
}
