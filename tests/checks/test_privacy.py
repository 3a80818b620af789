"""Personal data patterns, and prose that must not look like personal data."""
from __future__ import annotations

import pytest

from scripts.checks.privacy import findings_in_text, valid_id18


def codes(text):
    return [d.code for d in findings_in_text("docs/zh/p.md", text)]


def test_id_checksum():
    assert valid_id18("11010519491231002X")
    assert not valid_id18("110105194912310021")     # wrong check digit
    assert not valid_id18("110105194913310020")     # no 13th month


@pytest.mark.parametrize("text, expected", [
    ("身份证 11010519491231002X", ["V101"]),
    ("身份证 110105491231002", ["V101"]),
    ("电话 13812345678", ["V102"]),
    ("电话 +86 138 1234 5678", ["V102"]),
    ("电话 138-1234-5678", ["V102"]),
    ("座机 028-12345678", ["V103"]),
    ("座机（0833）1234567", ["V103"]),
    ("邮箱 someone@school.edu.cn", ["V104"]),
    ("家住某某村 3 组", ["V105"]),
    ("住在人民路 12 号", ["V105"]),
    ("5 号楼 2 单元", ["V105"]),
    ("lives at 12 Renmin Road", ["V105"]),
])
def test_personal_data(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize("text", [
    "国发〔2016〕36 号文件",
    "民发〔2019〕34号",
    "第 5 号表格",
    "每个村民小组都有联络员",
    "社会组织 3 家",
    "2016-06-16 发布，编号 5082800",
    "见 https://www.gov.cn/zhengce/content/2016-06/16/content_13812345678.htm",
    "<!-- 13812345678 -->",
    "号码 110110110110110110110",
    "40 名儿童，6–16 岁，共 2 年",
])
def test_ordinary_prose_is_not_personal_data(text):
    assert codes(text) == []


def test_lines_are_reported():
    found = findings_in_text("p.md", "第一行\n\n电话 13812345678\n")
    assert [(d.line, d.code) for d in found] == [(3, "V102")]


@pytest.mark.parametrize("text", [
    "写信到 someone@example.org 或 admin@mail.example.com",
    "```\ngit config user.email dev@example.net\n```",
    "user@host.test, root@localhost.localhost, a@b.invalid, x@docs.example",
    "容器 13912345678ab 已停止",
    "docker rm 13812345678f2c1",
    "文件大小 13812345678 bytes，耗时 13912345678 ms",
    "共 13812345678 字节",
])
def test_examples_ids_and_counts_are_not_personal_data(text):
    assert codes(text) == []


@pytest.mark.parametrize("text, expected", [
    ("someone@example-school.org", ["V104"]),
    ("someone@example.org.cn", ["V104"]),
    ("电话 13812345678。", ["V102"]),
    ("电话 13812345678 或 13912345678", ["V102", "V102"]),
])
def test_near_misses_are_still_reported(text, expected):
    assert codes(text) == expected


def messages(text):
    return [(d.line, d.code, d.message) for d in findings_in_text("docs/zh/p.md", text)]


def test_messages_quote_what_to_remove():
    assert messages("电话 138 1234 5678\n座机 028-12345678\n邮箱 someone@school.edu.cn\n家住某某村 3 组\n"
                    "身份证 11010519491231002X\n") == [
        (5, "V101", "resident ID number: remove it"),
        (1, "V102", "mobile number '138 1234 5678': remove it, or suppress with the reason it is public"),
        (2, "V103", "phone number '028-12345678': remove it, or suppress with the reason it is public"),
        (3, "V104", "e-mail address 'someone@school.edu.cn': remove it, or suppress with the reason it is public"),
        (4, "V105", "street-level address '家住某某村 3 组': no places finer than the county"),
    ]
    assert messages("身份证 110105491231002") == [(1, "V101", "15-digit resident ID number: remove it")]


def id18(first17: str) -> str:
    """A resident ID number with its check digit (GB 11643, ISO 7064 MOD 11-2)."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    return first17 + "10X98765432"[total % 11]


@pytest.mark.parametrize("birth, valid", [("19000101", True), ("18991231", False), ("21001231", True),
                                          ("21010101", False), ("20000229", True), ("19000229", False)])
def test_id_birth_dates_between_1900_and_2100(birth, valid):
    number = id18("110105" + birth + "002")
    assert valid_id18(number) is valid
    assert codes(f"身份证 {number}") == (["V101"] if valid else [])


def test_one_address_a_line():
    assert codes("某某村 3 组，人民路 12 号\n5 号楼 2 单元") == ["V105", "V105"]


@pytest.mark.parametrize("text", ["a13812345678", "x028-12345678", "1-028-12345678", "+813812345678"])
def test_a_number_or_address_run_on_from_other_text_is_not_one(text):
    assert codes(text) == []
