//! The estimate's notes in the page's language. The core decides what to say and gives the
//! figures (`wacost_core::estimate::Note`); this module only words it. English is the core's
//! own sentence, so the command line, the JavaScript API and the page say the same thing.

use crate::i18n::{count, money, t, Lang};
use wacost_core::estimate::Note;

/// The note as a sentence in `lang`.
pub fn sentence(lang: Lang, note: &Note) -> String {
    if lang == Lang::En {
        return note.english();
    }
    match note {
        Note::PartialCard { .. }
        | Note::CardChangesInMonth { .. }
        | Note::CardNotInForce { .. }
        | Note::RulesNotOfMonth { .. }
        | Note::MexicoFreeConversations { .. } => card_note(lang, note),
        Note::UsMarketingNotDelivered { .. }
        | Note::NoLadder { .. }
        | Note::CustomRate { .. }
        | Note::MainDriver { .. } => traffic_note(lang, note),
    }
}

/// The notes about the card and the rules (routed here by `sentence`).
fn card_note(lang: Lang, note: &Note) -> String {
    match note {
        Note::PartialCard {
            currency,
            card,
            markets,
            missing_markets,
        } => {
            let (markets, missing) = (count(lang, *markets as u64), count(lang, *missing_markets as u64));
            match lang {
                Lang::Fr => format!("La grille {currency} du {card} n'est présente qu'en partie dans cette version ({markets} marchés ont des tarifs, {missing} marchés de Meta n'en ont pas) : un marché absent ne peut être estimé qu'avec votre propre tarif."),
                Lang::Es => format!("La tarifa {currency} del {card} solo está en parte en esta versión ({markets} mercados tienen precios, {missing} mercados de Meta no): un mercado que falta solo puede estimarse con una tarifa propia."),
                _ => format!("A tabela {currency} de {card} está só em parte nesta versão ({markets} mercados têm preços, {missing} mercados da Meta não): um mercado que falta só pode ser estimado com uma tarifa própria."),
            }
        }
        Note::CardChangesInMonth {
            currency,
            month,
            card,
            next_card,
        } => match lang {
            Lang::Fr => format!("Une nouvelle grille {currency} entre en vigueur le {next_card}, pendant {month} : cette estimation applique la grille du {card} à tout le mois."),
            Lang::Es => format!("Una nueva tarifa {currency} entra en vigor el {next_card}, dentro de {month}: esta estimación aplica la tarifa del {card} a todo el mes."),
            _ => format!("Uma nova tabela {currency} entra em vigor em {next_card}, dentro de {month}: esta estimativa aplica a tabela de {card} ao mês inteiro."),
        },
        Note::CardNotInForce {
            currency,
            card,
            first_day,
            in_force,
        } => match lang {
            Lang::Fr => format!("Vous avez choisi la grille {currency} du {card} ; la grille en vigueur le {first_day} est celle du {in_force}."),
            Lang::Es => format!("Eligió la tarifa {currency} del {card}; la vigente el {first_day} es la del {in_force}."),
            _ => format!("Você escolheu a tabela {currency} de {card}; a vigente em {first_day} é a de {in_force}."),
        },
        Note::RulesNotOfMonth {
            rules,
            month,
            in_force,
        } => match lang {
            Lang::Fr => format!("Vous avez choisi les règles {rules} ; les règles en vigueur en {month} sont {in_force}."),
            Lang::Es => format!("Eligió las reglas {rules}; las vigentes en {month} son {in_force}."),
            _ => format!("Você escolheu as regras {rules}; as vigentes em {month} são {in_force}."),
        },
        Note::MexicoFreeConversations { free_conversations } => {
            let (n, a, b) = (count(lang, *free_conversations), count(lang, 1500), count(lang, 1000));
            match lang {
                Lang::Fr => format!("Les conversations gratuites mensuelles du test mexicain sont prises égales à {n} (free_conversations) : un fournisseur a publié {a}, un autre {b}, et la page de Meta dit seulement « un palier gratuit »."),
                Lang::Es => format!("Las conversaciones gratuitas mensuales de la prueba de México se toman como {n} (free_conversations): un proveedor publicó {a}, otro {b}, y la página de Meta solo dice «un nivel gratuito»."),
                _ => format!("As conversas gratuitas mensais do teste do México são consideradas {n} (free_conversations): um provedor publicou {a}, outro {b}, e a página da Meta diz apenas “um nível gratuito”."),
            }
        }
        // Not routed here.
        other => other.english(),
    }
}

/// The notes about the traffic and its rates (routed here by `sentence`).
fn traffic_note(lang: Lang, note: &Note) -> String {
    let category = |c: &wacost_core::category::Category| t(lang, c.as_str()).to_string();
    match note {
        Note::UsMarketingNotDelivered {
            lines,
            marketing,
            by_market,
        } => {
            let (rows, n) = (rows(lang, lines), count(lang, *marketing));
            match (lang, by_market) {
                (Lang::Fr, false) => format!("{rows} : les modèles marketing vers des numéros +1 des États-Unis ne sont pas distribués (depuis avril 2025), Meta ne les facture donc pas ; les {n} messages marketing vers les États-Unis sont estimés ici comme s'ils l'étaient."),
                (Lang::Fr, true) => format!("{rows} : les modèles marketing vers des numéros +1 des États-Unis ne sont pas distribués (depuis avril 2025), Meta ne les facture donc pas ; les {n} messages marketing vers l'Amérique du Nord (qui comprend les États-Unis) sont estimés ici comme s'ils l'étaient."),
                (Lang::Es, false) => format!("{rows}: las plantillas de marketing a números +1 de Estados Unidos no se entregan (desde abril de 2025), así que Meta no las cobra; los {n} mensajes de marketing a Estados Unidos se estiman aquí como si se entregaran."),
                (Lang::Es, true) => format!("{rows}: las plantillas de marketing a números +1 de Estados Unidos no se entregan (desde abril de 2025), así que Meta no las cobra; los {n} mensajes de marketing a Norteamérica (que incluye Estados Unidos) se estiman aquí como si se entregaran."),
                (_, false) => format!("{rows}: modelos de marketing para números +1 dos Estados Unidos não são entregues (desde abril de 2025), então a Meta não os cobra; as {n} mensagens de marketing para os Estados Unidos são estimadas aqui como se fossem entregues."),
                (_, true) => format!("{rows}: modelos de marketing para números +1 dos Estados Unidos não são entregues (desde abril de 2025), então a Meta não os cobra; as {n} mensagens de marketing para a América do Norte (que inclui os Estados Unidos) são estimadas aqui como se fossem entregues."),
            }
        }
        Note::NoLadder {
            market,
            category: c,
            currency,
            card,
        } => {
            let c = category(c);
            let market = crate::place_names::market(lang, market);
            match lang {
                Lang::Fr => format!("{market} · {c} : la grille {currency} du {card} n'a pas de paliers de volume publiés, chaque message est donc compté au tarif de base ; le montant est un maximum."),
                Lang::Es => format!("{market} · {c}: la tarifa {currency} del {card} no tiene niveles de volumen publicados, así que cada mensaje se cobra a la tarifa de lista; el importe es un máximo."),
                _ => format!("{market} · {c}: a tabela {currency} de {card} não tem faixas de volume publicadas, então cada mensagem é cobrada pela tarifa de tabela; o valor é um teto."),
            }
        }
        Note::CustomRate {
            market,
            category: c,
            flat,
            currency,
            card,
        } => {
            let c = category(c);
            let market = crate::place_names::market(lang, market);
            match (lang, flat) {
                (Lang::Fr, false) => format!("{market} · {c} est estimé avec votre tarif, et non avec la grille {currency} du {card} de Meta."),
                (Lang::Fr, true) => format!("{market} · {c} est estimé avec votre tarif, à prix fixe (les paliers de Meta valent pour son tarif de base ; ajoutez custom_tiers pour en définir), et non avec la grille {currency} du {card} de Meta."),
                (Lang::Es, false) => format!("{market} · {c} se estima con su tarifa propia, no con la tarifa {currency} del {card} de Meta."),
                (Lang::Es, true) => format!("{market} · {c} se estima con su tarifa propia, a precio fijo (los niveles de Meta corresponden a su tarifa de lista; añada custom_tiers para definirlos), no con la tarifa {currency} del {card} de Meta."),
                (_, false) => format!("{market} · {c} é estimado com a sua tarifa própria, não com a tabela {currency} de {card} da Meta."),
                (_, true) => format!("{market} · {c} é estimado com a sua tarifa própria, a preço fixo (as faixas da Meta valem para a tarifa de tabela dela; adicione custom_tiers para defini-las), não com a tabela {currency} de {card} da Meta."),
            }
        }
        Note::MainDriver {
            market,
            category: c,
            percent,
            currency,
            amount,
            fields,
            ..
        } => {
            let c = category(c);
            let market = crate::place_names::market(lang, market);
            let amount = money(lang, currency, amount);
            let percent = percent.replace('.', ",");
            let fields = field_names(lang, fields).join(", ");
            match lang {
                Lang::Fr => format!("{market} · {c} représente {percent} % de la facturation Meta ({amount}) ; cela dépend surtout de : {fields}."),
                Lang::Es => format!("{market} · {c} es el {percent} % del cargo de Meta ({amount}); depende sobre todo de: {fields}."),
                _ => format!("{market} · {c} é {percent}% da cobrança da Meta ({amount}); depende sobretudo de: {fields}."),
            }
        }
        // Not routed here.
        other => other.english(),
    }
}

/// The sheet's rows (numbered from 1, as the user sees them), the first three by number.
fn rows(lang: Lang, lines: &[usize]) -> String {
    const NAMED: usize = 3;
    let numbers: Vec<String> = lines
        .iter()
        .take(NAMED)
        .map(|i| (i + 1).to_string())
        .collect();
    let (one, many, and, more) = match lang {
        Lang::Fr => ("Ligne", "Lignes", "et", "autres"),
        Lang::Es => ("Línea", "Líneas", "y", "más"),
        _ => ("Linha", "Linhas", "e", "outras"),
    };
    match lines.len() {
        0 => String::new(),
        1 => format!("{one} {}", numbers[0]),
        n if n <= NAMED => format!(
            "{many} {} {and} {}",
            numbers[..n - 1].join(", "),
            numbers[n - 1]
        ),
        n => format!("{many} {} {and} {} {more}", numbers.join(", "), n - NAMED),
    }
}

/// Scenario fields as the page labels them, each once.
fn field_names(lang: Lang, fields: &[String]) -> Vec<String> {
    let label = |key: &str| {
        // Labels carry a range or a format hint in parentheses, which a sentence does without.
        let text = t(lang, key);
        text.split(" (").next().unwrap_or(text).to_string()
    };
    let mut names: Vec<String> = Vec::new();
    for field in fields {
        let name = match field.split_once('.') {
            Some(("lines", column)) => {
                format!("{} ({})", t(lang, column), label("volumes").to_lowercase())
            }
            Some(("per_conversation", column)) => {
                format!("{} · {}", label("per_conversation"), t(lang, column))
            }
            _ if field == "custom_rates" => t(lang, "custom").to_string(),
            _ => label(field),
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}
