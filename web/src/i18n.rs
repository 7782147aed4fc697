//! The page's four languages and locale-aware number display. Amounts arrive as the core's
//! exact decimals and are written by core's money format (the currency's minor unit, the
//! language's marks), so the page, the widget, the notes and the command line agree.

use rust_decimal::Decimal;
use wacost_core::money_format::{count_text, MoneyFormat};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
    Es,
    PtBr,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::PtBr];

    /// BCP 47 tag, used for `lang=` and for number formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
        }
    }

    /// How numbers are written in this language, for core's readers of counts and rates.
    pub fn locale(self) -> wacost_core::locale::Locale {
        use wacost_core::locale::Locale;
        match self {
            Lang::En => Locale::En,
            Lang::Fr => Locale::Fr,
            Lang::Es => Locale::Es,
            Lang::PtBr => Locale::PtBr,
        }
    }

    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::PtBr => "Português (Brasil)",
        }
    }

    /// Picks the language from a browser tag (`fr-CA` → French, any `pt` → Brazilian
    /// Portuguese, unknown → English).
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "pt" => Lang::PtBr,
            _ => Lang::En,
        }
    }

    /// The language a link asks for (`?lang=fr`), if it is one of the page's; anything else
    /// leaves the choice to the browser.
    pub fn from_link(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        ["en", "fr", "es", "pt"]
            .iter()
            .any(|known| known.eq_ignore_ascii_case(primary))
            .then(|| Lang::from_tag(tag.trim()))
    }

    /// The browser's preferred language.
    pub fn detect() -> Lang {
        gloo_utils::window()
            .navigator()
            .language()
            .map(|tag| Lang::from_tag(&tag))
            .unwrap_or(Lang::En)
    }

    fn column(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
            Lang::Es => 2,
            Lang::PtBr => 3,
        }
    }
}

/// Each entry: key, English, French, Spanish, Brazilian Portuguese.
const TEXTS: &[(&str, [&str; 4])] = &[
    ("title", ["WhatsApp Business cost calculator", "Calculateur de coûts WhatsApp Business", "Calculadora de costos de WhatsApp Business", "Calculadora de custos do WhatsApp Business"]),
    ("intro", ["Describe a month of traffic; the estimate uses Meta's published rate cards.", "Décrivez un mois de trafic ; l'estimation utilise les grilles tarifaires publiées par Meta.", "Describa un mes de tráfico; la estimación usa las tarifas publicadas por Meta.", "Descreva um mês de tráfego; a estimativa usa as tabelas de preços publicadas pela Meta."]),
    ("language", ["Language", "Langue", "Idioma", "Idioma"]),
    ("volumes", ["Messages per month", "Messages par mois", "Mensajes por mes", "Mensagens por mês"]),
    ("destination", ["Destination", "Destination", "Destino", "Destino"]),
    ("market", ["Market", "Marché", "Mercado", "Mercado"]),
    ("marketing", ["Marketing", "Marketing", "Marketing", "Marketing"]),
    ("utility", ["Utility", "Utilitaire", "Utilidad", "Utilidade"]),
    ("authentication", ["Authentication", "Authentification", "Autenticación", "Autenticação"]),
    ("authentication_international", ["Authentication-international", "Authentification internationale", "Autenticación internacional", "Autenticação internacional"]),
    ("service", ["Service", "Service", "Servicio", "Serviço"]),
    ("business_initiated", ["Business-initiated", "Initiée par l'entreprise", "Iniciada por la empresa", "Iniciada pela empresa"]),
    ("user_initiated", ["User-initiated", "Initiée par l'utilisateur", "Iniciada por el usuario", "Iniciada pelo usuário"]),
    ("total", ["Total", "Total", "Total", "Total"]),
    ("actions", ["Actions", "Actions", "Acciones", "Ações"]),
    ("add_destination", ["Add a destination (country name, ISO code or +calling code)", "Ajouter une destination (pays, code ISO ou +indicatif)", "Añadir destino (país, código ISO o +prefijo)", "Adicionar destino (país, código ISO ou +DDI)"]),
    ("add", ["Add", "Ajouter", "Añadir", "Adicionar"]),
    ("no_match", ["No country or market matches.", "Aucun pays ni marché ne correspond.", "Ningún país o mercado coincide.", "Nenhum país ou mercado corresponde."]),
    ("remove", ["Remove", "Supprimer", "Quitar", "Remover"]),
    ("move_up", ["Move up", "Monter", "Subir", "Subir"]),
    ("move_down", ["Move down", "Descendre", "Bajar", "Descer"]),
    ("paste_hint", ["Tip: paste a block copied from a spreadsheet into any cell (tab-separated; a first column of countries adds rows).", "Astuce : collez un bloc copié d'un tableur dans une cellule (séparé par tabulations ; une première colonne de pays ajoute des lignes).", "Consejo: pegue un bloque copiado de una hoja de cálculo en cualquier celda (separado por tabulaciones; una primera columna de países añade filas).", "Dica: cole um bloco copiado de uma planilha em qualquer célula (separado por tabulações; uma primeira coluna de países adiciona linhas)."]),
    ("import_csv", ["Import CSV", "Importer un CSV", "Importar CSV", "Importar CSV"]),
    ("export_csv", ["Export CSV", "Exporter en CSV", "Exportar CSV", "Exportar CSV"]),
    ("no_lines", ["No destinations yet: add one above.", "Aucune destination : ajoutez-en une ci-dessus.", "Aún no hay destinos: añada uno arriba.", "Nenhum destino ainda: adicione um acima."]),
    ("settings", ["Settings", "Paramètres", "Ajustes", "Configurações"]),
    ("month", ["Billing month", "Mois de facturation", "Mes de facturación", "Mês de faturamento"]),
    ("currency", ["Currency", "Devise", "Moneda", "Moeda"]),
    ("partial_card", ["Partial card: no rates for", "Grille partielle : pas de tarif pour", "Tarifa parcial: sin precios para", "Tabela parcial: sem preços para"]),
    ("partial_card_only", ["Partial card: rates only for", "Grille partielle : tarifs seulement pour", "Tarifa parcial: precios solo para", "Tabela parcial: preços apenas para"]),
    ("rate_card", ["Rate card", "Grille tarifaire", "Tarifa", "Tabela de preços"]),
    ("in_force", ["In force for the month", "En vigueur pour le mois", "Vigente en el mes", "Em vigor no mês"]),
    ("rules", ["Pricing rules", "Règles de tarification", "Reglas de precios", "Regras de preço"]),
    ("rules_auto", ["In force for the month", "En vigueur pour le mois", "Vigentes en el mes", "Em vigor no mês"]),
    ("phone_numbers", ["Phone numbers", "Numéros de téléphone", "Números de teléfono", "Números de telefone"]),
    ("wabas", ["WhatsApp Business Accounts", "Comptes WhatsApp Business", "Cuentas de WhatsApp Business", "Contas do WhatsApp Business"]),
    ("business_country", ["Business country (ISO code)", "Pays de l'entreprise (code ISO)", "País de la empresa (código ISO)", "País da empresa (código ISO)"]),
    ("none", ["None", "Aucun", "Ninguno", "Nenhum"]),
    ("auth_international", ["Eligible for authentication-international rates", "Éligible aux tarifs d'authentification internationale", "Elegible para tarifas de autenticación internacional", "Elegível para tarifas de autenticação internacional"]),
    ("utility_in_window", ["Share of utility sent in an open service window (%)", "Part des utilitaires envoyés dans une fenêtre de service ouverte (%)", "Proporción de utilidad enviada en una ventana de servicio abierta (%)", "Parcela de utilidade enviada em janela de atendimento aberta (%)"]),
    ("entry_point", ["Share delivered in a free entry point window (%)", "Part livrée dans une fenêtre de point d'entrée gratuit (%)", "Proporción entregada en una ventana de punto de entrada gratuito (%)", "Parcela entregue em janela de ponto de entrada gratuito (%)"]),
    ("per_conversation", ["Messages per conversation", "Messages par conversation", "Mensajes por conversación", "Mensagens por conversa"]),
    ("free_conversations", ["Free conversations per month (Mexico test)", "Conversations gratuites par mois (test Mexique)", "Conversaciones gratuitas por mes (prueba México)", "Conversas gratuitas por mês (teste México)"]),
    ("bsp", ["Provider (BSP) fees", "Frais du fournisseur (BSP)", "Tarifas del proveedor (BSP)", "Taxas do provedor (BSP)"]),
    ("bsp_per_message", ["Fee per message", "Frais par message", "Tarifa por mensaje", "Taxa por mensagem"]),
    ("bsp_per_message_on", ["Per-message fee applies to", "Frais par message appliqués aux", "La tarifa por mensaje se aplica a", "Taxa por mensagem aplicada a"]),
    ("charged", ["Charged", "Facturés", "Cobrados", "Cobradas"]),
    ("delivered", ["Delivered", "Livrés", "Entregados", "Entregues"]),
    ("bsp_markup", ["Markup on Meta's charge (%, 10 = 10 %)", "Majoration sur le coût Meta (%, 10 = 10 %)", "Recargo sobre el cargo de Meta (%, 10 = 10 %)", "Acréscimo sobre a cobrança da Meta (%, 10 = 10 %)"]),
    ("bsp_monthly", ["Monthly fee", "Abonnement mensuel", "Cuota mensual", "Mensalidade"]),
    ("bsp_per_number", ["Monthly fee per phone number", "Frais mensuels par numéro", "Cuota mensual por número", "Mensalidade por número"]),
    ("results", ["Estimate", "Estimation", "Estimación", "Estimativa"]),
    ("meta_total", ["Meta's charge", "Facturation Meta", "Cargo de Meta", "Cobrança da Meta"]),
    ("bsp_fees", ["Provider fees", "Frais du fournisseur", "Tarifas del proveedor", "Taxas do provedor"]),
    ("grand_total", ["Total with provider fees", "Total avec frais du fournisseur", "Total con tarifas del proveedor", "Total com taxas do provedor"]),
    ("priced_with", ["Priced with the {rules} rules and the {card} {currency} rate card.", "Calculé avec les règles {rules} et la grille {card} en {currency}.", "Calculado con las reglas {rules} y la tarifa {card} en {currency}.", "Calculado com as regras {rules} e a tabela {card} em {currency}."]),
    ("stale", ["Showing the last valid estimate: correct the marked fields.", "Dernière estimation valide affichée : corrigez les champs signalés.", "Se muestra la última estimación válida: corrija los campos marcados.", "Exibindo a última estimativa válida: corrija os campos marcados."]),
    ("breakdown", ["Breakdown by market and category", "Détail par marché et catégorie", "Desglose por mercado y categoría", "Detalhamento por mercado e categoria"]),
    ("category", ["Category", "Catégorie", "Categoría", "Categoria"]),
    ("free", ["Free", "Gratuits", "Gratis", "Grátis"]),
    ("amount", ["Amount", "Montant", "Importe", "Valor"]),
    ("tiers", ["Volume tiers", "Paliers de volume", "Niveles de volumen", "Faixas de volume"]),
    ("tier", ["Tier", "Palier", "Nivel", "Faixa"]),
    ("band", ["Messages", "Messages", "Mensajes", "Mensagens"]),
    ("count", ["Count", "Nombre", "Cantidad", "Quantidade"]),
    ("rate", ["Rate", "Tarif", "Tarifa", "Tarifa"]),
    ("blended_rate", ["Blended rate", "Tarif moyen", "Tarifa media", "Tarifa média"]),
    ("to_next_tier", ["Messages left at this rate before the next tier", "Messages restants à ce tarif avant le palier suivant", "Mensajes restantes a esta tarifa antes del siguiente nivel", "Mensagens restantes nesta tarifa antes da próxima faixa"]),
    ("top_tier", ["top tier reached", "dernier palier atteint", "último nivel alcanzado", "última faixa alcançada"]),
    ("no_tiers", ["No tiered category in this estimate.", "Aucune catégorie à paliers dans cette estimation.", "Ninguna categoría con niveles en esta estimación.", "Nenhuma categoria com faixas nesta estimativa."]),
    ("upper_bound", ["No published tier ladder for this card: priced at the list rate, an upper bound.", "Aucun palier publié pour cette grille : prix catalogue, une borne haute.", "Sin niveles publicados para esta tarifa: precio de lista, un máximo.", "Sem faixas publicadas para esta tabela: preço de lista, um teto."]),
    ("custom", ["custom rate", "tarif personnalisé", "tarifa personalizada", "tarifa personalizada"]),
    ("warnings", ["Things to know", "À savoir", "A tener en cuenta", "Bom saber"]),
    ("chart_spend", ["Spend by market and category", "Dépense par marché et catégorie", "Gasto por mercado y categoría", "Gasto por mercado e categoria"]),
    ("compare", ["The same traffic under each pricing model", "Le même trafic selon chaque modèle de tarification", "El mismo tráfico con cada modelo de precios", "O mesmo tráfego em cada modelo de preço"]),
    ("chart_models", ["Meta's charge by pricing model", "Facturation Meta par modèle de tarification", "Cargo de Meta por modelo de precios", "Cobrança da Meta por modelo de preço"]),
    ("not_priceable", ["Not priceable with this card", "Non calculable avec cette grille", "No calculable con esta tarifa", "Não calculável com esta tabela"]),
    ("compare_unavailable", ["Comparison unavailable:", "Comparaison indisponible :", "Comparación no disponible:", "Comparação indisponível:"]),
    ("why", ["Why they differ", "Pourquoi ils diffèrent", "Por qué difieren", "Por que diferem"]),
    ("copy_link", ["Copy link", "Copier le lien", "Copiar enlace", "Copiar link"]),
    ("copied", ["Link copied.", "Lien copié.", "Enlace copiado.", "Link copiado."]),
    ("copy_failed", ["Copy failed; the link is in the address bar.", "Échec de la copie ; le lien est dans la barre d'adresse.", "No se pudo copiar; el enlace está en la barra de direcciones.", "Falha ao copiar; o link está na barra de endereço."]),
    ("bad_link", ["This link could not be opened, so the default scenario is shown:", "Ce lien n'a pas pu être ouvert ; le scénario par défaut est affiché :", "No se pudo abrir este enlace; se muestra el escenario predeterminado:", "Não foi possível abrir este link; o cenário padrão é exibido:"]),
    ("link_text", ["What the link holds (read-only), so you can copy your numbers out of it:", "Contenu du lien (lecture seule), pour en copier vos chiffres :", "Contenido del enlace (solo lectura), para copiar sus cifras:", "Conteúdo do link (somente leitura), para copiar seus números:"]),
    ("copy_text", ["Copy the text", "Copier le texte", "Copiar el texto", "Copiar o texto"]),
    ("text_copied", ["Text copied.", "Texte copié.", "Texto copiado.", "Texto copiado."]),
    ("restore_offer", ["Your last sheet is kept in this browser.", "Votre dernier tableau est conservé dans ce navigateur.", "Su última hoja se conserva en este navegador.", "Sua última planilha está guardada neste navegador."]),
    ("currency_change", ["Your own rates in this sheet are in {from}. wacost never converts: what should become of them in {to}?", "Vos propres tarifs de ce tableau sont en {from}. wacost ne convertit jamais : que deviennent-ils en {to} ?", "Sus tarifas propias de esta hoja están en {from}. wacost nunca convierte: ¿qué hacemos con ellas en {to}?", "Suas tarifas próprias desta planilha estão em {from}. O wacost nunca converte: o que fazer com elas em {to}?"]),
    ("currency_clear", ["Clear my rates and switch to {to}", "Effacer mes tarifs et passer en {to}", "Borrar mis tarifas y pasar a {to}", "Apagar minhas tarifas e mudar para {to}"]),
    ("currency_keep_rates", ["Switch to {to}: my rates are {to} rates", "Passer en {to} : mes tarifs sont en {to}", "Pasar a {to}: mis tarifas están en {to}", "Mudar para {to}: minhas tarifas estão em {to}"]),
    ("currency_stay", ["Stay in {from}", "Rester en {from}", "Seguir en {from}", "Ficar em {from}"]),
    ("restore", ["Restore your last sheet", "Restaurer votre dernier tableau", "Restaurar su última hoja", "Restaurar sua última planilha"]),
    ("raw_line", ["The sheet cannot edit this line, so it stays in the link as it came: remove it or correct the link.", "Le tableau ne peut pas modifier cette ligne ; elle reste telle quelle dans le lien : supprimez-la ou corrigez le lien.", "La hoja no puede editar esta línea; queda tal cual en el enlace: quítela o corrija el enlace.", "A planilha não pode editar esta linha; ela fica como veio no link: remova-a ou corrija o link."]),
    ("dismiss", ["Dismiss", "Fermer", "Cerrar", "Fechar"]),
    ("csv_error", ["CSV not imported:", "CSV non importé :", "CSV no importado:", "CSV não importado:"]),
    ("paste_error", ["Paste not applied:", "Collage non appliqué :", "Pegado no aplicado:", "Colagem não aplicada:"]),
    ("sheet_summed", ["Rows for the same destination were added together:", "Lignes de même destination additionnées :", "Filas del mismo destino sumadas:", "Linhas do mesmo destino somadas:"]),
    ("sheet_replaced", ["Counts already in the sheet were replaced by the pasted ones:", "Volumes déjà présents remplacés par ceux collés :", "Volúmenes ya presentes reemplazados por los pegados:", "Volumes já presentes substituídos pelos colados:"]),
    ("sheet_summed_replaced", ["Rows for the same destination were added together; then counts already in the sheet were replaced:", "Lignes de même destination additionnées ; puis volumes déjà présents remplacés :", "Filas del mismo destino sumadas; luego volúmenes ya presentes reemplazados:", "Linhas do mesmo destino somadas; depois volumes já presentes substituídos:"]),
    ("no_estimate", ["No estimate yet: correct the marked fields.", "Pas encore d'estimation : corrigez les champs signalés.", "Aún no hay estimación: corrija los campos marcados.", "Ainda sem estimativa: corrija os campos marcados."]),
    ("other_errors", ["Problems", "Problèmes", "Problemas", "Problemas"]),
    ("card_error", ["Rate card not loaded (your rates are unchanged):", "Grille non chargée (vos tarifs sont inchangés) :", "Tarifa no cargada (sus precios no cambian):", "Tabela não carregada (suas tarifas não mudaram):"]),
    ("rates", ["Rates per message", "Tarifs par message", "Tarifas por mensaje", "Tarifas por mensagem"]),
    ("rates_intro", ["Rates of the {card} card for the markets in the sheet. Change any rate to use your own; the link keeps it and the estimate marks what rests on it.", "Tarifs de la grille {card} pour les marchés du tableau. Modifiez un tarif pour utiliser le vôtre ; le lien le garde et l'estimation signale ce qui en dépend.", "Tarifas de {card} para los mercados de la tabla. Cambie cualquier tarifa para usar la suya; el enlace la conserva y la estimación marca lo que depende de ella.", "Tarifas da tabela {card} para os mercados da planilha. Altere qualquer tarifa para usar a sua; o link a mantém e a estimativa marca o que depende dela."]),
    ("rate_missing", ["missing", "absent", "falta", "ausente"]),
    ("edited", ["edited", "modifié", "editada", "editada"]),
    ("reset", ["Reset", "Rétablir", "Restablecer", "Restaurar"]),
    ("reset_all", ["Reset all rates", "Rétablir tous les tarifs", "Restablecer todas", "Restaurar todas"]),
    ("all_markets", ["Every market", "Tous les marchés", "Todos los mercados", "Todos os mercados"]),
    ("load_card", ["Load a whole rate card", "Charger une grille complète", "Cargar una tarifa completa", "Carregar uma tabela completa"]),
    ("load_card_hint", ["Paste Meta's rate card CSV as published, or market,category,rate lines; or drop or choose the file. It replaces your rates only if every line reads.", "Collez la grille CSV de Meta telle que publiée, ou des lignes market,category,rate ; ou déposez ou choisissez le fichier. Elle remplace vos tarifs seulement si chaque ligne est lisible.", "Pegue el CSV de tarifas de Meta tal como se publica, o líneas market,category,rate; o suelte o elija el archivo. Reemplaza sus tarifas solo si todas las líneas se leen.", "Cole o CSV de tarifas da Meta como publicado, ou linhas market,category,rate; ou solte ou escolha o arquivo. Substitui suas tarifas só se todas as linhas forem lidas."]),
    ("load", ["Load", "Charger", "Cargar", "Carregar"]),
    ("choose_file", ["Choose a file", "Choisir un fichier", "Elegir archivo", "Escolher arquivo"]),
    ("skip_to_estimate", ["Skip to the estimate", "Aller à l'estimation", "Ir a la estimación", "Ir para a estimativa"]),
    ("export_estimate", ["Export estimate (CSV)", "Exporter l'estimation (CSV)", "Exportar la estimación (CSV)", "Exportar a estimativa (CSV)"]),
    ("vs_current", ["Difference", "Écart", "Diferencia", "Diferença"]),
    ("other_currency", ["No {wanted} estimate yet: the {shown} totals are hidden until the sheet can be priced in {wanted}.", "Pas encore d'estimation en {wanted} : les totaux en {shown} sont masqués tant que le tableau ne peut pas être chiffré en {wanted}.", "Aún no hay estimación en {wanted}: los totales en {shown} se ocultan hasta que la hoja se pueda valorar en {wanted}.", "Ainda não há estimativa em {wanted}: os totais em {shown} ficam ocultos até a planilha poder ser precificada em {wanted}."]),
    ("partial_choices", ["The {currency} card of this month is partial. You can:", "La grille {currency} de ce mois est partielle. Vous pouvez :", "La tarifa en {currency} de este mes es parcial. Puede:", "A tabela em {currency} deste mês é parcial. Você pode:"]),
    ("no_card_choices", ["No {currency} card was in force this month. You can:", "Aucune grille {currency} n'était en vigueur ce mois. Vous pouvez :", "Ninguna tarifa en {currency} estaba vigente este mes. Puede:", "Nenhuma tabela em {currency} vigorava neste mês. Você pode:"]),
    ("use_complete_card", ["Use the latest complete {currency} card ({card})", "Utiliser la dernière grille {currency} complète ({card})", "Usar la última tarifa completa en {currency} ({card})", "Usar a última tabela completa em {currency} ({card})"]),
    ("load_meta_card", ["Load Meta's {currency} card for the month", "Charger la grille {currency} de Meta pour le mois", "Cargar la tarifa en {currency} de Meta para el mes", "Carregar a tabela em {currency} da Meta para o mês"]),
    ("edit_rates", ["Edit rates", "Modifier les tarifs", "Editar tarifas", "Editar tarifas"]),
    ("rates_read_only", ["Read only: press “Edit rates” to change a rate.", "En lecture seule : appuyez sur « Modifier les tarifs » pour changer un tarif.", "Solo lectura: pulse «Editar tarifas» para cambiar una tarifa.", "Somente leitura: pressione “Editar tarifas” para mudar uma tarifa."]),
];

/// The text for `key` in `lang`; an unknown key shows itself, so a missing entry is visible
/// rather than blank.
pub fn t(lang: Lang, key: &str) -> &str {
    TEXTS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, texts)| texts[lang.column()])
        .unwrap_or(key)
}

/// The exact decimal behind a figure the core wrote (`Amount`, `UnitPrice`, `Decimal`).
fn exact(decimal: impl std::fmt::Display) -> Result<Decimal, String> {
    let text = decimal.to_string();
    Decimal::from_str_exact(text.trim()).map_err(|_| text)
}

/// An amount in `currency`, rounded to the currency's minor unit as core's money format
/// writes it in this language (`$4,354.80`, `4 354,80 $US`); the exact figure goes in
/// `title` and `data-value` ([`crate::components::money`]).
pub fn money(lang: Lang, currency: &str, decimal: impl std::fmt::Display) -> String {
    match exact(decimal) {
        Ok(value) => MoneyFormat::new(currency, lang.locale()).amount(value),
        Err(text) => text,
    }
}

/// A per-message rate with every published digit (`$0.0304`).
pub fn rate(lang: Lang, currency: &str, decimal: impl std::fmt::Display) -> String {
    match exact(decimal) {
        Ok(value) => MoneyFormat::new(currency, lang.locale()).rate(value),
        Err(text) => text,
    }
}

/// A count with the language's grouping, as core's count reader reads it back.
pub fn count(lang: Lang, n: u64) -> String {
    count_text(n, lang.locale())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn a_link_names_one_of_the_four_languages_or_none() {
        assert_eq!(Lang::from_link("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_link("pt-BR"), Some(Lang::PtBr));
        assert_eq!(Lang::from_link("ES"), Some(Lang::Es));
        assert_eq!(Lang::from_link("en"), Some(Lang::En));
        assert_eq!(Lang::from_link("de"), None);
        assert_eq!(Lang::from_link(""), None);
    }

    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn every_text_has_four_distinct_entries_where_words_differ() {
        for key in [
            "link_text",
            "copy_text",
            "restore_offer",
            "restore",
            "raw_line",
        ] {
            let texts: Vec<&str> = Lang::ALL.iter().map(|l| t(*l, key)).collect();
            assert!(texts.iter().all(|text| *text != key), "{key} is missing");
            assert_ne!(texts[0], texts[1], "{key}: French is English");
        }
        assert_eq!(t(Lang::Fr, "restore"), "Restaurer votre dernier tableau");
    }
}
