/*
 * Small reader-facing behaviours the theme does not have. Plain script, no dependencies.
 *
 * 1. Material fetches `sitemap.xml` next to every <link rel=alternate> to map pages between languages;
 *    static-i18n already gives each page its exact alternate, so those fetches only 404. This file runs
 *    before DOMContentLoaded, when Material collects the links: we give them a second rel token so its
 *    `[rel=alternate]` selector no longer matches, while the token list still says "alternate".
 * 2. The language selector keeps the reader's place: its links carry the current #section.
 * 3. Every h2/h3 gets a "copy link" button that copies the absolute permalink of that section.
 * 4. The side-by-side view's toggle (phones): show Chinese, English or both.
 * 5. Wide tables scroll inside themselves (Material's CSS); keyboard users must be able to reach and
 *    scroll them too (WCAG 2.1.1, axe: scrollable-region-focusable), so they take focus.
 */
(function () {
  "use strict";

  for (const link of document.querySelectorAll('link[rel="alternate"][hreflang]')) {
    link.setAttribute("rel", "alternate i18n");
  }

  const isZh = document.documentElement.lang.startsWith("zh");
  const text = isZh
    ? { copy: "复制本节链接", copied: "链接已复制" }
    : { copy: "Copy link to this section", copied: "Link copied" };

  function keepSectionInLanguageLinks() {
    for (const a of document.querySelectorAll("a.md-select__link[hreflang]")) {
      const url = new URL(a.getAttribute("href"), location.href);
      url.hash = location.hash;
      a.href = url.href;
    }
  }

  function sectionUrl(id) {
    const url = new URL(location.href);
    url.search = "";
    url.hash = id;
    return url.href;
  }

  async function copyText(value) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(value);
      return;
    }
    const area = document.createElement("textarea");  // file:// and plain http have no async clipboard
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }

  function addCopyLinkButtons() {
    for (const heading of document.querySelectorAll(".md-content h2[id], .md-content h3[id]")) {
      if (heading.querySelector(".copy-link")) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.title = text.copy;
      button.setAttribute("aria-label", `${text.copy}: ${heading.textContent.replace("¶", "").trim()}`);
      button.dataset.url = sectionUrl(heading.id);
      button.addEventListener("click", async () => {
        try {
          await copyText(button.dataset.url);
          button.classList.add("copied");
          button.title = text.copied;
          setTimeout(() => { button.classList.remove("copied"); button.title = text.copy; }, 2000);
        } catch (err) {
          window.prompt(text.copy, button.dataset.url);
        }
      });
      heading.appendChild(button);
    }
  }

  function setUpParallelToggle() {
    const grid = document.querySelector(".parallel");
    for (const button of document.querySelectorAll(".parallel-toggle button")) {
      button.addEventListener("click", () => {
        grid.dataset.show = button.dataset.show;
        for (const b of document.querySelectorAll(".parallel-toggle button")) {
          b.setAttribute("aria-pressed", String(b === button));
        }
      });
    }
  }

  function makeTablesFocusable() {
    for (const table of document.querySelectorAll(".md-typeset table")) {
      if (!table.hasAttribute("tabindex")) table.setAttribute("tabindex", "0");
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    makeTablesFocusable();
    keepSectionInLanguageLinks();
    addCopyLinkButtons();
    setUpParallelToggle();
  });
  window.addEventListener("hashchange", keepSectionInLanguageLinks);
  // navigation.tracking rewrites the hash while the reader scrolls, without a hashchange event
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a.md-select__link[hreflang]")) {
      keepSectionInLanguageLinks();
    }
  }, true);
})();
