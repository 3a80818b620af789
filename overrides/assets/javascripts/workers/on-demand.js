/*
 * The search worker Material starts on every page (overrides/main.html points `search` here, naming
 * Material's own worker in `?worker=`). It is a few hundred bytes: Material's worker (lunr and its search
 * code) is loaded only when the first message arrives, which is the index (see search-on-demand.js).
 * Messages that arrive meanwhile are kept, then handed to Material's worker in order.
 * Also runs inside the iframe-worker shim (offline copy over file://), where importScripts returns a
 * promise and the worker's own URL is the src of the iframe's first script.
 *
 * Stop words leave a query before Material's worker sees it, where the index has dropped them (its
 * pipeline names lunr's stopWordFilter: the English index). Material searches every word of a query as a
 * prefix and counts a word as found in a page when any word of the page begins with it, so "in" of
 * "children in difficulties" matched "intervention", "information", … and ranked pages full of in- words
 * above the term's own glossary row; a quoted phrase ("+in", required) found nothing at all. A query made
 * only of stop words is left as it is.
 */
(function () {
  "use strict";

  const SETUP = 0;
  const QUERY = 2;
  const own = typeof document !== "undefined" ? document.querySelector("script[src]").src : self.location.href;
  const name = /[?&]worker=([\w.-]+)/.exec(own);
  const queue = [];
  let loading = false;
  let stopWords = false;

  function withoutStopWords(query) {
    const words = query.split(/\s+/).filter(Boolean);
    const kept = words.filter((word) => {
      const bare = /^\+?([^\s+\-*:^~]+)\*?$/.exec(word);
      return !bare || lunr.stopWordFilter(bare[1].toLowerCase()) !== undefined;
    });
    return kept.length ? kept.join(" ") : query;
  }

  function rewrite(event) {
    const message = event.data;
    if (message.type === SETUP) {
      stopWords = (message.data.config.pipeline || []).includes("stopWordFilter");
    } else if (message.type === QUERY && stopWords && typeof lunr !== "undefined") {
      const query = withoutStopWords(message.data);
      if (query === message.data) return;
      event.stopImmediatePropagation();
      dispatchEvent(new MessageEvent("message", { data: { ...message, data: query } }));
    }
  }

  function hold(event) {
    event.stopImmediatePropagation();
    queue.push(event.data);
    if (loading) return;
    loading = true;
    Promise.resolve(importScripts(new URL(name[1], own).href)).then(() => {
      removeEventListener("message", hold);
      for (const data of queue.splice(0)) dispatchEvent(new MessageEvent("message", { data }));
    });
  }
  addEventListener("message", rewrite);
  addEventListener("message", hold);
})();
