//! The link's text: the whole scenario travels in `?scenario=` as base64url JSON, so a link
//! pasted in a chat reopens exactly the same estimate with no server involved; the page's
//! language travels beside it in `?lang=`. Base64url and query strings, nothing more.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): shorter links, and `=` needs no escaping.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// Why a text is not base64url.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// A character outside the alphabet, at a 0-based byte position.
    NotBase64 { character: char, position: usize },
    /// One character too many at the end: the text was cut short.
    StrayFinalCharacter,
}

/// Decodes base64url with or without padding; also accepts the standard alphabet's `+` and `/`
/// because links get re-encoded by chat apps and mail clients.
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let text = text.trim().trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for (at, c) in text.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => {
                return Err(DecodeError::NotBase64 {
                    character: c as char,
                    position: at,
                })
            }
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        return Err(DecodeError::StrayFinalCharacter);
    }
    Ok(out)
}

/// The value of `name` in a query string (`?a=1&scenario=…`), percent-decoded.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| percent_decode(value))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query string that carries `scenario_json`.
pub fn scenario_query(scenario_json: &str) -> String {
    format!("?scenario={}", encode(scenario_json.as_bytes()))
}

/// The query string of a page in language `lang_tag` showing `scenario_json`: the language
/// travels beside the scenario, not inside it, so the scenario stays what the core reads.
pub fn page_query(lang_tag: &str, scenario_json: &str) -> String {
    format!(
        "?lang={lang_tag}&scenario={}",
        encode(scenario_json.as_bytes())
    )
}

/// `query` with `name` set to `value` (first, replacing any earlier value); every other
/// parameter is kept exactly as it was written, so a link the user has not changed stays
/// byte for byte the same.
pub fn with_param(query: &str, name: &str, value: &str) -> String {
    let others = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(name));
    let mut out = format!("?{name}={value}");
    for pair in others {
        out.push('&');
        out.push_str(pair);
    }
    out
}

/// `query` with the comparison mode: `cards=same` last, or no `cards` at all for the default
/// (each model on the card of its time), so a link that never chose keeps its text.
pub fn with_cards(query: &str, cards: wacost_core::estimate::CardsFor) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(CARDS))
        .collect();
    let mut out = format!("?{}", kept.join("&"));
    if cards == wacost_core::estimate::CardsFor::Same {
        if kept.is_empty() {
            out.push_str("cards=same");
        } else {
            out.push_str("&cards=same");
        }
    }
    // A bare `?` (not an empty string) so the address bar does drop the parameter.
    out
}

/// The query parameter of the comparison mode.
pub const CARDS: &str = "cards";

/// The comparison mode a link asks for; anything but `same` is the default.
pub fn cards_of(query: &str) -> wacost_core::estimate::CardsFor {
    query_param(query, CARDS)
        .and_then(|value| value.parse().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn round_trips_every_length() {
        let text = "{\"month\":\"2026-11\",\"lines\":[{\"country\":\"IN\"}]}é";
        for end in 0..text.len() {
            let bytes = &text.as_bytes()[..end];
            assert_eq!(decode(&encode(bytes)).unwrap(), bytes);
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn known_vectors_with_and_without_padding() {
        assert_eq!(encode(b"foob"), "Zm9vYg");
        assert_eq!(encode(b"\xfb\xff"), "-_8");
        assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
        assert_eq!(decode("Zm9vYg").unwrap(), b"foob");
        assert_eq!(decode("-_8").unwrap(), b"\xfb\xff");
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn rejects_garbage() {
        assert_eq!(
            decode("ab$c"),
            Err(DecodeError::NotBase64 {
                character: '$',
                position: 2
            })
        );
        assert_eq!(decode("abcde"), Err(DecodeError::StrayFinalCharacter));
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn reads_the_scenario_parameter() {
        assert_eq!(
            query_param("?lang=fr&scenario=Zm9v%3D", "scenario").as_deref(),
            Some("Zm9v=")
        );
        assert_eq!(query_param("?lang=fr", "scenario"), None);
        assert_eq!(query_param("", "scenario"), None);
        assert_eq!(
            query_param("?lang=pt-BR&x", "lang").as_deref(),
            Some("pt-BR")
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_language_goes_first_and_the_rest_is_kept_as_written() {
        assert_eq!(page_query("fr", "{}"), "?lang=fr&scenario=e30");
        assert_eq!(with_param("", "lang", "fr"), "?lang=fr");
        assert_eq!(
            with_param("?scenario=e30%3D&lang=es", "lang", "pt-BR"),
            "?lang=pt-BR&scenario=e30%3D"
        );
        assert_eq!(
            with_param("?langue=x&scenario=%%%", "lang", "en"),
            "?lang=en&langue=x&scenario=%%%"
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_comparison_mode_travels_as_its_own_parameter_default_omitted() {
        use wacost_core::estimate::CardsFor;
        assert_eq!(
            with_cards("?lang=fr&scenario=e30", CardsFor::Same),
            "?lang=fr&scenario=e30&cards=same"
        );
        assert_eq!(
            with_cards("?lang=fr&cards=same&scenario=e30", CardsFor::OfTheirTime),
            "?lang=fr&scenario=e30"
        );
        assert_eq!(with_cards("", CardsFor::Same), "?cards=same");
        assert_eq!(with_cards("?cards=same", CardsFor::OfTheirTime), "?");
        assert_eq!(cards_of("?lang=fr&cards=same"), CardsFor::Same);
        assert_eq!(cards_of("?cards=of-their-time"), CardsFor::OfTheirTime);
        assert_eq!(cards_of("?cards=bogus"), CardsFor::OfTheirTime);
        assert_eq!(cards_of(""), CardsFor::OfTheirTime);
    }
}
