// Material's own search worker, run in Node on a built index: what the reader's search answers, without a
// browser. Usage: node search_worker.js WORKER.js INDEX.json < queries.json > answers.json
// queries.json: ["query", ...]; answers.json: [[[[location, score], ...] per result item (one page), ...] per query].
// The worker expects a browser's worker scope: `self`, `addEventListener`, `postMessage`, `importScripts`
// (the index's config names only lunr's built-in English, so no script is imported).
"use strict";
const fs = require("fs");
let handler = null;
let answer = null;
globalThis.self = globalThis;
globalThis.addEventListener = (type, fn) => { handler = fn; };
globalThis.postMessage = message => { answer = message; };
globalThis.importScripts = () => {};
console.warn = () => {};   // Material warns on a query lunr cannot parse and answers it with no result
(0, eval)(fs.readFileSync(process.argv[2], "utf8"));

(async () => {
  const index = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  await handler({ data: { type: 0, data: { ...index, options: { suggest: false } } } });   // SETUP
  const out = [];
  for (const query of queries) {
    await handler({ data: { type: 2, data: query } });                                      // QUERY
    out.push(answer.data.items.map(item => item.map(doc => [doc.location, doc.score])));
  }
  process.stdout.write(JSON.stringify(out));
})();
