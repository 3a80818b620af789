// The reader's search worker run in Node on a built index: our workers/on-demand.js, which loads Material's
// own worker and passes it the reader's queries (without stop words where the index has none), as in the
// browser. Usage: node search_worker.js ON-DEMAND.js MATERIAL-WORKER.js INDEX.json < queries.json > answers.json
// queries.json: ["query", ...]; answers.json: [[[[location, score], ...] per result item (one page), ...] per query].
// The workers expect a browser's worker scope: `self` with its location, message events, `postMessage`,
// `importScripts` (the index's config names only lunr's built-in English, so Material imports no script).
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");

const [onDemand, material, indexFile] = process.argv.slice(2);
const scope = new EventTarget();
let answered = null;
globalThis.self = globalThis;
globalThis.location = { href: `${pathToFileURL(onDemand).href}?worker=${path.basename(material)}` };
globalThis.addEventListener = scope.addEventListener.bind(scope);
globalThis.removeEventListener = scope.removeEventListener.bind(scope);
globalThis.dispatchEvent = scope.dispatchEvent.bind(scope);
globalThis.postMessage = message => answered(message);
globalThis.importScripts = url => {       // the worker named in ?worker=, which Material's package holds
  if (path.basename(new URL(url).pathname) !== path.basename(material)) throw new Error(`importScripts(${url})`);
  (0, eval)(fs.readFileSync(material, "utf8"));
};
console.warn = () => {};   // Material warns on a query lunr cannot parse and answers it with no result
(0, eval)(fs.readFileSync(onDemand, "utf8"));

function send(data) {
  return new Promise(resolve => {
    answered = resolve;
    dispatchEvent(new MessageEvent("message", { data }));
  });
}

(async () => {
  const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  await send({ type: 0, data: { ...index, options: { suggest: false } } });                 // SETUP -> READY
  const out = [];
  for (const query of queries) {
    const answer = await send({ type: 2, data: query });                                    // QUERY -> RESULT
    out.push(answer.data.items.map(item => item.map(doc => [doc.location, doc.score])));
  }
  process.stdout.write(JSON.stringify(out));
})();
