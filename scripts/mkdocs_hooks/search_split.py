"""Search that understands Chinese words and stays in the reader's language.

static-i18n builds both languages and writes ONE merged search index at site/search/, so a Chinese reader
gets English hits and vice versa. After the merged index is written we split it: Chinese entries stay at
site/search/, English ones go to site/en/search/ with locations made relative to /en/ (the template gives
English pages /en/ as their search base). Each index gets the tokenizer settings of its language, and is
written as UTF-8 without \\uXXXX escapes (about half the size for Chinese).

Chinese is segmented at build time by Material's search plugin with jieba; we load a user dictionary made
from glossary.yml first, so domain terms (困境儿童, 自我效能感, 事实无人抚养儿童…) and their aliases
(个保法, 未保法) stay single tokens. Neither language stems: Material adds a trailing wildcard to the last
query term, and a wildcard term is not stemmed, so `GSES` (indexed as `gse`) would find nothing.

The glossary knows the field's words: each term gets its own entry in each language's index, at its row
of the glossary page (appendix/glossary/#<id>), titled with the term and its aliases ("个人信息保护法
（PIPL、个保法）": the title field weighs most), holding the other language's term and its definition, so
typing a term or one of its short forms shows the definition first and links to it. The glossary table's
own section is emptied in the index (its rows are entries now), so it no longer matches every term.
Glossary rows weigh three times a page's section (GLOSSARY_BOOST): without it a page that uses the term in
its title outranks the row that defines it. A row whose name is shorter weighs a little more (up to 2 %,
:func:`row_boost`): Material turns lunr's field-length normalisation off (``b(0)``), so "volunteer" matched
the titles "volunteer", "local volunteer network" and "Regulations on Volunteer Service" equally, the
definitions' text decided, and the row of the word itself was folded under "3 more on this page".

How Material searches Chinese decides how the Chinese index is written. Its worker cuts each run of Han
characters the reader types into words it finds in the index, greedily, longest first, but never a word as
long as the whole run (``segment()`` in Material's search worker: ``j < query.length``), and every piece
gets a trailing wildcard. So if a shorter word that starts the typed one is in the index, the typed word is
searched as that shorter word: 个保法 as 个* (个 is a word of its own in 87 places: 三个, 每个…), 青神县 as
青神* (在青神), 儿童主任 as 儿童*; and the rest of the word is dropped. Only when no shorter word starting it
is in the index does Material search the whole run, as 个保法*. So the field's words (the glossary's
Chinese terms and aliases, EXTRA_WORDS) are kept whole: every index word that is a proper beginning of one
of them is written with a WORD JOINER after it (个\u2060, 儿童\u2060; invisible, not a separator), so it is
a different index word, which a search for 个 or 儿童 still finds (个* matches it) but which no longer cuts
个保法 or 儿童主任. The price: a phrase typed without spaces that starts with such a word (儿童心理) is
searched whole too, and finds only what contains it whole.

Bytes: Material puts U+200B (3 bytes) between all jieba words, also next to punctuation, spaces and tags,
where the separator or the tag already splits; those are dropped and the others written as the 2-byte
WORD_MARK (shared.py), which the Chinese separator splits on: the Chinese index is about 20 % smaller.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.mkdocs_hooks.shared import (DEFAULT_LANGUAGE, LANGUAGES, WORD_MARK, i18n_is_building_alternate,
                                         language_prefix, manual)

log = logging.getLogger("mkdocs.hooks.search_split")

# Extra words that are not glossary terms but that practitioners search for as one word.
EXTRA_WORDS = ("家访", "监护人", "青神县", "眉山市", "夏令营", "生活补贴", "心理咨询", "儿童主任")

GLOSSARY_PAGE = "appendix/glossary"
GLOSSARY_BOOST = 3
SHORT_NAME_BONUS = 0.02
WHOLE = "\u2060"   # after an index word that begins one of the field's words (module docstring)
ZH_SEPARATORS = "\\s\\u200b\\u034f\\u3000\\-、。，．？！；：（）《》“”‘’"   # one regex class, as JSON-safe text
LANGUAGE_SEARCH_CONFIG = {
    "zh": {"lang": ["en"], "separator": f"[{ZH_SEPARATORS}]+", "pipeline": []},
    "en": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},  # no stemmer: Material adds a trailing wildcard to the last query term, which cannot match stemmed tokens
}


LUNR_SCRIPTS = "assets/javascripts/lunr/"   # the theme's lunr language scripts, stemmers and segmenters


def on_files(files, config):
    """Material ships lunr's language scripts (1.5 MB: stemmers, the Japanese and Thai segmenters) for a
    worker that imports them only for an index whose ``lang`` names a language other than English. Every
    index here says ``["en"]`` (Chinese is segmented at build time), so the worker imports none of them:
    they are left out of the site and of the offline copy."""
    if all(search["lang"] == ["en"] for search in LANGUAGE_SEARCH_CONFIG.values()):
        for file in [f for f in files if f.src_uri.startswith(LUNR_SCRIPTS)]:
            files.remove(file)
    return files


def field_words(glossary) -> list[str]:
    """The Chinese words readers search for as one word: EXTRA_WORDS, the glossary's terms and aliases."""
    words = list(EXTRA_WORDS) + [term.zh.strip() for term in glossary.terms]
    words += [alias for term in glossary.terms for alias in term.aliases if not alias.isascii()]
    return list(dict.fromkeys(w for w in words if w))


def jieba_user_dictionary(glossary) -> list[str]:
    """One jieba dictionary line per Chinese glossary term: 'word frequency'. High frequency keeps it whole.
    A broken glossary gives fewer words here; `make check` reports it with its line."""
    return [f"{word} 100000" for word in field_words(glossary)]


def on_config(config):
    try:
        import jieba
    except ImportError:  # Material then indexes Chinese without segmentation
        return config
    jieba.setLogLevel(logging.WARNING)
    for line in jieba_user_dictionary(manual(config).glossary):
        word, freq = line.rsplit(" ", 1)
        jieba.add_word(word, int(freq))
    return config


def split_index(merged: dict) -> dict[str, dict]:
    """Split a merged index into one per language, locations relative to each language's root."""
    out = {}
    for lang in LANGUAGES:
        prefix = language_prefix(lang)
        docs = []
        for doc in merged.get("docs", []):
            location = doc.get("location", "")
            in_lang = location.startswith(prefix) if prefix else not any(
                location.startswith(language_prefix(other)) for other in LANGUAGES if other != DEFAULT_LANGUAGE)
            if in_lang:
                docs.append(dict(doc, location=location[len(prefix):]))
        config = dict(merged.get("config", {}), **LANGUAGE_SEARCH_CONFIG[lang])
        out[lang] = {"config": config, "docs": docs}
    return out


def segment(text: str, lang: str) -> str:
    """Chinese split into words as Material's search plugin does (zero-width spaces between jieba's words)."""
    if lang != "zh":
        return text
    try:
        import jieba
    except ImportError:
        return text
    return WORD_MARK.join(jieba.cut(text))


_SEPARATOR = f"[{ZH_SEPARATORS}]"   # Python's re reads the class as the browser does
_REDUNDANT_MARK = re.compile(rf"[\u200b{WORD_MARK}]+(?={_SEPARATOR}|<|$)|(?<={_SEPARATOR})[\u200b{WORD_MARK}]+"
                             rf"|(?<=>)[\u200b{WORD_MARK}]+|^[\u200b{WORD_MARK}]+")
_PIECES = re.compile(rf"({_SEPARATOR}+|<[^>]*>)")   # Material's tokenizer splits at these and at tags


def compact(text: str) -> str:
    """Material's U+200B word marks without those a separator or a tag already gives, the rest as WORD_MARK."""
    return _REDUNDANT_MARK.sub("", text).replace("\u200b", WORD_MARK)


def keep_whole(docs: list[dict], words: list[str]) -> int:
    """Mark every index word that is a proper beginning of one of `words` with WHOLE, so that Material's
    worker searches each of `words` whole (module docstring). Returns how many index words were marked."""
    tokens = {piece for doc in docs for field in ("title", "text")
              for piece in _PIECES.split(doc.get(field) or "")[::2]}
    starts = {word[:i] for word in words for i in range(1, len(word))} & tokens
    for doc in docs:
        for field in ("title", "text"):
            if doc.get(field):
                doc[field] = "".join(piece + WHOLE if i % 2 == 0 and piece in starts else piece
                                     for i, piece in enumerate(_PIECES.split(doc[field])))
    return len(starts)


def glossary_entries(glossary, lang: str, docs: list[dict]) -> list[dict]:
    """One index entry per glossary term, at its row of the glossary page (none if the page is not built)."""
    page = next((d["location"] for d in docs if d.get("location", "").split("#")[0].rstrip("/").removesuffix(".html")
                 == GLOSSARY_PAGE and "#" not in d["location"]), None)
    if page is None:
        return []
    for doc in docs:  # the section holding the whole table: its rows are entries of their own now
        if doc["location"].split("#")[0] == page and sum(
                term.canonical(lang) in doc.get("text", "") for term in glossary.terms) > len(glossary.terms) / 2:
            doc["text"] = ""
    other = "en" if lang == "zh" else "zh"
    entries = []
    for term in glossary.terms:
        words = [term.canonical(other), *term.aliases]
        text = " · ".join([*dict.fromkeys(words), segment(term.definition(lang), lang)])
        shown = [a for a in term.aliases if lang == "zh" or a.isascii()]
        # words apart by each language's separator: （、） in Chinese, spaces in English ("(PIPL)" is one token)
        title = term.canonical(lang) + (f"（{'、'.join(shown)}）" if lang == "zh" else " · " + " · ".join(shown))
        entries.append({"location": f"{page}#{term.id}", "title": title if shown else term.canonical(lang),
                        "text": text, "boost": row_boost(term.canonical(lang), lang)})
    return entries


def row_boost(name: str, lang: str) -> float:
    """GLOSSARY_BOOST, and a tie-break for the shorter of two names that both match a query: 2 % for a
    one-word name, 1 % for two words, … (Chinese: a word counted as two characters)."""
    words = len(name.split()) if lang == "en" else max(1.0, len(name) / 2)
    return round(GLOSSARY_BOOST * (1 + SHORT_NAME_BONUS / words), 4)


@event_priority(-200)  # after static-i18n (-100) has built every language and written the merged index
def on_post_build(config):
    if i18n_is_building_alternate(config):
        return
    site = Path(config["site_dir"])
    merged_path = site / "search" / "search_index.json"
    search = config["plugins"].get("material/search")
    if not merged_path.is_file() or (search is not None and not search.config.enabled):   # preview.py
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    offline = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    offline_enabled = bool(offline and offline.config.enabled)
    glossary = manual(config).glossary
    for lang, index in split_index(merged).items():
        index["docs"] += glossary_entries(glossary, lang, index["docs"])
        if lang == "zh":   # holds the Traditional edition's entries too, until traditional.py moves them
            for doc in index["docs"]:
                doc.update({field: compact(doc[field]) for field in ("title", "text") if doc.get(field)})
            keep_whole(index["docs"], field_words(glossary))
        target = site / language_prefix(lang) / "search"
        target.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (target / "search_index.json").write_text(data, encoding="utf-8")
        if offline_enabled:  # file:// cannot fetch JSON: the offline theme loads the index as a script
            (target / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
        log.info("search index %s: %d entries", lang, len(index["docs"]))
