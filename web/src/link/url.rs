//! The link's text: the whole scenario travels in `?scenario=` as base64url JSON, so a link
//! pasted in a chat reopens exactly the same estimate with no server involved; the page's
//! language travels beside it in `?lang=`. Query strings; the base64url is core's.

/// Base64url both ways is core's (`wacost_core::link`): one decoder, tested and fuzzed natively
/// like every other parser a user reaches, which refuses a link over its cap before decoding.
pub use wacost_core::link::{decode, encode};

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
