//! The sentences of the plan view in four languages, worded from the core's data: the plan's
//! notes and errors, the budget's answer and errors, the levers, and the analytics import's
//! notes and errors. Every kind is an arm of a `match` without a wildcard, so a kind added to
//! the core fails the build until it has its words.

use super::money;
use crate::i18n::Lang;
use crate::wording::{category, field_problem, list, number, quote, say, shown, words, Words};
use rust_decimal::Decimal;
use wacost_core::analytics::{ImportErrorKind, ImportNote, Skip};
use wacost_core::budget::{Budget, BudgetErrorKind};
use wacost_core::levers::LeverKind;
use wacost_core::line_category::LineCategory;
use wacost_core::locale::Locale;
use wacost_core::percent::{percent_text, PercentErrorKind};
use wacost_core::plan::{CategoryChange, PlanErrorKind, PlanNote};
use wacost_core::scenario::RulesVersion;

/// `+$8.25` / `-$3.10`: a change with its sign.
fn signed(lang: Lang, currency: &str, change: Decimal) -> String {
    let text = money::text(lang, currency, change);
    if change > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

fn changes(lang: Lang, currency: &str, categories: &[CategoryChange]) -> String {
    categories
        .iter()
        .map(|c| {
            format!(
                "{} {} → {}",
                category(lang, c.category),
                money::text(lang, currency, c.before.value()),
                money::text(lang, currency, c.after.value())
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

const RULES_CHANGE: Words = words!(
    "The {1} rules replace {2}: at this month's volumes they change Meta's charge by {3} ({4}).",
    "Les règles {1} remplacent {2} : aux volumes de ce mois, elles changent le montant Meta de {3} ({4}).",
    "Las reglas {1} reemplazan a {2}: con los volúmenes de este mes cambian el cargo de Meta en {3} ({4}).",
    "As regras {1} substituem {2}: com os volumes deste mês, mudam a cobrança da Meta em {3} ({4}).",
);
const RULES_CHANGE_UNTOLD: Words = words!(
    "The {1} rules replace {2}; their effect cannot be told apart from the card's (see the card change).",
    "Les règles {1} remplacent {2} ; leur effet ne peut être séparé de celui de la grille (voir le changement de grille).",
    "Las reglas {1} reemplazan a {2}; su efecto no puede separarse del de la tarifa (vea el cambio de tarifa).",
    "As regras {1} substituem {2}; seu efeito não pode ser separado do da tabela (veja a mudança de tabela).",
);
const CARD_CHANGE: Words = words!(
    "The {1} card of {2} replaces the {3} card: at this month's volumes it changes Meta's charge by {4} ({5}).",
    "La grille {1} du {2} remplace celle du {3} : aux volumes de ce mois, elle change le montant Meta de {4} ({5}).",
    "La tarifa {1} del {2} reemplaza a la del {3}: con los volúmenes de este mes cambia el cargo de Meta en {4} ({5}).",
    "A tabela {1} de {2} substitui a de {3}: com os volumes deste mês, muda a cobrança da Meta em {4} ({5}).",
);
const CARD_AND_RULES_CHANGE: Words = words!(
    "The {1} card of {2} replaces the {3} card, which cannot price the new rules: together they change Meta's charge by {4} ({5}).",
    "La grille {1} du {2} remplace celle du {3}, qui ne peut tarifer les nouvelles règles : ensemble, elles changent le montant Meta de {4} ({5}).",
    "La tarifa {1} del {2} reemplaza a la del {3}, que no puede tarificar las nuevas reglas: juntas cambian el cargo de Meta en {4} ({5}).",
    "A tabela {1} de {2} substitui a de {3}, que não consegue precificar as novas regras: juntas mudam a cobrança da Meta em {4} ({5}).",
);
const CARD_CHANGE_UNTOLD: Words = words!(
    "The {1} card of {2} replaces the {3} card; its effect cannot be computed (the previous month's rules and card cannot price this month).",
    "La grille {1} du {2} remplace celle du {3} ; son effet ne peut être calculé (les règles et la grille du mois précédent ne peuvent tarifer ce mois).",
    "La tarifa {1} del {2} reemplaza a la del {3}; su efecto no puede calcularse (las reglas y la tarifa del mes anterior no pueden tarificar este mes).",
    "A tabela {1} de {2} substitui a de {3}; seu efeito não pode ser calculado (as regras e a tabela do mês anterior não conseguem precificar este mês).",
);
const LATEST_CARD: Words = words!(
    "After the latest {1} card this build holds ({2}): priced with it; Meta may publish another before then.",
    "Après la dernière grille {1} connue ({2}) : tarifé avec elle ; Meta peut en publier une autre d'ici là.",
    "Posterior a la última tarifa {1} disponible ({2}): se tarifica con ella; Meta puede publicar otra antes.",
    "Depois da última tabela {1} disponível ({2}): precificado com ela; a Meta pode publicar outra antes disso.",
);
const UNPRICED: Words = words!(
    "Nothing can price {1}: it is left out of the plan's totals.",
    "Rien ne peut tarifer {1} : il est exclu des totaux du plan.",
    "Nada puede tarificar {1}: queda fuera de los totales del plan.",
    "Nada consegue precificar {1}: fica fora dos totais do plano.",
);
const UNPRICED_MONTHS: Words = words!(
    "The totals leave out {1} month(s) nothing can price: {2}.",
    "Les totaux excluent {1} mois que rien ne peut tarifer : {2}.",
    "Los totales dejan fuera {1} mes(es) que nada puede tarificar: {2}.",
    "Os totais deixam de fora {1} mês(es) que nada consegue precificar: {2}.",
);
const LATEST_CARD_MONTHS: Words = words!(
    "{1} month(s) ({2}) are after the latest {3} card this build holds and are priced with it ({4}).",
    "{1} mois ({2}) sont après la dernière grille {3} connue et sont tarifés avec elle ({4}).",
    "{1} mes(es) ({2}) son posteriores a la última tarifa {3} disponible y se tarifican con ella ({4}).",
    "{1} mês(es) ({2}) são posteriores à última tabela {3} disponível e são precificados com ela ({4}).",
);

/// A plan's note (of a month or of the whole plan) in `lang`.
pub fn plan_note(lang: Lang, note: &PlanNote) -> String {
    match note {
        PlanNote::RulesChange {
            from,
            to,
            currency,
            change: Some(change),
            categories,
        } => say(
            lang,
            &RULES_CHANGE,
            &[
                to.as_str(),
                from.as_str(),
                &signed(lang, currency, change.value()),
                &changes(lang, currency, categories),
            ],
        ),
        PlanNote::RulesChange { from, to, .. } => {
            say(lang, &RULES_CHANGE_UNTOLD, &[to.as_str(), from.as_str()])
        }
        PlanNote::CardChange {
            currency,
            from,
            to,
            change: Some(change),
            with_rules,
            categories,
        } => say(
            lang,
            if *with_rules {
                &CARD_AND_RULES_CHANGE
            } else {
                &CARD_CHANGE
            },
            &[
                currency,
                to,
                from,
                &signed(lang, currency, change.value()),
                &changes(lang, currency, categories),
            ],
        ),
        PlanNote::CardChange {
            currency, from, to, ..
        } => say(lang, &CARD_CHANGE_UNTOLD, &[currency, to, from]),
        PlanNote::LatestCard { currency, card } => say(lang, &LATEST_CARD, &[currency, card]),
        PlanNote::Unpriced { month } => say(lang, &UNPRICED, &[month]),
        PlanNote::UnpricedMonths { months } => say(
            lang,
            &UNPRICED_MONTHS,
            &[&number(lang, months.len()), &months.join(", ")],
        ),
        PlanNote::LatestCardMonths {
            currency,
            card,
            months,
        } => {
            let range = match (months.first(), months.last()) {
                (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
                (Some(first), _) => first.clone(),
                _ => String::new(),
            };
            say(
                lang,
                &LATEST_CARD_MONTHS,
                &[&number(lang, months.len()), &range, currency, card],
            )
        }
    }
}

const NOT_AN_OBJECT: Words = words!(
    "must be a JSON object, got {1}",
    "doit être un objet JSON, reçu {1}",
    "debe ser un objeto JSON, se recibió {1}",
    "deve ser um objeto JSON, recebido {1}",
);
const UNKNOWN_FIELD: Words = words!(
    "unknown field (expected one of: {1})",
    "champ inconnu (attendu : {1})",
    "campo desconocido (se espera uno de: {1})",
    "campo desconhecido (esperado um de: {1})",
);
const REQUIRED: Words = words!(
    "is required",
    "est obligatoire",
    "es obligatorio",
    "é obrigatório",
);
const NOT_A_MONTH: Words = words!(
    "{1} is not a month YYYY-MM",
    "{1} n'est pas un mois AAAA-MM",
    "{1} no es un mes AAAA-MM",
    "{1} não é um mês AAAA-MM",
);
const MONTHS_OUT_OF_RANGE: Words = words!(
    "{1}: a plan has 1 to 36 months",
    "{1} : un plan compte de 1 à 36 mois",
    "{1}: un plan tiene de 1 a 36 meses",
    "{1}: um plano tem de 1 a 36 meses",
);
const GROWTH_OUT_OF_RANGE: Words = words!(
    "{1}: a monthly growth must be above -100 % and at most 1,000 %",
    "{1} : une croissance mensuelle doit être supérieure à -100 % et d'au plus 1 000 %",
    "{1}: un crecimiento mensual debe ser mayor que -100 % y como máximo 1.000 %",
    "{1}: um crescimento mensal deve ser maior que -100 % e no máximo 1.000 %",
);
const NOT_A_CALENDAR_MONTH: Words = words!(
    "{1} is not a calendar month from 1 to 12",
    "{1} n'est pas un mois calendaire de 1 à 12",
    "{1} no es un mes del calendario de 1 a 12",
    "{1} não é um mês do calendário de 1 a 12",
);
const MULTIPLIER_OUT_OF_RANGE: Words = words!(
    "{1}: a multiplier is a number from 0 to 1,000 (1.8 for 80 % more)",
    "{1} : un multiplicateur est un nombre de 0 à 1 000 (1,8 pour 80 % de plus)",
    "{1}: un multiplicador es un número de 0 a 1.000 (1,8 para un 80 % más)",
    "{1}: um multiplicador é um número de 0 a 1.000 (1,8 para 80 % a mais)",
);
const DUPLICATE_MULTIPLIER: Words = words!(
    "calendar month {1} is given two multipliers",
    "le mois calendaire {1} a deux multiplicateurs",
    "el mes del calendario {1} tiene dos multiplicadores",
    "o mês do calendário {1} tem dois multiplicadores",
);
const TOO_MANY_DECIMALS: Words = words!(
    "{1} has more than 18 decimals",
    "{1} a plus de 18 décimales",
    "{1} tiene más de 18 decimales",
    "{1} tem mais de 18 casas decimais",
);
const NO_START: Words = words!(
    "the sheet has no month: give the plan a start month",
    "la feuille n'a pas de mois : donnez au plan un mois de départ",
    "la hoja no tiene mes: indique un mes de inicio para el plan",
    "a planilha não tem mês: informe um mês inicial para o plano",
);
const CHOSEN_BY_THE_PLAN_RULES: Words = words!(
    "a plan prices each month with the rules in force in it: set the sheet's rules back to “by date”",
    "un plan tarifie chaque mois avec les règles en vigueur : remettez les règles de la feuille sur « selon la date »",
    "un plan tarifica cada mes con las reglas vigentes: vuelva a poner las reglas de la hoja en «según la fecha»",
    "um plano precifica cada mês com as regras vigentes: volte as regras da planilha para “pela data”",
);
const CHOSEN_BY_THE_PLAN_CARD: Words = words!(
    "a plan prices each month with the card in force in it: set the sheet's rate card back to the card in force",
    "un plan tarifie chaque mois avec la grille en vigueur : remettez la grille de la feuille sur celle en vigueur",
    "un plan tarifica cada mes con la tarifa vigente: vuelva a poner la tarifa de la hoja en la vigente",
    "um plano precifica cada mês com a tabela vigente: volte a tabela da planilha para a vigente",
);
const COUNT_TOO_LARGE: Words = words!(
    "the {1} count for {2} would be {3}, above the limit of 1,000,000,000,000 a sheet accepts",
    "le nombre de messages {1} de {2} serait {3}, au-delà de la limite de 1 000 000 000 000 d'une feuille",
    "la cantidad de {1} de {2} sería {3}, por encima del límite de 1.000.000.000.000 de una hoja",
    "a contagem de {1} de {2} seria {3}, acima do limite de 1.000.000.000.000 de uma planilha",
);
const BEYOND_64_BITS: Words = words!(
    "more than 18,446,744,073,709,551,615",
    "plus de 18 446 744 073 709 551 615",
    "más de 18.446.744.073.709.551.615",
    "mais de 18.446.744.073.709.551.615",
);

fn line_category(lang: Lang, c: LineCategory) -> String {
    category(lang, c.category())
}

/// A problem of the plan's settings or of the sheet it grows. `typed` is the control's text as
/// the user typed it (a growth typed as a percent is shown as typed, not as the fraction).
pub fn plan_problem(lang: Lang, kind: &PlanErrorKind, typed: Option<&str>) -> String {
    let value = |got: &str| typed.map_or_else(|| shown(lang, got), |t| quote(lang, t));
    match kind {
        PlanErrorKind::NotAnObject { got } => say(lang, &NOT_AN_OBJECT, &[&shown(lang, got)]),
        PlanErrorKind::UnknownField { expected } => {
            say(lang, &UNKNOWN_FIELD, &[&expected.join(", ")])
        }
        PlanErrorKind::Required => say(lang, &REQUIRED, &[]),
        PlanErrorKind::NotAMonth { got } => say(lang, &NOT_A_MONTH, &[&value(got)]),
        PlanErrorKind::MonthsOutOfRange { got } => say(lang, &MONTHS_OUT_OF_RANGE, &[&value(got)]),
        PlanErrorKind::GrowthOutOfRange { got } => say(lang, &GROWTH_OUT_OF_RANGE, &[&value(got)]),
        PlanErrorKind::NotACalendarMonth { got } => {
            say(lang, &NOT_A_CALENDAR_MONTH, &[&shown(lang, got)])
        }
        PlanErrorKind::MultiplierOutOfRange { got } => {
            say(lang, &MULTIPLIER_OUT_OF_RANGE, &[&value(got)])
        }
        PlanErrorKind::DuplicateMultiplier { month } => {
            say(lang, &DUPLICATE_MULTIPLIER, &[&number(lang, month)])
        }
        PlanErrorKind::TooManyDecimals { got } => say(lang, &TOO_MANY_DECIMALS, &[&value(got)]),
        PlanErrorKind::NoStart => say(lang, &NO_START, &[]),
        PlanErrorKind::ChosenByThePlan { field } => say(
            lang,
            if *field == "rules" {
                &CHOSEN_BY_THE_PLAN_RULES
            } else {
                &CHOSEN_BY_THE_PLAN_CARD
            },
            &[],
        ),
        PlanErrorKind::CountTooLarge {
            month,
            category: c,
            count,
        } => say(
            lang,
            &COUNT_TOO_LARGE,
            &[
                &line_category(lang, *c),
                &month.to_string(),
                &count.map_or_else(|| say(lang, &BEYOND_64_BITS, &[]), |n| number(lang, n)),
            ],
        ),
        PlanErrorKind::Scenario(kind) => field_problem(lang, kind),
    }
}

const NOT_A_PERCENT: Words = words!(
    "{1} is not a percent (a number such as 5, 2.5 or -3)",
    "{1} n'est pas un pourcentage (un nombre comme 5, 2,5 ou -3)",
    "{1} no es un porcentaje (un número como 5, 2,5 o -3)",
    "{1} não é uma porcentagem (um número como 5, 2,5 ou -3)",
);

/// Why a percent field does not read.
pub fn percent_problem(lang: Lang, _kind: PercentErrorKind, typed: &str) -> String {
    say(lang, &NOT_A_PERCENT, &[&quote(lang, typed)])
}

const ONE_DESTINATION: Words = words!(
    "give the extra messages one destination: a country (ISO code) or a market",
    "donnez aux messages en plus une destination : un pays (code ISO) ou un marché",
    "indique un destino para los mensajes extra: un país (código ISO) o un mercado",
    "informe um destino para as mensagens extras: um país (código ISO) ou um mercado",
);
const NOT_A_CATEGORY: Words = words!(
    "{1} is not marketing, utility, authentication or service",
    "{1} n'est pas marketing, utilitaire, authentification ou service",
    "{1} no es marketing, utilidad, autenticación ni servicio",
    "{1} não é marketing, utilidade, autenticação nem serviço",
);
const AMOUNT_OUT_OF_RANGE: Words = words!(
    "{1} is not a budget from 0 to 1,000,000,000,000,000 in the sheet's currency",
    "{1} n'est pas un budget de 0 à 1 000 000 000 000 000 dans la devise de la feuille",
    "{1} no es un presupuesto de 0 a 1.000.000.000.000.000 en la moneda de la hoja",
    "{1} não é um orçamento de 0 a 1.000.000.000.000.000 na moeda da planilha",
);
const NO_ROOM_FOR_LINE: Words = words!(
    "the sheet already has the most lines allowed: there is no room for the extra messages' line",
    "la feuille a déjà le maximum de lignes : pas de place pour la ligne des messages en plus",
    "la hoja ya tiene el máximo de líneas: no hay lugar para la línea de los mensajes extra",
    "a planilha já tem o máximo de linhas: não há lugar para a linha das mensagens extras",
);

/// A problem of the budget's question (or of the sheet, through the core's scenario kinds).
pub fn budget_problem(lang: Lang, kind: &BudgetErrorKind, typed: &str) -> String {
    match kind {
        BudgetErrorKind::NotAnObject { got } => say(lang, &NOT_AN_OBJECT, &[&shown(lang, got)]),
        BudgetErrorKind::UnknownField { expected } => {
            say(lang, &UNKNOWN_FIELD, &[&expected.join(", ")])
        }
        BudgetErrorKind::Required => say(lang, &REQUIRED, &[]),
        BudgetErrorKind::OneDestination => say(lang, &ONE_DESTINATION, &[]),
        BudgetErrorKind::NotACategory { got } => say(lang, &NOT_A_CATEGORY, &[&shown(lang, got)]),
        BudgetErrorKind::AmountOutOfRange { .. } => {
            say(lang, &AMOUNT_OUT_OF_RANGE, &[&quote(lang, typed)])
        }
        BudgetErrorKind::TooManyDecimals { .. } => {
            say(lang, &TOO_MANY_DECIMALS, &[&quote(lang, typed)])
        }
        BudgetErrorKind::NoRoomForLine => say(lang, &NO_ROOM_FOR_LINE, &[]),
        BudgetErrorKind::Scenario(kind) => field_problem(lang, kind),
    }
}

const FITS: Words = words!(
    "{1} more {2} messages to {3} fit in {4}; one more would not.",
    "{1} messages {2} de plus vers {3} tiennent dans {4} ; un de plus, non.",
    "Caben {1} mensajes de {2} más a {3} en {4}; uno más, no.",
    "Cabem {1} mensagens de {2} a mais para {3} em {4}; uma a mais, não.",
);
const DOES_NOT_FIT: Words = words!(
    "The rest of the sheet alone costs {1}, over the budget of {2}: no {3} message to {4} fits.",
    "Le reste de la feuille coûte déjà {1}, au-delà du budget de {2} : aucun message {3} vers {4} ne tient.",
    "El resto de la hoja ya cuesta {1}, por encima del presupuesto de {2}: no cabe ningún mensaje de {3} a {4}.",
    "O resto da planilha já custa {1}, acima do orçamento de {2}: nenhuma mensagem de {3} para {4} cabe.",
);
const UNBOUNDED: Words = words!(
    "Every count up to the limit of {1} fits: {2} messages to {3} cost nothing here under these rules, or the budget is out of reach.",
    "Tout nombre jusqu'à la limite de {1} tient : les messages {2} vers {3} ne coûtent rien ici avec ces règles, ou le budget est hors d'atteinte.",
    "Cabe cualquier cantidad hasta el límite de {1}: los mensajes de {2} a {3} no cuestan nada aquí con estas reglas, o el presupuesto es inalcanzable.",
    "Cabe qualquer quantidade até o limite de {1}: as mensagens de {2} para {3} não custam nada aqui com essas regras, ou o orçamento é inalcançável.",
);

/// The budget's answer in one sentence.
pub fn budget_answer(lang: Lang, budget: &Budget) -> String {
    let c = line_category(lang, budget.category);
    let amount = money::text(lang, &budget.currency, budget.amount.value());
    let market = crate::place_names::market(lang, &budget.market);
    if budget.unbounded {
        say(
            lang,
            &UNBOUNDED,
            &[&number(lang, budget.count), &c, &market],
        )
    } else if !budget.fits {
        let total = money::text(lang, &budget.currency, budget.total_at_count.value());
        say(lang, &DOES_NOT_FIT, &[&total, &amount, &c, &market])
    } else {
        say(
            lang,
            &FITS,
            &[&number(lang, budget.count), &c, &market, &amount],
        )
    }
}

/// A lever's name.
pub fn lever_name(lang: Lang, lever: LeverKind) -> &'static str {
    let words: Words = match lever {
        LeverKind::EntryPoint => words!(
            "More traffic through free entry points",
            "Plus de trafic via les points d'entrée gratuits",
            "Más tráfico por puntos de entrada gratuitos",
            "Mais tráfego por pontos de entrada gratuitos",
        ),
        LeverKind::UtilityInWindow => words!(
            "Utility templates inside the service window",
            "Modèles utilitaires dans la fenêtre de service",
            "Plantillas de utilidad dentro de la ventana de servicio",
            "Modelos de utilidade dentro da janela de atendimento",
        ),
        LeverKind::PhoneNumber => words!(
            "One more business phone number",
            "Un numéro de téléphone de plus",
            "Un número de teléfono más",
            "Um número de telefone a mais",
        ),
    };
    crate::wording::pick(lang, &words)
}

const ENTRY_POINT_HYPOTHESIS: Words = words!(
    "Ten more percentage points of every category's messages delivered in free entry point windows (click-to-WhatsApp ads, Page buttons): {1} → {2}.",
    "Dix points de plus des messages de chaque catégorie livrés dans des fenêtres de point d'entrée gratuites (publicités Click to WhatsApp, boutons de Page) : {1} → {2}.",
    "Diez puntos porcentuales más de los mensajes de cada categoría entregados en ventanas de punto de entrada gratuitas (anuncios Click to WhatsApp, botones de página): {1} → {2}.",
    "Dez pontos percentuais a mais das mensagens de cada categoria entregues em janelas de ponto de entrada gratuitas (anúncios de clique para o WhatsApp, botões de Página): {1} → {2}.",
);
const UTILITY_HYPOTHESIS: Words = words!(
    "Ten more percentage points of utility templates sent while the customer's service window is open, where these rules make them free: {1} → {2}.",
    "Dix points de plus de modèles utilitaires envoyés pendant que la fenêtre de service du client est ouverte, gratuits avec ces règles : {1} → {2}.",
    "Diez puntos porcentuales más de plantillas de utilidad enviadas con la ventana de servicio del cliente abierta, gratuitas con estas reglas: {1} → {2}.",
    "Dez pontos percentuais a mais de modelos de utilidade enviados com a janela de atendimento do cliente aberta, gratuitos com essas regras: {1} → {2}.",
);
const PHONE_HYPOTHESIS: Words = words!(
    "One more business phone number, with its own free service messages each month, net of the provider's per-number fee: {1} → {2} numbers.",
    "Un numéro de plus, avec ses propres messages de service gratuits chaque mois, net des frais par numéro du fournisseur : {1} → {2} numéros.",
    "Un número más, con sus propios mensajes de servicio gratuitos cada mes, neto del cargo por número del proveedor: {1} → {2} números.",
    "Um número a mais, com suas próprias mensagens de serviço gratuitas por mês, descontada a taxa por número do provedor: {1} → {2} números.",
);

/// A lever's hypothesis with its values before and after (`from`, `to` as the core writes them).
pub fn lever_hypothesis(lang: Lang, lever: LeverKind, from: &str, to: &str) -> String {
    let locale: Locale = lang.locale();
    let percent = |text: &str| {
        text.parse::<Decimal>().map_or_else(
            |_| text.to_string(),
            |d| format!("{} %", percent_text(d, locale)),
        )
    };
    match lever {
        LeverKind::EntryPoint => say(
            lang,
            &ENTRY_POINT_HYPOTHESIS,
            &[&percent(from), &percent(to)],
        ),
        LeverKind::UtilityInWindow => {
            say(lang, &UTILITY_HYPOTHESIS, &[&percent(from), &percent(to)])
        }
        LeverKind::PhoneNumber => say(lang, &PHONE_HYPOTHESIS, &[from, to]),
    }
}

const NO_LEVER: Words = words!(
    "No lever saves money under the {1} rules for this sheet.",
    "Aucun levier ne fait économiser avec les règles {1} pour cette feuille.",
    "Ninguna palanca ahorra con las reglas {1} para esta hoja.",
    "Nenhuma alavanca economiza com as regras {1} para esta planilha.",
);

pub fn no_lever(lang: Lang, rules: RulesVersion) -> String {
    say(lang, &NO_LEVER, &[rules.as_str()])
}

/// Why a data point's messages are not in the sheet.
pub fn skip(lang: Lang, reason: Skip) -> &'static str {
    let words: Words = match reason {
        Skip::AuthenticationInternational => words!(
            "a line has no count of international authentication (the sheet makes authentication international by its business country)",
            "une ligne n'a pas de nombre d'authentifications internationales (la feuille les rend internationales par le pays de l'entreprise)",
            "una línea no tiene cantidad de autenticación internacional (la hoja la vuelve internacional por el país de la empresa)",
            "uma linha não tem contagem de autenticação internacional (a planilha a torna internacional pelo país da empresa)",
        ),
        Skip::MarketingLite => words!(
            "Marketing Messages API messages have no line field",
            "les messages de l'API Marketing Messages n'ont pas de colonne",
            "los mensajes de la API Marketing Messages no tienen columna",
            "as mensagens da API Marketing Messages não têm coluna",
        ),
        Skip::Group => words!(
            "group messages are not modelled",
            "les messages de groupe ne sont pas modélisés",
            "los mensajes de grupo no están modelados",
            "as mensagens de grupo não são modeladas",
        ),
        Skip::ReferralConversion => words!(
            "free entry point conversations do not say their messages' category",
            "les conversations de point d'entrée gratuites ne disent pas la catégorie de leurs messages",
            "las conversaciones de punto de entrada gratuitas no indican la categoría de sus mensajes",
            "as conversas de ponto de entrada gratuitas não informam a categoria das mensagens",
        ),
        Skip::UnknownCategory => words!(
            "not a pricing category Meta documents",
            "pas une catégorie de tarification documentée par Meta",
            "no es una categoría de precios documentada por Meta",
            "não é uma categoria de preço documentada pela Meta",
        ),
        Skip::UnknownType => words!(
            "not a pricing type wacost can place in a line",
            "pas un type de tarification que wacost sait placer dans une ligne",
            "no es un tipo de precio que wacost pueda poner en una línea",
            "não é um tipo de preço que o wacost consiga pôr em uma linha",
        ),
        Skip::NoCountry => words!(
            "no country (request the COUNTRY dimension)",
            "pas de pays (demandez la dimension COUNTRY)",
            "sin país (solicite la dimensión COUNTRY)",
            "sem país (solicite a dimensão COUNTRY)",
        ),
        Skip::NoCategory => words!(
            "no pricing category (request the PRICING_CATEGORY dimension)",
            "pas de catégorie (demandez la dimension PRICING_CATEGORY)",
            "sin categoría (solicite la dimensión PRICING_CATEGORY)",
            "sem categoria (solicite a dimensão PRICING_CATEGORY)",
        ),
    };
    crate::wording::pick(lang, &words)
}

const APPROXIMATION: Words = words!(
    "An approximation: Meta reports free entry point and customer service messages per country, a sheet has one share for all its lines (free entry points {1}, utility inside the window {2}, rounded to 4 decimals), so its estimate gives Meta's free volumes back only approximately.",
    "Une approximation : Meta compte les messages gratuits (point d'entrée, service client) par pays, une feuille a une seule part pour toutes ses lignes (points d'entrée {1}, utilitaire dans la fenêtre {2}, arrondies à 4 décimales) : son estimation ne retrouve les volumes gratuits de Meta qu'à peu près.",
    "Una aproximación: Meta informa los mensajes gratuitos (punto de entrada, atención) por país, una hoja tiene una sola parte para todas sus líneas (puntos de entrada {1}, utilidad en la ventana {2}, redondeadas a 4 decimales), así que su estimación solo devuelve aproximadamente los volúmenes gratuitos de Meta.",
    "Uma aproximação: a Meta informa as mensagens gratuitas (ponto de entrada, atendimento) por país, uma planilha tem uma só parcela para todas as linhas (pontos de entrada {1}, utilidade na janela {2}, arredondadas a 4 casas), então sua estimativa só devolve aproximadamente os volumes gratuitos da Meta.",
);
const FREE_SERVICE_BEFORE: Words = words!(
    "{1} messages are FREE_CUSTOMER_SERVICE: before 2026-10-01 that is every service message and the utility templates sent inside a customer service window (these give the utility share).",
    "{1} messages sont FREE_CUSTOMER_SERVICE : avant le 2026-10-01, ce sont tous les messages de service et les modèles utilitaires envoyés dans une fenêtre de service (ils donnent la part utilitaire).",
    "{1} mensajes son FREE_CUSTOMER_SERVICE: antes del 2026-10-01 son todos los mensajes de servicio y las plantillas de utilidad enviadas en una ventana de atención (estas dan la parte de utilidad).",
    "{1} mensagens são FREE_CUSTOMER_SERVICE: antes de 2026-10-01 são todas as mensagens de serviço e os modelos de utilidade enviados numa janela de atendimento (estes dão a parcela de utilidade).",
);
const FREE_SERVICE_FROM: Words = words!(
    "{1} messages are FREE_CUSTOMER_SERVICE: from 2026-10-01 that is the service messages within the free ones per phone number (the estimate frees them itself); utility inside the window is charged.",
    "{1} messages sont FREE_CUSTOMER_SERVICE : dès le 2026-10-01, ce sont les messages de service dans la franchise par numéro (l'estimation les rend gratuits elle-même) ; l'utilitaire dans la fenêtre est payant.",
    "{1} mensajes son FREE_CUSTOMER_SERVICE: desde el 2026-10-01 son los mensajes de servicio dentro de los gratuitos por número (la estimación los libera sola); la utilidad en la ventana se cobra.",
    "{1} mensagens são FREE_CUSTOMER_SERVICE: a partir de 2026-10-01 são as mensagens de serviço dentro das gratuitas por número (a estimativa as libera sozinha); a utilidade na janela é cobrada.",
);
const PHONES: Words = words!(
    "Business phone numbers: {1}, as named in the file.",
    "Numéros de l'entreprise : {1}, comme nommés dans le fichier.",
    "Números de la empresa: {1}, según el archivo.",
    "Números da empresa: {1}, conforme o arquivo.",
);
const NO_PHONES: Words = words!(
    "The file does not name phone numbers (request the PHONE dimension): the sheet keeps 1, which matters from 2026-10-01 (free service messages per number).",
    "Le fichier ne nomme pas de numéros (demandez la dimension PHONE) : la feuille garde 1, ce qui compte dès le 2026-10-01 (messages de service gratuits par numéro).",
    "El archivo no nombra números (solicite la dimensión PHONE): la hoja deja 1, lo que importa desde el 2026-10-01 (mensajes de servicio gratuitos por número).",
    "O arquivo não nomeia números (solicite a dimensão PHONE): a planilha fica com 1, o que importa a partir de 2026-10-01 (mensagens de serviço gratuitas por número).",
);
const NO_PRICING_TYPE: Words = words!(
    "{1} messages have no pricing type (request the PRICING_TYPE dimension): they are imported in their category, free or not.",
    "{1} messages n'ont pas de type de tarification (demandez la dimension PRICING_TYPE) : ils sont importés dans leur catégorie, gratuits ou non.",
    "{1} mensajes no tienen tipo de precio (solicite la dimensión PRICING_TYPE): se importan en su categoría, gratuitos o no.",
    "{1} mensagens não têm tipo de preço (solicite a dimensão PRICING_TYPE): são importadas na sua categoria, gratuitas ou não.",
);
const NOT_IMPORTED: Words = words!(
    "Not imported: {1} {2} messages: {3}.",
    "Non importés : {1} messages {2} : {3}.",
    "No importados: {1} mensajes {2}: {3}.",
    "Não importadas: {1} mensagens {2}: {3}.",
);
const NO_COST: Words = words!(
    "Meta's cost is not in the file (COST not requested, or hidden for businesses billed through a Solution Partner): there is nothing to compare wacost's price with.",
    "Le coût de Meta n'est pas dans le fichier (COST non demandé, ou masqué pour les entreprises facturées par un Solution Partner) : rien à comparer au prix de wacost.",
    "El costo de Meta no está en el archivo (COST no solicitado, u oculto para empresas facturadas por un Solution Partner): no hay nada que comparar con el precio de wacost.",
    "O custo da Meta não está no arquivo (COST não solicitado, ou oculto para empresas faturadas por um Solution Partner): não há com o que comparar o preço do wacost.",
);
const COSTS_NOT_COMPARED: Words = words!(
    "The imported sheet cannot be priced, so Meta's cost is not compared: {1}",
    "La feuille importée ne peut être tarifée, le coût de Meta n'est donc pas comparé : {1}",
    "La hoja importada no puede tarificarse, así que no se compara el costo de Meta: {1}",
    "A planilha importada não pode ser precificada, então o custo da Meta não é comparado: {1}",
);
const NEXT_PAGE: Words = words!(
    "The response has a next page (paging.next): only this file's data points are imported; fetch every page and join their data_points.",
    "La réponse a une page suivante (paging.next) : seuls les points de ce fichier sont importés ; récupérez toutes les pages et joignez leurs data_points.",
    "La respuesta tiene una página siguiente (paging.next): solo se importan los puntos de este archivo; obtenga todas las páginas y una sus data_points.",
    "A resposta tem uma próxima página (paging.next): só os pontos deste arquivo são importados; busque todas as páginas e junte seus data_points.",
);
const UNKNOWN_FIELDS: Words = words!(
    "Data point fields wacost does not read: {1}.",
    "Champs des points que wacost ne lit pas : {1}.",
    "Campos de los puntos que wacost no lee: {1}.",
    "Campos dos pontos que o wacost não lê: {1}.",
);

/// A note of the analytics import.
pub fn import_note(lang: Lang, note: &ImportNote) -> String {
    let share = |d: &Decimal| format!("{} %", percent_text(*d, lang.locale()));
    match note {
        ImportNote::Approximation {
            entry_point,
            utility_in_window,
        } => say(
            lang,
            &APPROXIMATION,
            &[&share(entry_point), &share(utility_in_window)],
        ),
        ImportNote::FreeCustomerService {
            from_2026_10,
            volume,
        } => say(
            lang,
            if *from_2026_10 {
                &FREE_SERVICE_FROM
            } else {
                &FREE_SERVICE_BEFORE
            },
            &[&number(lang, volume)],
        ),
        ImportNote::PhoneNumbers { count: Some(n) } => say(lang, &PHONES, &[&number(lang, n)]),
        ImportNote::PhoneNumbers { count: None } => say(lang, &NO_PHONES, &[]),
        ImportNote::NoPricingType { volume } => {
            say(lang, &NO_PRICING_TYPE, &[&number(lang, volume)])
        }
        ImportNote::NotImported {
            pricing_category,
            reason,
            volume,
        } => say(
            lang,
            &NOT_IMPORTED,
            &[&number(lang, volume), pricing_category, skip(lang, *reason)],
        ),
        ImportNote::NoCost => say(lang, &NO_COST, &[]),
        ImportNote::CostsNotCompared { reasons } => {
            say(lang, &COSTS_NOT_COMPARED, &[&reasons.join("; ")])
        }
        ImportNote::NextPage => say(lang, &NEXT_PAGE, &[]),
        ImportNote::UnknownFields { fields } => say(lang, &UNKNOWN_FIELDS, &[&fields.join(", ")]),
    }
}

const NOT_JSON: Words = words!(
    "is not valid JSON ({1})",
    "n'est pas du JSON valide ({1})",
    "no es JSON válido ({1})",
    "não é JSON válido ({1})",
);
const NO_PRICING_ANALYTICS: Words = words!(
    "is not a pricing_analytics response: expected {\"pricing_analytics\": {\"data\": [{\"data_points\": […]}]}} or {\"data\": [{\"data_points\": […]}]}",
    "n'est pas une réponse pricing_analytics : attendu {\"pricing_analytics\": {\"data\": [{\"data_points\": […]}]}} ou {\"data\": [{\"data_points\": […]}]}",
    "no es una respuesta pricing_analytics: se espera {\"pricing_analytics\": {\"data\": [{\"data_points\": […]}]}} o {\"data\": [{\"data_points\": […]}]}",
    "não é uma resposta pricing_analytics: esperado {\"pricing_analytics\": {\"data\": [{\"data_points\": […]}]}} ou {\"data\": [{\"data_points\": […]}]}",
);
const NOT_AN_ARRAY: Words = words!(
    "must be a JSON array, got {1}",
    "doit être un tableau JSON, reçu {1}",
    "debe ser un arreglo JSON, se recibió {1}",
    "deve ser um array JSON, recebido {1}",
);
const NOT_A_STRING: Words = words!(
    "must be a string, got {1}",
    "doit être une chaîne, reçu {1}",
    "debe ser una cadena, se recibió {1}",
    "deve ser uma string, recebido {1}",
);
const NOT_A_TIME: Words = words!(
    "must be a UNIX timestamp in seconds, got {1}",
    "doit être un horodatage UNIX en secondes, reçu {1}",
    "debe ser una marca de tiempo UNIX en segundos, se recibió {1}",
    "deve ser um timestamp UNIX em segundos, recebido {1}",
);
const NOT_A_COUNT: Words = words!(
    "must be a whole number ≥ 0, got {1}",
    "doit être un nombre entier ≥ 0, reçu {1}",
    "debe ser un número entero ≥ 0, se recibió {1}",
    "deve ser um número inteiro ≥ 0, recebido {1}",
);
const NOT_AN_AMOUNT: Words = words!(
    "must be a decimal amount, got {1}",
    "doit être un montant décimal, reçu {1}",
    "debe ser un importe decimal, se recibió {1}",
    "deve ser um valor decimal, recebido {1}",
);
const END_BEFORE_START: Words = words!(
    "ends ({1}) before it starts ({2})",
    "finit ({1}) avant de commencer ({2})",
    "termina ({1}) antes de empezar ({2})",
    "termina ({1}) antes de começar ({2})",
);
const NO_DATA_POINTS: Words = words!(
    "the file has no data point",
    "le fichier n'a aucun point de données",
    "el archivo no tiene ningún punto de datos",
    "o arquivo não tem nenhum ponto de dados",
);
const SEVERAL_MONTHS: Words = words!(
    "the file holds data of {1}: choose one month",
    "le fichier contient des données de {1} : choisissez un mois",
    "el archivo contiene datos de {1}: elija un mes",
    "o arquivo contém dados de {1}: escolha um mês",
);
const MONTH_NOT_IN_FILE: Words = words!(
    "the file has no data point in {1} (it holds {2})",
    "le fichier n'a aucun point en {1} (il contient {2})",
    "el archivo no tiene ningún punto en {1} (contiene {2})",
    "o arquivo não tem nenhum ponto em {1} (contém {2})",
);

/// A problem of the analytics file or of the import's options.
pub fn import_problem(lang: Lang, kind: &ImportErrorKind) -> String {
    match kind {
        ImportErrorKind::NotJson { detail } => say(lang, &NOT_JSON, &[detail]),
        ImportErrorKind::NoPricingAnalytics => say(lang, &NO_PRICING_ANALYTICS, &[]),
        ImportErrorKind::NotAnArray { got } => say(lang, &NOT_AN_ARRAY, &[&shown(lang, got)]),
        ImportErrorKind::NotAnObject { got } => say(lang, &NOT_AN_OBJECT, &[&shown(lang, got)]),
        ImportErrorKind::NotAString { got } => say(lang, &NOT_A_STRING, &[&shown(lang, got)]),
        ImportErrorKind::Required => say(lang, &REQUIRED, &[]),
        ImportErrorKind::NotATime { got } => say(lang, &NOT_A_TIME, &[&shown(lang, got)]),
        ImportErrorKind::NotACount { got } => say(lang, &NOT_A_COUNT, &[&shown(lang, got)]),
        ImportErrorKind::NotAnAmount { got } => say(lang, &NOT_AN_AMOUNT, &[&shown(lang, got)]),
        ImportErrorKind::EndBeforeStart { start, end } => say(
            lang,
            &END_BEFORE_START,
            &[&end.to_string(), &start.to_string()],
        ),
        ImportErrorKind::NoDataPoints => say(lang, &NO_DATA_POINTS, &[]),
        ImportErrorKind::SeveralMonths { months } => {
            say(lang, &SEVERAL_MONTHS, &[&list(lang, months, false)])
        }
        ImportErrorKind::MonthNotInFile { month, months } => say(
            lang,
            &MONTH_NOT_IN_FILE,
            &[month, &list(lang, months, false)],
        ),
        ImportErrorKind::Scenario(kind) => field_problem(lang, kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wacost_core::money::Amount;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_rules_change_is_worded_with_its_signed_change_in_each_language() {
        let note = PlanNote::RulesChange {
            from: RulesVersion::Pmp2025_07,
            to: RulesVersion::Pmp2026_10,
            currency: "USD".into(),
            change: Some(Amount::new(Decimal::new(8253, 3))),
            categories: vec![CategoryChange {
                category: wacost_core::Category::Service,
                before: Amount::new(Decimal::ZERO),
                after: Amount::new(Decimal::new(8071, 3)),
            }],
        };
        assert_eq!(
            plan_note(Lang::En, &note),
            "The pmp-2026-10 rules replace pmp-2025-07: at this month's volumes they change Meta's charge by +$8.25 (service $0.00 → $8.07)."
        );
        assert!(
            plan_note(Lang::Fr, &note).starts_with("Les règles pmp-2026-10 remplacent pmp-2025-07")
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_budget_that_does_not_fit_says_what_the_rest_costs() {
        let budget = Budget {
            currency: "USD".into(),
            market: "India".into(),
            category: LineCategory::Marketing,
            amount: Amount::new(Decimal::new(100, 0)),
            count: 0,
            fits: false,
            unbounded: false,
            total_at_count: Amount::new(Decimal::new(12345, 2)),
            total_at_next: Some(Amount::new(Decimal::new(12346, 2))),
        };
        assert_eq!(
            budget_answer(Lang::En, &budget),
            "The rest of the sheet alone costs $123.45, over the budget of $100.00: no marketing message to India fits."
        );
    }
}
