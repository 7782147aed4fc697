//! The finance reader's sentences: the provider's fees part by part, the tier ladder (where the
//! month stands, until when the band lasts, what the next band saves), the core's pricing notes
//! (how tiers count, why authentication is priced at its international rate) and the percent
//! fields' problems. Figures come from the core, already written in the page's language.

use super::{list, number, say, Words};
use crate::i18n::{rate, Lang};
use wacost_core::estimate::PricingNote;
use wacost_core::percent::{PercentErrorKind, PercentWarning};

/// "12,000 charged × $0.0050": the per-message fee's product.
pub fn per_message(lang: Lang, delivered: bool, count: &str, fee: &str) -> String {
    const CHARGED: Words = words!(
        "Per message: {1} charged × {2}",
        "Par message : {1} facturés × {2}",
        "Por mensaje: {1} cobrados × {2}",
        "Por mensagem: {1} cobradas × {2}",
    );
    const DELIVERED: Words = words!(
        "Per message: {1} delivered × {2}",
        "Par message : {1} délivrés × {2}",
        "Por mensaje: {1} entregados × {2}",
        "Por mensagem: {1} entregues × {2}",
    );
    say(
        lang,
        if delivered { &DELIVERED } else { &CHARGED },
        &[count, fee],
    )
}

/// "Markup: 10 % of Meta's charge ($4,354.80)".
pub fn markup(lang: Lang, percent: &str, meta: &str) -> String {
    const MARKUP: Words = words!(
        "Markup: {1} % of Meta's charge ({2})",
        "Majoration : {1} % du montant Meta ({2})",
        "Recargo: {1} % del cargo de Meta ({2})",
        "Margem: {1} % da cobrança da Meta ({2})",
    );
    say(lang, &MARKUP, &[percent, meta])
}

/// "Per phone number: 3 × $10.00".
pub fn per_number(lang: Lang, numbers: &str, fee: &str) -> String {
    const PER_NUMBER: Words = words!(
        "Per phone number: {1} × {2}",
        "Par numéro : {1} × {2}",
        "Por número: {1} × {2}",
        "Por número: {1} × {2}",
    );
    say(lang, &PER_NUMBER, &[numbers, fee])
}

pub fn monthly(lang: Lang) -> String {
    const MONTHLY: Words = words!(
        "Monthly fee",
        "Forfait mensuel",
        "Cuota mensual",
        "Mensalidade",
    );
    say(lang, &MONTHLY, &[])
}

/// "Provider fees, part by part" above the fee lines.
pub fn fee_parts(lang: Lang) -> String {
    const PARTS: Words = words!(
        "Provider fees, part by part",
        "Frais du fournisseur, poste par poste",
        "Tarifas del proveedor, parte por parte",
        "Tarifas do provedor, parte por parte",
    );
    say(lang, &PARTS, &[])
}

/// "Tier 2".
pub fn tier(lang: Lang, tier: u8) -> String {
    const TIER: Words = words!("Tier {1}", "Palier {1}", "Nivel {1}", "Faixa {1}");
    say(lang, &TIER, &[&tier.to_string()])
}

/// "messages 250,001 and above" / "messages 1 – 250,000".
pub fn band_range(lang: Lang, from: u64, to: Option<u64>) -> String {
    const CLOSED: Words = words!(
        "messages {1} – {2}",
        "messages {1} – {2}",
        "mensajes {1} – {2}",
        "mensagens {1} – {2}",
    );
    const OPEN: Words = words!(
        "messages {1} and above",
        "messages {1} et au-delà",
        "mensajes {1} en adelante",
        "mensagens {1} em diante",
    );
    let from_text = number(lang, from);
    match to {
        Some(to) => say(lang, &CLOSED, &[&from_text, &number(lang, to)]),
        None => say(lang, &OPEN, &[&from_text]),
    }
}

/// "You are here: message 20,000 of the month".
pub fn you_are_here(lang: Lang, count: u64) -> String {
    const HERE: Words = words!(
        "You are here: {1} charged messages this month",
        "Vous êtes ici : {1} messages facturés ce mois-ci",
        "Está aquí: {1} mensajes cobrados este mes",
        "Você está aqui: {1} mensagens cobradas neste mês",
    );
    say(lang, &HERE, &[&number(lang, count)])
}

/// "230,000 more messages until tier 2 starts (at message 250,001)".
pub fn until_next(lang: Lang, messages: u64, tier: u8, starts_at: u64) -> String {
    const UNTIL: Words = words!(
        "{1} more messages until tier {2} starts (at message {3})",
        "Encore {1} messages avant le palier {2} (à partir du message {3})",
        "{1} mensajes más hasta que empiece el nivel {2} (desde el mensaje {3})",
        "Mais {1} mensagens até começar a faixa {2} (a partir da mensagem {3})",
    );
    say(
        lang,
        &UNTIL,
        &[
            &number(lang, messages),
            &tier.to_string(),
            &number(lang, starts_at),
        ],
    )
}

/// "Tier 2 costs $0.0012 less per message ($0.0095 each); its first 750,000 messages would
/// save $900.00 against this tier's rate".
pub fn next_saves(
    lang: Lang,
    tier: u8,
    per_message: &str,
    next_rate: &str,
    filled: Option<(u64, &str)>,
) -> String {
    const SAVES: Words = words!(
        "Tier {1} costs {2} less per message ({3} each).",
        "Le palier {1} coûte {2} de moins par message ({3} l'unité).",
        "El nivel {1} cuesta {2} menos por mensaje ({3} cada uno).",
        "A faixa {1} custa {2} a menos por mensagem ({3} cada).",
    );
    const FILLED: Words = words!(
        " Its {1} messages would save {2} against this tier's rate.",
        " Ses {1} messages économiseraient {2} par rapport au tarif de ce palier.",
        " Sus {1} mensajes ahorrarían {2} frente a la tarifa de este nivel.",
        " Suas {1} mensagens economizariam {2} frente à tarifa desta faixa.",
    );
    let mut out = say(lang, &SAVES, &[&tier.to_string(), per_message, next_rate]);
    if let Some((messages, saving)) = filled {
        out.push_str(&say(lang, &FILLED, &[&number(lang, messages), saving]));
    }
    out
}

/// The last band: nothing cheaper to reach.
pub fn top_tier(lang: Lang) -> String {
    const TOP: Words = words!(
        "This is the top tier: no cheaper band this month.",
        "C'est le dernier palier : aucun tarif plus bas ce mois-ci.",
        "Es el último nivel: ninguna tarifa más baja este mes.",
        "É a última faixa: nenhuma tarifa menor neste mês.",
    );
    say(lang, &TOP, &[])
}

/// A core pricing note in `lang`: English is the core's own sentence.
pub fn pricing_note(lang: Lang, note: &PricingNote) -> String {
    if lang == Lang::En {
        return note.english();
    }
    match note {
        PricingNote::TierCounting { categories } => {
            const TIERS: Words = words!(
                "",
                "Paliers de volume ({1}) : Meta compte les messages facturés par portefeuille d'entreprise, par marché et par mois civil, tous les comptes WABA et fournisseurs du portefeuille sur un même compteur, et les messages gratuits ne comptent pas ; cette estimation prend ces lignes pour tout le mois du portefeuille dans chaque marché.",
                "Niveles de volumen ({1}): Meta cuenta los mensajes cobrados por portafolio comercial, mercado y mes calendario, todas las WABA y proveedores del portafolio en un mismo contador, y los mensajes gratuitos no cuentan; esta estimación toma estas líneas como todo el mes del portafolio en cada mercado.",
                "Faixas de volume ({1}): a Meta conta as mensagens cobradas por portfólio empresarial, mercado e mês-calendário, todas as WABAs e provedores do portfólio num só contador, e mensagens gratuitas não contam; esta estimativa toma estas linhas como o mês inteiro do portfólio em cada mercado.",
            );
            let names: Vec<String> = categories
                .iter()
                .map(|c| super::category(lang, *c))
                .collect();
            say(lang, &TIERS, &[&list(lang, &names, false)])
        }
        PricingNote::AuthInternational {
            market,
            lines,
            messages,
            currency,
            rate: international,
            domestic_rate,
            multiple,
            business_country,
        } => {
            const NOTE: Words = words!(
                "",
                "{1}, authentification : {2} message(s) au tarif d'authentification internationale, {3} l'unité{4}, parce que auth_international indique que l'entreprise y a droit, que la grille a un tarif international pour {1} et que {5}.",
                "{1}, autenticación: {2} mensaje(s) a la tarifa de autenticación internacional, {3} cada uno{4}, porque auth_international indica que la empresa es elegible, la tarifa tiene un precio internacional para {1} y {5}.",
                "{1}, autenticação: {2} mensagem(ns) na tarifa de autenticação internacional, {3} cada{4}, porque auth_international diz que a empresa é elegível, a tabela tem uma tarifa internacional para {1} e {5}.",
            );
            const TIMES: Words = words!(
                "",
                ", {1} fois le tarif national de {2}",
                ", {1} veces la tarifa nacional de {2}",
                ", {1} vezes a tarifa nacional de {2}",
            );
            const OTHER_COUNTRY: Words = words!(
                "",
                "le pays de {1} diffère de business_country {2}",
                "el país de {1} difiere de business_country {2}",
                "o país de {1} difere de business_country {2}",
            );
            const NO_COUNTRY: Words = words!(
                "",
                "aucun business_country n'est donné, donc {1} comptent comme internationales (une entreprise éligible sans pays principal paie le tarif international)",
                "no se da business_country, así que {1} cuentan como internacionales (una empresa elegible sin país principal paga la tarifa internacional)",
                "nenhum business_country foi dado, então {1} contam como internacionais (uma empresa elegível sem país principal paga a tarifa internacional)",
            );
            let times = match (domestic_rate, multiple) {
                (Some(domestic), Some(multiple)) => say(
                    lang,
                    &TIMES,
                    &[
                        &multiple.replace('.', ","),
                        &rate(lang, currency, domestic.value()),
                    ],
                ),
                _ => String::new(),
            };
            let rows: Vec<String> = lines.iter().map(|i| super::row(lang, i + 1)).collect();
            let rows = list(lang, &rows, false);
            let why = match business_country {
                Some(home) => say(lang, &OTHER_COUNTRY, &[&rows, home]),
                None => say(lang, &NO_COUNTRY, &[&rows]),
            };
            say(
                lang,
                &NOTE,
                &[
                    market,
                    &number(lang, *messages),
                    &rate(lang, currency, international.value()),
                    &times,
                    &why,
                ],
            )
        }
    }
}

/// Why a percent field's text is refused.
pub fn percent_problem(lang: Lang, kind: PercentErrorKind, text: &str) -> String {
    const EMPTY: Words = words!(
        "No percent given.",
        "Aucun pourcentage donné.",
        "No se indicó ningún porcentaje.",
        "Nenhuma porcentagem informada.",
    );
    const GROUPING: Words = words!(
        "{1} is not a percent ({2} groups digits by three, as in 1{2}500).",
        "{1} n'est pas un pourcentage ({2} groupe les chiffres par trois, comme 1{2}500).",
        "{1} no es un porcentaje ({2} agrupa las cifras de tres en tres, como 1{2}500).",
        "{1} não é uma porcentagem ({2} agrupa os dígitos de três em três, como 1{2}500).",
    );
    const NOT_A_NUMBER: Words = words!(
        "{1} is not a percent: type a number such as 10 or 2.5 (10 means 10 %).",
        "{1} n'est pas un pourcentage : tapez un nombre comme 10 ou 2,5 (10 veut dire 10 %).",
        "{1} no es un porcentaje: escriba un número como 10 o 2,5 (10 significa 10 %).",
        "{1} não é uma porcentagem: digite um número como 10 ou 2,5 (10 significa 10 %).",
    );
    const TOO_MANY: Words = words!(
        "{1} has more than {2} decimals.",
        "{1} a plus de {2} décimales.",
        "{1} tiene más de {2} decimales.",
        "{1} tem mais de {2} casas decimais.",
    );
    const TOO_LARGE: Words = words!(
        "{1} is too large.",
        "{1} est trop grand.",
        "{1} es demasiado grande.",
        "{1} é grande demais.",
    );
    let quoted = super::quote(lang, text);
    match kind {
        PercentErrorKind::Empty => say(lang, &EMPTY, &[]),
        PercentErrorKind::Grouping { mark } => say(lang, &GROUPING, &[&quoted, &mark.to_string()]),
        PercentErrorKind::NotANumber => say(lang, &NOT_A_NUMBER, &[&quoted]),
        PercentErrorKind::TooManyDecimals { max } => {
            say(lang, &TOO_MANY, &[&quoted, &max.to_string()])
        }
        PercentErrorKind::TooLarge => say(lang, &TOO_LARGE, &[&quoted]),
    }
}

/// A percent field's value worth a word (a markup above 100 %).
pub fn percent_warning(lang: Lang, warning: &PercentWarning, shown: &str) -> String {
    const ABOVE_100: Words = words!(
        "A markup of {1} % is more than Meta's charge itself: the field is a percent (10 means 10 %).",
        "Une majoration de {1} % dépasse le montant Meta lui-même : le champ est un pourcentage (10 veut dire 10 %).",
        "Un recargo de {1} % supera el propio cargo de Meta: el campo es un porcentaje (10 significa 10 %).",
        "Uma margem de {1} % é maior que a própria cobrança da Meta: o campo é uma porcentagem (10 significa 10 %).",
    );
    match warning {
        PercentWarning::MarkupAbove100 { .. } => say(lang, &ABOVE_100, &[shown]),
    }
}

/// A percent the scenario refuses: a share above 100 %, a markup above its limit.
pub fn percent_range(lang: Lang, typed: &str, markup: bool) -> String {
    const SHARE: Words = words!(
        "{1} is not a percent from 0 to 100.",
        "{1} n'est pas un pourcentage de 0 à 100.",
        "{1} no es un porcentaje de 0 a 100.",
        "{1} não é uma porcentagem de 0 a 100.",
    );
    const MARKUP: Words = words!(
        "{1} is not a percent from 0 to 100,000.",
        "{1} n'est pas un pourcentage de 0 à 100 000.",
        "{1} no es un porcentaje de 0 a 100.000.",
        "{1} não é uma porcentagem de 0 a 100.000.",
    );
    let words = if markup { &MARKUP } else { &SHARE };
    say(lang, words, &[&super::quote(lang, typed.trim())])
}
