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
 *
 * A section whose title is the query itself (a glossary row searched by its own term) comes first in its
 * page's result, scoring as high as the best of them, so that the dialog shows it instead of folding it
 * under "N more on this page" (the dialog shows only the sections that score as high as the first). Material
 * searches a Chinese term as the prefix of every longer term that begins with it (儿童安全保护 finds
 * 儿童安全保护联络人 too), and the longer row, which also names the shorter term in its definition, scored
 * higher. Results are matched to their queries in order: Material's worker answers each query once, in turn.
 */
(function () {
  "use strict";

  const SETUP = 0;
  const QUERY = 2;
  const RESULT = 3;
  const own = typeof document !== "undefined" ? document.querySelector("script[src]").src : self.location.href;
  const name = /[?&]worker=([\w.-]+)/.exec(own);
  const queue = [];
  let loading = false;
  let loaded = false;
  let stopWords = false;
  const asked = [];                 // the reader's queries Material's worker has been given, not yet answered

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
    } else if (message.type === QUERY) {
      // noted here, before Material's worker sees it: a message from the page runs the microtasks (where
      // Material answers) between one listener and the next. A query held until Material's worker is loaded
      // is noted when it is handed over; one asked again without its stop words was noted as typed.
      if (loaded && message.typed === undefined) asked.push(message.data);
      if (!stopWords || typeof lunr === "undefined") return;
      const query = withoutStopWords(message.data);
      if (query === message.data) return;
      event.stopImmediatePropagation();
      dispatchEvent(new MessageEvent("message", { data: { ...message, data: query, typed: message.data } }));
    }
  }

  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

  function key(text) {
    return text.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ENTITIES[name])
      .replace(/[\u200b-\u200d\u2060\ufeff"]/g, "").replace(/(^|\s)\+/g, "$1").replace(/\*(\s|$)/g, "$1")
      .trim().replace(/\s+/g, " ").toLowerCase();
  }

  function exactFirst(query, result) {
    const wanted = key(query);
    if (!wanted) return;
    for (const item of result.items || []) {
      const k = item.findIndex((doc) => doc.location.includes("#") && key(doc.title || "") === wanted);
      if (k < 0) continue;
      const [doc] = item.splice(k, 1);
      doc.score = Math.max(doc.score, ...item.map((other) => other.score));
      item.unshift(doc);
    }
  }

  const post = self.postMessage;
  self.postMessage = function (message, ...rest) {
    if (message && message.type === RESULT && asked.length) exactFirst(asked.shift(), message.data);
    return post.call(self, message, ...rest);
  };

  function hold(event) {
    event.stopImmediatePropagation();
    queue.push(event.data);
    if (loading) return;
    loading = true;
    Promise.resolve(importScripts(new URL(name[1], own).href)).then(() => {
      removeEventListener("message", hold);
      loaded = true;
      for (const data of queue.splice(0)) dispatchEvent(new MessageEvent("message", { data }));
    });
  }
  addEventListener("message", rewrite);
  addEventListener("message", hold);
})();
