//! The text of a shareable link: a scenario travels in `?scenario=` as base64url JSON, so a
//! link pasted in a chat reopens the same estimate with no server involved. The decoder is
//! here rather than in the page so it is tested (and fuzzed) natively like every other parser
//! a user reaches.
//!
//! Hand-written rather than a base64 crate: it is forty lines, it must accept both alphabets
//! and padding or none (chat apps and mail clients re-encode links), and it must refuse a
//! link over `MAX_LINK_BYTES` before decoding anything.
#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use std::fmt;

/// The largest scenario a link may carry, decoded (1 MB). A sheet at every cap of the
/// scenario (100,000 lines) fits in about 8 MB of JSON, but nobody shares that as a link; a
/// real sheet of a few hundred lines is a few tens of kilobytes. Above it the page opens the
/// default sheet and says why, instead of decoding and validating megabytes on the main thread.
pub const MAX_LINK_BYTES: usize = 1_000_000;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a link's text does not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// A character outside both base64 alphabets, at a 0-based byte position of the text as
    /// given (blanks around it included).
    NotBase64 { character: char, position: usize },
    /// One character left over at the end (at its 0-based byte position): a link cut short.
    StrayFinalCharacter { position: usize },
    /// More than `MAX_LINK_BYTES` once decoded.
    TooLarge { max: usize, got: usize },
}

impl LinkError {
    /// A stable snake_case name, for front ends that word it themselves.
    pub fn tag(&self) -> &'static str {
        match self {
            LinkError::NotBase64 { .. } => "not_base64",
            LinkError::StrayFinalCharacter { .. } => "stray_final_character",
            LinkError::TooLarge { .. } => "link_too_large",
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotBase64 {
                character,
                position,
            } => write!(
                f,
                "character {character:?} at position {position} is not base64url"
            ),
            LinkError::StrayFinalCharacter { position } => write!(
                f,
                "the text has a stray final character at position {position}"
            ),
            LinkError::TooLarge { max, got } => write!(
                f,
                "the link carries {} bytes, and at most {} are read",
                crate::money::group_thousands(&got.to_string()),
                crate::money::group_thousands(&max.to_string())
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// Base64url without padding (RFC 4648 §5): shorter links, and `=` needs no escaping.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for i in 0..=chunk.len() {
            let sextet = (n >> (18 - 6 * i)) & 63;
            // `sextet` < 64: always a place in the alphabet.
            if let Some(&c) = ALPHABET.get(sextet as usize) {
                out.push(char::from(c));
            }
        }
    }
    out
}

/// Decodes base64url with or without padding; also accepts the standard alphabet's `+` and
/// `/`. A text that would decode to more than `MAX_LINK_BYTES` is refused from its length.
pub fn decode(text: &str) -> Result<Vec<u8>, LinkError> {
    // Positions are given in the text as the user has it, so blanks before it count.
    let start = text.len() - text.trim_start().len();
    let text = text.trim().trim_end_matches('=');
    // Four characters carry three bytes; a final partial group carries one or two.
    let size = text.len() / 4 * 3 + (text.len() % 4).saturating_sub(1);
    if size > MAX_LINK_BYTES {
        return Err(LinkError::TooLarge {
            max: MAX_LINK_BYTES,
            got: size,
        });
    }
    let mut out = Vec::with_capacity(size);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for (position, c) in text.char_indices() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' | '+' => 62,
            '_' | '/' => 63,
            _ => {
                return Err(LinkError::NotBase64 {
                    character: c,
                    position: start + position,
                })
            }
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        // Only ASCII letters, digits and four signs got here: the last one is one byte.
        return Err(LinkError::StrayFinalCharacter {
            position: start + text.len() - 1,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        let text = "{\"month\":\"2026-11\",\"lines\":[{\"country\":\"IN\"}]}é";
        for end in 0..text.len() {
            let bytes = &text.as_bytes()[..end];
            assert_eq!(decode(&encode(bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn known_vectors_with_and_without_padding() {
        assert_eq!(encode(b"foob"), "Zm9vYg");
        assert_eq!(encode(b"\xfb\xff"), "-_8");
        assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
        assert_eq!(decode("Zm9vYg").unwrap(), b"foob");
        assert_eq!(decode("-_8").unwrap(), b"\xfb\xff");
        assert_eq!(decode("+/8").unwrap(), b"\xfb\xff");
        assert_eq!(decode("").unwrap(), b"");
    }

    #[test]
    fn garbage_is_named_with_its_place() {
        assert_eq!(
            decode("ab$c").unwrap_err().to_string(),
            "character '$' at position 2 is not base64url"
        );
        assert_eq!(
            decode("aé").unwrap_err(),
            LinkError::NotBase64 {
                character: 'é',
                position: 1
            }
        );
        assert_eq!(
            decode("abcde").unwrap_err().to_string(),
            "the text has a stray final character at position 4"
        );
        // Positions count the blanks a pasted link may start with.
        assert_eq!(
            decode("  ab$c").unwrap_err(),
            LinkError::NotBase64 {
                character: '$',
                position: 4
            }
        );
        assert_eq!(
            decode(" abcde== ").unwrap_err(),
            LinkError::StrayFinalCharacter { position: 5 }
        );
    }

    #[test]
    fn a_link_over_the_cap_is_refused_before_decoding() {
        let at_cap = encode(&vec![b'x'; MAX_LINK_BYTES]);
        assert_eq!(decode(&at_cap).unwrap().len(), MAX_LINK_BYTES);
        let over = encode(&vec![b'x'; MAX_LINK_BYTES + 1]);
        assert_eq!(
            decode(&over).unwrap_err().to_string(),
            "the link carries 1,000,001 bytes, and at most 1,000,000 are read"
        );
        // Refused from the length alone, even when the text is not base64 at all.
        let junk = "%".repeat(2_000_000);
        assert_eq!(decode(&junk).unwrap_err().tag(), "link_too_large");
    }
}
