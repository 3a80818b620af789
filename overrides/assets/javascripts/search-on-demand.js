/*
 * Search data on demand. Material fetches the search index (search/search_index.json, 200 KB and more
 * gzipped for Chinese) and starts its search worker on every page load, before anyone searches. A reader
 * on a metered phone pays for that on every page. This file, loaded just before Material's bundle, holds
 * the index request back until the reader opens search: a click or tap on the search button or field,
 * focus in the field (Material's `/`, `s` and `f` shortcuts focus it), or a page opened from a search
 * result (`?h=`, which search.highlight needs the index for) or with a query (`?q=`).
 *
 * - Over http(s) Material requests the index with XMLHttpRequest; its `send` waits here until then.
 * - Over file:// (the offline copy) Material loads search/search_index.js only once the search dialog
 *   opens, unless search.highlight asks for the index on load: without `?h=` there is nothing to
 *   highlight, so that feature is left out of the theme's configuration for this page.
 * - The worker Material starts is workers/on-demand.js (overrides/main.html), which loads Material's
 *   own worker only when the index is handed to it.
 * - While the index is on its way <html> carries data-search="loading" (site.css shows it beside the
 *   theme's "Initializing search" line); "ready" once it is there. A query typed meanwhile is asked as
 *   soon as the worker is ready (Material keeps the latest query and sends it then).
 */
(function () {
  "use strict";

  const INDEX = /\/search\/search_index\.json(?:$|[?#])/;
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  let wanted = false;
  const held = [];

  if (location.protocol === "file:" && !params.has("h")) {
    const element = document.getElementById("__config");
    const config = JSON.parse(element.textContent);
    config.features = config.features.filter((feature) => feature !== "search.highlight");
    element.textContent = JSON.stringify(config);
  }

  function want() {
    if (wanted) return;
    wanted = true;
    root.dataset.search = "loading";
    for (const send of held.splice(0)) send();
  }

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = INDEX.test(String(url));
    if (this.searchIndex) {  // before the theme's own listener, which aborts the request once it has it
      this.addEventListener("load", () => { root.dataset.search = this.status === 200 ? "ready" : "failed"; });
      this.addEventListener("error", () => { root.dataset.search = "failed"; });
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.searchIndex) return send.apply(this, arguments);
    const xhr = this;
    const args = arguments;
    if (wanted) return send.apply(xhr, args);
    held.push(() => send.apply(xhr, args));
  };

  if (location.protocol === "file:") {
    document.addEventListener("load", (event) => {
      const target = event.target;
      if (target instanceof HTMLScriptElement && /\/search\/search_index\.js$/.test(target.src)) root.dataset.search = "ready";
    }, true);
  }

  function isSearch(target) {
    return target instanceof Element && target.closest("label[for='__search'], .md-search") !== null;
  }
  document.addEventListener("pointerdown", (event) => { if (isSearch(event.target)) want(); }, true);
  document.addEventListener("focusin", (event) => { if (isSearch(event.target)) want(); }, true);
  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) want();
  }, true);
  if (params.has("h") || params.has("q")) want();
})();
