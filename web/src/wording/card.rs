//! A rate card the user loads (Meta's CSV or `market,category,rate`), refused: the core's
//! `CardError`s by line, and the page's own reasons (no month yet, another currency).

use super::{at, category, line, line_column, more, quote, say, sheet::csv_kind, Words};
use crate::draft::CardProblem;
use crate::i18n::Lang;
use wacost_core::currency::AroundError;
use wacost_core::custom_card::{
    CardError, CardErrorKind, CurrencyError, CurrencySaid, RateCellError, Source,
};

/// Every line of a refused card, in `lang`.
pub fn card_problems(lang: Lang, problem: &CardProblem) -> Vec<String> {
    match problem {
        CardProblem::Card(errors) => errors.iter().map(|e| card_problem(lang, e)).collect(),
        CardProblem::NoMonth => vec![say(
            lang,
            &words!(
                "Choose a billing month first: the markets of a card depend on it.",
                "Choisissez d'abord un mois de facturation : les marchés d'une grille en dépendent.",
                "Elija primero un mes de facturación: los mercados de una tarifa dependen de él.",
                "Escolha primeiro um mês de faturamento: os mercados de uma tabela dependem dele.",
            ),
            &[],
        )],
        CardProblem::OtherCurrency { card, estimate } => vec![say(
            lang,
            &words!(
                "The card is in {1} but the estimate is in {2}: choose {1} first.",
                "La grille est en {1} mais l'estimation est en {2} : choisissez d'abord {1}.",
                "La tarifa está en {1} pero la estimación está en {2}: elija primero {1}.",
                "A tabela está em {1} mas a estimativa está em {2}: escolha {1} primeiro.",
            ),
            &[card, estimate],
        )],
        CardProblem::NoRates => vec![say(
            lang,
            &words!(
                "The card has no rates.",
                "La grille n'a aucun tarif.",
                "La tarifa no tiene precios.",
                "A tabela não tem preços.",
            ),
            &[],
        )],
        CardProblem::Unreadable => vec![super::sheet::unreadable(lang)],
    }
}

/// One problem of a card, with its line (and column, for a problem of the CSV itself).
pub fn card_problem(lang: Lang, error: &CardError) -> String {
    let sentence = card_kind(lang, &error.kind);
    match (error.line, error.column) {
        (0, _) => sentence,
        (n, 0) => at(lang, &line(lang, n), &sentence),
        (n, column) => at(lang, &line_column(lang, n, column), &sentence),
    }
}

const NO_HEADER: Words = words!(
    "No header row starting with Market (Meta's card as published, or market,category,rate).",
    "Aucune ligne d'en-tête commençant par Market (la grille de Meta telle que publiée, ou market,category,rate).",
    "Ninguna fila de encabezado empieza por Market (la tarifa de Meta tal como se publica, o market,category,rate).",
    "Nenhuma linha de cabeçalho começa com Market (a tabela da Meta como publicada, ou market,category,rate).",
);
const PLAIN_HEADER_INCOMPLETE: Words = words!(
    "The header needs market, category and rate.",
    "L'en-tête doit nommer market, category et rate.",
    "El encabezado necesita market, category y rate.",
    "O cabeçalho precisa de market, category e rate.",
);
const NO_CATEGORY_COLUMN: Words = words!(
    "The header names no category column (Marketing, Utility, Authentication, Authentication-International, Service).",
    "L'en-tête ne nomme aucune colonne de catégorie (Marketing, Utility, Authentication, Authentication-International, Service).",
    "El encabezado no nombra ninguna columna de categoría (Marketing, Utility, Authentication, Authentication-International, Service).",
    "O cabeçalho não nomeia nenhuma coluna de categoria (Marketing, Utility, Authentication, Authentication-International, Service).",
);
const FORMULA_MARKET: Words = words!(
    "The market {1} must not begin with {2}: a spreadsheet would run it as a formula.",
    "Le marché {1} ne doit pas commencer par {2} : un tableur l'exécuterait comme une formule.",
    "El mercado {1} no debe empezar por {2}: una hoja de cálculo lo ejecutaría como fórmula.",
    "O mercado {1} não pode começar com {2}: uma planilha o executaria como fórmula.",
);
const UNKNOWN_MARKET: Words = words!(
    "{1} is not a market of Meta's table.",
    "{1} n'est pas un marché de la table de Meta.",
    "{1} no es un mercado de la tabla de Meta.",
    "{1} não é um mercado da tabela da Meta.",
);
const UNKNOWN_CATEGORY: Words = words!(
    "{1} is not a category.",
    "{1} n'est pas une catégorie.",
    "{1} no es una categoría.",
    "{1} não é uma categoria.",
);
const NOT_A_CURRENCY_CODE: Words = words!(
    "The currency {1} is not an ISO 4217 code (three letters, such as USD).",
    "La devise {1} n'est pas un code ISO 4217 (trois lettres, comme USD).",
    "La moneda {1} no es un código ISO 4217 (tres letras, como USD).",
    "A moeda {1} não é um código ISO 4217 (três letras, como USD).",
);

const NOT_ASKED: Words = words!(
    "{1}, and the estimate is in {2}: wacost never converts (load a card in {2}, or choose {3} first).",
    "{1}, et l'estimation est en {2} : wacost ne convertit jamais (chargez une grille en {2}, ou choisissez d'abord {3}).",
    "{1}, y la estimación está en {2}: wacost nunca convierte (cargue una tarifa en {2}, o elija primero {3}).",
    "{1}, e a estimativa está em {2}: o wacost nunca converte (carregue uma tabela em {2}, ou escolha {3} primeiro).",
);

const MIXED: Words = words!(
    "{1}, but the card is in {2} ({3}): one card has one currency.",
    "{1}, mais la grille est en {2} ({3}) : une grille n'a qu'une devise.",
    "{1}, pero la tarifa está en {2} ({3}): una tarifa tiene una sola moneda.",
    "{1}, mas a tabela está em {2} ({3}): uma tabela tem uma só moeda.",
);

/// What the card said of its currency, and where.
fn currency_said(lang: Lang, said: &CurrencySaid) -> String {
    let words: Words = match said.source {
        Source::Cell(_) => words!(
            "{1} is in {2}",
            "{1} est en {2}",
            "{1} está en {2}",
            "{1} está em {2}",
        ),
        Source::Column(_) => words!(
            "The card's Currency column says {2}",
            "La colonne Currency de la grille indique {2}",
            "La columna Currency de la tarifa indica {2}",
            "A coluna Currency da tabela indica {2}",
        ),
        Source::Title => words!(
            "The card's title says {2}",
            "Le titre de la grille indique {2}",
            "El título de la tarifa indica {2}",
            "O título da tabela indica {2}",
        ),
        Source::Header => words!(
            "The card's header says {2}",
            "L'en-tête de la grille indique {2}",
            "El encabezado de la tarifa indica {2}",
            "O cabeçalho da tabela indica {2}",
        ),
    };
    say(lang, &words, &[&quote(lang, &said.shown), &said.currency])
}

/// Where the card first said its currency.
fn currency_source(lang: Lang, source: Source) -> String {
    match source {
        Source::Column(n) => {
            const COLUMN: Words = words!(
                "its Currency column, {1}",
                "sa colonne Currency, {1}",
                "su columna Currency, {1}",
                "sua coluna Currency, {1}",
            );
            say(lang, &COLUMN, &[&line(lang, n).to_lowercase()])
        }
        Source::Title => say(
            lang,
            &words!("its title", "son titre", "su título", "seu título"),
            &[],
        ),
        Source::Header => say(
            lang,
            &words!(
                "its header",
                "son en-tête",
                "su encabezado",
                "seu cabeçalho",
            ),
            &[],
        ),
        Source::Cell(n) => line(lang, n).to_lowercase(),
    }
}

/// Where the card says its currency, as the subject of a sentence: the cell as written, or
/// its Currency column, title or header.
fn currency_place(lang: Lang, said: &CurrencySaid) -> String {
    let words: Words = match said.source {
        Source::Cell(_) => return quote(lang, &said.shown),
        Source::Column(_) => words!(
            "The card's Currency column",
            "La colonne Currency de la grille",
            "La columna Currency de la tarifa",
            "A coluna Currency da tabela",
        ),
        Source::Title => words!(
            "The card's title",
            "Le titre de la grille",
            "El título de la tarifa",
            "O título da tabela",
        ),
        Source::Header => words!(
            "The card's header",
            "L'en-tête de la grille",
            "El encabezado de la tarifa",
            "O cabeçalho da tabela",
        ),
    };
    say(lang, &words, &[])
}

fn currency_problem(lang: Lang, error: &CurrencyError) -> String {
    match error {
        CurrencyError::NotAsked {
            said,
            asked,
            choose,
        } => say(
            lang,
            &NOT_ASKED,
            &[&currency_said(lang, said), asked, choose],
        ),
        CurrencyError::WhichCurrency {
            said,
            printed,
            asked,
            candidates,
        } => {
            const WHICH_CURRENCY: Words = words!(
                "{1}: {2} is printed by several currencies, and the estimate is in {3}. Which one does {2} mean here ({4}, …)? wacost never converts: load a card in {3}, or choose the card's currency first.",
                "{1} : {2} est écrit par plusieurs devises, et l'estimation est en {3}. Laquelle {2} désigne-t-il ici ({4}, …) ? wacost ne convertit jamais : chargez une grille en {3}, ou choisissez d'abord la devise de la grille.",
                "{1}: {2} lo usan varias monedas, y la estimación está en {3}. ¿Cuál indica {2} aquí ({4}, …)? wacost nunca convierte: cargue una tarifa en {3}, o elija primero la moneda de la tarifa.",
                "{1}: {2} é usado por várias moedas, e a estimativa está em {3}. Qual {2} indica aqui ({4}, …)? O wacost nunca converte: carregue uma tabela em {3}, ou escolha primeiro a moeda da tabela.",
            );
            say(
                lang,
                &WHICH_CURRENCY,
                &[
                    &currency_place(lang, said),
                    &quote(lang, printed),
                    asked,
                    &candidates.join(", "),
                ],
            )
        }
        CurrencyError::Mixed { said, card, first } => say(
            lang,
            &MIXED,
            &[
                &currency_said(lang, said),
                card,
                &currency_source(lang, *first),
            ],
        ),
    }
}

fn card_kind(lang: Lang, kind: &CardErrorKind) -> String {
    match kind {
        CardErrorKind::Csv(kind) => csv_kind(lang, kind),
        CardErrorKind::More { count } => more(lang, *count),
        CardErrorKind::NoHeader => say(lang, &NO_HEADER, &[]),
        CardErrorKind::PlainHeaderIncomplete => say(lang, &PLAIN_HEADER_INCOMPLETE, &[]),
        CardErrorKind::NoCategoryColumn => say(lang, &NO_CATEGORY_COLUMN, &[]),
        CardErrorKind::FormulaMarket { market, start } => say(
            lang,
            &FORMULA_MARKET,
            &[
                &quote(lang, market),
                &quote(lang, &start.escape_debug().to_string()),
            ],
        ),
        CardErrorKind::UnknownMarket { market } => {
            say(lang, &UNKNOWN_MARKET, &[&quote(lang, market)])
        }
        CardErrorKind::UnknownCategory { text } => {
            say(lang, &UNKNOWN_CATEGORY, &[&quote(lang, text)])
        }
        CardErrorKind::NoRate { text } => rate_problem(lang, &RateCellError::NotANumber, text),
        CardErrorKind::BadRate { problem, text } => rate_problem(lang, problem, text),
        CardErrorKind::BadRateIn {
            category: c,
            problem,
            text,
        } => format!(
            "{} · {}",
            category(lang, *c),
            rate_problem(lang, problem, text)
        ),
        CardErrorKind::Duplicate {
            market,
            category: c,
        } => super::field::twice(lang, market, *c),
        CardErrorKind::NotACurrencyCode { text } => {
            say(lang, &NOT_A_CURRENCY_CODE, &[&quote(lang, text)])
        }
        CardErrorKind::Currency(error) => currency_problem(lang, error),
    }
}

/// Why a rate cell is not read, with the cell as written.
fn rate_problem(lang: Lang, problem: &RateCellError, text: &str) -> String {
    let words: Words = match problem {
        RateCellError::Around(around) => return around_problem(lang, around, text),
        RateCellError::Negative => words!(
            "{1} is negative, and a rate cannot be.",
            "{1} est négatif, et un tarif ne peut pas l'être.",
            "{1} es negativo, y una tarifa no puede serlo.",
            "{1} é negativo, e uma tarifa não pode ser.",
        ),
        RateCellError::NotANumber => words!(
            "{1} is not a number.",
            "{1} n'est pas un nombre.",
            "{1} no es un número.",
            "{1} não é um número.",
        ),
        RateCellError::BadGrouping {
            decimal_comma: false,
        } => words!(
            "{1} is not a number: thousands separators group three digits, and decimals take a point.",
            "{1} n'est pas un nombre : les séparateurs de milliers groupent trois chiffres, et les décimales prennent un point.",
            "{1} no es un número: los separadores de miles agrupan tres cifras, y los decimales llevan punto.",
            "{1} não é um número: separadores de milhar agrupam três dígitos, e decimais levam ponto.",
        ),
        RateCellError::BadGrouping {
            decimal_comma: true,
        } => words!(
            "{1} is not a number: in a file separated by ; the comma marks decimals, and a point or a space groups three digits.",
            "{1} n'est pas un nombre : dans un fichier séparé par des ; la virgule marque les décimales, et un point ou une espace groupe trois chiffres.",
            "{1} no es un número: en un archivo separado por ; la coma marca los decimales, y un punto o un espacio agrupa tres cifras.",
            "{1} não é um número: num arquivo separado por ; a vírgula marca os decimais, e um ponto ou um espaço agrupa três dígitos.",
        ),
    };
    say(lang, &words, &[&quote(lang, text)])
}

/// Text around a rate that is not one currency.
fn around_problem(lang: Lang, around: &AroundError, text: &str) -> String {
    match around {
        AroundError::NotACurrency { text: beside } => {
            const NOT_A_CURRENCY: Words = words!(
                "{1}: {2} beside the number is not a currency code or symbol.",
                "{1} : {2} à côté du nombre n'est ni un code ni un symbole de devise.",
                "{1}: {2} junto al número no es un código ni un símbolo de moneda.",
                "{1}: {2} ao lado do número não é um código nem um símbolo de moeda.",
            );
            say(
                lang,
                &NOT_A_CURRENCY,
                &[&quote(lang, text), &quote(lang, beside)],
            )
        }
        AroundError::TwoCurrencies { before, after } => {
            const TWO_CURRENCIES: Words = words!(
                "{1} has two currencies around one number: {2} and {3}.",
                "{1} porte deux devises autour d'un nombre : {2} et {3}.",
                "{1} tiene dos monedas alrededor de un número: {2} y {3}.",
                "{1} tem duas moedas em volta de um número: {2} e {3}.",
            );
            say(
                lang,
                &TWO_CURRENCIES,
                &[&quote(lang, text), &before.to_string(), &after.to_string()],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lone `$` on a card for an estimate in rupees: a question naming the billing
    /// currencies it may be, never a guess.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_lone_dollar_is_asked_about_in_each_language() {
        let card = "market,category,rate\nIndia,marketing,$0.0118\n";
        let errors = wacost_core::custom_card::parse_in(card, &["India".to_string()], "INR")
            .err()
            .unwrap_or_default();
        let [error] = errors.as_slice() else {
            panic!("one error: {errors:?}");
        };
        let expected = [
            (Lang::En, "Line 2: “$0.0118”: “$” is printed by several currencies, and the estimate is in INR. Which one does “$” mean here (USD, ARS, AUD, CLP, COP, MXN, SGD, …)? wacost never converts: load a card in INR, or choose the card's currency first."),
            (Lang::Fr, "Ligne 2\u{a0}: «\u{a0}$0.0118\u{a0}»\u{a0}: «\u{a0}$\u{a0}» est écrit par plusieurs devises, et l'estimation est en INR. Laquelle «\u{a0}$\u{a0}» désigne-t-il ici (USD, ARS, AUD, CLP, COP, MXN, SGD, …)\u{a0}? wacost ne convertit jamais\u{a0}: chargez une grille en INR, ou choisissez d'abord la devise de la grille."),
            (Lang::Es, "Línea 2: «$0.0118»: «$» lo usan varias monedas, y la estimación está en INR. ¿Cuál indica «$» aquí (USD, ARS, AUD, CLP, COP, MXN, SGD, …)? wacost nunca convierte: cargue una tarifa en INR, o elija primero la moneda de la tarifa."),
            (Lang::PtBr, "Linha 2: “$0.0118”: “$” é usado por várias moedas, e a estimativa está em INR. Qual “$” indica aqui (USD, ARS, AUD, CLP, COP, MXN, SGD, …)? O wacost nunca converte: carregue uma tabela em INR, ou escolha primeiro a moeda da tabela."),
        ];
        for (lang, sentence) in expected {
            assert_eq!(card_problem(lang, error), sentence, "{lang:?}");
        }
    }
}
