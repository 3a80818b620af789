/*
 * The search worker Material starts on every page (overrides/main.html points `search` here, naming
 * Material's own worker in `?worker=`). It is a few hundred bytes: Material's worker (lunr and its search
 * code) is loaded only when the first message arrives, which is the index (see search-on-demand.js).
 * Messages that arrive meanwhile are kept, then handed to Material's worker in order.
 * Also runs inside the iframe-worker shim (offline copy over file://), where importScripts returns a
 * promise and the worker's own URL is the src of the iframe's first script.
 */
(function () {
  "use strict";

  const own = typeof document !== "undefined" ? document.querySelector("script[src]").src : self.location.href;
  const name = /[?&]worker=([\w.-]+)/.exec(own);
  const queue = [];
  let loading = false;

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
  addEventListener("message", hold);
})();
