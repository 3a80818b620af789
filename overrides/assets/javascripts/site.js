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
 * 6. A glossary term (<abbr title>, scripts/mkdocs_hooks/glossary.py) shows its definition in the theme's
 *    own tooltip (Material's .md-tooltip2 look and placement) when the mouse rests on it or a finger taps
 *    it; a tap elsewhere, Escape, scrolling the box the term is in (a wide table) or a new screen width
 *    closes it. Material's `content.tooltips` would do this too, but it mounts a tooltip on every [title]
 *    element when the page starts, forcing layouts of the whole page: a quarter of the theme's start-up
 *    handler on a long chapter, half on the side-by-side view (README, traps). Here nothing runs until a
 *    term is touched, and one tooltip element serves the page.
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

  const tip = { element: null, term: null, width: 0 };

  function tooltipElement() {
    if (!tip.element || !tip.element.isConnected) {
      tip.element = document.createElement("div");
      tip.element.className = "md-tooltip2 glossary-tip";
      tip.element.id = "__glossary_tip";
      tip.element.setAttribute("role", "tooltip");
      const inner = document.createElement("div");
      inner.className = "md-tooltip2__inner md-typeset";
      tip.element.appendChild(inner);
      document.body.appendChild(tip.element);
    }
    return tip.element;
  }

  function showDefinition(term) {
    if (tip.term === term) return;
    hideDefinition();
    const element = tooltipElement();
    element.firstChild.textContent = term.title;
    term.dataset.title = term.title;
    term.removeAttribute("title");  // the browser's own tooltip would show the same text again
    term.setAttribute("aria-describedby", element.id);
    tip.term = term;
    tip.width = window.innerWidth;
    // Material's placement (its bundle, Vt): below the term in the top half of the screen, above it below
    const host = term.getBoundingClientRect();
    const width = element.firstChild.getBoundingClientRect().width;
    const above = host.top >= window.innerHeight / 2;
    const y = above ? -16 - element.firstChild.getBoundingClientRect().height : 16 + host.height;
    const style = element.style;
    style.setProperty("--md-tooltip-host-x", `${host.left + window.scrollX}px`);
    style.setProperty("--md-tooltip-host-y", `${host.top + window.scrollY}px`);
    style.setProperty("--md-tooltip-x", `${host.width / 2}px`);
    style.setProperty("--md-tooltip-y", `${y}px`);
    style.setProperty("--md-tooltip-width", `${width}px`);
    style.setProperty("--md-tooltip-tail", "0px");
    element.classList.toggle("md-tooltip2--top", above);
    element.classList.toggle("md-tooltip2--bottom", !above);
    element.classList.add("md-tooltip2--active");
  }

  function hideDefinition() {
    const term = tip.term;
    if (!term) return;
    term.setAttribute("title", term.dataset.title);
    delete term.dataset.title;
    term.removeAttribute("aria-describedby");
    tip.element.classList.remove("md-tooltip2--active");
    tip.term = null;
  }

  function glossaryTerm(target) {
    const term = target instanceof Element && target.closest(".md-content abbr");
    return term && (term.title || term === tip.term) ? term : null;
  }

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType !== "mouse") return;  // a finger's tap is a click, below
    const term = glossaryTerm(event.target);
    if (term) showDefinition(term);
  });
  document.addEventListener("pointerout", (event) => {
    if (event.pointerType === "mouse" && tip.term && glossaryTerm(event.target) === tip.term &&
        !tip.term.contains(event.relatedTarget)) hideDefinition();
  });
  document.addEventListener("click", (event) => {
    const term = glossaryTerm(event.target);
    if (term) showDefinition(term);
    else hideDefinition();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideDefinition();
  });
  document.addEventListener("scroll", (event) => {
    // a table scrolled sideways moves its term away; the page's own scroll carries term and tooltip along
    if (tip.term && event.target !== document && event.target.contains(tip.term)) hideDefinition();
  }, true);
  window.addEventListener("resize", () => {
    // a phone's address bar hiding in a scroll changes only the height: the term has not moved on the page
    if (window.innerWidth !== tip.width) hideDefinition();
  });

  let pagesSeen = 0;
  document$.subscribe(() => {
    if (pagesSeen++ > 0) {
      hideDefinition();
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
