"""What a reader does in the header, shared by the browser tests."""


def open_search(page) -> None:
    """The header shows a search field on wide screens and a search button on narrow ones."""
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    else:
        page.click("input.md-search__input")


# Material answers a query in one push: it sets the count line and appends the first ten results in the same
# task (more follow only as the reader scrolls). So the answer is complete once the input holds the query and
# either a result or the theme's own "no results" line is shown; the index may still be loading before that.
ANSWERED = """(query) => {
  const input = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const none = JSON.parse(document.getElementById('__config').textContent).translations['search.result.none'];
  return input.value === query && (document.querySelector('.md-search-result__item') !== null
    || (meta !== null && meta.textContent.trim() === none));
}"""


def search(page, query: str) -> list[str]:
    """Type `query` into the search box and return the result links, best first. A page can be reused for
    the next query: the previous answer is cleared first, so it is never mistaken for the new one."""
    if page.locator("input.md-search__input").input_value():
        page.fill("input.md-search__input", "")
        page.press("input.md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", state="detached")
    else:
        open_search(page)
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material searches on keyup
    page.wait_for_function(ANSWERED, arg=query, timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
