//! Text coming into the page, refused: a pasted block or an imported file (the CSV reader's
//! kinds and the sheet's own), a count as typed (the count reader's kinds), a link that does
//! not open.

use super::{at, line, line_column, more, number, quote, row, say, Words};
use crate::draft::ReadProblem;
use crate::i18n::Lang;
use crate::link::{JsonKind, LinkProblem};
use crate::sheet_io::{SheetProblem, SheetProblemKind, SheetProblems, Source};
use wacost_core::count::{CountError, CountErrorKind};
use wacost_core::csv::ErrorKind;
use wacost_core::link::LinkError;

/// "The file could not be read."
pub fn unreadable(lang: Lang) -> String {
    say(
        lang,
        &words!(
            "The file could not be read.",
            "Le fichier n'a pas pu être lu.",
            "No se pudo leer el archivo.",
            "Não foi possível ler o arquivo.",
        ),
        &[],
    )
}

/// What the CSV reader refused, without its place.
pub fn csv_kind(lang: Lang, kind: &ErrorKind) -> String {
    match *kind {
        ErrorKind::UnclosedQuote => say(
            lang,
            &words!(
                "A quoted field is never closed.",
                "Un champ entre guillemets n'est jamais fermé.",
                "Un campo entre comillas nunca se cierra.",
                "Um campo entre aspas nunca é fechado.",
            ),
            &[],
        ),
        ErrorKind::StrayQuote => say(
            lang,
            &words!(
                "A quote inside a field that does not start with one (quote the whole field and double the quote: \"5\"\"\").",
                "Un guillemet dans un champ qui ne commence pas par un guillemet (mettez tout le champ entre guillemets et doublez celui-ci : \"5\"\"\").",
                "Unas comillas dentro de un campo que no empieza con ellas (ponga todo el campo entre comillas y duplique la comilla: \"5\"\"\").",
                "Aspas dentro de um campo que não começa com aspas (coloque o campo todo entre aspas e duplique a aspa: \"5\"\"\").",
            ),
            &[],
        ),
        ErrorKind::TextAfterQuote => say(
            lang,
            &words!(
                "Text after the closing quote of a field (a quote inside a quoted field is written twice: \"\").",
                "Du texte après le guillemet fermant d'un champ (un guillemet dans un champ entre guillemets s'écrit deux fois : \"\").",
                "Texto después de las comillas de cierre de un campo (unas comillas dentro de un campo entrecomillado se escriben dos veces: \"\").",
                "Texto depois das aspas de fechamento de um campo (aspas dentro de um campo entre aspas são escritas duas vezes: \"\").",
            ),
            &[],
        ),
        ErrorKind::LineBreak => say(
            lang,
            &words!(
                "A line break outside quotes inside one record.",
                "Un saut de ligne hors guillemets au milieu d'un enregistrement.",
                "Un salto de línea fuera de comillas dentro de un registro.",
                "Uma quebra de linha fora de aspas dentro de um registro.",
            ),
            &[],
        ),
        ErrorKind::TooManyFields { expected, found } => say(
            lang,
            &words!(
                "{1} fields where the header has {2} (a decimal comma, or a separator inside an unquoted value?).",
                "{1} champs alors que l'en-tête en a {2} (une virgule décimale, ou un séparateur dans une valeur sans guillemets ?).",
                "{1} campos cuando el encabezado tiene {2} (¿una coma decimal o un separador dentro de un valor sin comillas?).",
                "{1} campos, mas o cabeçalho tem {2} (uma vírgula decimal ou um separador dentro de um valor sem aspas?).",
            ),
            &[&number(lang, found), &number(lang, expected)],
        ),
        ErrorKind::TooLarge { limit, found } => say(
            lang,
            &words!(
                "Too large: {1} bytes, and at most {2} are read.",
                "Trop volumineux : {1} octets, et {2} au plus sont lus.",
                "Demasiado grande: {1} bytes, y como máximo se leen {2}.",
                "Grande demais: {1} bytes, e no máximo {2} são lidos.",
            ),
            &[&number(lang, found), &number(lang, limit)],
        ),
        ErrorKind::TooManyRecords { limit, found } => say(
            lang,
            &words!(
                "Too many rows: {1}, and at most {2} are read.",
                "Trop de lignes : {1}, et {2} au plus sont lues.",
                "Demasiadas filas: {1}, y como máximo se leen {2}.",
                "Linhas demais: {1}, e no máximo {2} são lidas.",
            ),
            &[&number(lang, found), &number(lang, limit)],
        ),
    }
}

/// A CSV problem at its line and column (none for a cap, which is about the whole text).
pub fn csv_problem(lang: Lang, kind: &ErrorKind, line: usize, column: usize) -> String {
    let sentence = csv_kind(lang, kind);
    match (line, column) {
        (0, _) => sentence,
        (n, 0) => at(lang, &super::line(lang, n), &sentence),
        (n, column) => at(lang, &line_column(lang, n, column), &sentence),
    }
}

/// Why a count is not read as typed, in the words of the count reader's kinds.
pub fn count_problem(lang: Lang, error: &CountError) -> String {
    let mark = |mark: char| quote(lang, &mark.to_string());
    let (words, mark): (Words, String) = match error.kind {
        CountErrorKind::Empty => (
            words!(
                "No count given.",
                "Aucun nombre indiqué.",
                "No se indicó ninguna cantidad.",
                "Nenhuma quantidade informada.",
            ),
            String::new(),
        ),
        CountErrorKind::Decimal { mark: m } => (
            words!(
                "{1} is not a whole number: {2} marks decimals.",
                "{1} n'est pas un nombre entier : {2} marque les décimales.",
                "{1} no es un número entero: {2} marca los decimales.",
                "{1} não é um número inteiro: {2} marca as casas decimais.",
            ),
            mark(m),
        ),
        CountErrorKind::Grouping { mark: m } => (
            words!(
                "{1} is not a whole number: {2} groups digits by three, as in 1{3}500.",
                "{1} n'est pas un nombre entier : {2} groupe les chiffres par trois, comme dans 1{3}500.",
                "{1} no es un número entero: {2} agrupa las cifras de tres en tres, como en 1{3}500.",
                "{1} não é um número inteiro: {2} agrupa os dígitos de três em três, como em 1{3}500.",
            ),
            mark(m),
        ),
        CountErrorKind::NotANumber => (
            words!(
                "{1} is not a whole number.",
                "{1} n'est pas un nombre entier.",
                "{1} no es un número entero.",
                "{1} não é um número inteiro.",
            ),
            String::new(),
        ),
        CountErrorKind::TooLarge => (
            words!(
                "{1} is too large.",
                "{1} est trop grand.",
                "{1} es demasiado grande.",
                "{1} é grande demais.",
            ),
            String::new(),
        ),
    };
    let raw_mark = match error.kind {
        CountErrorKind::Grouping { mark } | CountErrorKind::Decimal { mark } => mark.to_string(),
        _ => String::new(),
    };
    say(lang, &words, &[&quote(lang, &error.text), &mark, &raw_mark])
}

/// Every problem of a refused paste or import, one entry each.
pub fn sheet_problems(lang: Lang, problems: &SheetProblems) -> Vec<String> {
    problems
        .problems
        .iter()
        .map(|problem| sheet_problem(lang, problems.source, problem))
        .collect()
}

/// "Row 2" of a pasted block, "Line 2" of a file.
fn place_in(lang: Lang, source: Source, number_from_1: usize) -> String {
    match source {
        Source::Paste => row(lang, number_from_1),
        Source::File => line(lang, number_from_1),
    }
}

fn sheet_problem(lang: Lang, source: Source, problem: &SheetProblem) -> String {
    if let SheetProblemKind::Csv(kind) = &problem.kind {
        return csv_problem(lang, kind, problem.line, problem.column);
    }
    let sentence = sheet_kind(lang, source, &problem.kind);
    match problem.line {
        0 => sentence,
        n => at(lang, &place_in(lang, source, n), &sentence),
    }
}

const NOT_A_DESTINATION: Words = words!(
    "{1} is not a country or market.",
    "{1} n'est ni un pays ni un marché.",
    "{1} no es un país ni un mercado.",
    "{1} não é um país nem um mercado.",
);
const CANNOT_ADD: Words = words!(
    "{1} is already on {2}, and {3} + {4} cannot be added: they are not whole numbers.",
    "{1} figure déjà en {2}, et {3} + {4} ne s'additionnent pas : ce ne sont pas des nombres entiers.",
    "{1} ya está en la {2}, y {3} + {4} no se pueden sumar: no son números enteros.",
    "{1} já está na {2}, e {3} + {4} não podem ser somados: não são números inteiros.",
);
const TOO_MANY_NUMBERS: Words = words!(
    "More than four numbers.",
    "Plus de quatre nombres.",
    "Más de cuatro números.",
    "Mais de quatro números.",
);
const PAST_LAST_COLUMN: Words = words!(
    "The block runs past the last column.",
    "Le bloc dépasse la dernière colonne.",
    "El bloque sobrepasa la última columna.",
    "O bloco passa da última coluna.",
);
const MORE_ROWS_THAN_LINES: Words = words!(
    "{1} rows pasted but only {2} below this cell: add destinations first, or paste with a first column of countries.",
    "{1} lignes collées mais seulement {2} sous cette cellule : ajoutez d'abord des destinations, ou collez avec une première colonne de pays.",
    "{1} filas pegadas pero solo {2} debajo de esta celda: añada primero destinos o pegue con una primera columna de países.",
    "{1} linhas coladas mas só {2} abaixo desta célula: adicione destinos primeiro ou cole com uma primeira coluna de países.",
);
const NO_DESTINATIONS: Words = words!(
    "The sheet is empty and these rows name no destination: paste rows whose first column is a country or a market.",
    "La feuille est vide et ces lignes ne nomment aucune destination : collez des lignes dont la première colonne est un pays ou un marché.",
    "La hoja está vacía y estas filas no nombran ningún destino: pegue filas cuya primera columna sea un país o un mercado.",
    "A planilha está vazia e estas linhas não nomeiam nenhum destino: cole linhas cuja primeira coluna seja um país ou um mercado.",
);
const ROW_GONE: Words = words!(
    "The row pasted into no longer exists.",
    "La ligne où vous avez collé n'existe plus.",
    "La fila donde pegó ya no existe.",
    "A linha onde você colou não existe mais.",
);
const REACHES_KEPT_LINE: Words = words!(
    "The block reaches {1}, which the sheet cannot edit: remove that row first, or paste with a first column of countries.",
    "Le bloc atteint la {1}, que le tableau ne peut pas modifier : supprimez-la d'abord, ou collez avec une première colonne de pays.",
    "El bloque llega a la {1}, que la hoja no puede editar: quítela primero o pegue con una primera columna de países.",
    "O bloco chega à {1}, que a planilha não pode editar: remova-a primeiro ou cole com uma primeira coluna de países.",
);
const EMPTY: Words = words!(
    "The file is empty.",
    "Le fichier est vide.",
    "El archivo está vacío.",
    "O arquivo está vazio.",
);
const NO_DESTINATION_COLUMN: Words = words!(
    "The header has no destination, country or market column.",
    "L'en-tête n'a pas de colonne destination, country ou market.",
    "El encabezado no tiene columna destination, country o market.",
    "O cabeçalho não tem coluna destination, country ou market.",
);
const NO_COUNT_COLUMN: Words = words!(
    "The header has no marketing, utility, authentication or service column.",
    "L'en-tête n'a pas de colonne marketing, utility, authentication ou service.",
    "El encabezado no tiene columna marketing, utility, authentication o service.",
    "O cabeçalho não tem coluna marketing, utility, authentication ou service.",
);

fn sheet_kind(lang: Lang, source: Source, kind: &SheetProblemKind) -> String {
    match kind {
        SheetProblemKind::Csv(kind) => csv_kind(lang, kind),
        SheetProblemKind::NotADestination { text } => {
            say(lang, &NOT_A_DESTINATION, &[&quote(lang, text)])
        }
        SheetProblemKind::CannotAdd {
            destination,
            first_line,
            before,
            added,
        } => say(
            lang,
            &CANNOT_ADD,
            &[
                destination,
                &place_in(lang, source, *first_line).to_lowercase(),
                &quote(lang, before),
                &quote(lang, added),
            ],
        ),
        SheetProblemKind::TooManyNumbers => say(lang, &TOO_MANY_NUMBERS, &[]),
        SheetProblemKind::PastLastColumn => say(lang, &PAST_LAST_COLUMN, &[]),
        SheetProblemKind::MoreRowsThanLines { rows, below } => say(
            lang,
            &MORE_ROWS_THAN_LINES,
            &[&number(lang, rows), &number(lang, below)],
        ),
        SheetProblemKind::RowGone => say(lang, &ROW_GONE, &[]),
        SheetProblemKind::NoDestinations => say(lang, &NO_DESTINATIONS, &[]),
        SheetProblemKind::ReachesKeptLine { row: kept } => say(
            lang,
            &REACHES_KEPT_LINE,
            &[&row(lang, *kept).to_lowercase()],
        ),
        SheetProblemKind::Empty => say(lang, &EMPTY, &[]),
        SheetProblemKind::NoDestinationColumn => say(lang, &NO_DESTINATION_COLUMN, &[]),
        SheetProblemKind::NoCountColumn => say(lang, &NO_COUNT_COLUMN, &[]),
        SheetProblemKind::More { count } => more(lang, *count),
        SheetProblemKind::Unreadable => unreadable(lang),
    }
}

/// Why a link opens the default sheet instead.
pub fn link_problem(lang: Lang, problem: &LinkProblem) -> String {
    match problem {
        LinkProblem::Undecodable(LinkError::NotBase64 {
            character,
            position,
        }) => say(
            lang,
            &words!(
                "The link is damaged or cut short: the character {1} at position {2} is not base64url.",
                "Le lien est abîmé ou tronqué : le caractère {1} en position {2} n'est pas du base64url.",
                "El enlace está dañado o cortado: el carácter {1} en la posición {2} no es base64url.",
                "O link está danificado ou cortado: o caractere {1} na posição {2} não é base64url.",
            ),
            &[&quote(lang, &character.to_string()), &number(lang, position)],
        ),
        LinkProblem::Undecodable(LinkError::StrayFinalCharacter { .. }) => say(
            lang,
            &words!(
                "The link is damaged or cut short: its last character is left over.",
                "Le lien est abîmé ou tronqué : son dernier caractère est en trop.",
                "El enlace está dañado o cortado: su último carácter sobra.",
                "O link está danificado ou cortado: o último caractere sobra.",
            ),
            &[],
        ),
        LinkProblem::Undecodable(LinkError::TooLarge { max, got }) => say(
            lang,
            &words!(
                "The link is too large: {1} bytes once decoded, and at most {2} are read.",
                "Le lien est trop volumineux : {1} octets une fois décodé, et {2} au plus sont lus.",
                "El enlace es demasiado grande: {1} bytes una vez decodificado, y como máximo se leen {2}.",
                "O link é grande demais: {1} bytes depois de decodificado, e no máximo {2} são lidos.",
            ),
            &[&number(lang, got), &number(lang, max)],
        ),
        LinkProblem::NotUtf8 => say(
            lang,
            &words!(
                "The link is damaged or cut short: the decoded text is not UTF-8.",
                "Le lien est abîmé ou tronqué : le texte décodé n'est pas de l'UTF-8.",
                "El enlace está dañado o cortado: el texto decodificado no es UTF-8.",
                "O link está danificado ou cortado: o texto decodificado não é UTF-8.",
            ),
            &[],
        ),
        LinkProblem::NotAScenario(ReadProblem::NotJson { line, column }) => say(
            lang,
            &words!(
                "The scenario in the link is not valid JSON (line {1}, column {2}).",
                "Le scénario du lien n'est pas du JSON valide (ligne {1}, colonne {2}).",
                "El escenario del enlace no es JSON válido (línea {1}, columna {2}).",
                "O cenário do link não é JSON válido (linha {1}, coluna {2}).",
            ),
            &[&number(lang, line), &number(lang, column)],
        ),
        LinkProblem::NotAScenario(ReadProblem::NotAnObject { found }) => {
            let found: Words = match found {
                JsonKind::Null => words!("null", "null", "null", "null"),
                JsonKind::Bool => words!("true or false", "vrai ou faux", "verdadero o falso", "verdadeiro ou falso"),
                JsonKind::Number => words!("a number", "un nombre", "un número", "um número"),
                JsonKind::String => words!("a string", "une chaîne", "una cadena", "uma string"),
                JsonKind::List => words!("a list", "une liste", "una lista", "uma lista"),
            };
            say(
                lang,
                &words!(
                    "The scenario in the link is not a JSON object but {1}.",
                    "Le scénario du lien n'est pas un objet JSON mais {1}.",
                    "El escenario del enlace no es un objeto JSON sino {1}.",
                    "O cenário do link não é um objeto JSON, e sim {1}.",
                ),
                &[super::pick(lang, &found)],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn every_link_problem_reads_in_each_language() {
        let problems = [
            LinkProblem::Undecodable(LinkError::NotBase64 {
                character: '%',
                position: 0,
            }),
            LinkProblem::Undecodable(LinkError::StrayFinalCharacter { position: 4 }),
            LinkProblem::Undecodable(LinkError::TooLarge {
                max: 1_000_000,
                got: 1_050_000,
            }),
            LinkProblem::NotUtf8,
            LinkProblem::NotAScenario(ReadProblem::NotJson { line: 1, column: 2 }),
            LinkProblem::NotAScenario(ReadProblem::NotAnObject {
                found: JsonKind::List,
            }),
        ];
        for problem in &problems {
            let english = link_problem(Lang::En, problem);
            for lang in [Lang::Fr, Lang::Es, Lang::PtBr] {
                let worded = link_problem(lang, problem);
                assert_ne!(worded, english, "{lang:?} {problem:?}");
                assert!(!worded.contains('{'), "{worded}");
            }
        }
        let too_large = &problems[2];
        assert_eq!(
            link_problem(Lang::En, too_large),
            "The link is too large: 1,050,000 bytes once decoded, and at most 1,000,000 are read."
        );
        assert_eq!(
            link_problem(Lang::Fr, too_large),
            "Le lien est trop volumineux\u{a0}: 1\u{202f}050\u{202f}000 octets une fois décodé, et \
             1\u{202f}000\u{202f}000 au plus sont lus."
        );
    }
}
