//! The scenario's problems (`FieldError`: a `FieldPath` and an `ErrorKind` with its figures) in
//! the page's words: the sentence shown beside a field, and the field named in plain words
//! ("Row 3 · Utility") where the problem is listed away from it.

use super::{at, category, decimal, list, number, quote, row, say, shown, Words};
use crate::i18n::{t, Lang};
use wacost_core::catalog::{CardChoiceError, LookupError};
use wacost_core::scenario::schema::{Group, List};
use wacost_core::scenario::{
    CodeStandard, ErrorKind, FieldError, FieldPath, LineField, NoRulesError, RulesVersion, Segment,
    Setting,
};
use wacost_core::Category;

/// A label of the page without the hint in parentheses it carries on screen.
fn label(lang: Lang, key: &str) -> String {
    let text = t(lang, key);
    text.split(" (").next().unwrap_or(text).to_string()
}

/// A setting as the settings panel labels it.
fn setting_label(lang: Lang, setting: Setting) -> String {
    let name = setting.spec().name;
    match setting.group() {
        Some(Group::PerConversation) => {
            format!("{} · {}", label(lang, "per_conversation"), t(lang, name))
        }
        Some(Group::Bsp) => label(lang, &format!("bsp_{name}")),
        None => label(lang, name),
    }
}

/// Where a problem is, in the page's words: a setting by its label, a line by its row of the
/// sheet (from 1) and its column. `None` for the scenario as a whole.
pub fn place(lang: Lang, path: &FieldPath) -> Option<String> {
    const YOUR_RATE: Words = words!(
        "Your rate {1}",
        "Votre tarif {1}",
        "Su tarifa {1}",
        "Sua tarifa {1}",
    );
    if let Some(setting) = path.setting() {
        return Some(setting_label(lang, setting));
    }
    let key = |segment: &Segment, name: &str| matches!(segment, Segment::Key(k) if k == name);
    let lines = List::Lines.spec().name;
    let rates = List::CustomRates.spec().name;
    match path.segments() {
        [] => None,
        [only] if key(only, lines) => Some(label(lang, "volumes")),
        [only] if key(only, rates) => Some(label(lang, "rates")),
        [only] if key(only, Group::Bsp.name()) => Some(label(lang, "bsp")),
        [only] if key(only, Group::PerConversation.name()) => Some(label(lang, "per_conversation")),
        [list_key, Segment::Index(at), rest @ ..] if key(list_key, lines) => {
            let row = row(lang, at + 1);
            Some(match rest {
                [Segment::Key(field)] => {
                    match LineField::ALL.into_iter().find(|f| f.name() == field) {
                        Some(LineField::Country | LineField::Market) => row,
                        Some(count) => format!("{row} · {}", t(lang, count.name())),
                        None => format!("{row} · {field}"),
                    }
                }
                _ => row,
            })
        }
        [list_key, Segment::Index(at), ..] if key(list_key, rates) => {
            Some(say(lang, &YOUR_RATE, &[&number(lang, at + 1)]))
        }
        _ => Some(path.to_string()),
    }
}

/// The problem with its place first, for a list away from the field.
pub fn field_error(lang: Lang, error: &FieldError) -> String {
    let problem = field_problem(lang, &error.kind);
    match place(lang, &error.path) {
        Some(place) => at(lang, &place, &problem),
        None => problem,
    }
}

/// One entry per distinct problem, naming the first three places and counting the rest: a
/// rules version that cannot price 240 lines for one reason says it once.
pub fn grouped_field_errors(lang: Lang, errors: &[FieldError]) -> Vec<String> {
    const NAMED: usize = 3;
    const MORE: Words = words!("{1} more", "{1} autres", "{1} más", "mais {1}");
    let mut groups: Vec<(&ErrorKind, Vec<&FieldPath>)> = Vec::new();
    for error in errors {
        match groups.iter_mut().find(|(kind, _)| **kind == error.kind) {
            Some((_, paths)) => paths.push(&error.path),
            None => groups.push((&error.kind, vec![&error.path])),
        }
    }
    groups
        .into_iter()
        .map(|(kind, paths)| {
            let mut places: Vec<String> = paths
                .iter()
                .take(NAMED)
                .filter_map(|path| place(lang, path))
                .collect();
            if paths.len() > NAMED {
                places.push(say(lang, &MORE, &[&number(lang, paths.len() - NAMED)]));
            }
            let problem = field_problem(lang, kind);
            if places.is_empty() {
                problem
            } else {
                at(lang, &list(lang, &places, false), &problem)
            }
        })
        .collect()
}

/// The problem beside a field the user types counts into: a count the language does not read
/// is said in the count reader's words (`1,5`: the comma marks decimals), anything else as the
/// core's kind says.
pub fn typed_problem(lang: Lang, kind: &ErrorKind, typed: &str) -> String {
    if let ErrorKind::NotACount { .. } = kind {
        if let Err(error) = wacost_core::count::read(typed, lang.locale()) {
            return super::count_problem(lang, &error);
        }
    }
    field_problem(lang, kind)
}

// The sentences, one per kind, in English, French, Spanish and Brazilian Portuguese.
const INVALID_JSON: Words = words!(
    "This is not valid JSON (line {1}, column {2}).",
    "Ce n'est pas du JSON valide (ligne {1}, colonne {2}).",
    "No es JSON válido (línea {1}, columna {2}).",
    "Não é JSON válido (linha {1}, coluna {2}).",
);
const NOT_AN_OBJECT: Words = words!(
    "Expected a JSON object, not {1}.",
    "Un objet JSON est attendu, et non {1}.",
    "Se esperaba un objeto JSON, no {1}.",
    "Era esperado um objeto JSON, não {1}.",
);
const NOT_AN_ARRAY: Words = words!(
    "Expected a JSON list, not {1}.",
    "Une liste JSON est attendue, et non {1}.",
    "Se esperaba una lista JSON, no {1}.",
    "Era esperada uma lista JSON, não {1}.",
);
const NOT_A_STRING: Words = words!(
    "Expected text, not {1}.",
    "Un texte est attendu, et non {1}.",
    "Se esperaba un texto, no {1}.",
    "Era esperado um texto, não {1}.",
);
const NOT_A_BOOL: Words = words!(
    "Expected true or false, not {1}.",
    "true ou false est attendu, et non {1}.",
    "Se esperaba true o false, no {1}.",
    "Era esperado true ou false, não {1}.",
);
const UNKNOWN_FIELD: Words = words!(
    "Unknown field (the known ones: {1}).",
    "Champ inconnu (ceux connus : {1}).",
    "Campo desconocido (los conocidos: {1}).",
    "Campo desconhecido (os conhecidos: {1}).",
);
const REQUIRED: Words = words!("Required.", "Obligatoire.", "Obligatorio.", "Obrigatório.");
const EMPTY: Words = words!(
    "Must not be empty.",
    "Ne doit pas être vide.",
    "No debe estar vacío.",
    "Não pode ficar vazio.",
);
const MONTH_REQUIRED: Words = words!(
    "Choose a billing month (or both the rules and the rate card).",
    "Choisissez un mois de facturation (ou à la fois les règles et la grille).",
    "Elija un mes de facturación (o a la vez las reglas y la tarifa).",
    "Escolha um mês de faturamento (ou as regras e a tabela juntas).",
);
const NOT_A_MONTH: Words = words!(
    "{1} is not a month: write it YYYY-MM, e.g. 2026-11.",
    "{1} n'est pas un mois : écrivez-le AAAA-MM, p. ex. 2026-11.",
    "{1} no es un mes: escríbalo AAAA-MM, p. ej. 2026-11.",
    "{1} não é um mês: escreva AAAA-MM, ex. 2026-11.",
);
const UNKNOWN_RULES: Words = words!(
    "{1} is not a rules version (one of {2}).",
    "{1} n'est pas une version des règles (l'une de {2}).",
    "{1} no es una versión de las reglas (una de {2}).",
    "{1} não é uma versão das regras (uma de {2}).",
);
const NOT_A_CARD_DATE: Words = words!(
    "{1} is not the date of a rate card: write it YYYY-MM-DD.",
    "{1} n'est pas la date d'une grille : écrivez-la AAAA-MM-JJ.",
    "{1} no es la fecha de una tarifa: escríbala AAAA-MM-DD.",
    "{1} não é a data de uma tabela: escreva AAAA-MM-DD.",
);
const NOT_IN_CAPITALS: Words = words!(
    "{1}: write the code in capitals, e.g. {2}.",
    "{1} : écrivez le code en majuscules, p. ex. {2}.",
    "{1}: escriba el código en mayúsculas, p. ej. {2}.",
    "{1}: escreva o código em maiúsculas, ex. {2}.",
);
const NOT_A_COUNT: Words = words!(
    "{1} is not a whole number ({2} or more).",
    "{1} n'est pas un nombre entier ({2} ou plus).",
    "{1} no es un número entero ({2} o más).",
    "{1} não é um número inteiro ({2} ou mais).",
);
const COUNT_TOO_LARGE: Words = words!(
    "{1} is too large: at most {2}.",
    "{1} est trop grand : {2} au plus.",
    "{1} es demasiado grande: como máximo {2}.",
    "{1} é grande demais: no máximo {2}.",
);
const NOT_A_DECIMAL: Words = words!(
    "{1} is not a number from {2} to {3}.",
    "{1} n'est pas un nombre de {2} à {3}.",
    "{1} no es un número de {2} a {3}.",
    "{1} não é um número de {2} a {3}.",
);
const TOO_MANY_DECIMALS: Words = words!(
    "{1} has too many decimals: at most {2}.",
    "{1} a trop de décimales : {2} au plus.",
    "{1} tiene demasiados decimales: como máximo {2}.",
    "{1} tem casas decimais demais: no máximo {2}.",
);
const NOT_A_CHOICE: Words = words!(
    "{1} is not {2}.",
    "{1} n'est pas {2}.",
    "{1} no es {2}.",
    "{1} não é {2}.",
);
const NOT_A_CATEGORY: Words = words!(
    "{1} is not a category ({2}).",
    "{1} n'est pas une catégorie ({2}).",
    "{1} no es una categoría ({2}).",
    "{1} não é uma categoria ({2}).",
);
const NOT_TIERED: Words = words!(
    "{1} is not a category with volume tiers ({2}).",
    "{1} n'est pas une catégorie à paliers ({2}).",
    "{1} no es una categoría con niveles ({2}).",
    "{1} não é uma categoria com faixas ({2}).",
);
const NOT_TIERED_AT_ALL: Words = words!(
    "Not a category with volume tiers ({2}).",
    "Pas une catégorie à paliers ({2}).",
    "No es una categoría con niveles ({2}).",
    "Não é uma categoria com faixas ({2}).",
);
const FORMULA_START: Words = words!(
    "{1} must not begin with {2}: a spreadsheet would run it as a formula.",
    "{1} ne doit pas commencer par {2} : un tableur l'exécuterait comme une formule.",
    "{1} no debe empezar por {2}: una hoja de cálculo lo ejecutaría como fórmula.",
    "{1} não pode começar com {2}: uma planilha o executaria como fórmula.",
);
const TOO_MANY_LINES: Words = words!(
    "{1} destinations, and at most {2} are priced.",
    "{1} destinations, et {2} au plus sont calculées.",
    "{1} destinos, y como máximo se calculan {2}.",
    "{1} destinos, e no máximo {2} são calculados.",
);
const BOTH_DESTINATIONS: Words = words!(
    "Give a country or a market, not both.",
    "Indiquez un pays ou un marché, pas les deux.",
    "Indique un país o un mercado, no ambos.",
    "Informe um país ou um mercado, não ambos.",
);
const NO_DESTINATION: Words = words!(
    "No destination: give a country (ISO code, e.g. IN) or one of Meta's markets.",
    "Aucune destination : indiquez un pays (code ISO, p. ex. IN) ou un marché de Meta.",
    "Sin destino: indique un país (código ISO, p. ej. IN) o un mercado de Meta.",
    "Sem destino: informe um país (código ISO, ex. IN) ou um mercado da Meta.",
);
const NOT_BANDS: Words = words!(
    "Expected a list of bands {\"to\", \"rate\"}, the last one with \"to\": null.",
    "Une liste de tranches {\"to\", \"rate\"} est attendue, la dernière avec \"to\": null.",
    "Se esperaba una lista de tramos {\"to\", \"rate\"}, el último con \"to\": null.",
    "Era esperada uma lista de faixas {\"to\", \"rate\"}, a última com \"to\": null.",
);
const BANDS_OUT_OF_ORDER: Words = words!(
    "Bands must end in increasing order, and only the last one is open (to: null).",
    "Les tranches doivent finir dans l'ordre croissant, et seule la dernière est ouverte (to: null).",
    "Los tramos deben terminar en orden creciente, y solo el último queda abierto (to: null).",
    "As faixas devem terminar em ordem crescente, e só a última fica aberta (to: null).",
);
const UNKNOWN_MARKET: Words = words!(
    "{1} is not a market of Meta's table in force on {2}; a rate of your own can add one.",
    "{1} n'est pas un marché de la table de Meta en vigueur le {2} ; un tarif à vous peut l'ajouter.",
    "{1} no es un mercado de la tabla de Meta vigente el {2}; una tarifa propia puede añadirlo.",
    "{1} não é um mercado da tabela da Meta em vigor em {2}; uma tarifa própria pode adicioná-lo.",
);
const UNKNOWN_MARKET_CLOSE: Words = words!(
    "{1} is not a market of Meta's table in force on {2}. Did you mean {3}? A rate of your own can add one.",
    "{1} n'est pas un marché de la table de Meta en vigueur le {2}. Vouliez-vous dire {3} ? Un tarif à vous peut l'ajouter.",
    "{1} no es un mercado de la tabla de Meta vigente el {2}. ¿Quería decir {3}? Una tarifa propia puede añadirlo.",
    "{1} não é um mercado da tabela da Meta em vigor em {2}. Você quis dizer {3}? Uma tarifa própria pode adicioná-lo.",
);
const INEXACT_DECIMAL: Words = words!(
    "{1} has more digits than can be held exactly (28), and wacost never rounds what you give it.",
    "{1} a plus de chiffres qu'on ne peut en garder exactement (28), et wacost n'arrondit jamais ce que vous saisissez.",
    "{1} tiene más cifras de las que se pueden guardar con exactitud (28), y wacost nunca redondea lo que usted indica.",
    "{1} tem mais dígitos do que se pode guardar com exatidão (28), e o wacost nunca arredonda o que você informa.",
);
const TOO_MANY_CUSTOM_RATES: Words = words!(
    "At most {1} rates of your own; this sheet has {2}.",
    "Au plus {1} tarifs à vous ; cette feuille en a {2}.",
    "Como máximo {1} tarifas propias; esta hoja tiene {2}.",
    "No máximo {1} tarifas próprias; esta planilha tem {2}.",
);
const TOO_MANY_CUSTOM_TIERS: Words = words!(
    "At most {1} volume-tier ladders of your own; this sheet has {2}.",
    "Au plus {1} barèmes de paliers à vous ; cette feuille en a {2}.",
    "Como máximo {1} escalas de tramos propias; esta hoja tiene {2}.",
    "No máximo {1} escalas de faixas próprias; esta planilha tem {2}.",
);
const TOO_MANY_BANDS: Words = words!(
    "At most {1} bands in a ladder; this one has {2}.",
    "Au plus {1} tranches par barème ; celui-ci en a {2}.",
    "Como máximo {1} tramos por escala; esta tiene {2}.",
    "No máximo {1} faixas por escala; esta tem {2}.",
);
const MORE_ERRORS: Words = words!(
    "… and {1} more problems (the first ones are listed).",
    "… et {1} autres problèmes (les premiers sont listés).",
    "… y {1} problemas más (se listan los primeros).",
    "… e mais {1} problemas (os primeiros estão listados).",
);
const OTHER_CURRENCY: Words = words!(
    "This rate is in {1} and the estimate is in {2}: wacost never converts (give the rate in {2}, or choose {1} as the currency).",
    "Ce tarif est en {1} et l'estimation en {2} : wacost ne convertit jamais (donnez le tarif en {2}, ou choisissez la devise {1}).",
    "Esta tarifa está en {1} y la estimación en {2}: wacost nunca convierte (indique la tarifa en {2}, o elija la moneda {1}).",
    "Esta tarifa está em {1} e a estimativa em {2}: o wacost nunca converte (informe a tarifa em {2}, ou escolha a moeda {1}).",
);
const AMOUNT_NOT_EXACT: Words = words!(
    "{1} cannot be computed exactly (more than 28 significant digits), and wacost never rounds an amount: lower the counts, or give rates or fees fewer decimals.",
    "{1} ne peut pas être calculé exactement (plus de 28 chiffres significatifs), et wacost n'arrondit jamais un montant : baissez les volumes, ou donnez des tarifs ou des frais avec moins de décimales.",
    "{1} no se puede calcular con exactitud (más de 28 cifras significativas), y wacost nunca redondea un importe: reduzca los volúmenes, o indique tarifas o comisiones con menos decimales.",
    "{1} não pode ser calculado com exatidão (mais de 28 dígitos significativos), e o wacost nunca arredonda um valor: reduza os volumes, ou informe tarifas ou taxas com menos casas decimais.",
);
const ONLY_MEXICO: Words = words!(
    "{1} cannot be priced under mx-2021-02: only Mexico was in Meta's conversation test; the rest was priced per template at rates Meta never published.",
    "{1} ne peut pas être calculé avec mx-2021-02 : seul le Mexique était dans le test de conversations de Meta ; le reste était facturé par modèle, à des tarifs jamais publiés.",
    "{1} no puede calcularse con mx-2021-02: solo México estaba en la prueba de conversaciones de Meta; el resto se cobraba por plantilla, con tarifas nunca publicadas.",
    "{1} não pode ser calculado com mx-2021-02: só o México estava no teste de conversas da Meta; o resto era cobrado por modelo, com tarifas nunca publicadas.",
);
const NO_RATE_FOR_LINE: Words = words!(
    "The {1} {2} card has no {3} rate for {4}, and this row has charged {3} {5}: add your own rate, or choose another rate card or rules.",
    "La grille {1} du {2} n'a pas de tarif {3} pour {4}, et cette ligne comporte des {5} {3} facturables : ajoutez votre tarif, ou choisissez une autre grille ou d'autres règles.",
    "La tarifa {1} del {2} no tiene precio de {3} para {4}, y esta línea cobra {5} de {3}: añada una tarifa propia o elija otra tarifa u otras reglas.",
    "A tabela {1} de {2} não tem preço de {3} para {4}, e esta linha cobra {5} de {3}: adicione uma tarifa própria ou escolha outra tabela ou outras regras.",
);
const NO_CARD_TO_COMPARE: Words = words!(
    "No rate card to compare with.",
    "Aucune grille avec laquelle comparer.",
    "No hay tarifa con la que comparar.",
    "Não há tabela para comparar.",
);

/// The problem alone, as shown beside its field. Every kind of the core is an arm here or in
/// `pricing_problem`, without a wildcard: a kind added to the core fails the build until it
/// is routed, and the test of every kind checks it has its words in all four languages.
pub fn field_problem(lang: Lang, kind: &ErrorKind) -> String {
    let got = |text: &str| shown(lang, text);
    match kind {
        ErrorKind::InvalidJson { line, column, .. } => say(
            lang,
            &INVALID_JSON,
            &[&number(lang, line), &number(lang, column)],
        ),
        ErrorKind::NotAnObject { got: v } => say(lang, &NOT_AN_OBJECT, &[&got(v)]),
        ErrorKind::NotAnArray { got: v } => say(lang, &NOT_AN_ARRAY, &[&got(v)]),
        ErrorKind::NotAString { got: v } => say(lang, &NOT_A_STRING, &[&got(v)]),
        ErrorKind::NotABool { got: v } => say(lang, &NOT_A_BOOL, &[&got(v)]),
        ErrorKind::UnknownField { expected } => say(lang, &UNKNOWN_FIELD, &[&expected.join(", ")]),
        ErrorKind::Required => say(lang, &REQUIRED, &[]),
        ErrorKind::Empty => say(lang, &EMPTY, &[]),
        ErrorKind::MonthRequired => say(lang, &MONTH_REQUIRED, &[]),
        ErrorKind::NotAMonth(e) => say(lang, &NOT_A_MONTH, &[&quote(lang, &e.text)]),
        ErrorKind::UnknownRules(e) => {
            let known: Vec<String> = RulesVersion::ALL
                .iter()
                .map(|r| r.as_str().into())
                .collect();
            say(
                lang,
                &UNKNOWN_RULES,
                &[&quote(lang, &e.text), &list(lang, &known, true)],
            )
        }
        ErrorKind::NoRules(e) => no_rules(lang, e),
        ErrorKind::NotACardDate { got: v } => say(lang, &NOT_A_CARD_DATE, &[&got(v)]),
        ErrorKind::NotACode { standard, got: v } => not_a_code(lang, *standard, &got(v)),
        ErrorKind::NotACapitalCode { standard, got: v } => {
            say(lang, &NOT_IN_CAPITALS, &[&got(v), example(*standard)])
        }
        ErrorKind::NotACount { min, got: v } => {
            say(lang, &NOT_A_COUNT, &[&got(v), &number(lang, min)])
        }
        ErrorKind::CountTooLarge { max, got: v } => {
            say(lang, &COUNT_TOO_LARGE, &[&got(v), &number(lang, max)])
        }
        ErrorKind::NotADecimal { min, max, got: v } => {
            let (min, max) = (decimal(lang, *min), decimal(lang, *max));
            say(lang, &NOT_A_DECIMAL, &[&got(v), &min, &max])
        }
        ErrorKind::TooManyDecimals { max, got: v } => {
            say(lang, &TOO_MANY_DECIMALS, &[&got(v), &number(lang, max)])
        }
        ErrorKind::NotAChoice { choices, got: v } => {
            let choices: Vec<String> = choices.iter().map(|c| quote(lang, c)).collect();
            say(lang, &NOT_A_CHOICE, &[&got(v), &list(lang, &choices, true)])
        }
        ErrorKind::NotACategory { .. }
        | ErrorKind::NotATieredCategory { .. }
        | ErrorKind::FormulaStart { .. }
        | ErrorKind::TooManyLines { .. }
        | ErrorKind::BothDestinations
        | ErrorKind::NoDestination
        | ErrorKind::NotOneDestination
        | ErrorKind::Duplicate { .. }
        | ErrorKind::NotBands
        | ErrorKind::OpenBandNotLast
        | ErrorKind::LastBandNotOpen
        | ErrorKind::BandsOutOfOrder => list_problem(lang, kind),
        ErrorKind::Card(error) => card_choice(lang, error),
        ErrorKind::Lookup(error) => lookup(lang, error),
        ErrorKind::InexactDecimal { got: v } => say(lang, &INEXACT_DECIMAL, &[&got(v)]),
        ErrorKind::TooManyCustomRates { max, got: n } => say(
            lang,
            &TOO_MANY_CUSTOM_RATES,
            &[&number(lang, max), &number(lang, n)],
        ),
        ErrorKind::TooManyCustomTiers { max, got: n } => say(
            lang,
            &TOO_MANY_CUSTOM_TIERS,
            &[&number(lang, max), &number(lang, n)],
        ),
        ErrorKind::TooManyBands { max, got: n } => say(
            lang,
            &TOO_MANY_BANDS,
            &[&number(lang, max), &number(lang, n)],
        ),
        ErrorKind::MoreErrors { more } => say(lang, &MORE_ERRORS, &[&number(lang, more)]),
        ErrorKind::OtherCurrency { given, scenario } => {
            say(lang, &OTHER_CURRENCY, &[given, scenario])
        }
        ErrorKind::AmountNotExact { figure } => {
            say(lang, &AMOUNT_NOT_EXACT, &[&quote(lang, figure)])
        }
        ErrorKind::UnknownMarket { .. }
        | ErrorKind::OnlyMexico { .. }
        | ErrorKind::MarketNotOnCard { .. }
        | ErrorKind::CategoryNotOnCard { .. }
        | ErrorKind::NoRateForLine { .. }
        | ErrorKind::NoCardToCompare => pricing_problem(lang, kind),
    }
}

/// The problems of lines, rates and tiers (routed here by `field_problem`).
fn list_problem(lang: Lang, kind: &ErrorKind) -> String {
    let got = |text: &str| shown(lang, text);
    match kind {
        ErrorKind::NotACategory { got: v } => {
            let all: Vec<String> = Category::ALL.iter().map(|c| category(lang, *c)).collect();
            say(lang, &NOT_A_CATEGORY, &[&got(v), &list(lang, &all, true)])
        }
        ErrorKind::NotATieredCategory { got: v } => {
            let tiered: Vec<String> = Category::ALL
                .into_iter()
                .filter(|c| c.tier_family().is_some())
                .map(|c| category(lang, c))
                .collect();
            let words = if v.is_some() {
                &NOT_TIERED
            } else {
                &NOT_TIERED_AT_ALL
            };
            let value = v.as_deref().map(got).unwrap_or_default();
            say(lang, words, &[&value, &list(lang, &tiered, true)])
        }
        ErrorKind::FormulaStart { start, got: v } => {
            let start = quote(lang, &start.escape_debug().to_string());
            say(lang, &FORMULA_START, &[&got(v), &start])
        }
        ErrorKind::TooManyLines { max, got: n } => say(
            lang,
            &TOO_MANY_LINES,
            &[&number(lang, n), &number(lang, max)],
        ),
        ErrorKind::BothDestinations => say(lang, &BOTH_DESTINATIONS, &[]),
        ErrorKind::NoDestination | ErrorKind::NotOneDestination => say(lang, &NO_DESTINATION, &[]),
        ErrorKind::Duplicate {
            market,
            category: c,
        } => twice(lang, market, *c),
        ErrorKind::NotBands => say(lang, &NOT_BANDS, &[]),
        ErrorKind::OpenBandNotLast | ErrorKind::LastBandNotOpen | ErrorKind::BandsOutOfOrder => {
            say(lang, &BANDS_OUT_OF_ORDER, &[])
        }
        // Not routed here; the test of every kind would find its English.
        other => other.to_string(),
    }
}

/// The problems that stop pricing: destinations and cards (routed here by `field_problem`).
fn pricing_problem(lang: Lang, kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::UnknownMarket {
            name,
            date,
            closest,
        } if !closest.is_empty() => {
            let close: Vec<String> = closest
                .iter()
                .map(|c| quote(lang, &crate::place_names::market(lang, c)))
                .collect();
            say(
                lang,
                &UNKNOWN_MARKET_CLOSE,
                &[
                    &quote(lang, name),
                    &date.to_string(),
                    &list(lang, &close, true),
                ],
            )
        }
        ErrorKind::UnknownMarket { name, date, .. } => say(
            lang,
            &UNKNOWN_MARKET,
            &[&quote(lang, name), &date.to_string()],
        ),
        ErrorKind::OnlyMexico { market } => say(
            lang,
            &ONLY_MEXICO,
            &[&crate::place_names::market(lang, market)],
        ),
        ErrorKind::MarketNotOnCard {
            market,
            currency,
            card,
            partial,
        } => market_not_on_card(
            lang,
            &crate::place_names::market(lang, market),
            currency,
            &card.to_string(),
            *partial,
        ),
        ErrorKind::CategoryNotOnCard {
            category: c,
            rules,
            currency,
            card,
            cards,
        } => {
            let cards: Vec<String> = cards.iter().map(ToString::to_string).collect();
            category_not_on_card(lang, *c, *rules, currency, &card.to_string(), &cards)
        }
        ErrorKind::NoRateForLine {
            market,
            category: c,
            rules,
            currency,
            card,
        } => {
            let (card, c) = (card.to_string(), category(lang, *c));
            let market = crate::place_names::market(lang, market);
            let figures = [currency.as_str(), &card, &c, &market, unit(lang, *rules)];
            say(lang, &NO_RATE_FOR_LINE, &figures)
        }
        ErrorKind::NoCardToCompare => say(lang, &NO_CARD_TO_COMPARE, &[]),
        // Not routed here; the test of every kind would find its English.
        other => other.to_string(),
    }
}

/// "India · utility is given twice", for custom rates and a loaded card alike.
pub(super) fn twice(lang: Lang, market: &str, c: Category) -> String {
    say(
        lang,
        &words!(
            "{1} · {2} is given twice.",
            "{1} · {2} est indiqué deux fois.",
            "{1} · {2} aparece dos veces.",
            "{1} · {2} aparece duas vezes.",
        ),
        &[
            &crate::place_names::market(lang, market),
            &category(lang, c),
        ],
    )
}

/// What the rules charge: messages, or conversations in the conversation eras.
fn unit(lang: Lang, rules: RulesVersion) -> &'static str {
    let words: Words = if rules.counts_conversations() {
        words!(
            "conversations",
            "conversations",
            "conversaciones",
            "conversas",
        )
    } else {
        words!("messages", "messages", "mensajes", "mensagens")
    };
    super::pick(lang, &words)
}

fn example(standard: CodeStandard) -> &'static str {
    match standard {
        CodeStandard::Country => "IN",
        CodeStandard::Currency => "USD",
    }
}

fn not_a_code(lang: Lang, standard: CodeStandard, value: &str) -> String {
    let words: Words = match standard {
        CodeStandard::Country => words!(
            "{1} is not a country code: two letters, e.g. IN.",
            "{1} n'est pas un code de pays : deux lettres, p. ex. IN.",
            "{1} no es un código de país: dos letras, p. ej. IN.",
            "{1} não é um código de país: duas letras, ex. IN.",
        ),
        CodeStandard::Currency => words!(
            "{1} is not a currency code: three letters, e.g. USD.",
            "{1} n'est pas un code de devise : trois lettres, p. ex. USD.",
            "{1} no es un código de moneda: tres letras, p. ej. USD.",
            "{1} não é um código de moeda: três letras, ex. USD.",
        ),
    };
    say(lang, &words, &[value])
}

fn no_rules(lang: Lang, error: &NoRulesError) -> String {
    match error {
        NoRulesError::NotAMonthNumber { month } => say(
            lang,
            &words!(
                "{1} is not a month number (1 to 12).",
                "{1} n'est pas un numéro de mois (1 à 12).",
                "{1} no es un número de mes (1 a 12).",
                "{1} não é um número de mês (1 a 12).",
            ),
            &[&month.to_string()],
        ),
        NoRulesError::BeforeFirstRules { month } => say(
            lang,
            &words!(
                "{1} is before February 2021: messages were then priced per template at rates Meta never published, so no estimate is possible.",
                "{1} est antérieur à février 2021 : les messages étaient alors facturés par modèle, à des tarifs que Meta n'a jamais publiés ; aucune estimation n'est possible.",
                "{1} es anterior a febrero de 2021: los mensajes se cobraban entonces por plantilla, con tarifas que Meta nunca publicó; no es posible estimar.",
                "{1} é anterior a fevereiro de 2021: as mensagens eram cobradas por modelo, com tarifas que a Meta nunca publicou; não é possível estimar.",
            ),
            &[&month.to_string()],
        ),
    }
}

fn card_choice(lang: Lang, error: &CardChoiceError) -> String {
    match error {
        CardChoiceError::UnknownCurrency { currency, known } => say(
            lang,
            &words!(
                "No rate card in {1}: Meta publishes a card per currency and wacost never converts (cards exist for {2}).",
                "Aucune grille en {1} : Meta publie une grille par devise et wacost ne convertit jamais (grilles disponibles : {2}).",
                "No hay tarifa en {1}: Meta publica una tarifa por moneda y wacost nunca convierte (hay tarifas en {2}).",
                "Não há tabela em {1}: a Meta publica uma tabela por moeda e o wacost nunca converte (há tabelas em {2}).",
            ),
            &[currency, &known.join(", ")],
        ),
        CardChoiceError::NoCardOnDate {
            currency,
            date,
            dates,
        } => {
            let dates: Vec<String> = dates.iter().map(ToString::to_string).collect();
            say(
                lang,
                &words!(
                    "No {1} card takes effect on {2} (the {1} cards take effect on {3}).",
                    "Aucune grille {1} n'entre en vigueur le {2} (les grilles {1} entrent en vigueur le {3}).",
                    "Ninguna tarifa {1} entra en vigor el {2} (las tarifas {1} entran en vigor el {3}).",
                    "Nenhuma tabela {1} entra em vigor em {2} (as tabelas {1} entram em vigor em {3}).",
                ),
                &[currency, &date.to_string(), &dates.join(", ")],
            )
        }
        CardChoiceError::NoCardInForce { currency, date } => say(
            lang,
            &words!(
                "No {1} card was in force on {2}: choose a rate card.",
                "Aucune grille {1} n'était en vigueur le {2} : choisissez une grille.",
                "Ninguna tarifa {1} estaba vigente el {2}: elija una tarifa.",
                "Nenhuma tabela {1} estava em vigor em {2}: escolha uma tabela.",
            ),
            &[currency, &date.to_string()],
        ),
    }
}

fn lookup(lang: Lang, error: &LookupError) -> String {
    match error {
        LookupError::MalformedCountry(text) => {
            not_a_code(lang, CodeStandard::Country, &quote(lang, text))
        }
        LookupError::MalformedNumber(text) => say(
            lang,
            &words!(
                "{1} is not a phone number in E.164 form (+ then 8 to 15 digits, e.g. +919876543210).",
                "{1} n'est pas un numéro au format E.164 (+ puis 8 à 15 chiffres, p. ex. +33612345678).",
                "{1} no es un número en formato E.164 (+ y de 8 a 15 dígitos, p. ej. +34612345678).",
                "{1} não é um número no formato E.164 (+ e de 8 a 15 dígitos, ex. +5511987654321).",
            ),
            &[&quote(lang, text)],
        ),
        LookupError::UnknownCallingCode(text) => say(
            lang,
            &words!(
                "{1} starts with no country calling code in use.",
                "{1} ne commence par aucun indicatif de pays en service.",
                "{1} no empieza por ningún prefijo de país en uso.",
                "{1} não começa com nenhum código de país em uso.",
            ),
            &[&quote(lang, text)],
        ),
        LookupError::BeforeFirstTable(date) => say(
            lang,
            &words!(
                "No market table covers {1}.",
                "Aucune table des marchés ne couvre le {1}.",
                "Ninguna tabla de mercados cubre el {1}.",
                "Nenhuma tabela de mercados cobre {1}.",
            ),
            &[&date.to_string()],
        ),
    }
}

fn market_not_on_card(
    lang: Lang,
    market: &str,
    currency: &str,
    card: &str,
    partial: bool,
) -> String {
    let words: Words = if partial {
        words!(
            "{1} has no rates on the {2} {3} card, which wacost holds only in part: add your own rate to price it.",
            "{1} n'a pas de tarif dans la grille {2} du {3}, que wacost ne contient qu'en partie : ajoutez votre tarif pour l'estimer.",
            "{1} no tiene precios en la tarifa {2} del {3}, que wacost solo tiene en parte: añada una tarifa propia para calcularlo.",
            "{1} não tem preços na tabela {2} de {3}, que o wacost só tem em parte: adicione uma tarifa própria para calculá-lo.",
        )
    } else {
        words!(
            "{1} has no rates on the {2} {3} card: add your own rate to price it.",
            "{1} n'a pas de tarif dans la grille {2} du {3} : ajoutez votre tarif pour l'estimer.",
            "{1} no tiene precios en la tarifa {2} del {3}: añada una tarifa propia para calcularlo.",
            "{1} não tem preços na tabela {2} de {3}: adicione uma tarifa própria para calculá-lo.",
        )
    };
    say(lang, &words, &[market, currency, card])
}

fn category_not_on_card(
    lang: Lang,
    c: Category,
    rules: RulesVersion,
    currency: &str,
    card: &str,
    cards: &[String],
) -> String {
    let figures = [
        currency,
        card,
        &category(lang, c),
        rules.as_str(),
        unit(lang, rules),
        &cards.join(", "),
    ];
    let words: Words = if cards.is_empty() {
        words!(
            "The {1} {2} card has no {3} rate for any market, and the {4} rules charge {3} {5}: no {1} card has them, so add your own rates.",
            "La grille {1} du {2} n'a de tarif {3} pour aucun marché, et les règles {4} facturent les {5} {3} : aucune grille {1} n'en a, ajoutez donc vos tarifs.",
            "La tarifa {1} del {2} no tiene precio de {3} para ningún mercado, y las reglas {4} cobran {5} de {3}: ninguna tarifa {1} lo tiene, así que añada tarifas propias.",
            "A tabela {1} de {2} não tem preço de {3} para nenhum mercado, e as regras {4} cobram {5} de {3}: nenhuma tabela {1} o tem, então adicione tarifas próprias.",
        )
    } else {
        words!(
            "The {1} {2} card has no {3} rate for any market, and the {4} rules charge {3} {5}: choose another rate card ({1} cards that have them: {6}) or add your own rates.",
            "La grille {1} du {2} n'a de tarif {3} pour aucun marché, et les règles {4} facturent les {5} {3} : choisissez une autre grille (grilles {1} qui en ont : {6}) ou ajoutez vos tarifs.",
            "La tarifa {1} del {2} no tiene precio de {3} para ningún mercado, y las reglas {4} cobran {5} de {3}: elija otra tarifa (tarifas {1} que lo tienen: {6}) o añada tarifas propias.",
            "A tabela {1} de {2} não tem preço de {3} para nenhum mercado, e as regras {4} cobram {5} de {3}: escolha outra tabela (tabelas {1} que o têm: {6}) ou adicione tarifas próprias.",
        )
    };
    say(lang, &words, &figures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use rust_decimal::Decimal;
    use wacost_core::scenario::{Month, ParseMonthError, ParseRulesError};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// One of every kind the core has, with figures.
    fn every_kind() -> Vec<ErrorKind> {
        let mut kinds = value_kinds();
        kinds.extend(list_kinds());
        kinds.extend(pricing_kinds());
        kinds
    }

    /// One of every kind about a value's shape and range.
    fn value_kinds() -> Vec<ErrorKind> {
        let got = |text: &str| text.to_string();
        vec![
            ErrorKind::InvalidJson {
                detail: "EOF".into(),
                line: 1,
                column: 10,
            },
            ErrorKind::NotAnObject { got: got("[1]") },
            ErrorKind::NotAnArray { got: got("\"IN\"") },
            ErrorKind::NotAString { got: got("12") },
            ErrorKind::NotABool {
                got: got("\"yes\""),
            },
            ErrorKind::UnknownField {
                expected: &["a", "b"],
            },
            ErrorKind::Required,
            ErrorKind::Empty,
            ErrorKind::MonthRequired,
            ErrorKind::NotAMonth(ParseMonthError {
                text: "2026-13".into(),
            }),
            ErrorKind::UnknownRules(ParseRulesError {
                text: "pmp-2027".into(),
            }),
            ErrorKind::NoRules(NoRulesError::BeforeFirstRules {
                month: Month {
                    year: 2019,
                    month: 1,
                },
            }),
            ErrorKind::NoRules(NoRulesError::NotAMonthNumber { month: 13 }),
            ErrorKind::NotACardDate {
                got: got("\"1 Oct\""),
            },
            ErrorKind::NotACode {
                standard: CodeStandard::Currency,
                got: got("\"us\""),
            },
            ErrorKind::NotACapitalCode {
                standard: CodeStandard::Country,
                got: got("\"in\""),
            },
            ErrorKind::NotACount {
                min: 0,
                got: got("\"12.5\""),
            },
            ErrorKind::CountTooLarge {
                max: 1_000_000_000_000,
                got: got("2000000000000"),
            },
            ErrorKind::NotADecimal {
                min: Decimal::ZERO,
                max: Decimal::ONE,
                got: got("\"1.5\""),
            },
            ErrorKind::TooManyDecimals {
                max: 18,
                got: got("\"0.1\""),
            },
            ErrorKind::NotAChoice {
                choices: &["charged", "delivered"],
                got: got("\"sent\""),
            },
            ErrorKind::InexactDecimal {
                got: got("\"0.99999999999999999999999999999\""),
            },
            ErrorKind::TooManyCustomRates {
                max: 2_000,
                got: 2_001,
            },
            ErrorKind::TooManyCustomTiers { max: 500, got: 501 },
            ErrorKind::TooManyBands { max: 50, got: 51 },
            ErrorKind::MoreErrors { more: 50 },
            ErrorKind::OtherCurrency {
                given: "INR".into(),
                scenario: "USD".into(),
            },
            ErrorKind::AmountNotExact {
                figure: "India marketing".into(),
            },
        ]
    }

    /// One of every kind about categories, lines and tiers.
    fn list_kinds() -> Vec<ErrorKind> {
        let got = |text: &str| text.to_string();
        vec![
            ErrorKind::NotACategory {
                got: got("\"promo\""),
            },
            ErrorKind::NotATieredCategory {
                got: Some(got("\"marketing\"")),
            },
            ErrorKind::NotATieredCategory { got: None },
            ErrorKind::FormulaStart {
                start: '=',
                got: got("\"=X\""),
            },
            ErrorKind::TooManyLines {
                max: 100_000,
                got: 100_001,
            },
            ErrorKind::BothDestinations,
            ErrorKind::NoDestination,
            ErrorKind::NotOneDestination,
            ErrorKind::Duplicate {
                market: "India".into(),
                category: Category::Utility,
            },
            ErrorKind::NotBands,
            ErrorKind::OpenBandNotLast,
            ErrorKind::LastBandNotOpen,
            ErrorKind::BandsOutOfOrder,
        ]
    }

    /// One of every kind about cards, markets and lines that stop pricing.
    fn pricing_kinds() -> Vec<ErrorKind> {
        vec![
            ErrorKind::Card(CardChoiceError::UnknownCurrency {
                currency: "GBP".into(),
                known: vec!["USD".into()],
            }),
            ErrorKind::Card(CardChoiceError::NoCardOnDate {
                currency: "INR".into(),
                date: day(2026, 10, 2),
                dates: vec![day(2025, 10, 1)],
            }),
            ErrorKind::Card(CardChoiceError::NoCardInForce {
                currency: "USD".into(),
                date: day(2019, 1, 1),
            }),
            ErrorKind::Lookup(LookupError::MalformedCountry("India!".into())),
            ErrorKind::Lookup(LookupError::MalformedNumber("+12".into())),
            ErrorKind::Lookup(LookupError::UnknownCallingCode("+999123456".into())),
            ErrorKind::Lookup(LookupError::BeforeFirstTable(day(2000, 1, 1))),
            ErrorKind::UnknownMarket {
                name: "Brasil".into(),
                date: day(2026, 10, 1),
                closest: vec!["Brazil".into()],
            },
            ErrorKind::OnlyMexico {
                market: "Egypt".into(),
            },
            ErrorKind::MarketNotOnCard {
                market: "Brazil".into(),
                currency: "USD".into(),
                card: day(2024, 6, 1),
                partial: true,
            },
            ErrorKind::MarketNotOnCard {
                market: "Brazil".into(),
                currency: "USD".into(),
                card: day(2024, 6, 1),
                partial: false,
            },
            ErrorKind::CategoryNotOnCard {
                category: Category::Service,
                rules: RulesVersion::Pmp2026_10,
                currency: "USD".into(),
                card: day(2026, 7, 1),
                cards: vec![day(2026, 10, 1)],
            },
            ErrorKind::CategoryNotOnCard {
                category: Category::Service,
                rules: RulesVersion::Cbp2023_06,
                currency: "EUR".into(),
                card: day(2022, 2, 1),
                cards: vec![],
            },
            ErrorKind::NoRateForLine {
                market: "Mexico".into(),
                category: Category::Service,
                rules: RulesVersion::Cbp2023_06,
                currency: "USD".into(),
                card: day(2026, 7, 1),
            },
            ErrorKind::NoCardToCompare,
        ]
    }

    /// Every kind of the core has its own sentence in every language: none falls back to the
    /// core's English, and the other languages are not English.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn every_kind_is_worded_in_every_language() {
        let kinds = every_kind();
        for tag in ErrorKind::TAGS {
            assert!(kinds.iter().any(|k| k.tag() == tag), "no example of {tag}");
        }
        for kind in &kinds {
            let english = field_problem(Lang::En, kind);
            assert_ne!(
                english,
                kind.to_string(),
                "{kind:?} falls back to the core's English"
            );
            assert!(!english.contains("{1}"), "{english}");
            for lang in [Lang::Fr, Lang::Es, Lang::PtBr] {
                let worded = field_problem(lang, kind);
                assert_ne!(worded, english, "{lang:?} {kind:?} is English");
                assert!(
                    !worded.contains("{1}") && !worded.contains("{2}"),
                    "{worded}"
                );
            }
        }
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_problem_names_its_row_from_1_and_its_column_in_plain_words() {
        let error = FieldError::new(
            FieldPath::line_field(1, LineField::Utility),
            ErrorKind::NotACount {
                min: 0,
                got: "\"12.5\"".into(),
            },
        );
        assert_eq!(
            field_error(Lang::Fr, &error),
            "Ligne 2 · Utilitaire\u{a0}: «\u{a0}12.5\u{a0}» n'est pas un nombre entier (0 ou plus)."
        );
        assert_eq!(
            field_error(Lang::En, &error),
            "Row 2 · Utility: “12.5” is not a whole number (0 or more)."
        );
        let market = FieldError::new(
            FieldPath::line_field(1, LineField::Market),
            ErrorKind::UnknownMarket {
                name: "Brasil".into(),
                date: day(2026, 11, 1),
                closest: vec![],
            },
        );
        assert_eq!(
            field_error(Lang::Fr, &market),
            "Ligne 2\u{a0}: «\u{a0}Brasil\u{a0}» n'est pas un marché de la table de Meta en vigueur le 2026-11-01\u{a0}; un tarif à vous peut l'ajouter."
        );
        let setting = FieldError::new(
            Setting::BspMarkup,
            ErrorKind::NotADecimal {
                min: Decimal::ZERO,
                max: Decimal::from(1000),
                got: "\"x\"".into(),
            },
        );
        assert_eq!(
            field_error(Lang::Es, &setting),
            "Recargo sobre el cargo de Meta: «x» no es un número de 0 a 1000."
        );
        let many: Vec<FieldError> = (0..5)
            .map(|at| {
                FieldError::new(
                    FieldPath::line(at),
                    ErrorKind::OnlyMexico {
                        market: "Egypt".into(),
                    },
                )
            })
            .collect();
        let grouped = grouped_field_errors(Lang::PtBr, &many);
        assert_eq!(grouped.len(), 1);
        assert!(
            grouped[0].starts_with("Linha 1, Linha 2, Linha 3 e mais 2: Egito não pode"),
            "{}",
            grouped[0]
        );
        assert_eq!(
            typed_problem(
                Lang::Fr,
                &ErrorKind::NotACount {
                    min: 0,
                    got: "\"12,5\"".into()
                },
                "12,5"
            ),
            "«\u{a0}12,5\u{a0}» n'est pas un nombre entier\u{a0}: «\u{a0},\u{a0}» marque les décimales."
        );
    }
}
