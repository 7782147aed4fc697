//! Opening the page from its address: the language and the scenario of a link, read as typed
//! (`open`); the sheet kept in the browser from a last visit, offered back (`kept`); the
//! address bar, left as it was opened until the user changes something (`address`); and the
//! link's text itself (`url`).

pub mod kept;
pub mod url;

use crate::draft::{Draft, ReadProblem};
use crate::i18n::Lang;
use wacost_core::link::LinkError;

pub use crate::draft::JsonKind;

/// Why a link's scenario cannot be opened at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// The `?scenario=` value does not decode: not base64url, cut short, or over the cap of
    /// what a link may carry (core's `LinkError`).
    Undecodable(LinkError),
    /// The decoded bytes are not UTF-8 text.
    NotUtf8,
    /// The text is not JSON, or not a JSON object.
    NotAScenario(ReadProblem),
}

/// A link that could not be opened, with what can still be shown of it, so the user can copy
/// their numbers out: the decoded text read leniently, or the parameter itself when it is not
/// base64 at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLink {
    pub problem: LinkProblem,
    pub rescue: String,
}

/// What the page opens with.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub lang: Lang,
    pub draft: Draft,
    /// The link that could not be opened, when the default sheet is shown in its place.
    pub bad_link: Option<BadLink>,
}

/// The page opened with `query` (`?lang=…&scenario=…` or empty). `browser_lang` is the
/// browser's language, which a `lang` in the link overrides; `default_month` starts the default
/// sheet, shown when no link is given or the link cannot be read at all.
pub fn open(query: &str, browser_lang: Lang, default_month: &str) -> Opened {
    let lang = url::query_param(query, "lang")
        .and_then(|tag| Lang::from_link(&tag))
        .unwrap_or(browser_lang);
    let fallback = || Draft::default_scenario(default_month);
    let (draft, bad_link) = match url::query_param(query, "scenario") {
        None => (fallback(), None),
        Some(value) => match read_scenario(&value) {
            Ok(draft) => (draft, None),
            Err(bad) => (fallback(), Some(bad)),
        },
    };
    Opened {
        lang,
        draft,
        bad_link,
    }
}

/// Reads a `?scenario=` value as typed. Only a value that is not base64, not UTF-8, not JSON
/// or not an object is refused, with its text offered back; anything inside the object that
/// is wrong stays in the sheet for the core to name beside its field.
pub fn read_scenario(value: &str) -> Result<Draft, BadLink> {
    let bytes = url::decode(value).map_err(|e| BadLink {
        problem: LinkProblem::Undecodable(e),
        rescue: value.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| BadLink {
        problem: LinkProblem::NotUtf8,
        rescue: String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })?;
    Draft::from_json(&text).map_err(|problem| BadLink {
        problem: LinkProblem::NotAScenario(problem),
        rescue: text,
    })
}

/// Whether the page was opened with a scenario in its address (readable or not).
pub fn has_scenario(query: &str) -> bool {
    url::query_param(query, "scenario").is_some()
}

/// The query string the address bar should show, or `None` while it keeps the link the page
/// was opened with (`opened`, nothing changed yet). After a change to the sheet it carries the
/// language and the scenario `json`; after a change of language alone, the opened link with
/// the new language, so a link that could not be read is not replaced by the default sheet.
pub fn address(
    opened: &str,
    lang: Lang,
    json: &str,
    edited: bool,
    lang_chosen: bool,
) -> Option<String> {
    if edited {
        Some(url::page_query(lang.tag(), json))
    } else if lang_chosen {
        Some(url::with_param(opened, "lang", lang.tag()))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn only_a_link_that_is_no_scenario_object_falls_back_and_offers_its_text() {
        let not_utf8 = format!("?scenario={}", url::encode(b"{\"month\":\"2026-11\"}\xff"));
        let cases = [
            (
                "?scenario=%%%".to_string(),
                LinkProblem::Undecodable(LinkError::NotBase64 {
                    character: '%',
                    position: 0,
                }),
                "%%%",
            ),
            (
                not_utf8,
                LinkProblem::NotUtf8,
                "{\"month\":\"2026-11\"}\u{fffd}",
            ),
            (
                url::scenario_query("not json"),
                LinkProblem::NotAScenario(ReadProblem::NotJson { line: 1, column: 2 }),
                "not json",
            ),
            (
                url::scenario_query(r#"[{"country":"IN","marketing":5}]"#),
                LinkProblem::NotAScenario(ReadProblem::NotAnObject {
                    found: JsonKind::List,
                }),
                r#"[{"country":"IN","marketing":5}]"#,
            ),
        ];
        for (query, problem, rescue) in cases {
            let opened = open(&query, Lang::En, "2026-11");
            let bad = opened.bad_link.expect("refused");
            assert_eq!(bad.problem, problem, "{query}");
            assert_eq!(bad.rescue, rescue, "{query}");
            assert_eq!(opened.draft, Draft::default_scenario("2026-11"));
        }
        assert_eq!(
            read_scenario("abcde").unwrap_err().problem,
            LinkProblem::Undecodable(LinkError::StrayFinalCharacter { position: 4 })
        );
        // Over the cap, refused before anything is decoded; its text is still offered.
        let huge = "A".repeat(1_400_000);
        let bad = read_scenario(&huge).unwrap_err();
        assert_eq!(
            bad.problem,
            LinkProblem::Undecodable(LinkError::TooLarge {
                max: 1_000_000,
                got: 1_050_000
            })
        );
        assert_eq!(bad.rescue.len(), 1_400_000);
        // A link that is an object, however wrong inside, is no fallback.
        let month_only = open("?scenario=eyJtb250aCI6IjE5OTktMDEifQ", Lang::En, "2026-11");
        assert_eq!(month_only.bad_link, None);
        assert_eq!(
            month_only.draft.get(wacost_core::scenario::Setting::Month),
            "1999-01"
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_language_of_a_link_wins_over_the_browsers() {
        assert_eq!(open("?lang=fr", Lang::Es, "2026-11").lang, Lang::Fr);
        assert_eq!(open("?lang=de", Lang::Es, "2026-11").lang, Lang::Es);
        assert_eq!(open("", Lang::PtBr, "2026-11").lang, Lang::PtBr);
    }
}
