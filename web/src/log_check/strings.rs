//! The view's own texts in the page's four languages, kept apart from `i18n` so the page's
//! shared table stays the calculator's.

use crate::i18n::{look_up, text, Lang};

const TEXTS: &[&str] = &[
    text!("open", "Check a log", "Vérifier un journal", "Verificar un registro", "Verificar um registro"),
    text!("intro", "Bill a message log exactly, as Meta's rules define it. The file stays on this device: it is read by a background worker in this page.",
        "Facturez exactement un journal de messages, selon les règles de Meta. Le fichier reste sur cet appareil : un worker de cette page le lit en arrière-plan.",
        "Facture exactamente un registro de mensajes según las reglas de Meta. El archivo se queda en este dispositivo: lo lee un worker de esta página en segundo plano.",
        "Fature exatamente um registro de mensagens conforme as regras da Meta. O arquivo fica neste dispositivo: um worker desta página o lê em segundo plano.",),
    text!("drop", "Drop a CSV log here, or", "Déposez un journal CSV ici, ou", "Suelte aquí un registro CSV, o", "Solte aqui um registro CSV, ou"),
    text!("choose", "choose a file", "choisissez un fichier", "elija un archivo", "escolha um arquivo"),
    text!("format", "Columns: time, phone_number, user, direction, kind, category, status (and optionally waba, pricing_category, pricing_type).",
        "Colonnes : time, phone_number, user, direction, kind, category, status (et éventuellement waba, pricing_category, pricing_type).",
        "Columnas: time, phone_number, user, direction, kind, category, status (y opcionalmente waba, pricing_category, pricing_type).",
        "Colunas: time, phone_number, user, direction, kind, category, status (e opcionalmente waba, pricing_category, pricing_type).",),
    text!("settings", "Settings", "Paramètres", "Ajustes", "Configurações"),
    text!("timezone", "WABA timezone", "Fuseau horaire du WABA", "Zona horaria del WABA", "Fuso horário da WABA"),
    text!("currency", "Currency", "Devise", "Moneda", "Moeda"),
    text!("rules", "Rules", "Règles", "Reglas", "Regras"),
    text!("rules_auto", "by date (auto)", "selon la date (auto)", "según la fecha (auto)", "pela data (auto)"),
    text!("rate_card", "Rate card (auto or YYYY-MM-DD)", "Grille tarifaire (auto ou AAAA-MM-JJ)", "Tarifa (auto o AAAA-MM-DD)", "Tabela de preços (auto ou AAAA-MM-DD)"),
    text!("business_country", "Business country (ISO, e.g. GB)", "Pays de l'entreprise (ISO, p. ex. FR)", "País de la empresa (ISO, p. ej. ES)", "País da empresa (ISO, ex. BR)"),
    text!("auth_from", "Authentication-international from (RFC 3339)", "Authentification internationale dès (RFC 3339)", "Autenticación internacional desde (RFC 3339)", "Autenticação internacional a partir de (RFC 3339)"),
    text!("skip", "Skip malformed rows (each is listed)", "Ignorer les lignes mal formées (chacune est listée)", "Omitir filas mal formadas (se listan todas)", "Ignorar linhas malformadas (cada uma é listada)"),
    text!("want_detail", "Prepare the detail CSV", "Préparer le CSV détaillé", "Preparar el CSV de detalle", "Preparar o CSV de detalhe"),
    text!("want_compare", "Also bill under every other rules version", "Facturer aussi selon chaque autre version des règles", "Facturar también con cada otra versión de las reglas", "Faturar também com cada outra versão das regras"),
    text!("run", "Bill this log", "Facturer ce journal", "Facturar este registro", "Faturar este registro"),
    text!("cancel", "Cancel", "Annuler", "Cancelar", "Cancelar"),
    text!("no_file", "Choose a file first.", "Choisissez d'abord un fichier.", "Elija primero un archivo.", "Escolha um arquivo primeiro."),
    text!("reading", "Reading and billing", "Lecture et facturation", "Leyendo y facturando", "Lendo e faturando"),
    text!("sorting", "Rows out of time order: billing again sorted", "Lignes hors ordre chronologique : nouvelle facturation triée", "Filas fuera de orden cronológico: facturando de nuevo ordenadas", "Linhas fora de ordem cronológica: faturando de novo ordenadas"),
    text!("loading", "Starting the worker…", "Démarrage du worker…", "Iniciando el worker…", "Iniciando o worker…"),
    text!("worker_failed", "The background worker could not start:", "Le worker n'a pas pu démarrer :", "El worker no pudo iniciarse:", "O worker não pôde iniciar:"),
    text!("malformed_no_bill", "{count} malformed row(s): no bill (tick “{skip}” to bill the rest)",
        "{count} ligne(s) mal formée(s) : pas de facture (cochez « {skip} » pour facturer le reste)",
        "{count} fila(s) mal formada(s): sin factura (marque «{skip}» para facturar el resto)",
        "{count} linha(s) malformada(s): sem fatura (marque “{skip}” para faturar o restante)",),
    text!("no_bill", "No bill", "Pas de facture", "Sin factura", "Sem fatura"),
    text!("meta_total", "Meta total", "Total Meta", "Total de Meta", "Total da Meta"),
    text!("rows", "rows", "lignes", "filas", "linhas"),
    text!("outbound", "outbound", "sortants", "salientes", "enviadas"),
    text!("billed_in", "billed in", "facturé en", "facturado en", "faturado em"),
    text!("sorted_note", "The log was out of time order and was billed sorted in memory.", "Le journal n'était pas dans l'ordre chronologique : il a été trié en mémoire.", "El registro no estaba en orden cronológico: se ordenó en memoria.", "O registro não estava em ordem cronológica: foi ordenado na memória."),
    text!("month", "Month", "Mois", "Mes", "Mês"),
    text!("market", "Market", "Marché", "Mercado", "Mercado"),
    text!("category", "Category", "Catégorie", "Categoría", "Categoria"),
    text!("delivered", "Delivered", "Livrés", "Entregados", "Entregues"),
    text!("free_window", "Free: window", "Gratuits : fenêtre", "Gratis: ventana", "Grátis: janela"),
    text!("free_entry", "Free: entry point", "Gratuits : point d'entrée", "Gratis: punto de entrada", "Grátis: ponto de entrada"),
    text!("free_allowance", "Free: allowance", "Gratuits : franchise", "Gratis: franquicia", "Grátis: franquia"),
    text!("charged", "Charged", "Facturés", "Cobrados", "Cobradas"),
    text!("amount", "Amount", "Montant", "Importe", "Valor"),
    text!("tier", "tier", "palier", "nivel", "faixa"),
    text!("failed", "failed", "en échec", "fallidos", "com falha"),
    text!("undeliverable", "undeliverable", "non livrables", "no entregables", "não entregáveis"),
    text!("unpriceable", "not priced", "non tarifés", "sin precio", "sem preço"),
    text!("versions", "The same log under each rules version", "Le même journal selon chaque version des règles", "El mismo registro con cada versión de las reglas", "O mesmo registro com cada versão das regras"),
    text!("version", "Rules version", "Version des règles", "Versión de las reglas", "Versão das regras"),
    text!("this_run", "this bill", "cette facture", "esta factura", "esta fatura"),
    text!("warnings", "Warnings", "Avertissements", "Advertencias", "Avisos"),
    text!("recon", "Reconciliation with Meta's pricing columns", "Rapprochement avec les colonnes de tarification de Meta", "Conciliación con las columnas de precios de Meta", "Conciliação com as colunas de preço da Meta"),
    text!("compared", "compared", "comparés", "comparados", "comparadas"),
    text!("differ", "differ", "diffèrent", "difieren", "diferem"),
    text!("line", "Line", "Ligne", "Línea", "Linha"),
    text!("time", "Time", "Heure", "Hora", "Hora"),
    text!("user", "User", "Utilisateur", "Usuario", "Usuário"),
    text!("ours", "Ours", "Nous", "Nuestro", "Nosso"),
    text!("meta", "Meta", "Meta", "Meta", "Meta"),
    text!("rule", "Rule", "Règle", "Regla", "Regra"),
    text!("bad_rows", "Malformed rows", "Lignes mal formées", "Filas mal formadas", "Linhas malformadas"),
    text!("column", "Column", "Colonne", "Columna", "Coluna"),
    text!("value", "Value", "Valeur", "Valor", "Valor"),
    text!("reason", "Reason", "Raison", "Motivo", "Motivo"),
    text!("listed_first", "listed: the first", "listées : les premières", "listadas: las primeras", "listadas: as primeiras"),
    text!("download", "Download the detail CSV", "Télécharger le CSV détaillé", "Descargar el CSV de detalle", "Baixar o CSV de detalhe"),
    text!("by_market", "Totals by market", "Totaux par marché", "Totales por mercado", "Totais por mercado"),
    text!("by_category", "Totals by category", "Totaux par catégorie", "Totales por categoría", "Totais por categoria"),
    text!("free", "Free", "Gratuits", "Gratis", "Grátis"),
    text!("total_row", "Total", "Total", "Total", "Total"),
    text!("not_applicable", "not applicable", "sans objet", "no aplicable", "não aplicável"),
    text!("invoice_total", "Invoice total (as printed on Meta's invoice)", "Total de la facture (tel qu'imprimé sur la facture de Meta)", "Total de la factura (tal como figura en la factura de Meta)", "Total da fatura (como impresso na fatura da Meta)"),
    text!("difference", "Difference (invoice − this bill)", "Écart (facture − cette facture)", "Diferencia (factura − esta factura)", "Diferença (fatura − esta fatura)"),
    text!("invoice_matches", "The invoice matches this bill exactly.", "La facture correspond exactement à ce calcul.", "La factura coincide exactamente con este cálculo.", "A fatura coincide exatamente com este cálculo."),
    text!("invoice_more", "The invoice asks for more than this bill.", "La facture demande plus que ce calcul.", "La factura pide más que este cálculo.", "A fatura cobra mais do que este cálculo."),
    text!("invoice_less", "The invoice asks for less than this bill.", "La facture demande moins que ce calcul.", "La factura pide menos que este cálculo.", "A fatura cobra menos do que este cálculo."),
];

/// The text for `key` in `lang`; an unknown key shows itself so a gap is visible.
pub fn s(lang: Lang, key: &str) -> &'static str {
    look_up(TEXTS, lang, key).unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_translated_and_keys_are_unique() {
        let keys: Vec<&str> = TEXTS
            .iter()
            .filter_map(|e| e.split('\u{1f}').next())
            .collect();
        for (i, (key, entry)) in keys.iter().zip(TEXTS).enumerate() {
            assert_eq!(
                entry.split('\u{1f}').filter(|t| !t.is_empty()).count(),
                5,
                "{key}"
            );
            assert!(!keys[i + 1..].contains(key), "{key} twice");
        }
        assert_eq!(s(Lang::Fr, "currency"), "Devise");
        assert_eq!(s(Lang::En, "no such key"), "?");
    }
}
