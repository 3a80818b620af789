/*
 * Small reader-facing behaviours the theme does not have. Plain script, no dependencies, no inline handlers
 * in the templates (a strict Content-Security-Policy can forbid them). Material's bundle runs first: this
 * file uses its `document$` (emitted once per page, also after an instant navigation) and its clipboard,
 * which copies any `[data-clipboard-text]` and shows the theme's own translated "copied" toast.
 *
 * 1. Material fetches `sitemap.xml` next to every <link rel=alternate> to map pages between languages;
 *    static-i18n already gives each page its exact alternate, so those fetches only 404. This file runs
 *    before DOMContentLoaded, when Material collects the links: we give them a second rel token so its
 *    `[rel=alternate]` selector no longer matches, while the token list still says "alternate".
 * 2. The language selector keeps the reader's place: its links carry the current #section. A link into
 *    the other language is always a full page load: that language has its own search index, strings and
 *    <html lang>, which instant navigation (navigation.instant) would not replace.
 * 3. Every h2/h3 gets a "copy link" button that copies the absolute permalink of that section (from the
 *    offline copy, its permalink on the published site).
 * 4. The side-by-side view's toggle (phones): show Chinese, English or both; the kit's print button.
 * 5. Wide tables scroll inside themselves (Material's CSS); keyboard users must be able to reach and
 *    scroll them too (WCAG 2.1.1, axe: scrollable-region-focusable), so they take focus.
 */
(function () {
  "use strict";

  function hideAlternatesFromTheme() {
    for (const link of document.querySelectorAll('link[rel="alternate"][hreflang]')) {
      link.setAttribute("rel", "alternate i18n");
    }
  }
  hideAlternatesFromTheme();

  const text = JSON.parse(document.getElementById("__ui").textContent);  // ui-strings.yml, group `script`

  function keepSectionInLanguageLinks() {
    for (const a of document.querySelectorAll("a.md-select__link[hreflang]")) {
      const url = new URL(a.getAttribute("href"), location.href);
      url.hash = location.hash;
      a.href = url.href;
    }
  }

  /* After an instant navigation the header (and its language links) stays from the first page; the new
     page's <link hreflang> alternates say where its translations are (absolute, from site_url), so each
     language link is pointed at its alternate, reached from here by the same relative path. */
  function pointLanguageLinksAtThisPage() {
    const links = new Map();
    for (const link of document.querySelectorAll("link[hreflang]")) links.set(link.hreflang, link.href);
    const self = links.get(document.documentElement.lang);
    if (!self) return;
    for (const a of document.querySelectorAll("a.md-select__link[hreflang]")) {
      const target = links.get(a.hreflang);
      if (target) a.href = new URL(relativePath(self, target), location.href).href;
    }
  }

  function relativePath(from, to) {
    const a = new URL(from).pathname.split("/").slice(0, -1);
    const b = new URL(to).pathname.split("/");
    let common = 0;
    while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
    return "../".repeat(a.length - common) + b.slice(common).join("/");
  }

  /* In the offline copy (file://) the page's own address names a file on the reader's phone, which nobody
     else can open: the link copied is the section on the published site (the page's canonical URL). */
  function sectionUrl(id) {
    const canonical = location.protocol === "file:" && document.querySelector('link[rel="canonical"]');
    const url = new URL(canonical ? canonical.href : location.href);
    url.search = "";
    url.hash = id;
    return url.href;
  }

  function addCopyLinkButtons() {
    for (const heading of document.querySelectorAll(".md-content h2[id], .md-content h3[id]")) {
      if (heading.querySelector(".copy-link")) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.title = text.copy_link;
      button.setAttribute("aria-label", `${text.copy_link}: ${heading.textContent.replace("¶", "").trim()}`);
      button.dataset.clipboardText = sectionUrl(heading.id);
      heading.appendChild(button);
    }
  }

  function makeTablesFocusable() {
    for (const table of document.querySelectorAll(".md-typeset table")) {
      if (!table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
    }
  }

  let pagesSeen = 0;
  document$.subscribe(() => {
    if (pagesSeen++ > 0) {
      hideAlternatesFromTheme();
      pointLanguageLinksAtThisPage();
    }
    makeTablesFocusable();
    keepSectionInLanguageLinks();
    addCopyLinkButtons();
  });
  window.addEventListener("hashchange", keepSectionInLanguageLinks);

  // Captured on the document, so it runs before the theme's handlers on the body.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[hreflang]");
    if (!link) return;
    // navigation.tracking rewrites the hash while the reader scrolls, without a hashchange event
    if (link.matches("a.md-select__link")) keepSectionInLanguageLinks();
    if (link.hreflang !== document.documentElement.lang) event.stopPropagation();  // the browser follows the link: a full load of the other language
  }, true);

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(".reader-kit__print")) window.print();
    const toggle = target && target.closest(".parallel-toggle button");
    if (toggle) {
      document.querySelector(".parallel").dataset.show = toggle.dataset.show;
      for (const b of document.querySelectorAll(".parallel-toggle button")) {
        b.setAttribute("aria-pressed", String(b === toggle));
      }
    }
  });
})();
