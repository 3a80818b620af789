"""The Traditional Chinese edition (/zh-hant/): Simplified text converted with OpenCC, corrected by the glossary.

The edition is never stored: the build converts what it renders from docs/zh/ (the hook
``scripts/mkdocs_hooks/traditional.py``), and the checks (family H, ``scripts/checks/traditional.py``) use the
same :class:`Converter`, so what ``make check`` judges is what readers get.

Configuration: OpenCC ``s2hk`` (Simplified to Traditional, Hong Kong variant characters), not ``s2twp`` nor
plain ``s2t``. Why:

- The fund is in Hong Kong and the first readers of this edition are its staff and partners there. ``s2hk``
  writes the character shapes Hong Kong schools and government use (裏, 麪, 着, 衞, 户); ``s2t`` writes
  OpenCC's "standard" shapes (裡/裏 mixed, 戶, 衛), which look foreign in Hong Kong and slightly foreign in
  Taiwan; Taiwan readers read Hong Kong shapes without difficulty.
- ``s2twp`` also swaps *words* for Taiwan usage (信息→資訊, 软件→軟體, 程序→程式, 打印→列印, 数据→資料,
  用户→使用者, 视频→影片, 网络→網路). That is wrong for Hong Kong (軟件, 程序, 打印, 網絡 are Hong Kong
  usage) and wrong for this manual, which is about mainland China: names of PRC laws, documents and agencies
  must stay their official titles, converted character by character (《中华人民共和国未成年人保护法》→
  《中華人民共和國未成年人保護法》, 民政部门→民政部門), never localised into Taiwan or Hong Kong vocabulary.
  ``s2hk`` converts characters and only a handful of Hong Kong variant phrases, so titles stay intact.
- Where a word needs a different Traditional form (a character OpenCC cannot decide, or Hong Kong usage),
  the glossary decides: a ``zh_hant:`` field on the entry. Words that are not glossary terms but came out
  wrong in the reading of the output are in :data:`PHRASES` below, each with its reason.

Overrides are applied to the converted text, longest first, in one pass (so one override never rewrites
another's output). OpenCC's ``s2hk`` keeps the length of the text, which lets the checks line up source and
output character by character.
"""

from __future__ import annotations

import re
from functools import lru_cache

CONFIG = "s2hk"
LOCALE = "zh-hant"          # static-i18n's locale of the edition, and its folder: /zh-hant/
TAG = "zh-Hant"             # BCP 47, for lang and hreflang

# Simplified form -> the Traditional form to print, for words that are not glossary terms. Each with why.
PHRASES: dict[str, str] = {
    # Wrong characters from OpenCC, found by reading the edition (December 2026):
    "发放": "發放",            # 现金发放, 足额发放, 停发须经 came out as 現金髮放, 足額髮放, 停髮鬚經 (hair)
    "须经": "須經",            # 停发须经个案会议 → 停髮鬚經 (beard)
    "停发": "停發",
    "签协议": "簽協議",        # 签 to sign is 簽; OpenCC wrote 籤 (lot, label) in these
    "签个字": "簽個字",
    "轮流签": "輪流簽",
    "急着签": "急着簽",
    "要求签": "要求簽",
    "都签": "都簽",
    "不是只": "不是只",        # 而不是只关注 → 而不是隻關注 (隻 is the measure word)
    "名单只": "名單只",
    "课本里": "課本裏",        # 里 as "inside" is 裏 in Hong Kong shapes; OpenCC kept 里 after 本
    "冲突": "衝突",            # 互相冲突 → 互相沖突
    "写明了": "寫明了",        # 明了 read as 明瞭 (clear); here 了 is the particle
    "并为想": "並為想",        # 并 "and" is 並; OpenCC read 并为, 并合, 并发 as 併 (merge, concurrent)
    "并合理": "並合理",
    "拍照并发": "拍照並發",
    "复印": "複印",            # to photocopy is 複; OpenCC wrote 復印 after some words
    "复盘": "複盤",
    "发泄": "發洩",            # the Traditional standard is 洩 in these
    "泄露": "洩露",
    # One form where OpenCC wrote two: 合作伙伴 but 本地夥伴; 迴避 but 回避; 2 周內 but 兩週, 下週一
    "伙伴": "夥伴",
    "回避": "迴避",
    "周内": "週內",
    # Hong Kong usage (the Government's Chinese style and the press): 了解, 盡快, 盡量, 盡早, not OpenCC's
    # 瞭解, 儘快, 儘量, 儘早 (Taiwan and older forms; both are understood)
    "了解": "了解",
    "尽快": "盡快",
    "尽量": "盡量",
    "尽早": "盡早",
    "发布": "發布",            # OpenCC: 發佈, 公佈, 宣佈
    "公布": "公布",
    "宣布": "宣布",
    "链接": "連結",            # a web link; 鏈接 is the mainland word
    "质量": "質素",            # quality of a service or of records (the manual's only uses)
    "视频通话": "視像通話",    # video: 視像 (calls), 影片, 短片 (clips); 視頻 is the mainland word
    "视频方式": "視像方式",
    "照片和视频": "照片和影片",
    "短视频": "短片",
    # Kept on purpose: 信息 (in the titles of mainland laws and systems: 个人信息保护法, 志愿服务信息系统,
    # and understood in Hong Kong), 支持 (社会支持 is the term of the scales and of the theory), 项目, 网络,
    # 数据, 软件, 打印, 程序 (Hong Kong usage already), 台账 and 落实 (mainland practice the manual
    # describes). Names of mainland laws, documents and agencies: character by character, never localised.
}

# Chinese quotation marks: Hong Kong and Taiwan write 「」 and 『』 where the mainland writes “” and ‘’.
# Only pairs on one line around Chinese text change (an English title in “” inside a Chinese page keeps
# them; ‘’ also serve as apostrophes in English).
_DOUBLE = re.compile(r"“([^“”\n]*?[\u3400-\u9fff][^“”\n]*?)”")
_SINGLE = re.compile(r"‘([^‘’\n]*?[\u3400-\u9fff][^‘’\n]*?)’")


def quotes(text: str) -> str:
    """“中文” → 「中文」, ‘中文’ → 『中文』 (same length)."""
    if "“" in text:
        text = _DOUBLE.sub(r"「\1」", text)
    if "‘" in text:
        text = _SINGLE.sub(r"『\1』", text)
    return text

# Simplified characters that stand for two or more Traditional ones (OpenCC decides by the phrase around
# them, else takes the most frequent): a glossary term holding one needs a declared zh_hant form (H102),
# since a term is too short, and its neighbours too varied, for OpenCC's phrase table to decide it once.
AMBIGUOUS: dict[str, str] = dict(entry.split(":") for entry in """
干:干乾幹 发:發髮 面:面麪麵 里:里裏 系:系係繫 台:台臺檯颱 后:后後 复:復複覆 范:范範 制:制製 志:志誌
余:余餘 只:只隻 准:准準 冲:沖衝 历:歷曆 尽:盡儘 松:松鬆 钟:鐘鍾 须:須鬚 获:獲穫 汇:匯彙 团:團糰
表:表錶 周:周週 胡:胡鬍 谷:谷穀 丑:丑醜 斗:斗鬥 借:借藉 卜:卜蔔 伙:伙夥 采:采採 朴:朴樸 坛:壇罈
征:征徵 症:症癥 舍:舍捨 致:致緻 苏:蘇甦 蒙:蒙濛懞矇 辟:辟闢 郁:郁鬱 凶:凶兇 游:游遊 占:占佔 御:御禦
云:云雲 当:當噹 党:黨党 吊:吊弔 卷:卷捲 托:托託 折:折摺 沈:沈瀋 回:回迴 向:向嚮 签:簽籤 纤:纖縴
划:划劃 恶:惡噁 才:才纔 了:了瞭 几:几幾 累:累纍 么:麼么 困:困睏 姜:姜薑 克:克剋 岳:岳嶽 布:布佈
种:種种 千:千韆 咸:咸鹹 据:據据 杰:杰傑 霉:霉黴 注:注註 出:出齣 家:家傢 仆:僕仆 赞:贊讚 尝:嘗嚐
扎:扎紮 着:着著 脏:髒臟 荡:蕩盪 链:鏈鍊 帘:簾帘 愿:願愿 板:板闆 腊:臘腊 鉴:鑒鑑 赶:趕赶 别:別彆
""".split())


@lru_cache(maxsize=None)
def _opencc(config: str = CONFIG):
    import opencc                       # imported when first needed: the checks run without it if unused
    return opencc.OpenCC(config)


def opencc_convert(text: str) -> str:
    """OpenCC alone (``s2hk``), without the glossary's or this module's overrides."""
    return _opencc().convert(text) if text else text


class Converter:
    """OpenCC ``s2hk``, then the overrides, {Simplified form: Traditional form}: the glossary's ``zh_hant``
    fields and :data:`PHRASES`.

    Overrides are found in the *source* (longest first, left to right, never overlapping) and written over
    the same place in the converted text, which ``s2hk`` keeps the same length: so an override holds
    whatever OpenCC made of the characters around it (本地志愿者 is 本地誌願者 for OpenCC, which reads
    地志 as a word; the glossary's 志願者 wins). Should a conversion ever change the length, the overrides
    are matched in the converted text instead."""

    def __init__(self, overrides: dict[str, str] | None = None):
        replace = dict(PHRASES)
        replace.update(overrides or {})
        self.replace = {k: v for k, v in replace.items() if k and v}
        keys = sorted(self.replace, key=lambda k: (-len(k), k))
        self._source = re.compile("|".join(map(re.escape, keys))) if keys else None
        converted = {opencc_convert(k): v for k, v in self.replace.items()}
        self._converted = converted
        self._target = re.compile("|".join(map(re.escape, sorted(converted, key=lambda k: (-len(k), k))))) \
            if keys else None

    def convert(self, text: str) -> str:
        return quotes(self.characters(text))

    def characters(self, text: str) -> str:
        """The conversion without the quotation marks."""
        out = opencc_convert(text)
        if self._source is None or not out:
            return out
        if len(out) != len(text):
            return self._target.sub(lambda m: self._converted[m.group(0)], out)
        pieces, last = [], 0
        for match in self._source.finditer(text):
            pieces.append(out[last:match.start()])
            pieces.append(self.replace[match.group(0)])
            last = match.end()
        pieces.append(out[last:])
        return "".join(pieces)

    __call__ = convert

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Where the overrides apply in ``text`` (Simplified): (start, end, Traditional form)."""
        if self._source is None:
            return []
        return [(m.start(), m.end(), self.replace[m.group(0)]) for m in self._source.finditer(text)]


def glossary_overrides(glossary) -> dict[str, str]:
    """{zh: zh_hant} for every glossary term that declares its Traditional form."""
    return {term.zh: term.zh_hant for term in glossary.terms if getattr(term, "zh_hant", "")}


def ambiguous_in(text: str) -> list[str]:
    """The one-to-many characters in ``text``, in order, each once (their readings: ``AMBIGUOUS[c]``)."""
    return list(dict.fromkeys(c for c in text if c in AMBIGUOUS))
