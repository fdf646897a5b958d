//! The operands of a number that plural rules look at (CLDR's `n`, `i`, `v`, `w`, `f`, `t`),
//! with the conversions fluent-bundle uses.

/// A number as plural rules see it: `1.50` has `n = 1.5`, `i = 1`, `v = 2`, `w = 1`,
/// `f = 50`, `t = 5`.
#[derive(Debug, PartialEq, Clone)]
pub struct PluralOperands {
    /// Absolute value.
    pub n: f64,
    /// Integer digits.
    pub i: u64,
    /// Number of visible fraction digits, with trailing zeros.
    pub v: usize,
    /// Number of visible fraction digits, without trailing zeros.
    pub w: usize,
    /// Visible fraction digits, with trailing zeros.
    pub f: u64,
    /// Visible fraction digits, without trailing zeros.
    pub t: u64,
}

impl PluralOperands {
    /// The number written out again with its visible fraction digits, e.g. `"1.50"`.
    pub fn to_decimal_string(&self) -> String {
        if self.v == 0 {
            self.i.to_string()
        } else {
            format!("{}.{:0width$}", self.i, self.f, width = self.v)
        }
    }
}

impl TryFrom<&str> for PluralOperands {
    type Error = &'static str;

    /// Reads a decimal number such as `-12`, `3.50` (no exponent).
    fn try_from(input: &str) -> Result<Self, Self::Error> {
        let digits = input.trim().trim_start_matches(['-', '+']);
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !all_digits(int) || !all_digits(frac) || frac.len() > 18 {
            return Err("not a decimal number");
        }
        let i: u64 = int.parse().map_err(|_| "integer part too large")?;
        let trimmed = frac.trim_end_matches('0');
        let parse = |s: &str| {
            if s.is_empty() {
                Ok(0)
            } else {
                s.parse::<u64>()
            }
        };
        Ok(PluralOperands {
            n: digits.parse().map_err(|_| "not a decimal number")?,
            i,
            v: frac.len(),
            w: trimmed.len(),
            f: parse(frac).map_err(|_| "not a decimal number")?,
            t: parse(trimmed).map_err(|_| "not a decimal number")?,
        })
    }
}

impl TryFrom<String> for PluralOperands {
    type Error = &'static str;
    fn try_from(input: String) -> Result<Self, Self::Error> {
        PluralOperands::try_from(input.as_str())
    }
}

macro_rules! from_unsigned {
    ($($ty:ty)+) => {$(
        impl From<$ty> for PluralOperands {
            fn from(n: $ty) -> Self {
                PluralOperands { n: n as f64, i: n as u64, v: 0, w: 0, f: 0, t: 0 }
            }
        }
    )+};
}
from_unsigned!(u8 u16 u32 u64 usize);

macro_rules! from_signed {
    ($($ty:ty)+) => {$(
        impl TryFrom<$ty> for PluralOperands {
            type Error = &'static str;
            fn try_from(n: $ty) -> Result<Self, Self::Error> {
                Ok(PluralOperands::from(n.unsigned_abs() as u64))
            }
        }
    )+};
}
from_signed!(i8 i16 i32 i64 isize);

macro_rules! from_float {
    ($($ty:ty)+) => {$(
        impl TryFrom<$ty> for PluralOperands {
            type Error = &'static str;
            /// Rust writes floats without an exponent, with the shortest digits that read
            /// back the same value: `1.5`, `100`.
            fn try_from(n: $ty) -> Result<Self, Self::Error> {
                if !n.is_finite() {
                    return Err("not a finite number");
                }
                PluralOperands::try_from(n.to_string().as_str())
            }
        }
    )+};
}
from_float!(f32 f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_decimals() {
        let o = PluralOperands::try_from("-1.50").unwrap();
        assert_eq!((o.n, o.i, o.v, o.w, o.f, o.t), (1.5, 1, 2, 1, 50, 5));
        assert_eq!(o.to_decimal_string(), "1.50");
        assert_eq!(
            PluralOperands::try_from(7.0f64)
                .unwrap()
                .to_decimal_string(),
            "7"
        );
        assert_eq!(
            PluralOperands::try_from(0.05f64)
                .unwrap()
                .to_decimal_string(),
            "0.05"
        );
        assert!(PluralOperands::try_from("abc").is_err());
        assert!(PluralOperands::try_from(f64::NAN).is_err());
    }
}
