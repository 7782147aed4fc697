//! The accent colour made readable. A provider's brand colour is often too light to read as
//! text on white (WhatsApp teal `#128c7e` is 4.14:1), so where the widget writes text in it,
//! it uses the nearest colour on the way to black (on a light background) or to white (on a
//! dark one) that reaches WCAG 2's 4.5:1; outlines need 3:1. Floats are fine here: this is
//! colour, not money.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// WCAG 2 minimum for normal text.
pub const TEXT: f64 = 4.5;
/// WCAG 2 minimum for non-text marks (focus outlines, borders).
pub const OUTLINE: f64 = 3.0;

impl Rgb {
    /// Reads what `getComputedStyle` returns for a colour: `rgb(18, 140, 126)` or
    /// `rgba(18, 140, 126, 0.5)` (the alpha is ignored: the widget's own colours are opaque).
    pub fn parse_css(text: &str) -> Option<Rgb> {
        let inner = text
            .trim()
            .strip_prefix("rgba(")
            .or_else(|| text.trim().strip_prefix("rgb("))?
            .strip_suffix(')')?;
        // Whole channels are enough (a fraction is under a 256th of the range), and reading
        // them as integers keeps the float parser out of the widget's wasm.
        let mut parts = inner
            .split([',', ' ', '/'])
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.split('.')
                    .next()
                    .and_then(|whole| whole.parse::<u8>().ok())
            });
        Some(Rgb(parts.next()??, parts.next()??, parts.next()??))
    }

    pub fn css(self) -> String {
        format!("rgb({}, {}, {})", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2, sRGB).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// `self` moved `share` (0 to 1) of the way to `to`.
    fn toward(self, to: Rgb, share: f64) -> Rgb {
        let mix =
            |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * share).round() as u8;
        Rgb(mix(self.0, to.0), mix(self.1, to.1), mix(self.2, to.2))
    }
}

/// WCAG 2 contrast ratio, from 1 to 21.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `colour` itself when it already reaches `minimum` against `background`; otherwise the
/// least darkened (or, on a dark background, lightened) version that does, found by halving
/// the share of black or white 16 times.
pub fn readable(colour: Rgb, background: Rgb, minimum: f64) -> Rgb {
    if ratio(colour, background) >= minimum {
        return colour;
    }
    let black = Rgb(0, 0, 0);
    let white = Rgb(255, 255, 255);
    let to = if ratio(black, background) >= ratio(white, background) {
        black
    } else {
        white
    };
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    for _ in 0..16 {
        let mid = (low + high) / 2.0;
        if ratio(colour.toward(to, mid), background) >= minimum {
            high = mid;
        } else {
            low = mid;
        }
    }
    colour.toward(to, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgb = Rgb(255, 255, 255);

    #[test]
    fn ratios_match_wcag() {
        assert!((ratio(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        assert!((ratio(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // The widget's default accent on white: the 4.14:1.
        let teal = Rgb(0x12, 0x8c, 0x7e);
        assert!(
            (ratio(teal, WHITE) - 4.14).abs() < 0.01,
            "{}",
            ratio(teal, WHITE)
        );
    }

    #[test]
    fn a_light_accent_is_darkened_just_enough() {
        let teal = Rgb(0x12, 0x8c, 0x7e);
        let text = readable(teal, WHITE, TEXT);
        let reached = ratio(text, WHITE);
        assert!((4.5..4.7).contains(&reached), "{text:?} {reached}");
        assert!(text.0 <= teal.0 && text.1 < teal.1 && text.2 < teal.2);
        // Already enough for an outline: unchanged.
        assert_eq!(readable(teal, WHITE, OUTLINE), teal);
    }

    #[test]
    fn on_a_dark_background_the_accent_is_lightened() {
        // A violet accent on the dark theme's background: 3.06:1 before.
        let violet = Rgb(0x7c, 0x3a, 0xed);
        let dark = Rgb(0x11, 0x1b, 0x21);
        assert!(ratio(violet, dark) < 3.2);
        let text = readable(violet, dark, TEXT);
        let reached = ratio(text, dark);
        assert!((4.5..4.8).contains(&reached), "{text:?} {reached}");
        assert!(text.0 > violet.0);
    }

    #[test]
    fn computed_colours_are_read() {
        assert_eq!(Rgb::parse_css("rgb(18, 140, 126)"), Some(Rgb(18, 140, 126)));
        assert_eq!(Rgb::parse_css("rgba(1, 2, 3, 0.5)"), Some(Rgb(1, 2, 3)));
        assert_eq!(Rgb::parse_css("rgb(1 2 3 / 50%)"), Some(Rgb(1, 2, 3)));
        assert_eq!(
            Rgb::parse_css("rgb(18.4, 140, 126)"),
            Some(Rgb(18, 140, 126))
        );
        assert_eq!(
            Rgb::parse_css("rgb(18.4, 140, 126)"),
            Some(Rgb(18, 140, 126))
        );
        assert_eq!(Rgb::parse_css("red"), None);
        assert_eq!(Rgb(1, 2, 3).css(), "rgb(1, 2, 3)");
    }
}
