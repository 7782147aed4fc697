//! The bill's warnings in the page's language, worded from the core's `BillWarning` kinds and
//! their counts (the report's `warnings` are the same in English). In the view's own bundle.

use crate::i18n::Lang;
use crate::place_names;
use crate::wording::{category, list, number, quote, say, words, Words};
use wacost_core::bill::classify::Unpriced;
use wacost_core::bill::BillWarning;
use wacost_core::catalog::LookupError;

const FREE_ENTRY_POINT_WINDOWS: Words = words!(
    "Free entry point windows opened from 2026-09-28 may stay open up to 7 days; they are counted as 72 hours, so messages after 72 hours may be free at Meta.",
    "Les fenêtres gratuites des points d'entrée ouvertes à partir du 2026-09-28 peuvent durer jusqu'à 7 jours ; elles sont comptées sur 72 heures, donc des messages après 72 heures peuvent être gratuits chez Meta.",
    "Las ventanas gratuitas de puntos de entrada abiertas desde el 2026-09-28 pueden durar hasta 7 días; se cuentan como 72 horas, así que los mensajes después de 72 horas pueden ser gratuitos en Meta.",
    "As janelas gratuitas de pontos de entrada abertas a partir de 2026-09-28 podem durar até 7 dias; são contadas como 72 horas, então mensagens depois de 72 horas podem ser gratuitas na Meta.",
);
const NO_LADDER: Words = words!(
    "No {1} volume tiers for {2} ({3}) on the {4} card: priced at the list rate, an upper bound.",
    "Pas de paliers de volume en {1} pour {2} ({3}) dans la grille du {4} : facturé au tarif de base, un plafond.",
    "No hay niveles de volumen en {1} para {2} ({3}) en la tarifa del {4}: se cobra la tarifa de lista, un máximo.",
    "Sem faixas de volume em {1} para {2} ({3}) na tabela de {4}: cobrado pela tarifa de lista, um teto.",
);
const MARKET_NOTE: Words = words!(
    "Numbers of +{1}: a country Meta's table does not list is billed as Other, as Meta's rule says.",
    "Numéros en +{1} : un pays absent de la table de Meta est facturé comme « Autre », selon la règle de Meta.",
    "Números de +{1}: un país que la tabla de Meta no incluye se cobra como Otros, según la regla de Meta.",
    "Números de +{1}: um país fora da tabela da Meta é cobrado como Outros, pela regra da Meta.",
);
const NOT_PRICED: Words = words!(
    "{1} delivered message(s) not priced: {2}",
    "{1} message(s) remis non facturé(s) : {2}",
    "{1} mensaje(s) entregado(s) sin precio: {2}",
    "{1} mensagem(ns) entregue(s) sem preço: {2}",
);
const UNDELIVERABLE: Words = words!(
    "{1} free-form message(s) sent with no customer service window open: WhatsApp does not deliver them, never charged.",
    "{1} message(s) libre(s) envoyé(s) sans fenêtre de service client ouverte : WhatsApp ne les remet pas, jamais facturé(s).",
    "{1} mensaje(s) libre(s) enviado(s) sin ventana de atención al cliente abierta: WhatsApp no los entrega, nunca se cobran.",
    "{1} mensagem(ns) livre(s) enviada(s) sem janela de atendimento aberta: o WhatsApp não as entrega, nunca cobradas.",
);
const CARD_CHANGES_IN_MONTH: Words = words!(
    "{1}: the rate card changes inside the month (cards {2}).",
    "{1} : la grille tarifaire change au cours du mois (grilles {2}).",
    "{1}: la tarifa cambia dentro del mes (tarifas {2}).",
    "{1}: a tabela de preços muda dentro do mês (tabelas {2}).",
);
const RECONCILIATION_DIFFERENCES: Words = words!(
    "{1} differences with Meta's categories; the first {2} are listed.",
    "{1} écarts avec les catégories de Meta ; les {2} premiers sont listés.",
    "{1} diferencias con las categorías de Meta; se listan las primeras {2}.",
    "{1} diferenças com as categorias da Meta; as primeiras {2} estão listadas.",
);
const REPEATS: Words = words!(
    "{1} outbound row(s) repeat an earlier row exactly (same time, phone number, user, kind and category) and are billed again: {2}. Give the log a message_id column if they are one message.",
    "{1} ligne(s) sortante(s) répètent exactement une ligne précédente (même heure, numéro, utilisateur, type et catégorie) et sont facturées à nouveau : {2}. Ajoutez au journal une colonne message_id s'il s'agit d'un seul message.",
    "{1} fila(s) saliente(s) repiten exactamente una fila anterior (misma hora, número, usuario, tipo y categoría) y se cobran de nuevo: {2}. Añada al registro una columna message_id si son un solo mensaje.",
    "{1} linha(s) de saída repetem exatamente uma linha anterior (mesmo horário, número, usuário, tipo e categoria) e são cobradas de novo: {2}. Dê ao registro uma coluna message_id se forem uma só mensagem.",
);
const REPEAT: Words = words!(
    "line {1} repeats line {2}",
    "la ligne {1} répète la ligne {2}",
    "la línea {1} repite la línea {2}",
    "a linha {1} repete a linha {2}",
);
const MORE: Words = words!("{1} more", "{1} de plus", "{1} más", "mais {1}");
const BLANK_LINES: Words = words!(
    "{1} blank line(s) skipped (nothing but spaces).",
    "{1} ligne(s) vide(s) ignorée(s) (rien que des espaces).",
    "{1} línea(s) en blanco omitida(s) (solo espacios).",
    "{1} linha(s) em branco ignorada(s) (só espaços).",
);
const MALFORMED_ROWS: Words = words!(
    "{1} malformed row(s) skipped.",
    "{1} ligne(s) mal formée(s) ignorée(s).",
    "{1} fila(s) mal formada(s) omitida(s).",
    "{1} linha(s) malformada(s) ignorada(s).",
);

const BEFORE_TEMPLATE_PRICING: Words = words!(
    "sent before 2021-02-01, under template pricing, whose rates Meta never published.",
    "envoyés avant le 2021-02-01, sous la tarification par modèle, dont Meta n'a jamais publié les tarifs.",
    "enviados antes del 2021-02-01, con la tarificación por plantilla, cuyas tarifas Meta nunca publicó.",
    "enviadas antes de 2021-02-01, na cobrança por modelo, cujas tarifas a Meta nunca publicou.",
);
const MEXICO_ONLY: Words = words!(
    "the mx-2021-02 rules price only +52 numbers; the others were under template pricing, whose rates Meta never published.",
    "les règles mx-2021-02 ne facturent que les numéros en +52 ; les autres relevaient de la tarification par modèle, dont Meta n'a jamais publié les tarifs.",
    "las reglas mx-2021-02 solo cobran números +52; los demás tenían tarificación por plantilla, cuyas tarifas Meta nunca publicó.",
    "as regras mx-2021-02 cobram só números +52; os outros estavam na cobrança por modelo, cujas tarifas a Meta nunca publicou.",
);
const NO_CARD: Words = words!(
    "no {1} rate card in force on {2}.",
    "aucune grille tarifaire en {1} en vigueur le {2}.",
    "ninguna tarifa en {1} vigente el {2}.",
    "nenhuma tabela de preços em {1} em vigor em {2}.",
);
const NO_RATE: Words = words!(
    "the {1} {2} card has no {3} rate for {4}.",
    "la grille en {2} du {1} n'a pas de tarif {3} pour {4}.",
    "la tarifa en {2} del {1} no tiene precio de {3} para {4}.",
    "a tabela em {2} de {1} não tem tarifa de {3} para {4}.",
);
const MALFORMED_COUNTRY: Words = words!(
    "{1} is not a two-letter country code (e.g. IN).",
    "{1} n'est pas un code pays à deux lettres (p. ex. IN).",
    "{1} no es un código de país de dos letras (p. ej. IN).",
    "{1} não é um código de país de duas letras (ex. IN).",
);
const MALFORMED_NUMBER: Words = words!(
    "{1} is not a number in E.164 form (+ then 8 to 15 digits, e.g. +919876543210).",
    "{1} n'est pas un numéro au format E.164 (+ puis 8 à 15 chiffres, p. ex. +919876543210).",
    "{1} no es un número en formato E.164 (+ y de 8 a 15 dígitos, p. ej. +919876543210).",
    "{1} não é um número no formato E.164 (+ e de 8 a 15 dígitos, ex. +919876543210).",
);
const UNKNOWN_CALLING_CODE: Words = words!(
    "{1} starts with no country calling code in use.",
    "{1} ne commence par aucun indicatif de pays en service.",
    "{1} no empieza por ningún prefijo de país en uso.",
    "{1} não começa por nenhum código de país em uso.",
);
const BEFORE_FIRST_TABLE: Words = words!(
    "no market table covers {1}.",
    "aucune table des marchés ne couvre le {1}.",
    "ninguna tabla de mercados cubre el {1}.",
    "nenhuma tabela de mercados cobre {1}.",
);

/// One warning of the bill in `lang`.
pub fn bill_warning(lang: Lang, warning: &BillWarning) -> String {
    match warning {
        BillWarning::FreeEntryPointWindows => say(lang, &FREE_ENTRY_POINT_WINDOWS, &[]),
        BillWarning::NoLadder {
            currency,
            market,
            category: c,
            card,
        } => say(
            lang,
            &NO_LADDER,
            &[
                currency,
                &place_names::market(lang, market),
                &category(lang, *c),
                &card.to_string(),
            ],
        ),
        BillWarning::MarketNote { calling_code, .. } => say(lang, &MARKET_NOTE, &[calling_code]),
        BillWarning::NotPriced { count, reason } => say(
            lang,
            &NOT_PRICED,
            &[&number(lang, count), &unpriced(lang, reason)],
        ),
        BillWarning::Undeliverable { count } => say(lang, &UNDELIVERABLE, &[&number(lang, count)]),
        BillWarning::CardChangesInMonth { month, cards } => say(
            lang,
            &CARD_CHANGES_IN_MONTH,
            &[month, &list(lang, cards, false)],
        ),
        BillWarning::ReconciliationDifferences {
            differences,
            listed,
        } => say(
            lang,
            &RECONCILIATION_DIFFERENCES,
            &[&number(lang, differences), &number(lang, listed)],
        ),
        BillWarning::Repeats { count, listed } => {
            let mut lines: Vec<String> = listed
                .iter()
                .map(|(line, earlier)| {
                    say(
                        lang,
                        &REPEAT,
                        &[&number(lang, line), &number(lang, earlier)],
                    )
                })
                .collect();
            let more = BillWarning::repeats_not_listed(*count, listed);
            if more > 0 {
                lines.push(say(lang, &MORE, &[&number(lang, more)]));
            }
            say(
                lang,
                &REPEATS,
                &[&number(lang, count), &list(lang, &lines, false)],
            )
        }
        BillWarning::BlankLines { count } => say(lang, &BLANK_LINES, &[&number(lang, count)]),
        BillWarning::MalformedRows { count } => say(lang, &MALFORMED_ROWS, &[&number(lang, count)]),
    }
}

/// Why delivered messages could not be priced, in `lang`.
fn unpriced(lang: Lang, reason: &Unpriced) -> String {
    match reason {
        Unpriced::BeforeTemplatePricing => say(lang, &BEFORE_TEMPLATE_PRICING, &[]),
        Unpriced::Market(e) => match e {
            LookupError::MalformedCountry(text) => {
                say(lang, &MALFORMED_COUNTRY, &[&quote(lang, text)])
            }
            LookupError::MalformedNumber(text) => {
                say(lang, &MALFORMED_NUMBER, &[&quote(lang, text)])
            }
            LookupError::UnknownCallingCode(text) => {
                say(lang, &UNKNOWN_CALLING_CODE, &[&quote(lang, text)])
            }
            LookupError::BeforeFirstTable(date) => {
                say(lang, &BEFORE_FIRST_TABLE, &[&date.to_string()])
            }
        },
        Unpriced::MexicoOnly => say(lang, &MEXICO_ONLY, &[]),
        Unpriced::NoCard { currency, date } => say(lang, &NO_CARD, &[currency, &date.to_string()]),
        Unpriced::NoRate {
            card,
            currency,
            category: c,
            market,
        } => say(
            lang,
            &NO_RATE,
            &[
                &card.to_string(),
                currency,
                &category(lang, *c),
                &place_names::market(lang, market),
            ],
        ),
    }
}
