//! The comparison in the page's four languages, worded from the core's data: model names
//! (`ModelName`), why each model has its card (`CardReason`), what stops a model
//! (`CannotPrice`), the answer to "what does the last switch change" (`Answer`) and the
//! currencies' coverage. Every match is exhaustive, so a kind the core adds fails the build
//! until it has its words here. Money goes through the core's `MoneyFormat`.

use super::{category, list, pick, say, Words};
use crate::i18n::Lang;
use crate::place_names;
use chrono::{Datelike, NaiveDate};
use wacost_core::currencies::{CurrencyCoverage, Status};
use wacost_core::estimate::{
    Answer, CannotPrice, CardReason, CardsFor, EffectReason, Lacks, RateMove, RuleChange,
    Unanswered,
};
use wacost_core::money::{Amount, UnitPrice};
use wacost_core::money_format::MoneyFormat;
use wacost_core::scenario::{ModelKind, ModelName, Month};

/// An amount rounded to the currency's minor unit, in `lang` (the exact figure goes in a
/// `title` and in `data-value` beside it).
pub fn money(lang: Lang, currency: &str, amount: Amount) -> String {
    MoneyFormat::new(currency, lang.locale()).amount(amount.value())
}

/// A rate with every published digit.
pub fn rate(lang: Lang, currency: &str, rate: UnitPrice) -> String {
    MoneyFormat::new(currency, lang.locale()).rate(rate.value())
}

/// `+$12.50`, `-$3.00`, or the amount alone when it is zero.
pub fn signed_money(lang: Lang, currency: &str, amount: Amount) -> String {
    let text = money(lang, currency, amount);
    if amount.value().is_sign_positive() && !amount.value().is_zero() {
        format!("+{text}")
    } else {
        text
    }
}

const SHORT_MONTHS: [[&str; 12]; 4] = [
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    ],
    [
        "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
    ],
];

const LONG_MONTHS: [[&str; 12]; 4] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
];

fn column(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Es => 2,
        Lang::PtBr => 3,
    }
}

fn month_word(table: &[[&'static str; 12]; 4], lang: Lang, month: u32) -> &'static str {
    let index = usize::try_from(month.saturating_sub(1)).unwrap_or(0);
    table
        .get(column(lang))
        .and_then(|months| months.get(index))
        .copied()
        .unwrap_or("?")
}

/// `Oct 2026`, `oct. 2026`.
pub fn short_month(lang: Lang, month: Month) -> String {
    format!(
        "{} {}",
        month_word(&SHORT_MONTHS, lang, month.month),
        month.year
    )
}

/// `1 October 2026`, `1er octobre 2026`, `1 de octubre de 2026`, `1º de outubro de 2026`.
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let name = month_word(&LONG_MONTHS, lang, date.month());
    let (day, year) = (date.day(), date.year());
    match lang {
        Lang::En => format!("{day} {name} {year}"),
        Lang::Fr if day == 1 => format!("1er {name} {year}"),
        Lang::Fr => format!("{day} {name} {year}"),
        Lang::Es => format!("{day} de {name} de {year}"),
        Lang::PtBr if day == 1 => format!("1º de {name} de {year}"),
        Lang::PtBr => format!("{day} de {name} de {year}"),
    }
}

fn kind(lang: Lang, kind: ModelKind) -> &'static str {
    let words: Words = match kind {
        ModelKind::PerMessage => {
            words!("Per message", "Par message", "Por mensaje", "Por mensagem")
        }
        ModelKind::ConversationsFreeService => words!(
            "Conversations, free service",
            "Conversations, service gratuit",
            "Conversaciones, servicio gratuito",
            "Conversas, atendimento grátis",
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
    };
    pick(lang, &words)
}

/// "Per message, from Oct 2026", "Conversations, Feb 2022 – May 2023", "Mexico test, 2021".
pub fn model_name(lang: Lang, name: &ModelName) -> String {
    let kind = kind(lang, name.kind);
    match (name.kind, name.to) {
        (ModelKind::MexicoTest, _) => format!("{kind}, {}", name.from.year),
        (_, Some(to)) => format!(
            "{kind}, {} – {}",
            short_month(lang, name.from),
            short_month(lang, to)
        ),
        (_, None) => say(
            lang,
            &words!(
                "{1}, from {2}",
                "{1}, depuis {2}",
                "{1}, desde {2}",
                "{1}, desde {2}",
            ),
            &[kind, &short_month(lang, name.from)],
        ),
    }
}

/// Which card each model is priced with, as the choice is offered.
pub fn cards_mode(lang: Lang, cards: CardsFor) -> &'static str {
    let words: Words = match cards {
        CardsFor::OfTheirTime => words!(
            "Each model on the card of its time",
            "Chaque modèle avec la grille de son époque",
            "Cada modelo con la tarifa de su época",
            "Cada modelo com a tabela da sua época",
        ),
        CardsFor::Same => words!(
            "Same card for all",
            "La même grille pour tous",
            "La misma tarifa para todos",
            "A mesma tabela para todos",
        ),
    };
    pick(lang, &words)
}

/// "the USD 2025-07-01 card".
fn the_card(lang: Lang, currency: &str, card: &str) -> String {
    say(
        lang,
        &words!(
            "the {1} {2} card",
            "la grille {1} du {2}",
            "la tarifa {1} del {2}",
            "a tabela {1} de {2}",
        ),
        &[currency, card],
    )
}

/// What a card lacks: markets, whole categories, single cells.
pub fn lacks(lang: Lang, lacks: &Lacks) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !lacks.markets.is_empty() {
        parts.push(list(lang, &lacks.markets, false));
    }
    for c in &lacks.categories {
        parts.push(say(
            lang,
            &words!(
                "any {1} rate",
                "tout tarif {1}",
                "toda tarifa de {1}",
                "qualquer tarifa de {1}",
            ),
            &[&category(lang, *c)],
        ));
    }
    for cell in &lacks.rates {
        parts.push(say(
            lang,
            &words!(
                "the {1} rate of {2}",
                "le tarif {1} de {2}",
                "la tarifa de {1} de {2}",
                "a tarifa de {1} de {2}",
            ),
            &[
                &category(lang, cell.category),
                &place_names::market(lang, &cell.market),
            ],
        ));
    }
    list(lang, &parts, false)
}

/// Why a model is priced with `card` (the card's own date), in a short clause.
pub fn card_reason(lang: Lang, reason: &CardReason, currency: &str, card: &str) -> String {
    let card_words = the_card(lang, currency, card);
    match reason {
        CardReason::Same => say(
            lang,
            &words!(
                "{1}, the month's card, for every model",
                "{1}, celle du mois, pour tous les modèles",
                "{1}, la del mes, para todos los modelos",
                "{1}, a do mês, para todos os modelos",
            ),
            &[&card_words],
        ),
        CardReason::OfTheMonth { chosen: true, .. } => say(
            lang,
            &words!(
                "{1}, chosen for the month",
                "{1}, choisie pour le mois",
                "{1}, elegida para el mes",
                "{1}, escolhida para o mês",
            ),
            &[&card_words],
        ),
        CardReason::OfTheMonth { month: Some(m), .. } => say(
            lang,
            &words!(
                "{1}, in force in {2}",
                "{1}, en vigueur en {2}",
                "{1}, vigente en {2}",
                "{1}, em vigor em {2}",
            ),
            &[&card_words, &month_text(lang, m)],
        ),
        CardReason::OfTheMonth { month: None, .. } => card_words,
        CardReason::LastMonth { month } => say(
            lang,
            &words!(
                "{1}, in force in the model's last month ({2})",
                "{1}, en vigueur le dernier mois du modèle ({2})",
                "{1}, vigente en el último mes del modelo ({2})",
                "{1}, em vigor no último mês do modelo ({2})",
            ),
            &[&card_words, &month_text(lang, month)],
        ),
        CardReason::StillInForce => say(
            lang,
            &words!(
                "{1}, the latest, as the model is still in force",
                "{1}, la plus récente, le modèle étant toujours en vigueur",
                "{1}, la más reciente, pues el modelo sigue vigente",
                "{1}, a mais recente, pois o modelo continua em vigor",
            ),
            &[&card_words],
        ),
        CardReason::LatestDuringModel { instead_of, lacks: l } => say(
            lang,
            &words!(
                "{1}, the latest of the model's time that prices the sheet ({2} lacks {3})",
                "{1}, la plus récente de l'époque du modèle qui chiffre le tableau ({2} n'a pas {3})",
                "{1}, la más reciente de la época del modelo que valora la hoja ({2} no tiene {3})",
                "{1}, a mais recente da época do modelo que precifica a planilha ({2} não tem {3})",
            ),
            &[&card_words, &the_card(lang, currency, instead_of), &lacks(lang, l)],
        ),
        CardReason::LatestComplete {
            instead_of: Some(instead_of),
            lacks: l,
        } => say(
            lang,
            &words!(
                "{1}, the latest complete card ({2} of the model's time lacks {3})",
                "{1}, la dernière grille complète ({2} de l'époque du modèle n'a pas {3})",
                "{1}, la última tarifa completa ({2} de la época del modelo no tiene {3})",
                "{1}, a última tabela completa ({2} da época do modelo não tem {3})",
            ),
            &[&card_words, &the_card(lang, currency, instead_of), &lacks(lang, l)],
        ),
        CardReason::LatestComplete {
            instead_of: None, ..
        } => say(
            lang,
            &words!(
                "{1}, the latest complete card (no {2} card was in force in the model's time)",
                "{1}, la dernière grille complète (aucune grille {2} n'était en vigueur à l'époque du modèle)",
                "{1}, la última tarifa completa (ninguna tarifa en {2} estaba vigente en la época del modelo)",
                "{1}, a última tabela completa (nenhuma tabela em {2} vigorava na época do modelo)",
            ),
            &[&card_words, currency],
        ),
    }
}

/// `2026-09` as `Sep 2026`, or as written when it is no month.
fn month_text(lang: Lang, text: &str) -> String {
    text.parse::<Month>()
        .map(|m| short_month(lang, m))
        .unwrap_or_else(|_| text.to_string())
}

/// Why a model cannot be priced, as one line.
pub fn cannot_price(lang: Lang, why: &CannotPrice) -> String {
    match why {
        CannotPrice::CardLacks {
            currency,
            card,
            lacks: l,
        } => say(
            lang,
            &words!(
                "Cannot be priced: {1} lacks {2}.",
                "Impossible à chiffrer : {1} n'a pas {2}.",
                "No se puede valorar: {1} no tiene {2}.",
                "Não pode ser precificado: {1} não tem {2}.",
            ),
            &[&the_card(lang, currency, card), &lacks(lang, l)],
        ),
        CannotPrice::NoCard { currency, month } => say(
            lang,
            &words!(
                "Cannot be priced: no {1} card was in force in {2}, and no complete {1} card prices the sheet.",
                "Impossible à chiffrer : aucune grille {1} n'était en vigueur en {2}, et aucune grille {1} complète ne chiffre le tableau.",
                "No se puede valorar: ninguna tarifa en {1} estaba vigente en {2}, y ninguna tarifa completa en {1} valora la hoja.",
                "Não pode ser precificado: nenhuma tabela em {1} vigorava em {2}, e nenhuma tabela completa em {1} precifica a planilha.",
            ),
            &[currency, &month_text(lang, month)],
        ),
        CannotPrice::OnlyMexico { markets } => say(
            lang,
            &words!(
                "Cannot be priced: the test priced conversations to Mexico only, and the sheet has {1}.",
                "Impossible à chiffrer : le test ne tarifait que les conversations vers le Mexique, et le tableau a {1}.",
                "No se puede valorar: la prueba solo tarificaba conversaciones a México, y la hoja tiene {1}.",
                "Não pode ser precificado: o teste só tarifava conversas para o México, e a planilha tem {1}.",
            ),
            &[&list(lang, markets, false)],
        ),
        CannotPrice::Other => pick(
            lang,
            &words!(
                "Cannot be priced (see the problems below).",
                "Impossible à chiffrer (voir les problèmes ci-dessous).",
                "No se puede valorar (vea los problemas abajo).",
                "Não pode ser precificado (veja os problemas abaixo).",
            ),
        )
        .to_string(),
    }
}

/// What a newer model does differently with a category.
pub fn rule_change(lang: Lang, change: RuleChange) -> &'static str {
    let words: Words = match change {
        RuleChange::ServiceCharged => words!(
            "service messages beyond 1,000 per phone number are now charged",
            "les messages de service au-delà de 1 000 par numéro sont désormais facturés",
            "los mensajes de servicio más allá de 1.000 por número ahora se cobran",
            "as mensagens de atendimento além de 1.000 por número agora são cobradas",
        ),
        RuleChange::UtilityInWindowCharged => words!(
            "utility templates inside the customer service window are now charged",
            "les modèles utilitaires dans la fenêtre de service client sont désormais facturés",
            "las plantillas de utilidad dentro de la ventana de atención ahora se cobran",
            "os modelos de utilidade dentro da janela de atendimento agora são cobrados",
        ),
        RuleChange::PerMessage => words!(
            "each delivered template is charged instead of each 24-hour conversation",
            "chaque modèle délivré est facturé au lieu de chaque conversation de 24 heures",
            "se cobra cada plantilla entregada en lugar de cada conversación de 24 horas",
            "cada modelo entregue é cobrado em vez de cada conversa de 24 horas",
        ),
        RuleChange::ServiceConversationsFree => words!(
            "every service conversation is free",
            "toute conversation de service est gratuite",
            "toda conversación de servicio es gratuita",
            "toda conversa de atendimento é grátis",
        ),
        RuleChange::ConversationsByCategory => words!(
            "conversations are charged by category instead of by who started them",
            "les conversations sont facturées par catégorie et non selon qui les ouvre",
            "las conversaciones se cobran por categoría y no según quién las inicia",
            "as conversas são cobradas por categoria e não por quem as inicia",
        ),
        RuleChange::ConversationsEverywhere => words!(
            "conversation pricing covers every country, not Mexico only",
            "la tarification par conversation couvre tous les pays, pas seulement le Mexique",
            "la tarificación por conversación cubre todos los países, no solo México",
            "a tarifação por conversa cobre todos os países, não só o México",
        ),
        RuleChange::Other => words!(
            "the rules treat it differently",
            "les règles la traitent autrement",
            "las reglas la tratan de otro modo",
            "as regras a tratam de outro modo",
        ),
    };
    pick(lang, &words)
}

fn rate_move(lang: Lang, currency: &str, m: &RateMove) -> String {
    let market = place_names::market(lang, &m.market);
    match (m.old, m.new) {
        (Some(old), Some(new)) => format!(
            "{} {} → {}",
            market,
            rate(lang, currency, old),
            rate(lang, currency, new)
        ),
        (None, Some(new)) => say(
            lang,
            &words!(
                "{1} new at {2}",
                "{1} nouveau à {2}",
                "{1} nuevo a {2}",
                "{1} novo a {2}",
            ),
            &[&market, &rate(lang, currency, new)],
        ),
        (Some(old), None) => say(
            lang,
            &words!(
                "{1} was {2}",
                "{1} était à {2}",
                "{1} era {2}",
                "{1} era {2}",
            ),
            &[&market, &rate(lang, currency, old)],
        ),
        (None, None) => market,
    }
}

/// One reason of an effect, with its amount: "Service: service messages … (+$20.50)".
pub fn effect_reason(lang: Lang, currency: &str, reason: &EffectReason) -> String {
    let amount = signed_money(lang, currency, reason.amount());
    match reason {
        EffectReason::Rules {
            category: c,
            change,
            ..
        } => format!(
            "{}: {} ({amount})",
            crate::i18n::t(lang, c.as_str()),
            rule_change(lang, *change)
        ),
        EffectReason::Rates {
            category: c, rates, ..
        } => {
            let head = say(
                lang,
                &words!(
                    "{1} rates ({2})",
                    "Tarifs {1} ({2})",
                    "Tarifas de {1} ({2})",
                    "Tarifas de {1} ({2})",
                ),
                &[&category(lang, *c), &amount],
            );
            let moves: Vec<String> = rates.iter().map(|m| rate_move(lang, currency, m)).collect();
            if moves.is_empty() {
                head
            } else {
                format!("{head}: {}", moves.join(", "))
            }
        }
        EffectReason::ProviderFees { .. } => say(
            lang,
            &words!(
                "The provider's fees ({1})",
                "Les frais du fournisseur ({1})",
                "Las comisiones del proveedor ({1})",
                "As taxas do provedor ({1})",
            ),
            &[&amount],
        ),
    }
}

/// "the rules before 1 October 2026 (Per message, Jul 2025 – Sep 2026)".
fn rules_before(lang: Lang, answer: &Answer) -> String {
    let switch = wacost_core::date::parse_date(&answer.switch)
        .map(|d| long_date(lang, d))
        .unwrap_or_else(|| answer.switch.clone());
    say(
        lang,
        &words!(
            "the rules before {1} ({2})",
            "les règles d'avant le {1} ({2})",
            "las reglas anteriores al {1} ({2})",
            "as regras anteriores a {1} ({2})",
        ),
        &[&switch, &model_name(lang, &answer.before.name)],
    )
}

/// The answer's headline: "This month costs $20.50 more than under the rules before 1
/// October 2026 (Per message, Jul 2025 – Sep 2026)." or why it has no figure.
pub fn answer_sentence(lang: Lang, answer: &Answer) -> String {
    let before = rules_before(lang, answer);
    let currency = answer.currency.as_str();
    let Some(difference) = answer.difference else {
        let why = match &answer.unanswered {
            Some(Unanswered::CurrentCannotBePriced { cannot_price: c })
            | Some(Unanswered::BeforeCannotBePriced { cannot_price: c })
            | Some(Unanswered::NoSplit { cannot_price: c }) => cannot_price(lang, c),
            None => String::new(),
        };
        return say(
            lang,
            &words!(
                "This month cannot be set against {1}. {2}",
                "Ce mois ne peut pas être comparé avec {1}. {2}",
                "Este mes no se puede comparar con {1}. {2}",
                "Este mês não pode ser comparado com {1}. {2}",
            ),
            &[&before, &why],
        )
        .trim_end()
        .to_string();
    };
    let value = difference.value();
    let magnitude = money(lang, currency, Amount::new(value.abs()));
    let words: Words = if value.is_zero() {
        words!(
            "This month costs the same as under {2}.",
            "Ce mois coûte autant que sous {2}.",
            "Este mes cuesta lo mismo que con {2}.",
            "Este mês custa o mesmo que com {2}.",
        )
    } else if value.is_sign_negative() {
        words!(
            "This month costs {1} less than under {2}.",
            "Ce mois coûte {1} de moins que sous {2}.",
            "Este mes cuesta {1} menos que con {2}.",
            "Este mês custa {1} a menos que com {2}.",
        )
    } else {
        words!(
            "This month costs {1} more than under {2}.",
            "Ce mois coûte {1} de plus que sous {2}.",
            "Este mes cuesta {1} más que con {2}.",
            "Este mês custa {1} a mais que com {2}.",
        )
    };
    say(lang, &words, &[&magnitude, &before])
}

/// "The rules: +$20.50" (both models on the current card).
pub fn rule_effect_head(lang: Lang, currency: &str, amount: Amount, card: &str) -> String {
    say(
        lang,
        &words!(
            "What the rules change, both on {2}: {1}",
            "Ce que changent les règles, toutes deux avec {2} : {1}",
            "Lo que cambian las reglas, ambas con {2}: {1}",
            "O que as regras mudam, ambas com {2}: {1}",
        ),
        &[
            &signed_money(lang, currency, amount),
            &the_card(lang, currency, card),
        ],
    )
}

/// "What the card changes, the USD 2025-07-01 card against the 2026-10-01 card: -$1.00".
pub fn card_effect_head(
    lang: Lang,
    currency: &str,
    amount: Amount,
    from: &str,
    to: &str,
) -> String {
    say(
        lang,
        &words!(
            "What the card changes, {2} against {3}: {1}",
            "Ce que change la grille, {2} contre {3} : {1}",
            "Lo que cambia la tarifa, {2} frente a {3}: {1}",
            "O que a tabela muda, {2} contra {3}: {1}",
        ),
        &[
            &signed_money(lang, currency, amount),
            &the_card(lang, currency, to),
            &the_card(lang, currency, from),
        ],
    )
}

/// Why rules and card cannot be told apart.
pub fn no_split(lang: Lang, why: &CannotPrice) -> String {
    say(
        lang,
        &words!(
            "Rules and card cannot be told apart: on this month's card the older rules {1}",
            "Règles et grille ne peuvent être séparées : avec la grille du mois, les anciennes règles — {1}",
            "Reglas y tarifa no se pueden separar: con la tarifa del mes, las reglas anteriores — {1}",
            "Regras e tabela não podem ser separadas: com a tabela do mês, as regras anteriores — {1}",
        ),
        &[&cannot_price(lang, why)],
    )
}

/// A currency in the currency choice, with what it can price in the month: "EUR — partial:
/// lacks marketing, utility".
pub fn coverage_label(lang: Lang, coverage: &CurrencyCoverage) -> String {
    let currency = coverage.currency;
    match coverage.status {
        Status::Complete => say(
            lang,
            &words!(
                "{1} — complete",
                "{1} — complète",
                "{1} — completa",
                "{1} — completa",
            ),
            &[currency],
        ),
        Status::Partial if coverage.lacking.is_empty() => say(
            lang,
            &words!(
                "{1} — partial: lacks markets",
                "{1} — partielle : marchés manquants",
                "{1} — parcial: faltan mercados",
                "{1} — parcial: faltam mercados",
            ),
            &[currency],
        ),
        Status::Partial => {
            let lacking: Vec<String> = coverage
                .lacking
                .iter()
                .map(|c| category(lang, *c))
                .collect();
            say(
                lang,
                &words!(
                    "{1} — partial: lacks {2}",
                    "{1} — partielle : manque {2}",
                    "{1} — parcial: falta {2}",
                    "{1} — parcial: falta {2}",
                ),
                &[currency, &list(lang, &lacking, false)],
            )
        }
        Status::NoCard => say(
            lang,
            &words!(
                "{1} — no card this month",
                "{1} — aucune grille ce mois",
                "{1} — sin tarifa este mes",
                "{1} — sem tabela neste mês",
            ),
            &[currency],
        ),
    }
}

/// How a rules version treats a category, in one clause: the words of the core's
/// `estimate::treatment` for the same typed pair, in the page's language.
pub fn treatment(
    lang: Lang,
    rules: wacost_core::scenario::RulesVersion,
    category: wacost_core::Category,
) -> &'static str {
    use wacost_core::scenario::RulesVersion::*;
    use wacost_core::Category::*;
    let words = match (rules, category) {
        (Mx2021_02, BusinessInitiated) => words!(
            "templates open 24-hour conversations at one Mexico rate, after the monthly free conversations",
            "les modèles ouvrent des conversations de 24 h à un tarif unique pour le Mexique, après les conversations gratuites du mois",
            "las plantillas abren conversaciones de 24 h a una tarifa única para México, tras las conversaciones gratuitas del mes",
            "os modelos abrem conversas de 24 h a uma tarifa única para o México, após as conversas gratuitas do mês",
        ),
        (Mx2021_02, UserInitiated) => words!(
            "replies open 24-hour conversations at one Mexico rate, after the monthly free conversations",
            "les réponses ouvrent des conversations de 24 h à un tarif unique pour le Mexique, après les conversations gratuites du mois",
            "las respuestas abren conversaciones de 24 h a una tarifa única para México, tras las conversaciones gratuitas del mes",
            "as respostas abrem conversas de 24 h a uma tarifa única para o México, após as conversas gratuitas do mês",
        ),
        (Cbp2022_02, BusinessInitiated) => words!(
            "templates open business-initiated conversations; utility inside the window joins the open one; the first 1,000 conversations per WABA are free",
            "les modèles ouvrent des conversations à l'initiative de l'entreprise ; un utility dans la fenêtre rejoint la conversation ouverte ; les 1 000 premières conversations par WABA sont gratuites",
            "las plantillas abren conversaciones iniciadas por la empresa; un utility dentro de la ventana se une a la abierta; las primeras 1.000 conversaciones por WABA son gratuitas",
            "os modelos abrem conversas iniciadas pela empresa; um utility dentro da janela entra na conversa aberta; as primeiras 1.000 conversas por WABA são gratuitas",
        ),
        (Cbp2022_02, UserInitiated) => words!(
            "service messages open user-initiated conversations; the first 1,000 conversations per WABA are free",
            "les messages de service ouvrent des conversations à l'initiative de l'utilisateur ; les 1 000 premières conversations par WABA sont gratuites",
            "los mensajes de servicio abren conversaciones iniciadas por el usuario; las primeras 1.000 conversaciones por WABA son gratuitas",
            "as mensagens de serviço abrem conversas iniciadas pelo usuário; as primeiras 1.000 conversas por WABA são gratuitas",
        ),
        (Cbp2023_06, Service) => words!(
            "service conversations, the first 1,000 per WABA free",
            "conversations de service, les 1 000 premières par WABA gratuites",
            "conversaciones de servicio, las primeras 1.000 por WABA gratuitas",
            "conversas de serviço, as primeiras 1.000 por WABA gratuitas",
        ),
        (Cbp2024_11, Service) => words!(
            "service conversations are all free",
            "les conversations de service sont toutes gratuites",
            "las conversaciones de servicio son todas gratuitas",
            "as conversas de serviço são todas gratuitas",
        ),
        (Cbp2023_06 | Cbp2024_11, Utility) => words!(
            "utility conversations, charged even when opened inside the window; no tiers",
            "conversations utility, facturées même ouvertes dans la fenêtre ; sans paliers",
            "conversaciones utility, cobradas aunque se abran dentro de la ventana; sin tramos",
            "conversas utility, cobradas mesmo abertas dentro da janela; sem faixas",
        ),
        (Cbp2023_06 | Cbp2024_11, AuthenticationInternational) => words!(
            "authentication conversations at the international rate; no tiers",
            "conversations d'authentification au tarif international ; sans paliers",
            "conversaciones de autenticación a la tarifa internacional; sin tramos",
            "conversas de autenticação à tarifa internacional; sem faixas",
        ),
        (Cbp2023_06 | Cbp2024_11, _) => words!(
            "one charge per conversation of the category; no tiers",
            "un prix par conversation de la catégorie ; sans paliers",
            "un cobro por conversación de la categoría; sin tramos",
            "uma cobrança por conversa da categoria; sem faixas",
        ),
        (Pmp2025_07, Utility) => words!(
            "per message with volume tiers; utility inside the window is free",
            "par message avec paliers de volume ; un utility dans la fenêtre est gratuit",
            "por mensaje con tramos de volumen; un utility dentro de la ventana es gratuito",
            "por mensagem com faixas de volume; um utility dentro da janela é gratuito",
        ),
        (Pmp2025_07, Service) => words!(
            "service messages are free",
            "les messages de service sont gratuits",
            "los mensajes de servicio son gratuitos",
            "as mensagens de serviço são gratuitas",
        ),
        (Pmp2026_10, Utility) => words!(
            "per message with volume tiers; utility inside the window is charged too",
            "par message avec paliers de volume ; un utility dans la fenêtre est facturé aussi",
            "por mensaje con tramos de volumen; un utility dentro de la ventana también se cobra",
            "por mensagem com faixas de volume; um utility dentro da janela também é cobrado",
        ),
        (Pmp2026_10, Service) => words!(
            "service messages beyond 1,000 per phone number are charged at the service rate, no tiers",
            "les messages de service au-delà de 1 000 par numéro sont facturés au tarif service, sans paliers",
            "los mensajes de servicio más allá de 1.000 por número se cobran a la tarifa de servicio, sin tramos",
            "as mensagens de serviço além de 1.000 por número são cobradas à tarifa de serviço, sem faixas",
        ),
        (Pmp2025_07 | Pmp2026_10, Authentication | AuthenticationInternational) => words!(
            "per message with volume tiers (shared by both authentication rates)",
            "par message avec paliers de volume (communs aux deux tarifs d'authentification)",
            "por mensaje con tramos de volumen (compartidos por las dos tarifas de autenticación)",
            "por mensagem com faixas de volume (compartilhadas pelas duas tarifas de autenticação)",
        ),
        (Pmp2025_07 | Pmp2026_10, Marketing) => words!(
            "per delivered message, no tiers",
            "par message délivré, sans paliers",
            "por mensaje entregado, sin tramos",
            "por mensagem entregue, sem faixas",
        ),
        _ => words!(
            "as the rules define it",
            "comme les règles le définissent",
            "como lo definen las reglas",
            "como as regras definem",
        ),
    };
    pick(lang, &words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wacost_core::scenario::RulesVersion;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn models_are_named_in_each_language() {
        let name = RulesVersion::Pmp2025_07.name();
        assert_eq!(
            model_name(Lang::En, &name),
            "Per message, Jul 2025 – Sep 2026"
        );
        assert_eq!(model_name(Lang::En, &name), name.to_string());
        assert_eq!(
            model_name(Lang::Fr, &name),
            "Par message, juil. 2025 – sept. 2026"
        );
        assert_eq!(
            model_name(Lang::Es, &RulesVersion::Pmp2026_10.name()),
            "Por mensaje, desde oct 2026"
        );
        assert_eq!(
            model_name(Lang::PtBr, &RulesVersion::Mx2021_02.name()),
            "Teste México, 2021"
        );
        for rules in RulesVersion::ALL {
            assert_eq!(
                model_name(Lang::En, &rules.name()),
                rules.name().to_string()
            );
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn dates_and_money_read_as_each_language_writes_them() {
        let date = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(long_date(Lang::En, date), "1 October 2026");
        assert_eq!(long_date(Lang::Fr, date), "1er octobre 2026");
        assert_eq!(long_date(Lang::Es, date), "1 de octubre de 2026");
        let amount = Amount::new(rust_decimal::Decimal::new(205_049, 4));
        assert_eq!(signed_money(Lang::En, "USD", amount), "+$20.50");
        let minus = Amount::new(rust_decimal::Decimal::new(-300, 2));
        assert_eq!(signed_money(Lang::En, "USD", minus), "-$3.00");
    }
}
