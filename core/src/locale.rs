//! How numbers are written in the page's four languages: which mark is the decimal point and
//! which characters group thousands. Readers of counts and rates take a `Locale` so that a
//! mark is never read one way on the page and another in a file.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Fr,
    Es,
    PtBr,
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Fr, Locale::Es, Locale::PtBr];

    pub fn decimal_mark(self) -> char {
        match self {
            Locale::En => '.',
            Locale::Fr | Locale::Es | Locale::PtBr => ',',
        }
    }

    /// The characters that may group digits by three: the other mark, and for French the
    /// spaces of its typography (a space, the no-break space Excel writes, the narrow no-break
    /// space browsers write).
    pub fn grouping_marks(self) -> &'static [char] {
        match self {
            Locale::En => &[','],
            Locale::Fr => &['.', ' ', '\u{a0}', '\u{202f}'],
            Locale::Es | Locale::PtBr => &['.'],
        }
    }
}

/// The digits of `whole` without their grouping: `whole` is plain ASCII digits, or digits
/// grouped strictly by three with one of `marks`, the same one throughout, the first group 1
/// to 3 digits not starting with 0 (`1,500`, `12 500 000`). Anything else is `None`, so `1,5`,
/// `0,500` and `1,50` are never read as grouped.
pub(crate) fn ungroup<'t>(whole: &'t str, marks: &[char]) -> Option<Cow<'t, str>> {
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let Some(mark) = whole.chars().find(|c| !c.is_ascii_digit()) else {
        return digits(whole).then_some(Cow::Borrowed(whole));
    };
    if !marks.contains(&mark) {
        return None;
    }
    let mut groups = whole.split(mark);
    let first = groups.next().unwrap_or("");
    let first_ok = digits(first) && first.len() <= 3 && !first.starts_with('0');
    let mut joined = String::with_capacity(whole.len());
    joined.push_str(first);
    for group in groups {
        if group.len() != 3 || !digits(group) {
            return None;
        }
        joined.push_str(group);
    }
    first_ok.then_some(Cow::Owned(joined))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_strict_groups_of_three_are_ungrouped() {
        let en = Locale::En.grouping_marks();
        let fr = Locale::Fr.grouping_marks();
        let table: &[(&str, &[char], Option<&str>)] = &[
            ("1500", en, Some("1500")),
            ("0", en, Some("0")),
            ("1,500", en, Some("1500")),
            ("12,345,678", en, Some("12345678")),
            ("1,5", en, None),
            ("1,50", en, None),
            ("0,500", en, None),
            ("1234,567", en, None),
            ("1,500,", en, None),
            (",500", en, None),
            ("1.500", en, None),
            ("1 500", fr, Some("1500")),
            ("1\u{a0}500", fr, Some("1500")),
            ("1\u{202f}500\u{202f}000", fr, Some("1500000")),
            ("1.500", fr, Some("1500")),
            ("1 500.000", fr, None),
            ("1,500", fr, None),
            ("", en, None),
            ("١٥٠٠", en, None),
        ];
        for &(text, marks, want) in table {
            assert_eq!(ungroup(text, marks).as_deref(), want, "{text:?}");
        }
    }
}
