"""The reporting-harm check (scripts/checks/reporting.py): what counts as a delay, and what does not."""
from __future__ import annotations

import pytest

from scripts.checks.reporting import _delay


@pytest.mark.parametrize("lang, sentence, phrase", [
    ("zh", "先内部讨论或等负责人批准再决定是否报告", "先内部讨论"),
    ("zh", "孩子走失后先自己找，过了约定的时间才报警", "约定的时间"),
    ("zh", "发现伤害后 24 小时内报告", "24 小时内"),
    ("zh", "经项目负责人同意后向公安机关报案", "经项目负责人同意"),
    ("en", "Report it to the police within 48 hours", "within 48 hours"),
    ("en", "Call the police only after an agreed time", "agreed time"),
    ("en", "Report once the case is confirmed", "once the case is confirmed"),
    ("en", "Ask the coordinator and report with the manager's approval", "with the manager's approval"),
    # every kind of delay the module docstring names, in both languages
    ("zh", "发现虐待后次日再报告", "次日"),
    ("zh", "第二天再向公安机关报案", "第二天"),
    ("zh", "先观察一段时间再决定是否报警", "观察一段时间"),
    ("zh", "等待家长回复后再报告", "等待"),
    ("zh", "等到下周例会再上报", "等到"),
    ("zh", "报告前先请示主任", "先请示"),
    ("zh", "获得机构许可后报案", "获得机构许可"),
    ("zh", "3 天后再举报", "3 天后"),
    ("en", "Report it the next day", "next day"),
    ("en", "First consult the family, then report", "First consult"),
    ("en", "Wait until Monday to call the police", "Wait until"),
    ("en", "We discuss it internally before we report", "discuss it internally"),
    ("en", "Report to the police until permission is given", "until permission"),
])
def test_delays_next_to_the_report_are_found(lang, sentence, phrase):
    found = _delay(sentence, lang)
    assert found is not None and found.group(0) == phrase


@pytest.mark.parametrize("lang, sentence", [
    ("zh", "无需等待任何人同意，立即拨打 110"),                      # negated
    ("zh", "不必经过负责人批准，立即报告"),                          # negated
    ("zh", "立即报告，由公安等部门调查"),                            # 等 is "and others", not "wait"
    ("zh", "分享前征得同意：不满 14 周岁的儿童由监护人同意，已满 14 周岁的由儿童本人同意（法律规定必须报告的情形除外）"),
    ("en", "Report immediately, with no internal approval"),
    ("en", "Call 110 at once, without waiting for anyone"),
    ("en", "There is no waiting period"),
    ("zh", "先与监护人商量家访时间"),                                 # no report at all
    ("en", "Report harm at once, and later in the year, when the annual review comes round, file the case "
           "summary with your supervisor's approval"),               # the delay stands far from the report
    ("zh", "不要等待，立即报告"),                                     # negated
    ("en", "Never wait for approval: report now"),                   # negated
])
def test_negated_or_distant_phrases_are_not(lang, sentence):
    assert _delay(sentence, lang) is None


def test_a_malformed_authority_names_its_line(tmp_path):
    from scripts.config import ConfigError, load_config
    from scripts.runner import validate

    (tmp_path / "checks.yml").write_text("disable: []\nreporting:\n  authority: docs/zh/part2/psychosocial\n",
                                         encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^checks\.yml:3: reporting\.authority is"):
        validate(load_config(tmp_path))
