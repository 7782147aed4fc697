//! The view's own labels in the page's four languages, kept apart from `i18n` so the page's
//! shared table stays the calculator's (and out of its first load). Sentences with figures
//! are in `wording`.

use crate::i18n::{look_up, text, Lang};

const TEXTS: &[&str] = &[
    text!("title", "Plan a year", "Planifier une année", "Planificar un año", "Planejar um ano"),
    text!("intro", "Everything here is computed from the sheet above, on this device, by the same estimator: a month of the plan is the estimate of that month's sheet.",
        "Tout est calculé à partir de la feuille ci-dessus, sur cet appareil, par le même estimateur : un mois du plan est l'estimation de la feuille de ce mois.",
        "Todo se calcula a partir de la hoja de arriba, en este dispositivo, con el mismo estimador: un mes del plan es la estimación de la hoja de ese mes.",
        "Tudo é calculado a partir da planilha acima, neste dispositivo, pelo mesmo estimador: um mês do plano é a estimativa da planilha daquele mês.",),
    text!("sheet_problems", "The sheet has problems; fix them in the calculator above first:",
        "La feuille a des problèmes ; corrigez-les d'abord dans le calculateur ci-dessus :",
        "La hoja tiene problemas; corríjalos primero en la calculadora de arriba:",
        "A planilha tem problemas; corrija-os primeiro na calculadora acima:",),
    text!("plan", "Month by month", "Mois par mois", "Mes a mes", "Mês a mês"),
    text!("plan_hint", "Month m has base × (1 + growth)^m × the calendar month's multiplier messages, rounded half up once: the only rounding the plan adds. Each month is priced with the rules and the card in force in it.",
        "Le mois m compte base × (1 + croissance)^m × le multiplicateur du mois calendaire messages, arrondi une fois au plus proche (moitié vers le haut) : le seul arrondi du plan. Chaque mois est tarifé avec les règles et la grille en vigueur ce mois-là.",
        "El mes m tiene base × (1 + crecimiento)^m × el multiplicador del mes del calendario mensajes, redondeado una vez hacia arriba desde la mitad: el único redondeo del plan. Cada mes se tarifica con las reglas y la tarifa vigentes en él.",
        "O mês m tem base × (1 + crescimento)^m × o multiplicador do mês do calendário mensagens, arredondado uma vez para cima a partir da metade: o único arredondamento do plano. Cada mês é precificado com as regras e a tabela vigentes nele.",),
    text!("start", "Start month (YYYY-MM)", "Mois de départ (AAAA-MM)", "Mes de inicio (AAAA-MM)", "Mês inicial (AAAA-MM)"),
    text!("months", "Months (1 to 36)", "Mois (1 à 36)", "Meses (1 a 36)", "Meses (1 a 36)"),
    text!("growth", "Growth per month (%)", "Croissance par mois (%)", "Crecimiento por mes (%)", "Crescimento por mês (%)"),
    text!("growth_of", "Own growth per category (%, empty: the same)", "Croissance propre par catégorie (%, vide : la même)", "Crecimiento propio por categoría (%, vacío: el mismo)", "Crescimento próprio por categoria (%, vazio: o mesmo)"),
    text!("multipliers", "Calendar-month multipliers (empty: 1; repeated every year, not compounded)", "Multiplicateurs par mois calendaire (vide : 1 ; répétés chaque année, non cumulés)", "Multiplicadores por mes del calendario (vacío: 1; se repiten cada año, no se acumulan)", "Multiplicadores por mês do calendário (vazio: 1; repetidos todo ano, não acumulados)"),
    text!("month", "Month", "Mois", "Mes", "Mês"),
    text!("rules", "Rules", "Règles", "Reglas", "Regras"),
    text!("card", "Card", "Grille", "Tarifa", "Tabela"),
    text!("meta_total", "Meta total", "Total Meta", "Total de Meta", "Total da Meta"),
    text!("fees", "Provider fees", "Frais du fournisseur", "Cargos del proveedor", "Taxas do provedor"),
    text!("total", "Total", "Total", "Total", "Total"),
    text!("cumulative", "Cumulative", "Cumul", "Acumulado", "Acumulado"),
    text!("plan_totals", "The plan's totals", "Totaux du plan", "Totales del plan", "Totais do plano"),
    text!("not_priced", "not priced", "non tarifé", "sin precio", "sem preço"),
    text!("why", "Why the cost moves", "Pourquoi le coût change", "Por qué cambia el costo", "Por que o custo muda"),
    text!("chart", "Meta's charge per month by category, and the cumulative total", "Montant Meta par mois et par catégorie, et le total cumulé", "Cargo de Meta por mes y categoría, y el total acumulado", "Cobrança da Meta por mês e categoria, e o total acumulado"),
    text!("budget", "Fit a budget", "Tenir un budget", "Ajustarse a un presupuesto", "Caber no orçamento"),
    text!("budget_hint", "How many more messages of one category to one market fit in a budget, with the rest of the sheet? The budget is compared with the total (Meta plus the provider's fees), in the sheet's currency.",
        "Combien de messages de plus d'une catégorie vers un marché tiennent dans un budget, avec le reste de la feuille ? Le budget est comparé au total (Meta plus les frais du fournisseur), dans la devise de la feuille.",
        "¿Cuántos mensajes más de una categoría a un mercado caben en un presupuesto, con el resto de la hoja? El presupuesto se compara con el total (Meta más los cargos del proveedor), en la moneda de la hoja.",
        "Quantas mensagens a mais de uma categoria para um mercado cabem em um orçamento, com o resto da planilha? O orçamento é comparado com o total (Meta mais as taxas do provedor), na moeda da planilha.",),
    text!("to", "Send to", "Envoyer vers", "Enviar a", "Enviar para"),
    text!("by_country", "a country (ISO code)", "un pays (code ISO)", "un país (código ISO)", "um país (código ISO)"),
    text!("by_market", "a market (Meta's name)", "un marché (nom de Meta)", "un mercado (nombre de Meta)", "um mercado (nome da Meta)"),
    text!("country", "Country", "Pays", "País", "País"),
    text!("market", "Market", "Marché", "Mercado", "Mercado"),
    text!("category", "Category", "Catégorie", "Categoría", "Categoria"),
    text!("amount", "Budget", "Budget", "Presupuesto", "Orçamento"),
    text!("at_count", "Total with them", "Total avec eux", "Total con ellos", "Total com elas"),
    text!("at_next", "Total with one more", "Total avec un de plus", "Total con uno más", "Total com uma a mais"),
    text!("savings", "Savings for this month", "Économies pour ce mois", "Ahorros para este mes", "Economias para este mês"),
    text!("savings_hint", "Each lever is the sheet re-estimated with one hypothesis; only levers that lower the total are listed.",
        "Chaque levier est la feuille réestimée avec une hypothèse ; seuls les leviers qui baissent le total sont listés.",
        "Cada palanca es la hoja reestimada con una hipótesis; solo se listan las que bajan el total.",
        "Cada alavanca é a planilha reestimada com uma hipótese; só as que baixam o total são listadas.",),
    text!("saving", "Saving", "Économie", "Ahorro", "Economia"),
    text!("rule", "Rule", "Règle", "Regla", "Regra"),
    text!("new_total", "Total with it", "Total avec", "Total con ella", "Total com ela"),
    text!("import", "Start from last month's usage", "Partir de l'usage du mois dernier", "Partir del uso del mes pasado", "Partir do uso do mês passado"),
    text!("import_hint", "Drop the JSON Meta's Graph API returns for pricing_analytics (dimensions COUNTRY, PRICING_CATEGORY, PRICING_TYPE and PHONE; metrics VOLUME and COST). Nothing is uploaded, and your sheet changes only when you confirm.",
        "Déposez le JSON que l'API Graph de Meta renvoie pour pricing_analytics (dimensions COUNTRY, PRICING_CATEGORY, PRICING_TYPE et PHONE ; métriques VOLUME et COST). Rien n'est envoyé, et votre feuille ne change que si vous confirmez.",
        "Suelte el JSON que la API Graph de Meta devuelve para pricing_analytics (dimensiones COUNTRY, PRICING_CATEGORY, PRICING_TYPE y PHONE; métricas VOLUME y COST). No se sube nada y su hoja solo cambia si lo confirma.",
        "Solte o JSON que a API Graph da Meta retorna para pricing_analytics (dimensões COUNTRY, PRICING_CATEGORY, PRICING_TYPE e PHONE; métricas VOLUME e COST). Nada é enviado, e sua planilha só muda se você confirmar.",),
    text!("drop", "Drop the JSON file here, or", "Déposez le fichier JSON ici, ou", "Suelte aquí el archivo JSON, o", "Solte aqui o arquivo JSON, ou"),
    text!("choose", "choose a file", "choisissez un fichier", "elija un archivo", "escolha um arquivo"),
    text!("currency", "The account's currency", "Devise du compte", "Moneda de la cuenta", "Moeda da conta"),
    text!("which_month", "Month to import", "Mois à importer", "Mes a importar", "Mês a importar"),
    text!("pick_month", "choose a month", "choisissez un mois", "elija un mes", "escolha um mês"),
    text!("imported", "The imported sheet, an approximation", "La feuille importée, une approximation", "La hoja importada, una aproximación", "A planilha importada, uma aproximação"),
    text!("line", "Line", "Ligne", "Línea", "Linha"),
    text!("marketing", "Marketing", "Marketing", "Marketing", "Marketing"),
    text!("utility", "Utility", "Utilitaire", "Utilidad", "Utilidade"),
    text!("authentication", "Authentication", "Authentification", "Autenticación", "Autenticação"),
    text!("service", "Service", "Service", "Servicio", "Serviço"),
    text!("entry_point", "Share through free entry points", "Part via points d'entrée gratuits", "Parte por puntos de entrada gratuitos", "Parcela por pontos de entrada gratuitos"),
    text!("utility_in_window", "Utility inside the service window", "Utilitaire dans la fenêtre de service", "Utilidad dentro de la ventana de servicio", "Utilidade dentro da janela de atendimento"),
    text!("phone_numbers", "Business phone numbers", "Numéros de téléphone de l'entreprise", "Números de teléfono de la empresa", "Números de telefone da empresa"),
    text!("not_imported", "Not imported", "Non importé", "No importado", "Não importado"),
    text!("pricing_category", "Meta's category", "Catégorie de Meta", "Categoría de Meta", "Categoria da Meta"),
    text!("volume", "Messages", "Messages", "Mensajes", "Mensagens"),
    text!("reason", "Reason", "Raison", "Motivo", "Motivo"),
    text!("meta_cost", "Meta's cost", "Coût Meta", "Costo de Meta", "Custo da Meta"),
    text!("wacost", "wacost", "wacost", "wacost", "wacost"),
    text!("difference", "Difference", "Écart", "Diferencia", "Diferença"),
    text!("costs", "Meta's cost beside wacost's price", "Coût de Meta à côté du prix de wacost", "Costo de Meta junto al precio de wacost", "Custo da Meta ao lado do preço do wacost"),
    text!("all", "All", "Tout", "Todo", "Tudo"),
    text!("replace", "Put this sheet in place of mine…", "Mettre cette feuille à la place de la mienne…", "Poner esta hoja en lugar de la mía…", "Colocar esta planilha no lugar da minha…"),
    text!("confirm", "Replace my sheet", "Remplacer ma feuille", "Reemplazar mi hoja", "Substituir minha planilha"),
    text!("cancel", "Cancel", "Annuler", "Cancelar", "Cancelar"),
    text!("undo", "Undo", "Annuler le remplacement", "Deshacer", "Desfazer"),
    text!("replaced", "Your sheet was replaced by the imported one.", "Votre feuille a été remplacée par celle importée.", "Su hoja fue reemplazada por la importada.", "Sua planilha foi substituída pela importada."),
    text!("restored", "Your own sheet is back.", "Votre feuille est revenue.", "Su hoja ha vuelto.", "Sua planilha voltou."),
    text!("notes", "Notes", "Remarques", "Notas", "Observações"),
    text!("unreadable", "The file could not be read.", "Le fichier n'a pas pu être lu.", "No se pudo leer el archivo.", "Não foi possível ler o arquivo."),
];

/// The text for `key` in `lang`; an unknown key shows `?` so a gap is visible.
pub fn s(lang: Lang, key: &str) -> &'static str {
    look_up(TEXTS, lang, key).unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
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
        assert_eq!(s(Lang::Fr, "card"), "Grille");
        assert_eq!(s(Lang::En, "no such key"), "?");
    }
}
