//! The words of destinations that are ours to write: Meta's regional market names in four
//! languages, and the names and short forms people type for countries (UK, USA, KSA,
//! "Allemagne", "Emirados"). Country names for display come first from the caller (the page
//! asks the browser's `Intl.DisplayNames`, which costs no bytes); the names here make search
//! work without it (the command line, tests, an old browser) and add the short forms no
//! display name carries. Kept as one text per language, a line per country, because a table
//! of `&str` pairs would cost two pointers per entry in the page's first load.

use crate::locale::Locale;

/// Meta's regional market names (the key, in English as in Meta's table) in French, Spanish
/// and Brazilian Portuguese.
const MARKETS: [(&str, [&str; 3]); 8] = [
    (
        "North America",
        ["Amérique du Nord", "Norteamérica", "América do Norte"],
    ),
    (
        "Rest of Africa",
        ["Reste de l’Afrique", "Resto de África", "Resto da África"],
    ),
    (
        "Rest of Asia Pacific",
        [
            "Reste de l’Asie-Pacifique",
            "Resto de Asia-Pacífico",
            "Resto da Ásia-Pacífico",
        ],
    ),
    (
        "Rest of Central & Eastern Europe",
        [
            "Reste de l’Europe centrale et orientale",
            "Resto de Europa Central y del Este",
            "Resto da Europa Central e Oriental",
        ],
    ),
    (
        "Rest of Latin America",
        [
            "Reste de l’Amérique latine",
            "Resto de América Latina",
            "Resto da América Latina",
        ],
    ),
    (
        "Rest of Middle East",
        [
            "Reste du Moyen-Orient",
            "Resto de Oriente Medio",
            "Resto do Oriente Médio",
        ],
    ),
    (
        "Rest of Western Europe",
        [
            "Reste de l’Europe de l’Ouest",
            "Resto de Europa Occidental",
            "Resto da Europa Ocidental",
        ],
    ),
    ("Other", ["Autres pays", "Otros países", "Outros países"]),
];

/// A regional market's name in `locale`, or `None` for a name that is not one of Meta's
/// regional markets (a country's own market is named as the country).
pub fn regional_market(market: &str, locale: Locale) -> Option<&'static str> {
    let (english, [fr, es, pt]) = MARKETS.iter().find(|(key, _)| *key == market)?;
    Some(match locale {
        Locale::En => english,
        Locale::Fr => fr,
        Locale::Es => es,
        Locale::PtBr => pt,
    })
}

/// Every regional market name in every language, with its key: what a search matches.
pub fn regional_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    MARKETS.iter().flat_map(|(key, words)| {
        std::iter::once((*key, *key)).chain(words.iter().map(move |w| (*key, *w)))
    })
}

/// Short forms in English, typed on any page: `ISO short|short`.
const EN: &str = "\
GB UK|Great Britain|Britain|England|Scotland|Wales|Northern Ireland
US USA|America|United States of America|US of A
AE UAE|Emirates|Dubai|Abu Dhabi
SA KSA|Saudi
NL Holland
CZ Czechia
TR Türkiye
CI Côte d'Ivoire
CD DRC|DR Congo
KR Korea
RU Russian Federation
MK Macedonia
HK Hong Kong SAR";

/// French names, then short forms: `ISO name|short|short`.
const FR: &str = "\
AE Émirats arabes unis|EAU|Émirats
AR Argentine
AT Autriche
AU Australie
BE Belgique
BR Brésil
CA Canada
CH Suisse
CI Côte d’Ivoire
CL Chili
CM Cameroun
CN Chine
CO Colombie
DE Allemagne
DK Danemark
DZ Algérie
EG Égypte
ES Espagne
FR France
GB Royaume-Uni|Angleterre|Grande-Bretagne
GR Grèce
HK Hong Kong
HU Hongrie
ID Indonésie
IE Irlande
IL Israël
IN Inde
IQ Irak
IT Italie
JP Japon
KW Koweït
KZ Kazakhstan
LK Sri Lanka
MA Maroc
MX Mexique
MY Malaisie
NG Nigeria
NL Pays-Bas|Hollande
NP Népal
OM Oman
PE Pérou
PK Pakistan
PL Pologne
PT Portugal
QA Qatar
RO Roumanie
RU Russie
SA Arabie saoudite
SE Suède
SG Singapour
SN Sénégal
TN Tunisie
TR Turquie
UA Ukraine
US États-Unis|USA
ZA Afrique du Sud";

/// Spanish names, then short forms.
const ES: &str = "\
AE Emiratos Árabes Unidos|EAU|Emiratos
AR Argentina
BD Bangladés
BE Bélgica
BR Brasil
CA Canadá
CH Suiza
CL Chile
CN China
CO Colombia
DE Alemania
DO República Dominicana
EG Egipto
ES España
FR Francia
GB Reino Unido|Inglaterra|Gran Bretaña
HU Hungría
ID Indonesia
IL Israel
IN India
IQ Irak
IT Italia
JP Japón
KW Kuwait
KZ Kazajistán
LK Sri Lanka
MA Marruecos
MX México
MY Malasia
NG Nigeria
NL Países Bajos|Holanda
NP Nepal
OM Omán
PA Panamá
PE Perú
PK Pakistán
PL Polonia
PT Portugal
QA Catar
RO Rumania
RU Rusia
SA Arabia Saudita|Arabia Saudí
SG Singapur
TR Turquía
UA Ucrania
US Estados Unidos|EEUU|EE UU|EUA
ZA Sudáfrica";

/// Brazilian Portuguese names, then short forms.
const PT: &str = "\
AE Emirados Árabes Unidos|EAU|Emirados
AO Angola
AR Argentina
BR Brasil
CA Canadá
CL Chile
CN China
CO Colômbia
DE Alemanha
DO República Dominicana
EG Egito
ES Espanha
FR França
GB Reino Unido|Inglaterra|Grã-Bretanha
HU Hungria
ID Indonésia
IL Israel
IN Índia
IQ Iraque
IT Itália
JP Japão
KW Kuwait
KZ Cazaquistão
LK Sri Lanka
MA Marrocos
MX México
MY Malásia
MZ Moçambique
NG Nigéria
NL Países Baixos|Holanda
NP Nepal
OM Omã
PE Peru
PK Paquistão
PL Polônia
PT Portugal
QA Catar
RO Romênia
RU Rússia
SA Arábia Saudita
SG Singapura
TR Turquia
UA Ucrânia
US Estados Unidos|EUA
ZA África do Sul";

fn text_of(locale: Locale) -> &'static str {
    match locale {
        Locale::En => EN,
        Locale::Fr => FR,
        Locale::Es => ES,
        Locale::PtBr => PT,
    }
}

/// The names of `iso2` in `locale`'s text, the display name first (short forms only, for
/// English, whose display names are the table's).
fn names_in(locale: Locale, iso2: &str) -> Option<&'static str> {
    text_of(locale).lines().find_map(|line| {
        let (code, names) = line.split_once(' ')?;
        code.eq_ignore_ascii_case(iso2).then_some(names)
    })
}

/// The country's name in `locale` from our own words, when we have one (never for English:
/// the table's name is the English one).
pub fn country_name(locale: Locale, iso2: &str) -> Option<&'static str> {
    if locale == Locale::En {
        return None;
    }
    names_in(locale, iso2)?.split('|').next()
}

/// Every name and short form we hold for `iso2`, in every language.
pub fn country_words<'i>(iso2: &'i str) -> impl Iterator<Item = &'static str> + 'i {
    Locale::ALL
        .into_iter()
        .filter_map(move |locale| names_in(locale, iso2))
        .flat_map(|names| names.split('|'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_regional_name() {
        for (key, _) in MARKETS {
            for locale in Locale::ALL {
                let name = regional_market(key, locale).unwrap();
                assert!(!name.is_empty());
            }
        }
        assert_eq!(
            regional_market("Rest of Africa", Locale::PtBr),
            Some("Resto da África")
        );
        assert_eq!(regional_market("Brazil", Locale::Fr), None);
    }

    #[test]
    fn every_line_is_a_code_and_names() {
        for locale in Locale::ALL {
            for line in text_of(locale).lines() {
                let (code, names) = line.split_once(' ').unwrap();
                assert!(
                    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                    "{line}"
                );
                assert!(names.split('|').all(|n| !n.trim().is_empty()), "{line}");
            }
        }
        assert_eq!(country_name(Locale::Fr, "DE"), Some("Allemagne"));
        assert_eq!(country_name(Locale::En, "DE"), None);
        assert!(country_words("AE").any(|w| w == "Emirados"));
    }
}
