//! The widget's words in its four languages; money is written by the core's `money_format`,
//! like every other surface, and amounts stay exact strings in events.

use wacost_core::money_format::MoneyFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
    PtBr,
}

pub struct Texts {
    pub title: &'static str,
    pub messages_per_month: &'static str,
    pub categories: [&'static str; 4],
    pub meta: &'static str,
    pub bsp: &'static str,
    pub total: &'static str,
    pub breakdown: &'static str,
    pub rules: &'static str,
    pub card: &'static str,
    pub settings_problem: &'static str,
    pub input_problem: &'static str,
    /// Beside totals kept from before the current problem.
    pub last_valid: &'static str,
    pub add_country: &'static str,
    pub search_hint: &'static str,
    pub no_match: &'static str,
    pub remove: &'static str,
    pub cta: &'static str,
    pub per_message: &'static str,
}

const EN: Texts = Texts {
    title: "WhatsApp cost estimate",
    messages_per_month: "Messages delivered per month",
    categories: ["Marketing", "Utility", "Authentication", "Service"],
    meta: "Meta's charge",
    bsp: "Provider fees",
    total: "Total per month",
    breakdown: "By market",
    rules: "Rules",
    card: "rate card",
    settings_problem: "This calculator is set up wrongly:",
    input_problem: "Please check:",
    last_valid: "last valid total",
    add_country: "Add a country",
    search_hint: "Country name, code or +code",
    no_match: "No country matches",
    remove: "Remove",
    cta: "Get started",
    per_message: "per message",
};

const FR: Texts = Texts {
    title: "Estimation du coût WhatsApp",
    messages_per_month: "Messages distribués par mois",
    categories: ["Marketing", "Utilitaire", "Authentification", "Service"],
    meta: "Facturé par Meta",
    bsp: "Frais du fournisseur",
    total: "Total par mois",
    breakdown: "Par marché",
    rules: "Règles",
    card: "grille tarifaire",
    settings_problem: "Ce calculateur est mal configuré :",
    input_problem: "Veuillez vérifier :",
    last_valid: "dernier total valide",
    add_country: "Ajouter un pays",
    search_hint: "Nom du pays, code ou +indicatif",
    no_match: "Aucun pays ne correspond",
    remove: "Retirer",
    cta: "Commencer",
    per_message: "par message",
};

const ES: Texts = Texts {
    title: "Estimación del coste de WhatsApp",
    messages_per_month: "Mensajes entregados al mes",
    categories: ["Marketing", "Utilidad", "Autenticación", "Servicio"],
    meta: "Cargo de Meta",
    bsp: "Tarifas del proveedor",
    total: "Total al mes",
    breakdown: "Por mercado",
    rules: "Reglas",
    card: "tarifa",
    settings_problem: "Esta calculadora está mal configurada:",
    input_problem: "Revise:",
    last_valid: "último total válido",
    add_country: "Añadir un país",
    search_hint: "Nombre del país, código o +prefijo",
    no_match: "Ningún país coincide",
    remove: "Quitar",
    cta: "Empezar",
    per_message: "por mensaje",
};

const PT_BR: Texts = Texts {
    title: "Estimativa de custo do WhatsApp",
    messages_per_month: "Mensagens entregues por mês",
    categories: ["Marketing", "Utilidade", "Autenticação", "Serviço"],
    meta: "Cobrança da Meta",
    bsp: "Taxas do provedor",
    total: "Total por mês",
    breakdown: "Por mercado",
    rules: "Regras",
    card: "tabela de preços",
    settings_problem: "Esta calculadora está configurada incorretamente:",
    input_problem: "Verifique:",
    last_valid: "último total válido",
    add_country: "Adicionar um país",
    search_hint: "Nome do país, código ou +código",
    no_match: "Nenhum país corresponde",
    remove: "Remover",
    cta: "Começar",
    per_message: "por mensagem",
};

/// A problem with one of the widget's own settings, with the value as written: shown in the
/// widget's language (and in English in the console for the integrator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotACountry(String),
    CountryTwice(String),
    NoCountry,
    Language(String),
    Theme(String),
    /// A yes/no setting (`data-show-rates`) given something else.
    NotAYesNo(String),
    /// A label longer than the widget can show on one line at 360 px.
    LabelTooLong {
        value: String,
        max: usize,
    },
    /// A link that is not `https:`, `http:`, `mailto:` or a relative address.
    NotALink(String),
    /// A currency with no card in wacost's data; the ones with a card are listed.
    UnknownCurrency {
        got: String,
        known: Vec<String>,
    },
    /// Not a setting of the widget; the known ones are listed.
    Unknown {
        known: Vec<String>,
    },
}

impl Problem {
    pub fn say(&self, lang: Lang) -> String {
        use Lang::*;
        use Problem::*;
        match (self, lang) {
            (NotACountry(v), En) => format!("\"{v}\" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. IN)"),
            (NotACountry(v), Fr) => format!("« {v} » n'est pas un code pays ISO 3166-1 alpha-2 (deux lettres, p. ex. IN)"),
            (NotACountry(v), Es) => format!("«{v}» no es un código de país ISO 3166-1 alfa-2 (dos letras, p. ej. IN)"),
            (NotACountry(v), PtBr) => format!("\"{v}\" não é um código de país ISO 3166-1 alfa-2 (duas letras, p. ex. IN)"),
            (CountryTwice(c), En) => format!("{c} is listed twice"),
            (CountryTwice(c), Fr) => format!("{c} figure deux fois"),
            (CountryTwice(c), Es) => format!("{c} aparece dos veces"),
            (CountryTwice(c), PtBr) => format!("{c} aparece duas vezes"),
            (NoCountry, En) => "list at least one country, e.g. IN,BR (or * to let visitors choose)".into(),
            (NoCountry, Fr) => "indiquez au moins un pays, p. ex. IN,BR (ou * pour laisser le visiteur choisir)".into(),
            (NoCountry, Es) => "indique al menos un país, p. ej. IN,BR (o * para que el visitante elija)".into(),
            (NoCountry, PtBr) => "informe ao menos um país, p. ex. IN,BR (ou * para o visitante escolher)".into(),
            (Language(v), _) => format!("\"{v}\" is not a supported language; use en, fr, es or pt-BR"),
            (Theme(v), En) => format!("\"{v}\" is not a theme; use light or dark"),
            (Theme(v), Fr) => format!("« {v} » n'est pas un thème ; utilisez light ou dark"),
            (Theme(v), Es) => format!("«{v}» no es un tema; use light o dark"),
            (Theme(v), PtBr) => format!("\"{v}\" não é um tema; use light ou dark"),
            (NotAYesNo(v), En) => format!("\"{v}\" is not yes or no; use true or false"),
            (NotAYesNo(v), Fr) => format!("« {v} » n'est ni oui ni non ; utilisez true ou false"),
            (NotAYesNo(v), Es) => format!("«{v}» no es sí ni no; use true o false"),
            (NotAYesNo(v), PtBr) => format!("\"{v}\" não é sim nem não; use true ou false"),
            (LabelTooLong { value, max }, En) => format!("\"{value}\" is longer than {max} characters"),
            (LabelTooLong { value, max }, Fr) => format!("« {value} » dépasse {max} caractères"),
            (LabelTooLong { value, max }, Es) => format!("«{value}» tiene más de {max} caracteres"),
            (LabelTooLong { value, max }, PtBr) => format!("\"{value}\" tem mais de {max} caracteres"),
            (NotALink(v), En) => format!("\"{v}\" is not a link; use an https: or mailto: address or a path such as /signup"),
            (NotALink(v), Fr) => format!("« {v} » n'est pas un lien ; utilisez une adresse https: ou mailto: ou un chemin comme /signup"),
            (NotALink(v), Es) => format!("«{v}» no es un enlace; use una dirección https: o mailto: o una ruta como /signup"),
            (NotALink(v), PtBr) => format!("\"{v}\" não é um link; use um endereço https: ou mailto: ou um caminho como /signup"),
            // The core's own English sentence for the same refusal.
            (UnknownCurrency { got, known }, En) => wacost_core::catalog::CardChoiceError::UnknownCurrency {
                currency: got.clone(),
                known: known.clone(),
            }
            .to_string(),
            (UnknownCurrency { got, known }, Fr) => format!("« {got} » n'a pas de grille tarifaire ; utilisez l'une de {}", known.join(", ")),
            (UnknownCurrency { got, known }, Es) => format!("«{got}» no tiene tarifario; use una de {}", known.join(", ")),
            (UnknownCurrency { got, known }, PtBr) => format!("\"{got}\" não tem tabela de preços; use uma de {}", known.join(", ")),
            (Unknown { known }, En) => format!("unknown setting; the widget reads {}", known.join(", ")),
            (Unknown { known }, Fr) => format!("réglage inconnu ; le widget lit {}", known.join(", ")),
            (Unknown { known }, Es) => format!("ajuste desconocido; el widget lee {}", known.join(", ")),
            (Unknown { known }, PtBr) => format!("configuração desconhecida; o widget lê {}", known.join(", ")),
        }
    }
}

/// A count the visitor typed that the core refused, in the widget's language; `None` for
/// the other kinds (the core's sentence is shown).
pub fn count_problem(lang: Lang, kind: &wacost_core::scenario::ErrorKind) -> Option<String> {
    use wacost_core::scenario::ErrorKind;
    // The core quotes what it got as JSON does; the widget's quotes are the language's.
    let unquoted = |got: &str| got.trim_matches('"').to_string();
    Some(match kind {
        ErrorKind::NotACount { got, .. } => {
            let got = unquoted(got);
            match lang {
                Lang::En => format!("\"{got}\" is not a whole number of messages"),
                Lang::Fr => format!("« {got} » n'est pas un nombre entier de messages"),
                Lang::Es => format!("«{got}» no es un número entero de mensajes"),
                Lang::PtBr => format!("\"{got}\" não é um número inteiro de mensagens"),
            }
        }
        ErrorKind::CountTooLarge { max, got } => {
            let got = unquoted(got);
            let max = wacost_core::money_format::count_text(*max, lang.locale());
            match lang {
                Lang::En => format!("\"{got}\" is more than {max} messages"),
                Lang::Fr => format!("« {got} » dépasse {max} messages"),
                Lang::Es => format!("«{got}» supera {max} mensajes"),
                Lang::PtBr => format!("\"{got}\" passa de {max} mensagens"),
            }
        }
        _ => return None,
    })
}

/// What the visitor reads, in a language other than English, for a setting the core refused
/// with a kind the widget has no words for: the core's English sentence goes to the browser's
/// console (and to a tooltip) for the integrator, who is the one who can fix it.
pub fn setting_unusable(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "this value cannot be used; the browser console says why",
        Lang::Fr => {
            "cette valeur ne peut pas être utilisée ; la console du navigateur dit pourquoi"
        }
        Lang::Es => "este valor no se puede usar; la consola del navegador explica por qué",
        Lang::PtBr => "este valor não pode ser usado; o console do navegador explica por quê",
    }
}

/// A setting the core refused, in the widget's language, or the core's own English sentence
/// in an English widget; never English in a widget of another language.
pub fn setting_said(
    lang: Lang,
    kind: Option<&wacost_core::scenario::ErrorKind>,
    english: &str,
) -> String {
    match (kind.and_then(|kind| setting_problem(lang, kind)), lang) {
        (Some(said), _) => said,
        (None, Lang::En) => english.to_string(),
        (None, _) => setting_unusable(lang).to_string(),
    }
}

/// A setting the core refused, in the widget's language where the widget has the words (a
/// choice such as `data-bsp-per-message-on`); `None` keeps the core's English sentence.
pub fn setting_problem(lang: Lang, kind: &wacost_core::scenario::ErrorKind) -> Option<String> {
    use wacost_core::scenario::ErrorKind;
    let ErrorKind::NotAChoice { choices, got } = kind else {
        return None;
    };
    let got = got.trim_matches('"');
    let or = match lang {
        Lang::En => " or ",
        Lang::Fr => " ou ",
        Lang::Es => " o ",
        Lang::PtBr => " ou ",
    };
    let choices = choices.join(or);
    Some(match lang {
        Lang::En => format!("\"{got}\" is not one of the choices; use {choices}"),
        Lang::Fr => format!("« {got} » n'est pas un choix possible ; utilisez {choices}"),
        Lang::Es => format!("«{got}» no es una de las opciones; use {choices}"),
        Lang::PtBr => format!("\"{got}\" não é uma das opções; use {choices}"),
    })
}

impl Lang {
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            "pt-br" | "pt_br" | "pt" => Some(Lang::PtBr),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
        }
    }

    /// How numbers are written in this language, for core's count reader.
    pub fn locale(self) -> wacost_core::locale::Locale {
        use wacost_core::locale::Locale;
        match self {
            Lang::En => Locale::En,
            Lang::Fr => Locale::Fr,
            Lang::Es => Locale::Es,
            Lang::PtBr => Locale::PtBr,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Fr => &FR,
            Lang::Es => &ES,
            Lang::PtBr => &PT_BR,
        }
    }

    /// How `currency`'s money is written in this language (the core's one formatter).
    pub fn money(self, currency: &str) -> MoneyFormat {
        MoneyFormat::new(currency, self.locale())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_read_case_insensitively() {
        assert_eq!(Lang::parse("PT-BR"), Some(Lang::PtBr));
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn a_refused_choice_is_said_in_the_widget_language() {
        let kind = wacost_core::scenario::ErrorKind::NotAChoice {
            choices: &["charged", "delivered"],
            got: "\"sent\"".into(),
        };
        assert_eq!(
            setting_problem(Lang::Fr, &kind).unwrap(),
            "« sent » n'est pas un choix possible ; utilisez charged ou delivered"
        );
        assert_eq!(
            setting_problem(Lang::En, &kind).unwrap(),
            "\"sent\" is not one of the choices; use charged or delivered"
        );
    }

    #[test]
    fn problems_name_the_value_in_each_language() {
        let p = Problem::NotALink("javascript:alert(1)".into());
        assert_eq!(
            p.say(Lang::En),
            "\"javascript:alert(1)\" is not a link; use an https: or mailto: address or a path such as /signup"
        );
        assert!(p
            .say(Lang::Fr)
            .starts_with("« javascript:alert(1) » n'est pas un lien"));
        let long = Problem::LabelTooLong {
            value: "x".into(),
            max: 40,
        };
        assert_eq!(long.say(Lang::PtBr), "\"x\" tem mais de 40 caracteres");
    }

    #[test]
    fn a_core_refusal_without_words_is_never_english_in_another_language() {
        let kind = wacost_core::scenario::ErrorKind::MonthRequired;
        assert_eq!(
            setting_said(Lang::Fr, Some(&kind), "not a month"),
            "cette valeur ne peut pas être utilisée ; la console du navigateur dit pourquoi"
        );
        assert_eq!(
            setting_said(Lang::En, Some(&kind), "not a month"),
            "not a month"
        );
        assert_eq!(
            Problem::UnknownCurrency {
                got: "XYZ".into(),
                known: vec!["USD".into(), "EUR".into()]
            }
            .say(Lang::PtBr),
            "\"XYZ\" não tem tabela de preços; use uma de USD, EUR"
        );
    }
}
