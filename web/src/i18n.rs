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

    /// The language's place in a `text!` or a `words!`.
    fn column(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
            Lang::Es => 2,
            Lang::PtBr => 3,
        }
    }
}

/// `text!(key, en, fr, es, pt)`: an entry of a table of texts, one string with its five parts
/// apart by U+001F (see `wording::Words` for why not an array).
macro_rules! text {
    ($key:literal, $en:literal, $fr:literal, $es:literal, $pt:literal $(,)?) => {
        concat!($key, "\u{1f}", $en, "\u{1f}", $fr, "\u{1f}", $es, "\u{1f}", $pt)
    };
}
pub(crate) use text;

/// What parts the key and the languages in a `text!` and a `words!`.
const APART: char = '\u{1f}';

/// The part of `lang` in the four languages of `words` (English, French, Spanish, Brazilian
/// Portuguese, apart by U+001F).
pub(crate) fn in_lang(words: &'static str, lang: Lang) -> &'static str {
    words.split(APART).nth(lang.column()).unwrap_or_default()
}

/// The text of `key` in `lang` in a table of `text!` entries.
pub(crate) fn look_up(table: &[&'static str], lang: Lang, key: &str) -> Option<&'static str> {
    table.iter().find_map(|entry| {
        let words = entry.strip_prefix(key)?.strip_prefix(APART)?;
        Some(in_lang(words, lang))
    })
}

/// Each entry: key, English, French, Spanish, Brazilian Portuguese.
const TEXTS: &[&str] = &[
    text!("title", "WhatsApp Business cost calculator", "Calculateur de coûts WhatsApp Business", "Calculadora de costos de WhatsApp Business", "Calculadora de custos do WhatsApp Business"),
    text!("intro", "Describe a month of traffic; the estimate uses Meta's published rate cards.", "Décrivez un mois de trafic ; l'estimation utilise les grilles tarifaires publiées par Meta.", "Describa un mes de tráfico; la estimación usa las tarifas publicadas por Meta.", "Descreva um mês de tráfego; a estimativa usa as tabelas de preços publicadas pela Meta."),
    text!("language", "Language", "Langue", "Idioma", "Idioma"),
    text!("volumes", "Messages per month", "Messages par mois", "Mensajes por mes", "Mensagens por mês"),
    text!("destination", "Destination", "Destination", "Destino", "Destino"),
    text!("market", "Market", "Marché", "Mercado", "Mercado"),
    text!("marketing", "Marketing", "Marketing", "Marketing", "Marketing"),
    text!("utility", "Utility", "Utilitaire", "Utilidad", "Utilidade"),
    text!("authentication", "Authentication", "Authentification", "Autenticación", "Autenticação"),
    text!("authentication_international", "Authentication-international", "Authentification internationale", "Autenticación internacional", "Autenticação internacional"),
    text!("service", "Service", "Service", "Servicio", "Serviço"),
    text!("business_initiated", "Business-initiated", "Initiée par l'entreprise", "Iniciada por la empresa", "Iniciada pela empresa"),
    text!("user_initiated", "User-initiated", "Initiée par l'utilisateur", "Iniciada por el usuario", "Iniciada pelo usuário"),
    text!("total", "Total", "Total", "Total", "Total"),
    text!("actions", "Actions", "Actions", "Acciones", "Ações"),
    text!("add_destination", "Add a destination (country name, ISO code or +calling code)", "Ajouter une destination (pays, code ISO ou +indicatif)", "Añadir destino (país, código ISO o +prefijo)", "Adicionar destino (país, código ISO ou +DDI)"),
    text!("add", "Add", "Ajouter", "Añadir", "Adicionar"),
    text!("no_match", "No country or market matches.", "Aucun pays ni marché ne correspond.", "Ningún país o mercado coincide.", "Nenhum país ou mercado corresponde."),
    text!("remove", "Remove", "Supprimer", "Quitar", "Remover"),
    text!("move_up", "Move up", "Monter", "Subir", "Subir"),
    text!("move_down", "Move down", "Descendre", "Bajar", "Descer"),
    text!("paste_hint", "Tip: paste a block copied from a spreadsheet into any cell (tab-separated; a first column of countries adds rows).", "Astuce : collez un bloc copié d'un tableur dans une cellule (séparé par tabulations ; une première colonne de pays ajoute des lignes).", "Consejo: pegue un bloque copiado de una hoja de cálculo en cualquier celda (separado por tabulaciones; una primera columna de países añade filas).", "Dica: cole um bloco copiado de uma planilha em qualquer célula (separado por tabulações; uma primeira coluna de países adiciona linhas)."),
    text!("import_csv", "Import CSV", "Importer un CSV", "Importar CSV", "Importar CSV"),
    text!("export_csv", "Export CSV", "Exporter en CSV", "Exportar CSV", "Exportar CSV"),
    text!("no_lines", "No destinations yet: add one above.", "Aucune destination : ajoutez-en une ci-dessus.", "Aún no hay destinos: añada uno arriba.", "Nenhum destino ainda: adicione um acima."),
    text!("settings", "Settings", "Paramètres", "Ajustes", "Configurações"),
    text!("month", "Billing month", "Mois de facturation", "Mes de facturación", "Mês de faturamento"),
    text!("currency", "Currency", "Devise", "Moneda", "Moeda"),
    text!("partial_card", "Partial card: no rates for", "Grille partielle : pas de tarif pour", "Tarifa parcial: sin precios para", "Tabela parcial: sem preços para"),
    text!("partial_word", "partial", "partielle", "parcial", "parcial"),
    text!("partial_card_only", "Partial card: rates only for", "Grille partielle : tarifs seulement pour", "Tarifa parcial: precios solo para", "Tabela parcial: preços apenas para"),
    text!("rate_card", "Rate card", "Grille tarifaire", "Tarifa", "Tabela de preços"),
    text!("in_force", "In force for the month", "En vigueur pour le mois", "Vigente en el mes", "Em vigor no mês"),
    text!("rules", "Pricing rules", "Règles de tarification", "Reglas de precios", "Regras de preço"),
    text!("rules_auto", "In force for the month", "En vigueur pour le mois", "Vigentes en el mes", "Em vigor no mês"),
    text!("phone_numbers", "Phone numbers", "Numéros de téléphone", "Números de teléfono", "Números de telefone"),
    text!("wabas", "WhatsApp Business Accounts", "Comptes WhatsApp Business", "Cuentas de WhatsApp Business", "Contas do WhatsApp Business"),
    text!("business_country", "Business country (ISO code)", "Pays de l'entreprise (code ISO)", "País de la empresa (código ISO)", "País da empresa (código ISO)"),
    text!("none", "None", "Aucun", "Ninguno", "Nenhum"),
    text!("auth_international", "Eligible for authentication-international rates", "Éligible aux tarifs d'authentification internationale", "Elegible para tarifas de autenticación internacional", "Elegível para tarifas de autenticação internacional"),
    text!("utility_in_window", "Share of utility sent in an open service window (%)", "Part des utilitaires envoyés dans une fenêtre de service ouverte (%)", "Proporción de utilidad enviada en una ventana de servicio abierta (%)", "Parcela de utilidade enviada em janela de atendimento aberta (%)"),
    text!("entry_point", "Share delivered in a free entry point window (%)", "Part livrée dans une fenêtre de point d'entrée gratuit (%)", "Proporción entregada en una ventana de punto de entrada gratuito (%)", "Parcela entregue em janela de ponto de entrada gratuito (%)"),
    text!("per_conversation", "Messages per conversation", "Messages par conversation", "Mensajes por conversación", "Mensagens por conversa"),
    text!("free_conversations", "Free conversations per month (Mexico test)", "Conversations gratuites par mois (test Mexique)", "Conversaciones gratuitas por mes (prueba México)", "Conversas gratuitas por mês (teste México)"),
    text!("bsp", "Provider (BSP) fees", "Frais du fournisseur (BSP)", "Tarifas del proveedor (BSP)", "Taxas do provedor (BSP)"),
    text!("bsp_per_message", "Fee per message", "Frais par message", "Tarifa por mensaje", "Taxa por mensagem"),
    text!("bsp_per_message_on", "Per-message fee applies to", "Frais par message appliqués aux", "La tarifa por mensaje se aplica a", "Taxa por mensagem aplicada a"),
    text!("charged", "Charged", "Facturés", "Cobrados", "Cobradas"),
    text!("delivered", "Delivered", "Livrés", "Entregados", "Entregues"),
    text!("bsp_markup", "Markup on Meta's charge (%, 10 = 10 %)", "Majoration sur le coût Meta (%, 10 = 10 %)", "Recargo sobre el cargo de Meta (%, 10 = 10 %)", "Acréscimo sobre a cobrança da Meta (%, 10 = 10 %)"),
    text!("bsp_monthly", "Monthly fee", "Abonnement mensuel", "Cuota mensual", "Mensalidade"),
    text!("bsp_per_number", "Monthly fee per phone number", "Frais mensuels par numéro", "Cuota mensual por número", "Mensalidade por número"),
    text!("results", "Estimate", "Estimation", "Estimación", "Estimativa"),
    text!("meta_total", "Meta's charge", "Facturation Meta", "Cargo de Meta", "Cobrança da Meta"),
    text!("bsp_fees", "Provider fees", "Frais du fournisseur", "Tarifas del proveedor", "Taxas do provedor"),
    text!("grand_total", "Total with provider fees", "Total avec frais du fournisseur", "Total con tarifas del proveedor", "Total com taxas do provedor"),
    text!("priced_with", "Priced with the {rules} rules and the {card} {currency} rate card.", "Calculé avec les règles {rules} et la grille {card} en {currency}.", "Calculado con las reglas {rules} y la tarifa {card} en {currency}.", "Calculado com as regras {rules} e a tabela {card} em {currency}."),
    text!("stale", "Showing the last valid estimate: correct the marked fields.", "Dernière estimation valide affichée : corrigez les champs signalés.", "Se muestra la última estimación válida: corrija los campos marcados.", "Exibindo a última estimativa válida: corrija os campos marcados."),
    text!("breakdown", "Breakdown by market and category", "Détail par marché et catégorie", "Desglose por mercado y categoría", "Detalhamento por mercado e categoria"),
    text!("category", "Category", "Catégorie", "Categoría", "Categoria"),
    text!("free", "Free", "Gratuits", "Gratis", "Grátis"),
    text!("amount", "Amount", "Montant", "Importe", "Valor"),
    text!("tiers", "Volume tiers", "Paliers de volume", "Niveles de volumen", "Faixas de volume"),
    text!("tier", "Tier", "Palier", "Nivel", "Faixa"),
    text!("band", "Messages", "Messages", "Mensajes", "Mensagens"),
    text!("count", "Count", "Nombre", "Cantidad", "Quantidade"),
    text!("rate", "Rate", "Tarif", "Tarifa", "Tarifa"),
    text!("blended_rate", "Blended rate", "Tarif moyen", "Tarifa media", "Tarifa média"),
    text!("to_next_tier", "Messages left at this rate before the next tier", "Messages restants à ce tarif avant le palier suivant", "Mensajes restantes a esta tarifa antes del siguiente nivel", "Mensagens restantes nesta tarifa antes da próxima faixa"),
    text!("top_tier", "top tier reached", "dernier palier atteint", "último nivel alcanzado", "última faixa alcançada"),
    text!("no_tiers", "No tiered category in this estimate.", "Aucune catégorie à paliers dans cette estimation.", "Ninguna categoría con niveles en esta estimación.", "Nenhuma categoria com faixas nesta estimativa."),
    text!("upper_bound", "No published tier ladder for this card: priced at the list rate, an upper bound.", "Aucun palier publié pour cette grille : prix catalogue, une borne haute.", "Sin niveles publicados para esta tarifa: precio de lista, un máximo.", "Sem faixas publicadas para esta tabela: preço de lista, um teto."),
    text!("custom", "custom rate", "tarif personnalisé", "tarifa personalizada", "tarifa personalizada"),
    text!("warnings", "Things to know", "À savoir", "A tener en cuenta", "Bom saber"),
    text!("chart_spend", "Spend by market and category", "Dépense par marché et catégorie", "Gasto por mercado y categoría", "Gasto por mercado e categoria"),
    text!("compare", "The same traffic under each pricing model", "Le même trafic selon chaque modèle de tarification", "El mismo tráfico con cada modelo de precios", "O mesmo tráfego em cada modelo de preço"),
    text!("chart_models", "Meta's charge by pricing model", "Facturation Meta par modèle de tarification", "Cargo de Meta por modelo de precios", "Cobrança da Meta por modelo de preço"),
    text!("not_priceable", "Not priceable with this card", "Non calculable avec cette grille", "No calculable con esta tarifa", "Não calculável com esta tabela"),
    text!("compare_unavailable", "Comparison unavailable:", "Comparaison indisponible :", "Comparación no disponible:", "Comparação indisponível:"),
    text!("why", "Why they differ", "Pourquoi ils diffèrent", "Por qué difieren", "Por que diferem"),
    text!("copy_link", "Copy link", "Copier le lien", "Copiar enlace", "Copiar link"),
    text!("copied", "Link copied.", "Lien copié.", "Enlace copiado.", "Link copiado."),
    text!("copy_failed", "Copy failed; the link is in the address bar.", "Échec de la copie ; le lien est dans la barre d'adresse.", "No se pudo copiar; el enlace está en la barra de direcciones.", "Falha ao copiar; o link está na barra de endereço."),
    text!("bad_link", "This link could not be opened, so the default scenario is shown:", "Ce lien n'a pas pu être ouvert ; le scénario par défaut est affiché :", "No se pudo abrir este enlace; se muestra el escenario predeterminado:", "Não foi possível abrir este link; o cenário padrão é exibido:"),
    text!("link_text", "What the link holds (read-only), so you can copy your numbers out of it:", "Contenu du lien (lecture seule), pour en copier vos chiffres :", "Contenido del enlace (solo lectura), para copiar sus cifras:", "Conteúdo do link (somente leitura), para copiar seus números:"),
    text!("copy_text", "Copy the text", "Copier le texte", "Copiar el texto", "Copiar o texto"),
    text!("text_copied", "Text copied.", "Texte copié.", "Texto copiado.", "Texto copiado."),
    text!("restore_offer", "Your last sheet is kept in this browser.", "Votre dernier tableau est conservé dans ce navigateur.", "Su última hoja se conserva en este navegador.", "Sua última planilha está guardada neste navegador."),
    text!("currency_change", "Your own rates in this sheet are in {from}. wacost never converts: what should become of them in {to}?", "Vos propres tarifs de ce tableau sont en {from}. wacost ne convertit jamais : que deviennent-ils en {to} ?", "Sus tarifas propias de esta hoja están en {from}. wacost nunca convierte: ¿qué hacemos con ellas en {to}?", "Suas tarifas próprias desta planilha estão em {from}. O wacost nunca converte: o que fazer com elas em {to}?"),
    text!("currency_clear", "Clear my rates and switch to {to}", "Effacer mes tarifs et passer en {to}", "Borrar mis tarifas y pasar a {to}", "Apagar minhas tarifas e mudar para {to}"),
    text!("currency_keep_rates", "Switch to {to}: my rates are {to} rates", "Passer en {to} : mes tarifs sont en {to}", "Pasar a {to}: mis tarifas están en {to}", "Mudar para {to}: minhas tarifas estão em {to}"),
    text!("currency_stay", "Stay in {from}", "Rester en {from}", "Seguir en {from}", "Ficar em {from}"),
    text!("restore", "Restore your last sheet", "Restaurer votre dernier tableau", "Restaurar su última hoja", "Restaurar sua última planilha"),
    text!("raw_line", "The sheet cannot edit this line, so it stays in the link as it came: remove it or correct the link.", "Le tableau ne peut pas modifier cette ligne ; elle reste telle quelle dans le lien : supprimez-la ou corrigez le lien.", "La hoja no puede editar esta línea; queda tal cual en el enlace: quítela o corrija el enlace.", "A planilha não pode editar esta linha; ela fica como veio no link: remova-a ou corrija o link."),
    text!("dismiss", "Dismiss", "Fermer", "Cerrar", "Fechar"),
    text!("csv_error", "CSV not imported:", "CSV non importé :", "CSV no importado:", "CSV não importado:"),
    text!("paste_error", "Paste not applied:", "Collage non appliqué :", "Pegado no aplicado:", "Colagem não aplicada:"),
    text!("sheet_summed", "Rows for the same destination were added together:", "Lignes de même destination additionnées :", "Filas del mismo destino sumadas:", "Linhas do mesmo destino somadas:"),
    text!("sheet_replaced", "Counts already in the sheet were replaced by the pasted ones:", "Volumes déjà présents remplacés par ceux collés :", "Volúmenes ya presentes reemplazados por los pegados:", "Volumes já presentes substituídos pelos colados:"),
    text!("sheet_summed_replaced", "Rows for the same destination were added together; then counts already in the sheet were replaced:", "Lignes de même destination additionnées ; puis volumes déjà présents remplacés :", "Filas del mismo destino sumadas; luego volúmenes ya presentes reemplazados:", "Linhas do mesmo destino somadas; depois volumes já presentes substituídos:"),
    text!("no_estimate", "No estimate yet: correct the marked fields.", "Pas encore d'estimation : corrigez les champs signalés.", "Aún no hay estimación: corrija los campos marcados.", "Ainda sem estimativa: corrija os campos marcados."),
    text!("other_errors", "Problems", "Problèmes", "Problemas", "Problemas"),
    text!("card_error", "Rate card not loaded (your rates are unchanged):", "Grille non chargée (vos tarifs sont inchangés) :", "Tarifa no cargada (sus precios no cambian):", "Tabela não carregada (suas tarifas não mudaram):"),
    text!("rates", "Rates per message", "Tarifs par message", "Tarifas por mensaje", "Tarifas por mensagem"),
    text!("rates_intro", "Rates of the {card} card for the markets in the sheet. Change any rate to use your own; the link keeps it and the estimate marks what rests on it.", "Tarifs de la grille {card} pour les marchés du tableau. Modifiez un tarif pour utiliser le vôtre ; le lien le garde et l'estimation signale ce qui en dépend.", "Tarifas de {card} para los mercados de la tabla. Cambie cualquier tarifa para usar la suya; el enlace la conserva y la estimación marca lo que depende de ella.", "Tarifas da tabela {card} para os mercados da planilha. Altere qualquer tarifa para usar a sua; o link a mantém e a estimativa marca o que depende dela."),
    text!("rate_missing", "missing", "absent", "falta", "ausente"),
    text!("edited", "edited", "modifié", "editada", "editada"),
    text!("reset", "Reset", "Rétablir", "Restablecer", "Restaurar"),
    text!("reset_all", "Reset all rates", "Rétablir tous les tarifs", "Restablecer todas", "Restaurar todas"),
    text!("all_markets", "Every market", "Tous les marchés", "Todos los mercados", "Todos os mercados"),
    text!("load_card", "Load a whole rate card", "Charger une grille complète", "Cargar una tarifa completa", "Carregar uma tabela completa"),
    text!("load_card_hint", "Paste Meta's rate card CSV as published, or market,category,rate lines; or drop or choose the file. It replaces your rates only if every line reads.", "Collez la grille CSV de Meta telle que publiée, ou des lignes market,category,rate ; ou déposez ou choisissez le fichier. Elle remplace vos tarifs seulement si chaque ligne est lisible.", "Pegue el CSV de tarifas de Meta tal como se publica, o líneas market,category,rate; o suelte o elija el archivo. Reemplaza sus tarifas solo si todas las líneas se leen.", "Cole o CSV de tarifas da Meta como publicado, ou linhas market,category,rate; ou solte ou escolha o arquivo. Substitui suas tarifas só se todas as linhas forem lidas."),
    text!("load", "Load", "Charger", "Cargar", "Carregar"),
    text!("choose_file", "Choose a file", "Choisir un fichier", "Elegir archivo", "Escolher arquivo"),
    text!("skip_to_estimate", "Skip to the estimate", "Aller à l'estimation", "Ir a la estimación", "Ir para a estimativa"),
    text!("export_estimate", "Export estimate (CSV)", "Exporter l'estimation (CSV)", "Exportar la estimación (CSV)", "Exportar a estimativa (CSV)"),
    text!("vs_current", "Difference", "Écart", "Diferencia", "Diferença"),
    text!("other_currency", "No {wanted} estimate yet: the {shown} totals are hidden until the sheet can be priced in {wanted}.", "Pas encore d'estimation en {wanted} : les totaux en {shown} sont masqués tant que le tableau ne peut pas être chiffré en {wanted}.", "Aún no hay estimación en {wanted}: los totales en {shown} se ocultan hasta que la hoja se pueda valorar en {wanted}.", "Ainda não há estimativa em {wanted}: os totais em {shown} ficam ocultos até a planilha poder ser precificada em {wanted}."),
    text!("partial_choices", "The {currency} card of this month is partial. You can:", "La grille {currency} de ce mois est partielle. Vous pouvez :", "La tarifa en {currency} de este mes es parcial. Puede:", "A tabela em {currency} deste mês é parcial. Você pode:"),
    text!("no_card_choices", "No {currency} card was in force this month. You can:", "Aucune grille {currency} n'était en vigueur ce mois. Vous pouvez :", "Ninguna tarifa en {currency} estaba vigente este mes. Puede:", "Nenhuma tabela em {currency} vigorava neste mês. Você pode:"),
    text!("use_complete_card", "Use the latest complete {currency} card ({card})", "Utiliser la dernière grille {currency} complète ({card})", "Usar la última tarifa completa en {currency} ({card})", "Usar a última tabela completa em {currency} ({card})"),
    text!("load_meta_card", "Load Meta's {currency} card for the month", "Charger la grille {currency} de Meta pour le mois", "Cargar la tarifa en {currency} de Meta para el mes", "Carregar a tabela em {currency} da Meta para o mês"),
    text!("edit_rates", "Edit rates", "Modifier les tarifs", "Editar tarifas", "Editar tarifas"),
    text!("loading_cards", "Loading the {currency} cards…", "Chargement des grilles {currency}…", "Cargando las tarifas en {currency}…", "Carregando as tabelas em {currency}…"),
    text!("cards_failed", "The {currency} cards could not be loaded ({detail}). Your sheet is kept; reload the page or choose the currency again.", "Les grilles {currency} n'ont pas pu être chargées ({detail}). Votre tableau est conservé ; rechargez la page ou choisissez à nouveau la devise.", "No se pudieron cargar las tarifas en {currency} ({detail}). Su hoja se conserva; recargue la página o elija de nuevo la moneda.", "Não foi possível carregar as tabelas em {currency} ({detail}). Sua planilha foi mantida; recarregue a página ou escolha a moeda de novo."),
    text!("rates_read_only", "Read only: press “Edit rates” to change a rate.", "En lecture seule : appuyez sur « Modifier les tarifs » pour changer un tarif.", "Solo lectura: pulse «Editar tarifas» para cambiar una tarifa.", "Somente leitura: pressione “Editar tarifas” para mudar uma tarifa."),
];

/// The text for `key` in `lang`; an unknown key shows itself, so a missing entry is visible
/// rather than blank.
pub fn t(lang: Lang, key: &str) -> &str {
    look_up(TEXTS, lang, key).unwrap_or(key)
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
