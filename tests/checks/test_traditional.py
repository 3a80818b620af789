"""The Traditional edition's conversion (scripts/hant.py) and its checks (H101, H102) beyond the fixtures."""
from __future__ import annotations

from pathlib import Path

from scripts import hant
from scripts.checks import traditional
from scripts.glossary import load_glossary
from scripts.runner import run
from scripts.site import load_site
from tests.checks.conftest import build_root


def test_s2hk_writes_hong_kong_shapes_and_keeps_mainland_words():
    # Hong Kong character shapes (裏, 麪) and no Taiwan vocabulary (s2twp would give 資訊, 軟體, 程式, 網路)
    assert hant.opencc_convert("这里的面条") == "這裏的麪條"
    assert hant.opencc_convert("信息、软件、程序、网络") == "信息、軟件、程序、網絡"
    # a mainland law's title is converted character by character
    assert hant.opencc_convert("《中华人民共和国未成年人保护法》") == "《中華人民共和國未成年人保護法》"


def test_conversion_keeps_the_length_of_the_manual():
    docs = Path(__file__).resolve().parents[2] / "docs" / "zh"
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert len(hant.opencc_convert(text)) == len(text), page


def test_override_wins_over_the_phrase_around_it():
    plain = hant.Converter()
    assert plain("本地志愿者") == "本地誌願者"              # OpenCC reads 地志 as a word
    fixed = hant.Converter({"志愿者": "志願者"})
    assert fixed("本地志愿者和志愿者") == "本地志願者和志願者"
    assert fixed.spans("本地志愿者") == [(2, 5, "志願者")]


def test_override_of_another_length_and_longest_first():
    converter = hant.Converter({"志愿者": "義工", "心理咨询志愿者": "心理諮詢志願者"})
    assert converter("心理咨询志愿者和志愿者") == "心理諮詢志願者和義工"


def test_glossary_zh_hant_is_validated(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- id: volunteer\n  zh: 志愿者\n  en: volunteer\n  zh_hant: ''\n"
                    "  definition_zh: 人。\n  definition_en: A person.\n"
                    "- id: home-visit\n  zh: 家访\n  en: home visit\n  zh_hant: [家訪]\n"
                    "  definition_zh: 访。\n  definition_en: A visit.\n"
                    "- id: allowance\n  zh: 补贴发放\n  en: allowance disbursement\n  zh_hant: 補貼發放\n"
                    "  definition_zh: 钱。\n  definition_en: Money.\n", encoding="utf-8")
    glossary = load_glossary(path)
    assert [(d.line, d.code) for d in glossary.problems] == [(4, "T114"), (10, "T114")]
    assert [t.zh_hant for t in glossary.terms] == ["", "", "補貼發放"]
    assert hant.glossary_overrides(glossary) == {"补贴发放": "補貼發放"}


def test_no_h_findings_without_the_edition(control_root):
    site = load_site(control_root)
    assert not traditional.builds_edition(site)
    assert list(traditional.check(site)) == []


def test_edition_with_every_term_declared_is_clean(tmp_path):
    root = build_root(tmp_path, "traditional_ambiguous")
    glossary = root / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    for zh, zh_hant in (("困境儿童", "困境兒童"), ("志愿者", "志願者"), ("心理咨询志愿者", "心理諮詢志願者")):
        text = text.replace(f"  zh: {zh}\n", f"  zh: {zh}\n  zh_hant: {zh_hant}\n")
    glossary.write_text(text, encoding="utf-8")
    page = root / "docs" / "zh" / "part1" / "model.md"
    page.write_text(page.read_text(encoding="utf-8").replace("社会组织，也有", "志愿者队伍，也有"), encoding="utf-8")
    site = load_site(root)
    assert traditional.builds_edition(site)
    assert [d for d in run(site).findings if d.code.startswith("H")] == []


def test_declared_form_swallowed_by_a_longer_override_is_reported(tmp_path):
    root = build_root(tmp_path, "traditional_ambiguous")
    glossary = root / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace("  zh: 困境儿童\n", "  zh: 困境儿童\n  zh_hant: 困境兒童\n")
    text = text.replace("  zh: 志愿者\n", "  zh: 志愿者\n  zh_hant: 志願者\n")
    text = text.replace("  zh: 心理咨询志愿者\n", "  zh: 心理咨询志愿者\n  zh_hant: 心理諮詢志願者\n")
    glossary.write_text(text, encoding="utf-8")
    site = load_site(root)
    converter = hant.Converter({**hant.glossary_overrides(site.glossary), "多志愿": "多誌願人"})
    found = list(traditional.misconverted("很多志愿者", site.glossary, converter))
    assert [(offset, term.id) for offset, term, _ in found] == [(2, "volunteer")]
    assert "part of '多誌願人'" in found[0][2]


def test_reading_fixes_and_hong_kong_usage():
    convert = hant.Converter()
    assert convert("现金发放，停发须经个案会议") == "現金發放，停發須經個案會議"          # not 髮, 鬚
    assert convert("不急着签。同样要签协议") == "不急着簽。同樣要簽協議"                # not 籤
    assert convert("而不是只关注问题") == "而不是只關注問題"                           # not 隻
    assert convert("尽快了解情况") == "盡快了解情況"
    # the title of a mainland law is never localised
    assert convert("《中华人民共和国个人信息保护法》") == "《中華人民共和國個人信息保護法》"


def test_quotation_marks_around_chinese_only():
    assert hant.quotes("回应“没人照顾”的处境，‘小组’") == "回应「没人照顾」的处境，『小组』"
    assert hant.quotes("the “Strengths and Difficulties” questionnaire, children’s") == \
        "the “Strengths and Difficulties” questionnaire, children’s"
