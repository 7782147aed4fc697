/* wacost widget: <script src=".../wacost-widget.js" defer></script> + <div data-wacost-widget></div>.
   This loader is all a host page loads up front. It holds each widget's place with a
   placeholder of about its height, and fetches the calculator (a content-hashed module and
   wasm next to this script, named at build time) only when a widget comes near the viewport
   or when wacost.mount() / wacost.load() is called. Its only global is window.wacost. */
(function () {
  if (window.wacost && window.wacost.mount) return;
  var script = document.currentScript;
  // Next to this script, wherever it is served from (a query string such as ?v=3 is allowed).
  var base = script && script.src ? script.src : location.href;
  var APP = new URL('__WACOST_APP__', base).href;
  var WASM = new URL('__WACOST_WASM__', base).href;
  // Each billing currency's rate cards, a content-hashed file next to this script: a widget
  // fetches its own currency's only.
  var DATA = __WACOST_DATA__;
  // How far below (or above) the viewport a widget starts loading: a reader scrolling at
  // 4,000 px/s reaches it 250 ms later, about what fetching and compiling takes here.
  var NEAR = '1000px 0px';
  var SELECTOR = '[data-wacost-widget]';
  var app = null;
  var loading = null;
  var dataLoads = {};
  var dataReady = {};
  var watched = typeof WeakSet === 'function' ? new WeakSet() : null;
  var settle = {};
  var ready = new Promise(function (resolve, reject) { settle.resolve = resolve; settle.reject = reject; });
  ready.catch(function () {});

  function showLoadFailure(element, error) {
    console.error('wacost widget: the calculator could not load', error);
    var root = element.shadowRoot;
    var text = 'The WhatsApp cost calculator could not load (' + error + ').';
    if (root && !element.__wacostMounted) root.textContent = text;
    else if (!root) element.textContent = text;
  }

  function load() {
    if (!loading) {
      loading = import(APP).then(function (glue) {
        return glue.default({ module_or_path: WASM }).then(function () { return glue; });
      }).then(function (glue) {
        app = glue;
        settle.resolve(window.wacost);
        return glue;
      });
      loading.catch(function (error) { settle.reject(error); });
    }
    return loading;
  }

  function currencyOf(element, config) {
    var given = config && config.currency !== undefined ? config.currency : element.getAttribute('data-currency');
    return String(given || 'USD').trim().toUpperCase();
  }

  // The calculator and the cards of `currency`, fetched side by side. A currency without a
  // file is left to the calculator, which names it as a bad setting.
  function loadFor(currency) {
    var file = DATA[currency];
    if (!file) return load();
    if (!dataLoads[currency]) {
      var text = fetch(new URL(file, base).href).then(function (response) {
        if (!response.ok) throw new Error(file + ': HTTP ' + response.status);
        return response.text();
      });
      dataLoads[currency] = Promise.all([load(), text]).then(function (both) {
        both[0].addCurrencyData(currency, file, both[1]);
        dataReady[currency] = true;
        return both[0];
      });
    }
    return dataLoads[currency];
  }

  function readyFor(currency) { return !!app && (dataReady[currency] || !DATA[currency]); }

  // A widget's height before it renders, from its settings and width, so the page does not
  // jump when it arrives (figures measured on the built widget: tests/e2e/widget.test.mjs).
  function placeholderHeight(element) {
    var list = (element.getAttribute('data-countries') || 'IN').split(',');
    var pick = list.some(function (c) { return c.trim() === '*'; });
    var rows = list.filter(function (c) { return c.trim() && c.trim() !== '*'; }).length || 1;
    var width = element.clientWidth || 320;
    // Four count columns from 500 px inside the 14 px padding (style.css), else two.
    var columns = width - 30 >= 500 ? 4 : 2;
    var row = 44 + (4 / columns) * 51;
    var height = 217 + rows * (row + 27) + (pick ? 62 : 0);
    if (element.hasAttribute('data-cta-label') || element.hasAttribute('data-cta-href')) height += 52;
    var rates = element.getAttribute('data-show-rates');
    if (rates !== null && !/^(false|no|0)$/i.test(rates.trim())) height += rows * (width < 500 ? 38 : 20);
    return height;
  }

  function placehold(element) {
    if (element.shadowRoot || element.__wacostMounted) return;
    try {
      var root = element.attachShadow({ mode: 'open' });
      var box = document.createElement('div');
      box.setAttribute('aria-busy', 'true');
      box.setAttribute('data-wacost-placeholder', '');
      box.style.cssText = 'box-sizing:border-box;height:' + placeholderHeight(element) +
        'px;border:1px solid rgba(127,127,127,.25);border-radius:var(--wacost-radius,10px);' +
        'background:rgba(127,127,127,.06)';
      root.appendChild(box);
    } catch (error) {
      // Not an element that takes a shadow root: the calculator says so when it mounts.
    }
  }

  function scenarioOf(element) { return app ? app.scenarioOf(element) : null; }

  function mountNow(element, config) {
    element.__wacostMounted = true;
    element.wacostScenario = function () { return scenarioOf(element); };
    return app.mount(element, config === undefined ? null : config);
  }

  var observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        attributeMount(entry.target);
      });
    }, { rootMargin: NEAR })
    : null;

  function attributeMount(element) {
    if (element.__wacostMounted) return;
    loadFor(currencyOf(element)).then(function () {
      if (element.__wacostMounted) return;
      try { mountNow(element); } catch (error) { console.error(error); }
    }, function (error) { showLoadFailure(element, error); });
  }

  function watchAll() {
    var count = 0;
    document.querySelectorAll(SELECTOR).forEach(function (element) {
      if (element.__wacostMounted || (watched && watched.has(element))) return;
      if (watched) watched.add(element);
      placehold(element);
      if (observer) observer.observe(element); else attributeMount(element);
      count += 1;
    });
    return count;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchAll);
  else watchAll();

  window.wacost = {
    /** Resolves once the calculator has loaded (after the first widget neared the viewport,
        or after mount() or load()). */
    ready: ready,
    /** Loads the calculator now, without waiting for a widget to near the viewport. */
    load: function () { load(); return ready; },
    /**
     * Mounts a calculator in `element` now, with `config` (settings by their camelCase names,
     * e.g. {countries: 'IN,BR', currency: 'USD', bspPerMessage: 0.005}); without `config`,
     * reads the element's data-* attributes. Returns a handle with destroy() and scenario().
     * Works before loading ends.
     */
    mount: function (element, config) {
      var isElement = !!element && element.nodeType === 1;
      var currency = isElement ? currencyOf(element, config) : 'USD';
      if (!isElement || readyFor(currency)) {
        if (app) return mountNow(element, config);
        throw new TypeError('wacost.mount: the first argument must be a DOM element');
      }
      placehold(element);
      var handle = null;
      var destroyed = false;
      loadFor(currency).then(function () {
        if (destroyed) return;
        try { handle = mountNow(element, config); } catch (error) { console.error(error); }
      }, function (error) { showLoadFailure(element, error); });
      return {
        destroy: function () { destroyed = true; if (handle) handle.destroy(); },
        scenario: function () { return handle ? handle.scenario() : null; },
        get mounted() { return !!handle && handle.mounted; },
      };
    },
    /** Watches [data-wacost-widget] elements added since (each mounts when it nears the
        viewport); returns how many were new. */
    mountAll: watchAll,
    /** The visitor's latest scenario in `element`'s widget, as the core's Scenario JSON:
        what a sign-up form is prefilled from. Also `element.wacostScenario()`. */
    scenario: scenarioOf,
  };
})();
