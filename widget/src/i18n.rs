//! The widget's words and number style in its four languages. Amounts stay exact strings in
//! events; only what is shown is rounded to cents and grouped the local way.

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

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
};

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

    /// Thousands separator and decimal mark.
    fn marks(self) -> (&'static str, char) {
        match self {
            Lang::En => (",", '.'),
            // French groups with a narrow no-break space (CLDR).
            Lang::Fr => ("\u{202f}", ','),
            Lang::Es | Lang::PtBr => (".", ','),
        }
    }

    /// An exact amount string (`"1234.5678"`) shown to the cent: `USD 1,234.57`,
    /// `1 234,57 USD`. Half-up, as people round money; a string that is not a decimal is
    /// shown as given rather than hidden.
    pub fn money(self, amount: &str, currency: &str) -> String {
        let Ok(value) = Decimal::from_str(amount) else {
            return format!("{amount} {currency}");
        };
        let mut cents = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        cents.rescale(2);
        let text = cents.abs().to_string();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
        let (group, mark) = self.marks();
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push_str(group);
            }
            grouped.push(digit);
        }
        let sign = if cents.is_sign_negative() && !cents.is_zero() {
            "-"
        } else {
            ""
        };
        let number = format!("{sign}{grouped}{mark}{fraction}");
        match self {
            Lang::En => format!("{currency} {number}"),
            _ => format!("{number}\u{a0}{currency}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_rounded_half_up_and_grouped_per_language() {
        assert_eq!(Lang::En.money("1234567.125", "USD"), "USD 1,234,567.13");
        assert_eq!(Lang::Fr.money("1234.5", "EUR"), "1\u{202f}234,50\u{a0}EUR");
        assert_eq!(Lang::PtBr.money("180", "BRL"), "180,00\u{a0}BRL");
        assert_eq!(Lang::Es.money("0.004", "USD"), "0,00\u{a0}USD");
        assert_eq!(Lang::En.money("999.995", "USD"), "USD 1,000.00");
    }

    #[test]
    fn language_tags_are_read_case_insensitively() {
        assert_eq!(Lang::parse("PT-BR"), Some(Lang::PtBr));
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
    }
}
