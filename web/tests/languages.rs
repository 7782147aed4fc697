//! Every problem in the page's language: in English, French, Spanish and Brazilian Portuguese,
//! a bad value of each family is typed, pasted or loaded as a user would, and the exact
//! sentence the page shows is checked: a count, a decimal, a country, a market, a rate card,
//! a pasted row, and a malformed row of a message log.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::rc::Rc;
use wacost_core::bill::Settings;
use wacost_core::Catalog;
use wacost_web::log_check::model::OutcomeView;
use wacost_web::log_check::run::{run_blocks, Job};
use wacost_web::log_check::{LogResult, LogResultProps};
use wacost_web::{mount_with_query, url, Lang};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    ClipboardEvent, ClipboardEventInit, DataTransfer, Element, Event, EventInit, HtmlInputElement,
    HtmlTextAreaElement,
};

wasm_bindgen_test_configure!(run_in_browser);

/// India and Brazil, and a third line to a market Meta's table does not have.
const LINK_JSON: &str = r#"{"month":"2026-11","currency":"USD","lines":[{"country":"IN","marketing":1000,"utility":500},{"country":"BR","marketing":2000},{"market":"Brasil","marketing":5}]}"#;

async fn settle() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

fn fire(target: &web_sys::EventTarget, name: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

struct Page {
    root: Element,
}

impl Page {
    async fn open(lang: Lang) -> Page {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        std::mem::forget(mount_with_query(
            root.clone(),
            &url::scenario_query(LINK_JSON),
            lang,
        ));
        settle().await;
        Page { root }
    }

    fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    async fn type_into(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self.find(selector).dyn_into().unwrap();
        input.set_value(text);
        fire(&input, "input");
        settle().await;
    }

    async fn paste(&self, selector: &str, text: &str) {
        let data = DataTransfer::new().unwrap();
        data.set_data("text/plain", text).unwrap();
        let init = ClipboardEventInit::new();
        init.set_clipboard_data(Some(&data));
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
        self.find(selector).dispatch_event(&event).unwrap();
        settle().await;
    }

    async fn load_card(&self, text: &str) {
        let area: HtmlTextAreaElement = self.find("#card-text").dyn_into().unwrap();
        area.set_value(text);
        let button: web_sys::HtmlElement = self.find("#card-load").dyn_into().unwrap();
        button.click();
        settle().await;
    }
}

fn self_free_of_notice(page: &Page) -> bool {
    page.root
        .query_selector("[data-wacost=\"notice\"]")
        .unwrap()
        .is_none()
}

/// The sentences a user of each language reads, family by family.
struct Expected {
    lang: Lang,
    count: &'static str,
    decimal: &'static str,
    country: &'static str,
    market: &'static str,
    card: &'static str,
    pasted_row: &'static str,
    log_row: &'static str,
}

const EXPECTED: [Expected; 4] = [
    Expected {
        lang: Lang::En,
        count: "“12.5” is not a whole number: “.” marks decimals.",
        decimal: "“200” is not a percent from 0 to 100.",
        country: "“India” is not a country code: two letters, e.g. IN.",
        market: "“Brasil” is not a market of Meta's table in force on 2026-10-01. Did you mean “Brazil”? A rate of your own can add one.",
        card: "Rate card not loaded (your rates are unchanged): Line 2: “Atlantis” is not a market of Meta's table.",
        pasted_row: "Paste not applied: Row 1: “Atlantis” is not a country or market.",
        log_row: "Not marketing, utility or authentication: a template needs its category.",
    },
    Expected {
        lang: Lang::Fr,
        count: "«\u{a0}12.5\u{a0}» n'est pas un nombre entier\u{a0}: «\u{a0}.\u{a0}» groupe les chiffres par trois, comme dans 1.500.",
        decimal: "«\u{a0}200\u{a0}» n'est pas un pourcentage de 0 à 100.",
        country: "«\u{a0}India\u{a0}» n'est pas un code de pays\u{a0}: deux lettres, p. ex. IN.",
        market: "«\u{a0}Brasil\u{a0}» n'est pas un marché de la table de Meta en vigueur le 2026-10-01. Vouliez-vous dire «\u{a0}Brésil\u{a0}»\u{a0}? Un tarif à vous peut l'ajouter.",
        card: "Grille non chargée (vos tarifs sont inchangés) : Ligne 2\u{a0}: «\u{a0}Atlantis\u{a0}» n'est pas un marché de la table de Meta.",
        pasted_row: "Collage non appliqué : Ligne 1\u{a0}: «\u{a0}Atlantis\u{a0}» n'est ni un pays ni un marché.",
        log_row: "Ni marketing, ni utility, ni authentication\u{a0}: un modèle a besoin de sa catégorie.",
    },
    Expected {
        lang: Lang::Es,
        count: "«12.5» no es un número entero: «.» agrupa las cifras de tres en tres, como en 1.500.",
        decimal: "«200» no es un porcentaje de 0 a 100.",
        country: "«India» no es un código de país: dos letras, p. ej. IN.",
        market: "«Brasil» no es un mercado de la tabla de Meta vigente el 2026-10-01. ¿Quería decir «Brasil»? Una tarifa propia puede añadirlo.",
        card: "Tarifa no cargada (sus precios no cambian): Línea 2: «Atlantis» no es un mercado de la tabla de Meta.",
        pasted_row: "Pegado no aplicado: Línea 1: «Atlantis» no es un país ni un mercado.",
        log_row: "No es marketing, utility ni authentication: una plantilla necesita su categoría.",
    },
    Expected {
        lang: Lang::PtBr,
        count: "“12.5” não é um número inteiro: “.” agrupa os dígitos de três em três, como em 1.500.",
        decimal: "“200” não é uma porcentagem de 0 a 100.",
        country: "“India” não é um código de país: duas letras, ex. IN.",
        market: "“Brasil” não é um mercado da tabela da Meta em vigor em 2026-10-01. Você quis dizer “Brasil”? Uma tarifa própria pode adicioná-lo.",
        card: "Tabela não carregada (suas tarifas não mudaram): Linha 2: “Atlantis” não é um mercado da tabela da Meta.",
        pasted_row: "Colagem não aplicada: Linha 1: “Atlantis” não é um país nem um mercado.",
        log_row: "Não é marketing, utility nem authentication: um modelo precisa da sua categoria.",
    },
];

/// A count, a decimal, a country, a market, a card and a pasted row, each in its own words.
#[wasm_bindgen_test]
async fn every_family_of_problem_reads_in_each_language() {
    for expected in &EXPECTED {
        let page = Page::open(expected.lang).await;
        let lang = expected.lang;
        // The link's third line: a market no table has, said beside its row (pricing problems
        // come once the values read).
        assert_eq!(
            page.text(".sheet tbody tr:nth-child(3) th .error"),
            expected.market,
            "{lang:?}"
        );
        page.type_into("#cell-0-utility", "12.5").await;
        assert_eq!(
            page.text("#cell-0-utility-error"),
            expected.count,
            "{lang:?}"
        );
        // 200 % of utility in a window: a share above 100 %.
        page.type_into("#f-utility-in-window", "200").await;
        assert_eq!(
            page.text("#f-utility-in-window-error"),
            expected.decimal,
            "{lang:?}"
        );
        page.type_into("#f-business-country", "India").await;
        assert_eq!(
            page.text("#f-business-country-error"),
            expected.country,
            "{lang:?}"
        );
        page.load_card("market,category,rate\nAtlantis,utility,0.01\n")
            .await;
        assert_eq!(
            page.text("[data-wacost=\"card-error\"] p"),
            expected.card,
            "{lang:?}"
        );
        // Said beside the loader, not in the banner above the page.
        assert!(self_free_of_notice(&page), "{lang:?}");
        page.paste("#cell-1-marketing", "Atlantis\t5\n").await;
        assert_eq!(
            page.text("[data-wacost=\"notice\"] p"),
            expected.pasted_row,
            "{lang:?}"
        );
    }
}

/// A malformed row of a message log, billed by the log check's own run (the worker's, here in
/// the page's thread) and shown by its result view.
#[wasm_bindgen_test]
async fn a_malformed_log_row_reads_in_each_language() {
    let log = "time,phone_number,user,direction,kind,category,status\n\
               2025-10-06T00:00:00Z,PN1,+5511987654321,out,template,promo,delivered\n";
    let settings = Settings::from_json("{}", Catalog::builtin()).unwrap();
    let job = Job {
        skip_bad_rows: false,
        detail: false,
        compare: false,
    };
    let (outcome, _) = run_blocks(Catalog::builtin(), settings, job, log.as_bytes(), 64);
    let json = serde_json::to_string(&outcome).unwrap();
    let view: OutcomeView = serde_json::from_str(&json).unwrap();
    let outcome = Rc::new(view);
    for expected in &EXPECTED {
        let root = gloo_utils::document().create_element("div").unwrap();
        gloo_utils::body().append_child(&root).unwrap();
        let props = LogResultProps {
            lang: expected.lang,
            outcome: outcome.clone(),
            detail_url: None,
            ms: 0.0,
        };
        yew::Renderer::<LogResult>::with_root_and_props(root.clone(), props).render();
        settle().await;
        let cells: Vec<String> = {
            let found = root
                .query_selector_all("[data-logcheck=\"bad-rows\"] tbody td")
                .unwrap();
            (0..found.length())
                .filter_map(|i| found.item(i).and_then(|n| n.text_content()))
                .collect()
        };
        assert_eq!(
            cells[..3],
            ["2", "category", "promo"],
            "{:?}",
            expected.lang
        );
        assert_eq!(cells[3], expected.log_row, "{:?}", expected.lang);
    }
}

/// A log's warnings in each language: an unknown calling code, a repeated row and a blank
/// line, billed by the log check's own run and worded from the core's kinds.
#[wasm_bindgen_test]
async fn a_logs_warnings_read_in_each_language() {
    let log = "time,phone_number,user,direction,kind,category,status\n\
               2025-10-06T00:00:00Z,PN1,+5511987654321,out,template,marketing,delivered\n\
               2025-10-06T00:00:00Z,PN1,+5511987654321,out,template,marketing,delivered\n   \n\
               2025-10-06T01:00:00Z,PN1,+99912345678,out,template,marketing,delivered\n";
    let settings = Settings::from_json("{}", Catalog::builtin()).unwrap();
    let job = Job {
        skip_bad_rows: true,
        detail: false,
        compare: false,
    };
    let (outcome, _) = run_blocks(Catalog::builtin(), settings, job, log.as_bytes(), 64);
    let json = serde_json::to_string(&outcome).unwrap();
    let outcome = Rc::new(serde_json::from_str::<OutcomeView>(&json).unwrap());
    let expected: [(Lang, [&str; 3]); 4] = [
        (Lang::En, [
            "1 delivered message(s) not priced: “+99912345678” starts with no country calling code in use.",
            "1 outbound row(s) repeat an earlier row exactly (same time, phone number, user, kind and category) and are billed again: line 3 repeats line 2. Give the log a message_id column if they are one message.",
            "1 blank line(s) skipped (nothing but spaces).",
        ]),
        (Lang::Fr, [
            "1 message(s) remis non facturé(s)\u{a0}: «\u{a0}+99912345678\u{a0}» ne commence par aucun indicatif de pays en service.",
            "1 ligne(s) sortante(s) répètent exactement une ligne précédente (même heure, numéro, utilisateur, type et catégorie) et sont facturées à nouveau\u{a0}: la ligne 3 répète la ligne 2. Ajoutez au journal une colonne message_id s'il s'agit d'un seul message.",
            "1 ligne(s) vide(s) ignorée(s) (rien que des espaces).",
        ]),
        (Lang::Es, [
            "1 mensaje(s) entregado(s) sin precio: «+99912345678» no empieza por ningún prefijo de país en uso.",
            "1 fila(s) saliente(s) repiten exactamente una fila anterior (misma hora, número, usuario, tipo y categoría) y se cobran de nuevo: la línea 3 repite la línea 2. Añada al registro una columna message_id si son un solo mensaje.",
            "1 línea(s) en blanco omitida(s) (solo espacios).",
        ]),
        (Lang::PtBr, [
            "1 mensagem(ns) entregue(s) sem preço: “+99912345678” não começa por nenhum código de país em uso.",
            "1 linha(s) de saída repetem exatamente uma linha anterior (mesmo horário, número, usuário, tipo e categoria) e são cobradas de novo: a linha 3 repete a linha 2. Dê ao registro uma coluna message_id se forem uma só mensagem.",
            "1 linha(s) em branco ignorada(s) (só espaços).",
        ]),
    ];
    for (lang, sentences) in expected {
        let root = gloo_utils::document().create_element("div").unwrap();
        gloo_utils::body().append_child(&root).unwrap();
        let props = LogResultProps {
            lang,
            outcome: outcome.clone(),
            detail_url: None,
            ms: 0.0,
        };
        yew::Renderer::<LogResult>::with_root_and_props(root.clone(), props).render();
        settle().await;
        let found = root
            .query_selector_all("[data-logcheck=\"warnings\"] li")
            .unwrap();
        let shown: Vec<String> = (0..found.length())
            .filter_map(|i| found.item(i).and_then(|n| n.text_content()))
            .collect();
        assert_eq!(shown, sentences, "{lang:?}");
    }
}
