"""The parsed page: one Markdown file, parsed once with markdown-it-py, shared by every check.

:func:`parse_page` never raises, whatever bytes it is given: an undecodable byte, a BOM, CRLF endings,
broken front matter or an empty file become :attr:`Page.problems` (E1xx findings) and parsing goes on
with the best reading of the text. All line numbers are 1-based lines of the file as stored (front
matter included), taken from markdown-it's ``token.map``.

A page is cut into sections: a section runs from its ``##``/``###`` heading to the next one; the text
before the first ``##`` is the section ``_intro``. Each section holds its blocks (tables, lists,
admonitions, images, links), its prose (:class:`TextLine`: text with code, link targets, raw HTML
and comments left out) and its code (inline code and code blocks, line by line). Two lists of the same
kind separated only by HTML comments are one list (as a reader sees them). The same prose is also cut
into :class:`Block`\ s, the units a translator renders one for one: paragraphs (a list item's
paragraph included), table rows and admonition titles, in page order, each with its first and last line.

Text readers see outside the prose is kept apart in :attr:`Page.visible`: the front-matter
``description`` (the search-result snippet) and ``title``, and the ``alt`` and ``title`` of raw HTML tags,
each with its line. Prose inside an inline HTML element that declares its language
(``<span lang="zh">困境儿童</span>``) stays in the prose and is also listed in :attr:`Page.lang_spans`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify as toc_slugify
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from scripts.diagnostics import Diagnostic
from scripts.yamlfile import YamlError, load_yaml

INTRO = "_intro"
REVIEW_KEYS = ("owner", "reviewed", "review_interval")   # front matter of the review (scripts/review.py):
                                                         # not the text a translation follows
LANGS = ("zh", "en")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")     # a good id: lower-case ASCII words joined by hyphens

_MD = (MarkdownIt("commonmark", {"html": True})
       .enable(["table", "strikethrough"])
       .use(front_matter_plugin).use(admon_plugin).use(footnote_plugin).use(deflist_plugin))

# `## Title {#id .class key=value}` and Python-Markdown's `{: #id }` (attr_list)
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
_TRAILING_ATTR_RE = re.compile(r"[ \t]*\{:?[ \t]*([^{}\n]*?)[ \t]*\}[ \t]*$")
_ID_IN_ATTR_RE = re.compile(r"(?:^|\s)#([^\s}]+)")
_HTML_TAG_RE = re.compile(r"<([A-Za-z][\w-]*)((?:\s+[^<>]*?)?)\s*/?>", re.S)
_HTML_ATTR_RE = re.compile(r"([A-Za-z_:][\w:.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+))")
COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_SUPPRESSION_RE = re.compile(r"<!--\s*check\s*:(.*?)-->")
_ADMON_TITLE_RE = re.compile(r"\"(.*)\"\s*$")
RESOURCE_ATTRS = ("href", "src", "data", "poster", "srcset", "action", "cite", "background", "xlink:href")


@dataclass
class TextLine:
    """Prose on one source line (code, link targets, raw HTML and comments left out)."""
    line: int
    text: str


@dataclass
class VisibleText:
    """Text readers see outside the prose: ``what`` is "description", "alt text" or "title"."""
    line: int
    text: str
    what: str


@dataclass
class LangSpan:
    """Prose inside an inline HTML element with a ``lang`` attribute (the innermost one), on one line."""
    line: int
    text: str
    lang: str


@dataclass
class Link:
    """A link or resource reference. ``kind``: ``link``, ``image``, or ``html:<tag>.<attr>``."""
    line: int
    target: str
    kind: str = "link"
    text: str = ""


@dataclass
class Block:
    """A paragraph, list item paragraph, table row or admonition title: its prose, line by line.
    ``kind``: "paragraph", "item" (a paragraph inside a list), "row" or "title"."""
    line: int
    end: int
    kind: str
    text: list[TextLine] = field(default_factory=list)
    top: int = 0            # first line of the top-level block that holds it (its list, table, admonition)


@dataclass
class Table:
    line: int
    rows: int = 0           # body rows, header excluded


@dataclass
class ListBlock:
    line: int
    ordered: bool
    items: int = 0


@dataclass
class Admonition:
    line: int
    kind: str               # note, tip, warning, example, ...
    title: str


@dataclass
class Heading:
    line: int
    level: int
    title: str              # text without the attribute list
    id: str | None          # explicit id from {#id}, or None
    slug: str               # the id MkDocs' toc would generate without an explicit one
    last: int = 0           # its last line (a setext heading's underline); = line for ATX headings

    def __post_init__(self):
        self.last = self.last or self.line

    @property
    def anchor(self) -> str:
        return self.id or self.slug


@dataclass
class Section:
    id: str | None          # explicit id; "_intro" for the text before the first h2; None if missing
    level: int              # 2 or 3 (1 for _intro)
    title: str
    line: int               # line of the heading (_intro: of the H1 title, else 1): findings point here
    end: int                # last line of the section
    heading: Heading | None = None
    start: int = 0          # first line of the section (its heading; 1 for _intro, front matter included)
    tables: list[Table] = field(default_factory=list)
    lists: list[ListBlock] = field(default_factory=list)
    admonitions: list[Admonition] = field(default_factory=list)
    images: list[Link] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)          # links to pages and sites (not images)
    text: list[TextLine] = field(default_factory=list)
    code: list[TextLine] = field(default_factory=list)     # inline code and code blocks
    blocks: list[Block] = field(default_factory=list)      # paragraphs, list items, table rows, titles
    tops: list[int] = field(default_factory=list)          # first line of each top-level block but headings

    def __post_init__(self):
        self.start = self.start or self.line

    @property
    def name(self) -> str:
        """How messages name the section: "section #id", "the introduction", "section 'Title'"."""
        if self.id == INTRO:
            return "the introduction"
        return f"section #{self.id}" if self.id else f"section '{self.title}'"

    def plain_text(self) -> str:
        return "\n".join(t.text for t in self.text)


@dataclass
class Run:
    """A piece of inline text as a reader sees it: links give their text, code its content."""
    text: str
    bold: bool = False


@dataclass
class Item:
    """One list item: its own text, its task-list box (" " empty, "x" ticked, None without a box), and
    any blocks nested under it."""
    line: int
    runs: list[Run] = field(default_factory=list)
    checkbox: str | None = None
    children: list["BodyBlock"] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class BodyBlock:
    """A block of the page in reading order (:attr:`Page.blocks`), for the views that re-lay the page
    out, such as the fillable forms. ``kind``: heading, paragraph, list, table, admonition."""
    kind: str
    line: int
    runs: list[Run] = field(default_factory=list)        # heading and paragraph text
    level: int = 0                                       # heading level
    id: str | None = None                                # heading's explicit id
    ordered: bool = False                                # list
    items: list[Item] = field(default_factory=list)      # list
    rows: list[list[str]] = field(default_factory=list)  # table: the header row first, cells as text
    row_lines: list[int] = field(default_factory=list)   # table: the source line of each row
    title: str = ""                                      # admonition title ("" when untitled)
    admonition: str = ""                                 # admonition type
    children: list["BodyBlock"] = field(default_factory=list)  # admonition body

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Suppression:
    line: int
    code: str | None        # None when the comment is malformed
    reason: str
    raw: str
    block_end: int = 0      # last line covered (the block that starts on the next line)


@dataclass
class Page:
    path: str               # relative to the repository root: docs/zh/part1/model.md
    lang: str               # "zh" or "en"
    rel: str                # path inside docs/<lang>/: part1/model.md
    lines: list[str] = field(default_factory=list)
    front_matter: dict = field(default_factory=dict)
    front_lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (first, last) file line
    title: str | None = None
    title_line: int = 1
    h1_lines: list[int] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)       # every link, image and HTML resource
    html: list[TextLine] = field(default_factory=list)    # raw HTML fragments, comments removed
    visible: list[VisibleText] = field(default_factory=list)   # description, HTML alt and title
    lang_spans: list[LangSpan] = field(default_factory=list)   # prose marked with lang="..."
    anchors: set[str] = field(default_factory=set)
    kinds: list[str] = field(default_factory=list)        # per line: front, code, html, text, blank
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    blocks: list[BodyBlock] = field(default_factory=list)     # the body in reading order (front matter out)

    @property
    def images(self) -> list[Link]:
        return [link for link in self.links if link.kind == "image"]

    @property
    def description(self):
        return self.front_matter.get("description") if isinstance(self.front_matter, dict) else None

    def kind(self, line: int) -> str:
        return self.kinds[line - 1] if 0 < line <= len(self.kinds) else "blank"

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def problem(self, line: int, code: str, message: str) -> None:
        self.problems.append(Diagnostic(self.path, max(1, line), code, message))


def slugify(value: str, separator: str = "-") -> str:
    """Python-Markdown's toc slugify (the default MkDocs uses for headings without an id)."""
    return toc_slugify(value, separator)


def attr_ids(attr_text: str) -> list[str]:
    return _ID_IN_ATTR_RE.findall(" " + attr_text)


def html_tags(html: str):
    """Yield (tag, {attribute: (value, offset of the attribute)}) for every start tag in ``html``."""
    html = COMMENT_RE.sub(lambda m: " " * len(m.group(0)), html)
    for tag in _HTML_TAG_RE.finditer(html):
        attrs = {}
        for attr in _HTML_ATTR_RE.finditer(tag.group(2) or ""):
            value = next((v for v in attr.groups()[1:] if v is not None), "")
            attrs.setdefault(attr.group(1).lower(), (value, tag.start(2) + attr.start()))
        yield tag.group(1).lower(), attrs


def decode(data: bytes, page_problem) -> str:
    """Bytes to text with \\n line ends; reports invalid UTF-8, BOM and CRLF through ``page_problem``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        page_problem(line, "E101", f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
                               "save the file as UTF-8")
        text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        page_problem(1, "E102", "file starts with a byte-order mark (BOM); save as UTF-8 without BOM")
        text = text.lstrip("\ufeff")
    if "\r" in text:
        first = text.find("\r")
        page_problem(text[:first].count("\n") + 1, "E103",
                     "Windows (CRLF) or old Mac (CR) line endings; use \\n line endings")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_page(path: str, data: bytes, lang: str, rel: str) -> Page:
    """Parse one Markdown file. Never raises: problems become ``page.problems``."""
    page = Page(path=path, lang=lang, rel=rel)
    try:
        _parse(page, data)
    except Exception as err:  # noqa: BLE001 - a parser bug must not stop the other checks
        page.problem(1, "E109", f"page could not be parsed ({type(err).__name__}: {err}); "
                                "please report this to the checks' maintainers")
        if not page.sections:
            page.sections = [Section(INTRO, 1, "", 1, max(1, len(page.lines)), start=1)]
    return page


def _parse(page: Page, data: bytes) -> None:
    text = decode(data, page.problem)
    text = text.replace("\x00", "\ufffd")
    page.lines = text.split("\n")
    if text.endswith("\n"):
        page.lines.pop()
    if not text.strip():
        page.problem(1, "E105", "empty page: write its front matter and H1 title, or remove it from the nav")
    page.kinds = ["text" if line.strip() else "blank" for line in page.lines]

    tokens = _MD.parse(text)
    _front_matter(page, tokens)
    blocks = _walk(page, tokens)
    _sections(page, blocks)
    _suppressions(page)
    page.blocks = _Blocks(page).build(tokens)


def _front_matter(page: Page, tokens) -> None:
    token = next((t for t in tokens if t.type == "front_matter"), None)
    if token is None:
        if page.lines and page.lines[0].rstrip() == "---":
            page.problem(1, "E104", "front matter is not closed: add a '---' line after it")
        return
    start, end = token.map
    for i in range(start, min(end, len(page.kinds))):
        page.kinds[i] = "front"
    try:
        doc = load_yaml(token.content)
    except YamlError as err:
        page.problem(start + 1 + err.line, "E104", f"front matter is not valid YAML: {err.message}")
        return
    if doc.data is None:
        return
    if not isinstance(doc.data, dict):
        page.problem(start + 2, "E104", "front matter must be a mapping such as 'description: ...'")
        return
    page.front_matter = doc.data
    keys = sorted((start + 1 + doc.line((key,)), str(key)) for key in doc.data)
    closing = end                                   # the file line of the closing '---'
    for index, (line, key) in enumerate(keys):
        last = keys[index + 1][0] - 1 if index + 1 < len(keys) else closing - 1
        page.front_lines[key] = (line, max(line, last))
    for key, what in (("description", "description"), ("title", "front-matter title")):
        value = doc.data.get(key)
        if isinstance(value, str) and value.strip():
            page.visible.append(VisibleText(start + 1 + doc.line((key,)), value, what))


class _Walker:
    def __init__(self, page: Page):
        self.page = page
        self.tables: list[Table] = []
        self.lists: list[ListBlock] = []
        self.admonitions: list[Admonition] = []
        self.images: list[Link] = []
        self.text: list[TextLine] = []
        self.code: list[TextLine] = []
        self.list_stack: list[ListBlock] = []
        self.continued: ListBlock | None = None     # a top-level list that only comments may follow
        self.table: Table | None = None
        self.in_tbody = False
        self.blocks: list[Block] = []
        self.block: Block | None = None           # the paragraph or table row being read
        self.tops: list[int] = []                 # lines of top-level blocks (what a reader sees one by one)
        self.top = 0

    def mark(self, token, kind: str) -> None:
        if token.map:
            for i in range(token.map[0], min(token.map[1], len(self.page.kinds))):
                if self.page.kinds[i] != "blank" or kind == "code":
                    self.page.kinds[i] = kind

    def html(self, line: int, html: str) -> None:
        page = self.page
        cleaned = COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), html)
        if cleaned.strip():
            page.html.append(TextLine(line, cleaned))
        for tag, attrs in html_tags(html):
            for attr, (value, offset) in attrs.items():
                at = line + html[:offset].count("\n")
                if attr == "id" and value:
                    page.anchors.add(value)
                if attr in RESOURCE_ATTRS:
                    page.links.append(Link(at, value, f"html:{tag}.{attr}"))
                if attr in ("alt", "title") and value.strip():
                    page.visible.append(VisibleText(at, value, "alt text" if attr == "alt" else "title"))

    def inline(self, token, heading: bool = False) -> list[TextLine]:
        page = self.page
        line = (token.map[0] + 1) if token.map else 1
        pieces: dict[int, list[str]] = {}
        langs: list[tuple[str, str | None]] = []        # open inline HTML elements: (tag, lang or None)
        for child in token.children or []:
            kind = child.type
            if kind in ("text", "text_special"):
                pieces.setdefault(line, []).append(child.content)
                lang = next((value for _, value in reversed(langs) if value), None)
                if lang and child.content.strip():
                    for offset, part in enumerate(child.content.split("\n")):
                        if part.strip():
                            page.lang_spans.append(LangSpan(line + offset, part, lang))
                line += child.content.count("\n")
            elif kind in ("softbreak", "hardbreak"):
                line += 1
            elif kind == "code_inline":
                pieces.setdefault(line, []).append(" ")
                self.code.append(TextLine(line, child.content))
            elif kind == "link_open":
                page.links.append(Link(line, str(child.attrs.get("href", "")), "link"))
            elif kind == "image":
                link = Link(line, str(child.attrs.get("src", "")), "image", child.content)
                page.links.append(link)
                self.images.append(link)
                pieces.setdefault(line, []).append(child.content)
            elif kind == "html_inline":
                self.html(line, child.content)
                _track_lang(langs, child.content)
                line += child.content.count("\n")
        out = []
        for at, parts in pieces.items():
            joined = "".join(parts)
            if not heading:
                for match in ATTR_LIST_RE.finditer(joined):
                    page.anchors.update(attr_ids(match.group(1)))
                joined = _strip_attr_lists(joined)
            if joined.strip():
                out.append(TextLine(at, joined))
        return out

    def heading(self, open_token, inline_token) -> None:
        level = int(open_token.tag[1]) if open_token.tag[1:].isdigit() else 1
        line = open_token.map[0] + 1 if open_token.map else 1     # a setext heading: its text line
        content = inline_token.content if inline_token is not None else ""
        explicit = None
        match = _TRAILING_ATTR_RE.search(content)
        if match:
            ids = attr_ids(match.group(1))
            explicit = ids[-1] if ids else None
            content = content[:match.start()]
        pieces = self.inline(inline_token, heading=True) if inline_token is not None else []
        title = " ".join(p.text for p in pieces)
        title_match = _TRAILING_ATTR_RE.search(title)
        if title_match:
            title = title[:title_match.start()]
        title = title.strip() or content.strip()
        last = open_token.map[1] if open_token.map else line
        heading = Heading(line, level, title, explicit, slugify(title), last)
        self.page.headings.append(heading)
        if heading.anchor:
            self.page.anchors.add(heading.anchor)
        if title:
            self.text.append(TextLine(line, title))

    def track_block(self, token, line: int | None) -> None:
        """Open and close the paragraph or table row whose prose the next inline tokens hold; note where
        each top-level block starts (not front matter, or HTML that is only comments; headings never come
        here: :meth:`walk` takes them first)."""
        kind = token.type
        if token.level == 0 and token.nesting >= 0 and line and kind not in ("front_matter", "inline") \
                and not (kind == "html_block" and not COMMENT_RE.sub("", token.content).strip()):
            self.top = line
            self.tops.append(line)
        if kind in ("paragraph_open", "tr_open") and self.block is None:
            first = line or 1
            last = token.map[1] if token.map else first
            block_kind = "row" if kind == "tr_open" else "item" if self.list_stack else "paragraph"
            self.block = Block(first, max(first, last), block_kind, top=self.top)
        elif self.block is not None and kind == ("tr_close" if self.block.kind == "row" else "paragraph_close"):
            if self.block.text:
                self.blocks.append(self.block)
            self.block = None

    def walk(self, tokens) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            line = token.map[0] + 1 if token.map else None
            if kind == "heading_open":
                inline = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].type == "inline" else None
                self.heading(token, inline)
                i += 2 if inline is not None else 1
                continue
            continued, self.continued = self.continued, None
            self.track_block(token, line)
            if kind == "inline":
                lines = self.inline(token)
                self.text.extend(lines)
                if self.block is not None:
                    self.block.text.extend(lines)
            elif kind in ("bullet_list_open", "ordered_list_open"):
                ordered = kind == "ordered_list_open"
                if continued is not None and not self.list_stack and continued.ordered == ordered:
                    block = continued                 # the same list, split only by comments
                else:
                    block = ListBlock(line or 1, ordered)
                    self.lists.append(block)
                self.list_stack.append(block)
            elif kind == "list_item_open" and self.list_stack:
                self.list_stack[-1].items += 1
            elif kind in ("bullet_list_close", "ordered_list_close") and self.list_stack:
                block = self.list_stack.pop()
                if not self.list_stack:
                    self.continued = block
            elif kind == "table_open":
                self.table = Table(line or 1)
                self.tables.append(self.table)
            elif kind == "tbody_open":
                self.in_tbody = True
            elif kind == "tbody_close":
                self.in_tbody = False
            elif kind == "tr_open" and self.in_tbody and self.table is not None:
                self.table.rows += 1
            elif kind == "admonition_open":
                tag = str((token.meta or {}).get("tag") or token.info.strip().split(" ")[0] or "note")
                title_match = _ADMON_TITLE_RE.search(token.info or "")
                title = title_match.group(1) if title_match else ""
                self.admonitions.append(Admonition(line or 1, tag.lower(), title))
                if title:
                    self.text.append(TextLine(line or 1, title))
                    self.blocks.append(Block(line or 1, line or 1, "title", [TextLine(line or 1, title)],
                                             top=self.top))
                # the title paragraph follows as an inline token: skip it, it was counted above
                j = i + 1
                if j < len(tokens) and tokens[j].type == "admonition_title_open":
                    i = j + 3
                    continue
            elif kind in ("fence", "code_block"):
                self.mark(token, "code")
                first = (line or 1) + (1 if kind == "fence" else 0)
                for k, code_line in enumerate(token.content.split("\n")):
                    if code_line.strip():
                        self.code.append(TextLine(first + k, code_line))
            elif kind == "html_block":
                self.mark(token, "html")
                self.html(line or 1, token.content)
                if continued is not None and not COMMENT_RE.sub("", token.content).strip():
                    self.continued = continued        # only comments: the list may go on after them
            i += 1


_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_CLOSING_TAG_RE = re.compile(r"^</([A-Za-z][\w-]*)\s*>$")


def _track_lang(open_tags: list[tuple[str, str | None]], html: str) -> None:
    """Keep ``open_tags`` (tag, its lang attribute) up to date with one inline HTML tag."""
    closing = _CLOSING_TAG_RE.match(html.strip())
    if closing:
        tag = closing.group(1).lower()
        for index in range(len(open_tags) - 1, -1, -1):
            if open_tags[index][0] == tag:
                del open_tags[index:]
                break
        return
    for tag, attrs in html_tags(html):
        if tag not in _VOID_TAGS and not html.rstrip().endswith("/>"):
            lang = attrs.get("lang", (None, 0))[0]
            open_tags.append((tag, lang.strip().lower() if lang and lang.strip() else None))


def _strip_attr_lists(text: str) -> str:
    return ATTR_LIST_RE.sub(lambda m: "" if _looks_like_attrs(m.group(1)) else m.group(0), text)


def _looks_like_attrs(inner: str) -> bool:
    parts = inner.split()
    return bool(parts) and all(p[0] in "#." or "=" in p for p in parts)


def _walk(page: Page, tokens) -> _Walker:
    """Walk the tokens once: headings, links, anchors and line kinds go into the page; the blocks stay in
    the walker until _sections hands them to their sections."""
    walker = _Walker(page)
    walker.walk(tokens)
    return walker


def _sections(page: Page, walker: _Walker) -> None:
    last = max(1, len(page.lines))
    h1 = [h for h in page.headings if h.level == 1]
    page.h1_lines = [h.line for h in h1]
    if h1:
        page.title, page.title_line = h1[0].title, h1[0].line
    intro_line = h1[0].line if h1 and not any(h.level in (2, 3) and h.line < h1[0].line for h in page.headings) \
        else 1
    sections = [Section(INTRO, 1, page.title or "", intro_line, last, start=1)]
    for heading in page.headings:
        if heading.level in (2, 3):
            sections.append(Section(heading.id, heading.level, heading.title, heading.line, last, heading))
    for before, after in zip(sections, sections[1:]):
        before.end = max(before.start, after.start - 1)
    page.sections = sections
    starts = [s.start for s in sections]

    def owner(line: int) -> Section:
        return sections[max(0, bisect_right(starts, line) - 1)]

    for table in walker.tables:
        owner(table.line).tables.append(table)
    for block in walker.lists:
        owner(block.line).lists.append(block)
    for admonition in walker.admonitions:
        owner(admonition.line).admonitions.append(admonition)
    for image in walker.images:
        owner(image.line).images.append(image)
    for link in page.links:
        if link.kind in ("link", "html:a.href"):
            owner(link.line).links.append(link)
    for text in sorted(walker.text, key=lambda t: t.line):
        owner(text.line).text.append(text)
    for code in walker.code:
        owner(code.line).code.append(code)
    for block in walker.blocks:
        owner(block.line).blocks.append(block)
    for top in walker.tops:
        owner(top).tops.append(top)


def _suppressions(page: Page) -> None:
    for index, raw in enumerate(page.lines):
        if "check" not in raw or page.kinds[index] in ("code", "front"):
            continue
        for match in _SUPPRESSION_RE.finditer(raw):
            inner = match.group(1).strip()
            parts = inner.split(None, 2)
            code = parts[1] if len(parts) >= 2 and parts[0] == "ignore" else None
            reason = parts[2].strip() if len(parts) == 3 and code else ""
            end = index + 1
            while end < len(page.lines) and page.lines[end].strip():
                end += 1
            page.suppressions.append(Suppression(index + 1, code, reason, inner, block_end=end))


def join_text(lines: list[TextLine]):
    """The prose of ``lines`` as one string (joined with newlines), and a function offset -> line."""
    starts, pos = [], 0
    for item in lines:
        starts.append(pos)
        pos += len(item.text) + 1
    text = "\n".join(item.text for item in lines)

    def line_at(offset: int) -> int:
        return lines[max(0, bisect_right(starts, offset) - 1)].line if lines else 1

    return text, line_at


_TASK_BOX_RE = re.compile(r"^\[([ xX])\][ \t]+")


class _Blocks:
    """The body as :class:`BodyBlock`s, from the same token stream the walker read."""

    def __init__(self, page: Page):
        self.page = page
        self.headings = {h.line: h for h in page.headings}

    @staticmethod
    def runs(token) -> list[Run]:
        out: list[Run] = []
        bold = 0
        for child in token.children or [] if token is not None else []:
            kind = child.type
            if kind in ("text", "text_special", "code_inline"):
                out.append(Run(child.content, bold > 0))
            elif kind == "strong_open":
                bold += 1
            elif kind == "strong_close":
                bold -= 1
            elif kind == "softbreak":
                out.append(Run(" ", bold > 0))
            elif kind == "hardbreak":
                out.append(Run("\n", bold > 0))
            elif kind == "image":
                out.append(Run(child.content, bold > 0))
        # CommonMark leaves `**` beside CJK punctuation (`。**您…**`) as text; Python-Markdown, which
        # builds the site, makes it bold: so do we
        split: list[Run] = []
        for run in out:
            parts = run.text.split("**") if not run.bold and run.text.count("**") >= 2 else [run.text]
            if len(parts) % 2 == 0:
                parts = [run.text]
            split.extend(Run(part, run.bold or k % 2 == 1) for k, part in enumerate(parts) if part)
        merged: list[Run] = []
        for run in split:
            if merged and merged[-1].bold == run.bold:
                merged[-1].text += run.text
            else:
                merged.append(run)
        return merged

    def build(self, tokens) -> list[BodyBlock]:
        blocks, _ = self.sequence(tokens, 0, None)
        return blocks

    def sequence(self, tokens, i: int, close: str | None) -> tuple[list[BodyBlock], int]:
        """Blocks from tokens[i] up to the token of type ``close``; returns them and the index after it."""
        blocks: list[BodyBlock] = []
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            line = token.map[0] + 1 if token.map else 1
            if kind == close:
                return blocks, i + 1
            if kind == "heading_open":
                heading = self.headings.get(line)
                inline = tokens[i + 1]
                title = heading.title if heading else inline.content
                blocks.append(BodyBlock("heading", line, [Run(_strip_attr_lists(title), True)],
                                    level=int(token.tag[1]), id=heading.id if heading else None))
                i += 3
            elif kind == "paragraph_open":
                blocks.append(BodyBlock("paragraph", line, self.runs(tokens[i + 1])))
                i += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                block = BodyBlock("list", line, ordered=kind == "ordered_list_open")
                i = self.items(tokens, i + 1, block, kind.replace("_open", "_close"))
                blocks.append(block)
            elif kind == "table_open":
                block = BodyBlock("table", line)
                i += 1
                while tokens[i].type != "table_close":
                    if tokens[i].type == "tr_open":
                        block.row_lines.append(tokens[i].map[0] + 1 if tokens[i].map else line)
                        block.rows.append([])
                    elif tokens[i].type == "inline" and block.rows:
                        block.rows[-1].append("".join(r.text for r in self.runs(tokens[i])).strip())
                    i += 1
                blocks.append(block)
                i += 1
            elif kind == "admonition_open":
                title_match = _ADMON_TITLE_RE.search(token.info or "")
                block = BodyBlock("admonition", line, title=title_match.group(1) if title_match else "",
                              admonition=str((token.meta or {}).get("tag") or "note").lower())
                i += 1
                if tokens[i].type == "admonition_title_open":
                    i += 3
                block.children, i = self.sequence(tokens, i, "admonition_close")
                blocks.append(block)
            else:
                i += 1
        return blocks, i

    def items(self, tokens, i: int, block: BodyBlock, close: str) -> int:
        while i < len(tokens) and tokens[i].type != close:
            if tokens[i].type == "list_item_open":
                line = tokens[i].map[0] + 1 if tokens[i].map else block.line
                children, i = self.sequence(tokens, i + 1, "list_item_close")
                item = Item(line)
                if children and children[0].kind == "paragraph":
                    item.runs = children.pop(0).runs
                    match = _TASK_BOX_RE.match(item.runs[0].text) if item.runs else None
                    if match:
                        item.checkbox = match.group(1).lower()
                        item.runs[0].text = item.runs[0].text[match.end():]
                item.children = children
                block.items.append(item)
            else:
                i += 1
        return i + 1
