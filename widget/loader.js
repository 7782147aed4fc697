// The loader, appended by scripts/build-widget.sh after wasm-bindgen's no-modules glue (which
// defines `wasm_bindgen` inside the same closure and finds the .wasm next to this script).
var wacostModule = null;
var pending = [];

function mountNow(element, config) {
  return wacostModule.mount(element, config === undefined ? null : config);
}

function showLoadFailure(error) {
  console.error('wacost widget: the calculator could not load', error);
  document.querySelectorAll('[data-wacost-widget]').forEach(function (element) {
    if (!element.shadowRoot) element.textContent = 'The WhatsApp cost calculator could not load (' + error + ').';
  });
}

// The .wasm sits next to this script, wherever it is served from (a query string such as
// ?v=3 is allowed).
var wasmUrl = new URL('wacost-widget_bg.wasm', wacostScript ? wacostScript.src : location.href);

var ready = wasm_bindgen({ module_or_path: wasmUrl }).then(function () {
  wacostModule = wasm_bindgen;
  var mountAll = function () { wacostModule.mountAll(); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
  pending.splice(0).forEach(function (run) { run(); });
  return window.wacost;
});
ready.catch(showLoadFailure);

window.wacost = {
  /** Resolves once the calculator is loaded (widgets in the page are then being mounted). */
  ready: ready,
  /**
   * Mounts a calculator in `element` with `config` (settings by their camelCase names, e.g.
   * {countries: 'IN,BR', currency: 'USD', bspPerMessage: 0.005}); without `config`, reads the
   * element's data-* attributes. Returns a handle with destroy(). Works before loading ends.
   */
  mount: function (element, config) {
    if (wacostModule) return mountNow(element, config);
    var handle = null;
    var destroyed = false;
    pending.push(function () {
      if (destroyed) return;
      try { handle = mountNow(element, config); } catch (error) { console.error(error); }
    });
    return {
      destroy: function () { destroyed = true; if (handle) handle.destroy(); },
      get mounted() { return !!handle && handle.mounted; },
    };
  },
  /** Mounts every [data-wacost-widget] element not mounted yet (for content added later). */
  mountAll: function () { return wacostModule ? wacostModule.mountAll() : 0; },
};
