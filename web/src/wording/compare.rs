//! The comparison's own data in the page's words: each model's name (its kind and months, as
//! the core's `ModelName` gives them) and why a model cannot be priced on any card it may use
//! (`CannotPrice`, with what the card lacks). English is the core's, word for word.

use super::{category, list, pick, say, Words};
use crate::i18n::{t, Lang};
use wacost_core::estimate::{CannotPrice, Lacks};
use wacost_core::scenario::{ModelKind, ModelName, Month};

/// "Per message, from Oct 2026", « Par message, depuis oct. 2026 ».
pub fn model_name(lang: Lang, name: &ModelName) -> String {
    let kind = pick(lang, &model_kind(name.kind));
    let months: &Words = match (name.kind, name.to) {
        (ModelKind::MexicoTest, _) => {
            return format!("{kind}, {}", name.from.year);
        }
        (_, Some(_)) => &words!("{1} – {2}", "{1} – {2}", "{1} – {2}", "{1} – {2}"),
        (_, None) => &words!("from {1}", "depuis {1}", "desde {1}", "desde {1}"),
    };
    let to = name.to.map(|to| short_month(lang, to)).unwrap_or_default();
    format!(
        "{kind}, {}",
        say(lang, months, &[&short_month(lang, name.from), &to])
    )
}

fn model_kind(kind: ModelKind) -> Words {
    match kind {
        ModelKind::PerMessage => {
            words!("Per message", "Par message", "Por mensaje", "Por mensagem")
        }
        ModelKind::ConversationsFreeService => words!(
            "Conversations, free service",
            "Conversations, service gratuit",
            "Conversaciones, servicio gratuito",
            "Conversas, serviço gratuito",
        ),
        ModelKind::ConversationsByCategory => words!(
            "Conversations by category",
            "Conversations par catégorie",
            "Conversaciones por categoría",
            "Conversas por categoria",
        ),
        ModelKind::Conversations => words!(
            "Conversations",
            "Conversations",
            "Conversaciones",
            "Conversas",
        ),
        ModelKind::MexicoTest => words!(
            "Mexico test",
            "Test Mexique",
            "Prueba México",
            "Teste México",
        ),
    }
}

/// `Oct 2026`, `oct. 2026`, `out. 2026`.
fn short_month(lang: Lang, month: Month) -> String {
    const MONTHS: [Words; 12] = [
        words!("Jan", "janv.", "ene.", "jan."),
        words!("Feb", "févr.", "feb.", "fev."),
        words!("Mar", "mars", "mar.", "mar."),
        words!("Apr", "avr.", "abr.", "abr."),
        words!("May", "mai", "may.", "mai."),
        words!("Jun", "juin", "jun.", "jun."),
        words!("Jul", "juil.", "jul.", "jul."),
        words!("Aug", "août", "ago.", "ago."),
        words!("Sep", "sept.", "sept.", "set."),
        words!("Oct", "oct.", "oct.", "out."),
        words!("Nov", "nov.", "nov.", "nov."),
        words!("Dec", "déc.", "dic.", "dez."),
    ];
    let index = usize::try_from(month.month.saturating_sub(1)).unwrap_or(0);
    match MONTHS.get(index) {
        Some(words) => format!("{} {}", pick(lang, words), month.year),
        None => month.to_string(),
    }
}

/// Why a model cannot be priced, as one sentence. `Other` says only that: the model's own
/// problems, listed under it, say why.
pub fn cannot_price(lang: Lang, why: &CannotPrice) -> String {
    match why {
        CannotPrice::CardLacks {
            currency,
            card,
            lacks: missing,
        } => say(
            lang,
            &words!(
                "Not priceable: the {1} {2} card lacks {3}.",
                "Non calculable\u{a0}: il manque à la grille {1} du {2} {3}.",
                "No calculable: a la tarifa {1} del {2} le falta {3}.",
                "Não calculável: falta à tabela {1} de {2} {3}.",
            ),
            &[currency, card, &lacks(lang, missing)],
        ),
        CannotPrice::NoCard { currency, month } => say(
            lang,
            &words!(
                "Not priceable: no {1} card was in force in {2}, and no complete {1} card prices the sheet.",
                "Non calculable : aucune grille {1} n'était en vigueur en {2}, et aucune grille {1} complète ne calcule le tableau.",
                "No calculable: ninguna tarifa {1} estaba vigente en {2}, y ninguna tarifa {1} completa calcula la hoja.",
                "Não calculável: nenhuma tabela {1} estava em vigor em {2}, e nenhuma tabela {1} completa calcula a planilha.",
            ),
            &[currency, month],
        ),
        CannotPrice::OnlyMexico { markets } => say(
            lang,
            &words!(
                "Not priceable: the test priced conversations to Mexico only, and the sheet has {1}.",
                "Non calculable : le test ne tarifait que les conversations vers le Mexique, et le tableau contient {1}.",
                "No calculable: la prueba solo tarificaba conversaciones a México, y la hoja tiene {1}.",
                "Não calculável: o teste só cobrava conversas para o México, e a planilha tem {1}.",
            ),
            &[&list(lang, markets, false)],
        ),
        CannotPrice::Other => t(lang, "not_priceable").to_string(),
    }
}

/// What the comparison's amounts rest on: never another currency's card.
pub fn cards_of_their_time(lang: Lang, currency: &str) -> String {
    let words: Words = words!(
        "Each model on the {1} rate card of its time.",
        "Chaque modèle sur la grille {1} de son époque.",
        "Cada modelo con la tarifa {1} de su época.",
        "Cada modelo com a tabela {1} da sua época.",
    );
    say(lang, &words, &[currency])
}

/// "Rest of Africa and Pakistan, any utility rate and the service rate of India": the markets
/// as one part, as the core lists them.
fn lacks(lang: Lang, missing: &Lacks) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !missing.markets.is_empty() {
        parts.push(list(lang, &missing.markets, false));
    }
    for c in &missing.categories {
        let words: Words = words!(
            "any {1} rate",
            "tout tarif {1}",
            "todo precio de {1}",
            "qualquer preço de {1}",
        );
        parts.push(say(lang, &words, &[&category(lang, *c)]));
    }
    for cell in &missing.rates {
        let words: Words = words!(
            "the {1} rate of {2}",
            "le tarif {1} de {2}",
            "el precio de {1} de {2}",
            "o preço de {1} de {2}",
        );
        parts.push(say(
            lang,
            &words,
            &[&category(lang, cell.category), &cell.market],
        ));
    }
    list(lang, &parts, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wacost_core::estimate::Cell;
    use wacost_core::scenario::RulesVersion;
    use wacost_core::Category;

    fn every_reason() -> Vec<CannotPrice> {
        vec![
            CannotPrice::CardLacks {
                currency: "USD".into(),
                card: "2022-02-01".into(),
                lacks: Lacks {
                    markets: vec!["Rest of Africa".into(), "Pakistan".into()],
                    categories: vec![Category::Utility],
                    rates: vec![Cell {
                        market: "India".into(),
                        category: Category::Authentication,
                    }],
                },
            },
            CannotPrice::NoCard {
                currency: "INR".into(),
                month: "2022-01".into(),
            },
            CannotPrice::OnlyMexico {
                markets: vec!["India".into(), "Brazil".into()],
            },
            CannotPrice::Other,
        ]
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn english_names_are_the_cores_and_each_language_has_its_own() {
        for rules in RulesVersion::ALL {
            let name = rules.name();
            assert_eq!(model_name(Lang::En, &name), name.to_string());
            for lang in [Lang::Fr, Lang::Es, Lang::PtBr] {
                if name.kind != ModelKind::MexicoTest {
                    assert_ne!(model_name(lang, &name), name.to_string(), "{lang:?}");
                }
            }
        }
        let tests = [
            (
                Lang::Fr,
                RulesVersion::Pmp2026_10,
                "Par message, depuis oct. 2026",
            ),
            (
                Lang::Es,
                RulesVersion::Cbp2023_06,
                "Conversaciones por categoría, jun. 2023 – oct. 2024",
            ),
            (
                Lang::PtBr,
                RulesVersion::Cbp2024_11,
                "Conversas, serviço gratuito, nov. 2024 – jun. 2025",
            ),
            (Lang::Fr, RulesVersion::Mx2021_02, "Test Mexique, 2021"),
        ];
        for (lang, rules, expected) in tests {
            assert_eq!(model_name(lang, &rules.name()), expected);
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn why_a_model_is_not_priced_reads_as_the_core_says_it_in_each_language() {
        for why in every_reason() {
            let english = cannot_price(Lang::En, &why);
            // The core's sentence, capitalised, with its full stop.
            let core = why.to_string();
            let core = core.strip_prefix("cannot be priced").unwrap_or(&core);
            if why != CannotPrice::Other {
                assert_eq!(english, format!("Not priceable{core}."));
            }
            for lang in [Lang::Fr, Lang::Es, Lang::PtBr] {
                let worded = cannot_price(lang, &why);
                assert_ne!(worded, english, "{lang:?} {why:?}");
                assert!(!worded.contains('{'), "{worded}");
            }
        }
        assert_eq!(
            cannot_price(Lang::Fr, &every_reason()[0]),
            "Non calculable\u{a0}: il manque à la grille USD du 2022-02-01 Rest of Africa et Pakistan, \
             tout tarif utilitaire et le tarif authentification de India."
        );
    }
}
