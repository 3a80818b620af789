"""What a reader does in the header, shared by the browser tests."""


def open_search(page) -> None:
    """The header shows a search field on wide screens and a search button on narrow ones."""
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    else:
        page.click("input.md-search__input")


def search(page, query: str) -> list[str]:
    open_search(page)
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__item, .md-search-result__meta:has-text('0')", timeout=10000)
    page.wait_for_timeout(200)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
