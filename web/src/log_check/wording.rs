//! The log check's problems in the page's language: malformed rows, the header, the settings
//! of the form and why there is no bill, worded from the kinds the worker sends (the core's
//! `RowErrorKind`, `HeaderErrorKind`, `SettingErrorKind` and `BillError`). In the view's own
//! bundle, loaded with it.

use super::model::{
    GapReason, GapView, HeaderProblem, LogProblem, RowProblem, SettingProblem, ZoneProblem,
};
use super::strings::s;
use crate::i18n::Lang;
use crate::wording::{at, csv_kind, line, list, number, quote, say, words, Words};
use wacost_core::bill::invoice::{InvoiceTotalError, InvoiceTotalErrorKind};

/// The times a bill can hold (nanoseconds since 1970 in 64 bits), as the core writes them.
const TIME_RANGE: &str = "1677-09-21T00:12:43.145224192Z – 2262-04-11T23:47:16.854775807Z";

const CHARACTER: Words = words!(
    "Character {1}",
    "Caractère {1}",
    "Carácter {1}",
    "Caractere {1}",
);
const TOO_FEW_FIELDS: Words = words!(
    "{1} fields, and the header has {2}.",
    "{1} champs, alors que l'en-tête en a {2}.",
    "{1} campos, y el encabezado tiene {2}.",
    "{1} campos, e o cabeçalho tem {2}.",
);
const TOO_MANY_FIELDS: Words = words!(
    "Field {1} of {2}, beyond the header's {3} columns: fields past the header must be empty.",
    "Champ {1} sur {2}, au-delà des {3} colonnes de l'en-tête : les champs au-delà doivent être vides.",
    "Campo {1} de {2}, más allá de las {3} columnas del encabezado: los campos de más deben estar vacíos.",
    "Campo {1} de {2}, além das {3} colunas do cabeçalho: campos além do cabeçalho devem ficar vazios.",
);
const NOT_UTF8_ROW: Words = words!(
    "Not UTF-8 text (byte {1} of the line).",
    "Pas du texte UTF-8 (octet {1} de la ligne).",
    "No es texto UTF-8 (byte {1} de la línea).",
    "Não é texto UTF-8 (byte {1} da linha).",
);
const NOT_A_TIME: Words = words!(
    "Not an RFC 3339 time with its offset (e.g. 2026-10-03T14:05:00Z).",
    "Pas une heure RFC 3339 avec son décalage (p. ex. 2026-10-03T14:05:00Z).",
    "No es una hora RFC 3339 con su desfase (p. ej. 2026-10-03T14:05:00Z).",
    "Não é um horário RFC 3339 com seu deslocamento (ex. 2026-10-03T14:05:00Z).",
);
const TIME_OUT_OF_RANGE: Words = words!(
    "Outside the times a bill can hold ({1}).",
    "Hors des heures qu'une facture peut contenir ({1}).",
    "Fuera de las horas que una factura puede contener ({1}).",
    "Fora dos horários que uma fatura pode conter ({1}).",
);
const EMPTY_PHONE_NUMBER: Words = words!(
    "Empty: the business phone number is required.",
    "Vide : le numéro de l'entreprise est obligatoire.",
    "Vacío: el número de la empresa es obligatorio.",
    "Vazio: o número da empresa é obrigatório.",
);
const NOT_A_USER: Words = words!(
    "Not a number in E.164 form (+ then 8 to 15 digits, e.g. +919876543210).",
    "Pas un numéro au format E.164 (+ puis 8 à 15 chiffres, p. ex. +33612345678).",
    "No es un número en formato E.164 (+ y de 8 a 15 dígitos, p. ej. +34612345678).",
    "Não é um número no formato E.164 (+ e de 8 a 15 dígitos, ex. +5511987654321).",
);
const NOT_A_DIRECTION: Words = words!(
    "Not in or out.",
    "Ni in ni out.",
    "No es in ni out.",
    "Não é in nem out.",
);
const INBOUND_KIND: Words = words!(
    "Not message, entry_point or call (direction in).",
    "Ni message, ni entry_point, ni call (direction in).",
    "No es message, entry_point ni call (dirección in).",
    "Não é message, entry_point nem call (direção in).",
);
const OUTBOUND_KIND: Words = words!(
    "Not template or free_form (direction out).",
    "Ni template ni free_form (direction out).",
    "No es template ni free_form (dirección out).",
    "Não é template nem free_form (direção out).",
);
const TEMPLATE_CATEGORY: Words = words!(
    "Not marketing, utility or authentication: a template needs its category.",
    "Ni marketing, ni utility, ni authentication\u{a0}: un modèle a besoin de sa catégorie.",
    "No es marketing, utility ni authentication: una plantilla necesita su categoría.",
    "Não é marketing, utility nem authentication: um modelo precisa da sua categoria.",
);
const FREE_FORM_CATEGORY: Words = words!(
    "Not empty or service: a free-form message has no template category.",
    "Ni vide ni service : un message libre n'a pas de catégorie de modèle.",
    "No está vacío ni es service: un mensaje libre no tiene categoría de plantilla.",
    "Não está vazio nem é service: uma mensagem livre não tem categoria de modelo.",
);
const OUTBOUND_STATUS: Words = words!(
    "Not delivered (the default when empty), read or failed.",
    "Ni delivered (par défaut si vide), ni read, ni failed.",
    "No es delivered (por defecto si está vacío), read ni failed.",
    "Não é delivered (o padrão se vazio), read nem failed.",
);
const INBOUND_STATUS: Words = words!(
    "Not empty, delivered or read: the status of a message the business received.",
    "Ni vide, ni delivered, ni read : le statut d'un message reçu par l'entreprise.",
    "No está vacío ni es delivered o read: el estado de un mensaje que recibió la empresa.",
    "Não está vazio nem é delivered ou read: o status de uma mensagem que a empresa recebeu.",
);
const MESSAGE_CONFLICT: Words = words!(
    "Differs from line {2}, the first row of message {1} ({3}).",
    "Diffère de la ligne {2}, première ligne du message {1} ({3}).",
    "Difiere de la línea {2}, la primera fila del mensaje {1} ({3}).",
    "Difere da linha {2}, a primeira linha da mensagem {1} ({3}).",
);

/// Why a row is malformed (its line, column and value are shown beside it).
pub fn row_problem(lang: Lang, problem: &RowProblem) -> String {
    match problem {
        RowProblem::Csv { problem, column } => at(
            lang,
            &say(lang, &CHARACTER, &[&number(lang, column)]),
            &csv_kind(lang, &(*problem).into()),
        ),
        RowProblem::TooFewFields { found, header } => say(
            lang,
            &TOO_FEW_FIELDS,
            &[&number(lang, found), &number(lang, header)],
        ),
        RowProblem::TooManyFields {
            found,
            header,
            first,
        } => {
            let figures = [first, found, header].map(|n| number(lang, n));
            say(
                lang,
                &TOO_MANY_FIELDS,
                &figures.each_ref().map(String::as_str),
            )
        }
        RowProblem::NotUtf8 { byte } => say(lang, &NOT_UTF8_ROW, &[&number(lang, byte)]),
        RowProblem::NotATime => say(lang, &NOT_A_TIME, &[]),
        RowProblem::TimeOutOfRange => say(lang, &TIME_OUT_OF_RANGE, &[TIME_RANGE]),
        RowProblem::EmptyPhoneNumber => say(lang, &EMPTY_PHONE_NUMBER, &[]),
        RowProblem::NotAUser => say(lang, &NOT_A_USER, &[]),
        RowProblem::NotADirection => say(lang, &NOT_A_DIRECTION, &[]),
        RowProblem::InboundKind => say(lang, &INBOUND_KIND, &[]),
        RowProblem::OutboundKind => say(lang, &OUTBOUND_KIND, &[]),
        RowProblem::TemplateCategory => say(lang, &TEMPLATE_CATEGORY, &[]),
        RowProblem::FreeFormCategory => say(lang, &FREE_FORM_CATEGORY, &[]),
        RowProblem::OutboundStatus => say(lang, &OUTBOUND_STATUS, &[]),
        RowProblem::InboundStatus => say(lang, &INBOUND_STATUS, &[]),
        RowProblem::MessageConflict {
            message_id,
            first_line,
            first,
        } => {
            let (id, line) = (quote(lang, message_id), number(lang, first_line));
            say(lang, &MESSAGE_CONFLICT, &[&id, &line, &quote(lang, first)])
        }
    }
}

/// A column of the log as the bad rows' table shows it: the header's name, or "(row)".
pub fn column(lang: Lang, name: &str) -> String {
    const ROW: Words = words!("(row)", "(ligne)", "(fila)", "(linha)");
    if name == "(row)" {
        crate::wording::pick(lang, &ROW).to_string()
    } else {
        name.to_string()
    }
}

const HEADER_AT: Words = words!(
    "Line {1} (header)",
    "Ligne {1} (en-tête)",
    "Línea {1} (encabezado)",
    "Linha {1} (cabeçalho)",
);
const NOT_UTF8: Words = words!(
    "Not UTF-8 text.",
    "Pas du texte UTF-8.",
    "No es texto UTF-8.",
    "Não é texto UTF-8.",
);
const DUPLICATE_COLUMN: Words = words!(
    "The column {1} appears twice (columns {2} and {3}).",
    "La colonne {1} apparaît deux fois (colonnes {2} et {3}).",
    "La columna {1} aparece dos veces (columnas {2} y {3}).",
    "A coluna {1} aparece duas vezes (colunas {2} e {3}).",
);
const MISSING_COLUMNS: Words = words!(
    "Missing column(s): {1} (found: {2}).",
    "Colonne(s) manquante(s) : {1} (trouvées : {2}).",
    "Falta(n) columna(s): {1} (encontradas: {2}).",
    "Coluna(s) ausente(s): {1} (encontradas: {2}).",
);
const EMPTY_LOG: Words = words!(
    "The log is empty: a header row is required.",
    "Le journal est vide : une ligne d'en-tête est obligatoire.",
    "El registro está vacío: se necesita una fila de encabezado.",
    "O registro está vazio: é necessária uma linha de cabeçalho.",
);
const UTF16: Words = words!(
    "The log is UTF-16 text: save it as CSV UTF-8.",
    "Le journal est en texte UTF-16 : enregistrez-le en CSV UTF-8.",
    "El registro es texto UTF-16: guárdelo como CSV UTF-8.",
    "O registro é texto UTF-16: salve-o como CSV UTF-8.",
);
const WORKER: Words = words!(
    "The background worker failed: {1}",
    "Le worker a échoué : {1}",
    "El worker falló: {1}",
    "O worker falhou: {1}",
);

/// Why there is no bill.
pub fn log_problem(lang: Lang, problem: &LogProblem) -> String {
    match problem {
        LogProblem::Unreadable => crate::wording::unreadable(lang),
        LogProblem::Empty => say(lang, &EMPTY_LOG, &[]),
        LogProblem::Utf16 => say(lang, &UTF16, &[]),
        LogProblem::Header { line, problem } => {
            let place = say(lang, &HEADER_AT, &[&number(lang, line)]);
            at(lang, &place, &header_problem(lang, problem))
        }
        LogProblem::Setting {
            setting,
            value,
            problem,
        } => at(
            lang,
            &setting_label(lang, setting),
            &setting_problem(lang, value, problem),
        ),
        LogProblem::Worker { detail } => say(lang, &WORKER, &[detail]),
    }
}

fn header_problem(lang: Lang, problem: &HeaderProblem) -> String {
    match problem {
        HeaderProblem::Csv { problem, column } => at(
            lang,
            &say(lang, &CHARACTER, &[&number(lang, column)]),
            &csv_kind(lang, &(*problem).into()),
        ),
        HeaderProblem::NotUtf8 => say(lang, &NOT_UTF8, &[]),
        HeaderProblem::DuplicateColumn {
            name,
            first,
            second,
        } => {
            let (first, second) = (number(lang, first), number(lang, second));
            say(
                lang,
                &DUPLICATE_COLUMN,
                &[&quote(lang, name), &first, &second],
            )
        }
        HeaderProblem::MissingColumns { missing, found } => say(
            lang,
            &MISSING_COLUMNS,
            &[&missing.join(", "), &found.join(", ")],
        ),
    }
}

/// A setting of the form by its label (the settings JSON's key for the others).
fn setting_label(lang: Lang, key: &str) -> String {
    let label = match key {
        "timezone" | "currency" | "rules" | "rate_card" | "business_country" => s(lang, key),
        "auth_international_from" => s(lang, "auth_from"),
        _ => return key.to_string(),
    };
    label.split(" (").next().unwrap_or(label).to_string()
}

const SETTINGS_JSON: Words = words!(
    "The settings are not valid: {2}",
    "Les paramètres ne sont pas valides : {2}",
    "Los ajustes no son válidos: {2}",
    "As configurações não são válidas: {2}",
);
const NOT_AN_OFFSET: Words = words!(
    "{1} is not an offset like +05:30.",
    "{1} n'est pas un décalage comme +05:30.",
    "{1} no es un desfase como +05:30.",
    "{1} não é um deslocamento como +05:30.",
);
const NOT_A_ZONE: Words = words!(
    "{1} is not an IANA time zone (e.g. Europe/London) nor an offset like +05:30.",
    "{1} n'est ni un fuseau IANA (p. ex. Europe/Paris) ni un décalage comme +05:30.",
    "{1} no es una zona IANA (p. ej. Europe/Madrid) ni un desfase como +05:30.",
    "{1} não é um fuso IANA (ex. America/Sao_Paulo) nem um deslocamento como +05:30.",
);
const NO_ZONE_NAMES: Words = words!(
    "{1}: this build reads no time zone names; give an offset like +05:30.",
    "{1} : cette version ne lit pas les noms de fuseaux ; indiquez un décalage comme +05:30.",
    "{1}: esta versión no lee nombres de zonas; indique un desfase como +05:30.",
    "{1}: esta versão não lê nomes de fusos; informe um deslocamento como +05:30.",
);
const UNKNOWN_CURRENCY: Words = words!(
    "{1} has no rate card (cards exist for {2}).",
    "{1} n'a pas de grille (grilles disponibles : {2}).",
    "{1} no tiene tarifa (hay tarifas en {2}).",
    "{1} não tem tabela (há tabelas em {2}).",
);
const UNKNOWN_RULES: Words = words!(
    "{1} is not auto or one of {2}.",
    "{1} n'est ni auto ni l'une de {2}.",
    "{1} no es auto ni una de {2}.",
    "{1} não é auto nem uma de {2}.",
);
const NOT_A_CARD_DATE: Words = words!(
    "{1} is not auto or a date YYYY-MM-DD.",
    "{1} n'est ni auto ni une date AAAA-MM-JJ.",
    "{1} no es auto ni una fecha AAAA-MM-DD.",
    "{1} não é auto nem uma data AAAA-MM-DD.",
);
const NO_SUCH_CARD: Words = words!(
    "No {2} card took effect on {3}.",
    "Aucune grille {2} n'est entrée en vigueur le {3}.",
    "Ninguna tarifa {2} entró en vigor el {3}.",
    "Nenhuma tabela {2} entrou em vigor em {3}.",
);
const NOT_A_COUNTRY: Words = words!(
    "{1} is not a country code: two letters, e.g. GB.",
    "{1} n'est pas un code de pays : deux lettres, p. ex. FR.",
    "{1} no es un código de país: dos letras, p. ej. ES.",
    "{1} não é um código de país: duas letras, ex. BR.",
);
const NOT_A_SETTING_TIME: Words = words!(
    "{1} is not an RFC 3339 time with its offset (e.g. 2026-10-01T00:00:00Z).",
    "{1} n'est pas une heure RFC 3339 avec son décalage (p. ex. 2026-10-01T00:00:00Z).",
    "{1} no es una hora RFC 3339 con su desfase (p. ej. 2026-10-01T00:00:00Z).",
    "{1} não é um horário RFC 3339 com seu deslocamento (ex. 2026-10-01T00:00:00Z).",
);
const SETTING_OUT_OF_RANGE: Words = words!(
    "{1} is outside the times a bill can hold ({2}).",
    "{1} est hors des heures qu'une facture peut contenir ({2}).",
    "{1} está fuera de las horas que una factura puede contener ({2}).",
    "{1} está fora dos horários que uma fatura pode conter ({2}).",
);

/// What is wrong with a setting's `value`.
fn setting_problem(lang: Lang, value: &str, problem: &SettingProblem) -> String {
    let value = quote(lang, value);
    let (words, second, third): (&Words, String, String) = match problem {
        SettingProblem::Json { detail } => (&SETTINGS_JSON, detail.clone(), String::new()),
        SettingProblem::Timezone(ZoneProblem::NotAnOffset) => {
            (&NOT_AN_OFFSET, "".into(), "".into())
        }
        SettingProblem::Timezone(ZoneProblem::NotAName) => (&NOT_A_ZONE, "".into(), "".into()),
        SettingProblem::Timezone(ZoneProblem::NamesNeedFeature) => {
            (&NO_ZONE_NAMES, String::new(), String::new())
        }
        SettingProblem::UnknownCurrency { known } => {
            (&UNKNOWN_CURRENCY, known.join(", "), String::new())
        }
        SettingProblem::UnknownRules { known } => {
            (&UNKNOWN_RULES, list(lang, known, true), String::new())
        }
        SettingProblem::NotACardDate => (&NOT_A_CARD_DATE, String::new(), String::new()),
        SettingProblem::NoSuchCard { currency, date } => {
            (&NO_SUCH_CARD, currency.clone(), date.clone())
        }
        SettingProblem::NotACountry => (&NOT_A_COUNTRY, String::new(), String::new()),
        SettingProblem::NotATime => (&NOT_A_SETTING_TIME, String::new(), String::new()),
        SettingProblem::TimeOutOfRange => {
            (&SETTING_OUT_OF_RANGE, TIME_RANGE.to_string(), String::new())
        }
    };
    say(lang, words, &[&value, &second, &third])
}

/// "Line 7", for the bad rows' table.
pub fn line_of(lang: Lang, n: u64) -> String {
    line(lang, usize::try_from(n).unwrap_or(usize::MAX))
}

/// Why another rules version cannot price the log, with the messages it leaves out.
pub fn gap(lang: Lang, gap: &GapView) -> String {
    let messages = number(lang, gap.messages);
    match &gap.reason {
        GapReason::BeforeTemplatePricing => say(
            lang,
            &words!("{1} message(s) sent before 2021-02-01: template pricing, whose rates Meta never published", "{1} message(s) envoyé(s) avant le 2021-02-01 : tarification par modèle, dont Meta n'a jamais publié les tarifs", "{1} mensaje(s) enviado(s) antes del 2021-02-01: tarificación por plantilla, cuyas tarifas Meta nunca publicó", "{1} mensagem(ns) enviada(s) antes de 2021-02-01: preço por modelo, cujas tarifas a Meta nunca publicou"),
            &[&messages],
        ),
        GapReason::MexicoOnly => say(
            lang,
            &words!("{1} message(s) outside Mexico: the Mexico test priced only +52 numbers", "{1} message(s) hors du Mexique : le test mexicain ne tarifait que les numéros +52", "{1} mensaje(s) fuera de México: la prueba de México solo tarificaba números +52", "{1} mensagem(ns) fora do México: o teste do México só tarifava números +52"),
            &[&messages],
        ),
        GapReason::NoCard { currency, date } => say(
            lang,
            &words!("{1} message(s): no {2} rate card in force on {3}", "{1} message(s) : aucune grille {2} en vigueur le {3}", "{1} mensaje(s): ninguna tarifa en {2} vigente el {3}", "{1} mensagem(ns): nenhuma tabela em {2} em vigor em {3}"),
            &[&messages, currency, date],
        ),
        GapReason::NoRate {
            card,
            currency,
            category,
            market,
        } => say(
            lang,
            &words!("{1} message(s): the {2} {3} card has no {4} rate for {5}", "{1} message(s) : la grille {3} du {2} n'a pas de tarif {4} pour {5}", "{1} mensaje(s): la tarifa en {3} del {2} no tiene precio de {4} para {5}", "{1} mensagem(ns): a tabela em {3} de {2} não tem preço de {4} para {5}"),
            &[
                &messages,
                card,
                currency,
                &crate::wording::category(lang, *category),
                market,
            ],
        ),
    }
}

/// Why the invoice total field's text is not an amount, in the page's language.
pub fn invoice_problem(lang: Lang, error: &InvoiceTotalError) -> String {
    let text = error.text.as_str();
    match error.kind {
        InvoiceTotalErrorKind::Empty => say(
            lang,
            &words!("Type the invoice's total.", "Saisissez le total de la facture.", "Escriba el total de la factura.", "Digite o total da fatura."),
            &[],
        ),
        InvoiceTotalErrorKind::Signed => say(
            lang,
            &words!("“{1}” is not an invoice total (a total has no sign).", "« {1} » n'est pas un total de facture (un total n'a pas de signe).", "«{1}» no es un total de factura (un total no lleva signo).", "“{1}” não é um total de fatura (um total não tem sinal)."),
            &[text],
        ),
        InvoiceTotalErrorKind::Grouping { mark } => say(
            lang,
            &words!("“{1}” is not an amount (“{2}” groups digits by three, as in 1{2}500).", "« {1} » n'est pas un montant (« {2} » groupe les chiffres par trois, comme dans 1{2}500).", "«{1}» no es un importe («{2}» agrupa las cifras de tres en tres, como en 1{2}500).", "“{1}” não é um valor (“{2}” agrupa os algarismos de três em três, como em 1{2}500)."),
            &[text, &mark.to_string()],
        ),
        InvoiceTotalErrorKind::NotANumber => say(
            lang,
            &words!("“{1}” is not an amount.", "« {1} » n'est pas un montant.", "«{1}» no es un importe.", "“{1}” não é um valor."),
            &[text],
        ),
        InvoiceTotalErrorKind::TooLarge => say(
            lang,
            &words!("“{1}” is too large.", "« {1} » est trop grand.", "«{1}» es demasiado grande.", "“{1}” é grande demais."),
            &[text],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The range a bill can hold is the core's, written once here so the view's bundle does
    /// not carry the biller's time formatting.
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn the_time_range_is_the_cores() {
        assert_eq!(
            TIME_RANGE.replace(" – ", " to "),
            wacost_core::bill::error::TimeRange.to_string()
        );
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn row_and_setting_problems_read_in_each_language() {
        let category = RowProblem::TemplateCategory;
        assert_eq!(
            row_problem(Lang::Fr, &category),
            "Ni marketing, ni utility, ni authentication\u{a0}: un modèle a besoin de sa catégorie."
        );
        let csv = RowProblem::Csv {
            problem: super::super::model::CsvKind::StrayQuote,
            column: 12,
        };
        assert!(row_problem(Lang::Es, &csv).starts_with("Carácter 12: Unas comillas"));
        let country = LogProblem::Setting {
            setting: "business_country".into(),
            value: "Brazil".into(),
            problem: SettingProblem::NotACountry,
        };
        assert_eq!(
            log_problem(Lang::PtBr, &country),
            "País da empresa: “Brazil” não é um código de país: duas letras, ex. BR."
        );
        assert_eq!(column(Lang::Fr, "(row)"), "(ligne)");
    }
}
