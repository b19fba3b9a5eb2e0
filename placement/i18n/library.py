"""Messages written by libraries (PyYAML / libyaml, pydantic, json, click, calamine, the OS),
in Chinese.

These texts are not ours, so they cannot be templates: our codes carry them as a field
(`yaml-parser` with `detail`, `schema-value` with `detail`, ...) and the zh template shows
that field through one of the converters here (`{detail:yaml}`, `{detail:pydantic}`, ...).
Each is a phrase table for one library's wording; text a table does not know stays as the
library wrote it. Nothing here raises.
"""

from __future__ import annotations

import re

from placement.i18n.words import OS_ERRORS, PHRASES


def phrases(text: str) -> str:
    """A library message with the phrases we know replaced (PyYAML, calamine, OS)."""
    out = str(text)
    for en in sorted(PHRASES, key=len, reverse=True):
        if en in out:
            out = out.replace(en, PHRASES[en])
    return out


def os_error(text: str) -> str:
    """An OS error's strerror ('Permission denied')."""
    return OS_ERRORS.get(str(text), phrases(text))


def library(text: str) -> str:
    """A reader's message, `KindError: message` or a bare message."""
    m = re.fullmatch(r"(\w+Error): (.+)", str(text), re.S)
    if m:
        return f"{m[1]}：{phrases(m[2])}"
    return phrases(text)


_JSON = {
    "Expecting value": "此处应为一个值",
    "Expecting property name enclosed in double quotes": "此处应为带双引号的属性名",
    "Expecting ',' delimiter": "此处应为 ',' 分隔符",
    "Expecting ':' delimiter": "此处应为 ':' 分隔符",
    "Extra data": "有多余的数据",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "有无效的控制字符",
    "Invalid \\escape": "有无效的转义",
}
_JSON_RX = re.compile(r"(.+): line (\d+) column (\d+) \(char (\d+)\)")


def json_error(text: str) -> str:
    """str(json.JSONDecodeError) (or a UnicodeDecodeError's text)."""
    m = _JSON_RX.fullmatch(str(text))
    if m and m[1] in _JSON:
        return f"第 {m[2]} 行第 {m[3]} 列{_JSON[m[1]]}（第 {m[4]} 个字符）"
    return library(text)


_PTYPES = {
    "integer": "整数",
    "number": "数字",
    "boolean": "布尔值 true/false",
    "string": "字符串",
    "list": "列表",
    "dictionary": "映射",
    "mapping": "映射",
    "date": "日期",
    "datetime": "日期时间",
    "date or datetime": "日期",
    "array": "列表",
    "tuple": "列表",
    "float": "数字",
}
_PDETAILS = {
    "unable to parse string as an integer": "无法把文本解析为整数",
    "unable to parse string as a number": "无法把文本解析为数字",
    "unable to interpret input": "无法识别输入",
    "input is too short": "输入过短",
    "input is too long": "输入过长",
    "got a number with a fractional part": "该数字带有小数部分",
    "invalid character in year": "年份中有无效字符",
    "invalid character in month": "月份中有无效字符",
    "invalid character in day": "日中有无效字符",
    "invalid date separator, expected `-`": "日期分隔符无效，应为 `-`",
    "month value is outside expected range of 1-12": "月份不在 1-12 之间",
    "day value is outside expected range": "日不在有效范围内",
    "unexpected extra characters at the end of the input": "输入末尾有多余字符",
}
_CMPS = {
    "greater than or equal to": "大于等于",
    "greater than": "大于",
    "less than or equal to": "小于等于",
    "less than": "小于",
}
_LEAST = {"least": "至少有", "most": "至多有"}


def _choices(s: str) -> str:
    return s.replace("', '", "'、'").replace("' or '", "' 或 '")


_PYDANTIC: list[tuple[re.Pattern, object]] = [
    (re.compile(r"input should be a valid dictionary or instance of \S+"), lambda m: "应为映射"),
    (re.compile(r"input should be a finite number"), lambda m: "应为有限的数字"),
    (
        re.compile(r"input should be a valid ([a-z ]+?)(?:, (.+))?"),
        lambda m: (
            f"应为有效的{_PTYPES.get(m[1], m[1])}"
            + (("，" + _PDETAILS.get(m[2], m[2])) if m[2] else "")
        ),
    ),
    (
        re.compile(r"input should be ('[^']*'(?:, '[^']*')*(?: or '[^']*')?)"),
        lambda m: f"应为 {_choices(m[1])} 之一",
    ),
    (
        re.compile(
            r"input should be (greater than or equal to|greater than|less than or equal to"
            r"|less than) (\S+)"
        ),
        lambda m: f"应{_CMPS[m[1]]} {m[2]}",
    ),
    (
        re.compile(r"string should have at (least|most) (\d+) characters?"),
        lambda m: f"字符串应{_LEAST[m[1]]} {m[2]} 个字符",
    ),
    (
        re.compile(r"list should have at (least|most) (\d+) items? after validation, not (\d+)"),
        lambda m: f"列表应{_LEAST[m[1]]} {m[2]} 项，实际 {m[3]} 项",
    ),
    (re.compile(r"field required"), lambda m: "缺少必填项"),
    (re.compile(r"extra inputs are not permitted"), lambda m: "不允许额外的键"),
    (re.compile(r"value error, (.+)", re.S), lambda m: f"取值错误：{library(m[1])}"),
]


def pydantic_message(text: str) -> str:
    """One pydantic error's msg (its first letter lowered, as our problems show it)."""
    text = str(text)
    for rx, fill in _PYDANTIC:
        m = rx.fullmatch(text)
        if m:
            return fill(m)  # type: ignore[operator]
    return library(text)


def pydantic_report(text: str) -> str:
    """str(ValidationError): a count line, then per error its location and message."""
    out = []
    for line in str(text).splitlines():
        m = re.fullmatch(r"(\d+) validation errors? for (\S+)", line)
        if m:
            out.append(f"{m[2]} 有 {m[1]} 处错误")
            continue
        if line.strip().startswith("For further information visit"):
            continue
        m = re.fullmatch(r"(\s+)(.+?)( \[type=.*\])?", line)
        if m and m[1]:
            msg = m[2][0].lower() + m[2][1:]
            out.append(m[1] + pydantic_message(msg) + (m[3] or ""))
        else:
            out.append(line)
    return "\n".join(out)


_PCLICK = {"float": "数字", "integer": "整数", "boolean": "布尔值 true/false"}
_CLICK: list[tuple[re.Pattern, object]] = []


def _click(pattern: str, fill) -> None:
    _CLICK.append((re.compile(pattern, re.S), fill))


_click(r"Missing argument '(.*)'\.", lambda m: f"缺少参数 '{m[1]}'。")
_click(r"Missing option '(.*)'\.", lambda m: f"缺少选项 '{m[1]}'。")
_click(r"Missing parameter: (.*)", lambda m: f"缺少参数：{m[1]}")
_click(
    r"No such option '(.*)'\. Did you mean (.+)\?",
    lambda m: f"没有选项 '{m[1]}'。是否应为 {m[2]}？",
)
_click(
    r"No such option '(.*)'\. \(Did you mean one of: (.+)\?\)",
    lambda m: f"没有选项 '{m[1]}'。（是否应为其中之一：{m[2]}？）",
)
_click(r"No such option '(.*)'\.", lambda m: f"没有选项 '{m[1]}'。")
_click(r"No such option: (\S+)", lambda m: f"没有选项：{m[1]}")
_click(
    r"No such command '(.*)'\. Did you mean (.+)\?",
    lambda m: f"没有命令 '{m[1]}'。是否应为 {m[2]}？",
)
_click(r"No such command '(.*)'\.(.*)", lambda m: f"没有命令 '{m[1]}'。{m[2]}")
_click(r"Missing command\.", lambda m: "缺少命令。")
_click(
    r"Invalid value for ('.*?'(?: / '.*?')*): (.+)",
    lambda m: f"参数 {m[1]} 的值无效：{click_message(m[2])}",
)
_click(r"Invalid value: (.+)", lambda m: f"值无效：{click_message(m[1])}")
_click(r"('.*') is not one of ('.*')\.", lambda m: f"{m[1]} 不是 {_choices(m[2])} 之一。")
_click(r"('.*') is not ('.*')\.", lambda m: f"{m[1]} 不是 {m[2]}。")
_click(r"'(.*)' is not a date \(YYYY-MM-DD\)", lambda m: f"'{m[1]}' 不是日期（YYYY-MM-DD）")
_click(r"Option '(.*)' requires an argument\.", lambda m: f"选项 '{m[1]}' 需要一个值。")
_click(r"Option '(.*)' does not take a value\.", lambda m: f"选项 '{m[1]}' 不接受值。")
_click(r"Got unexpected extra arguments? \((.*)\)", lambda m: f"多余的参数（{m[1]}）")
_click(r"(?:File|Directory|Path) ('.*') is a directory\.", lambda m: f"{m[1]} 是文件夹。")
_click(r"(?:File|Directory|Path) ('.*') is a file\.", lambda m: f"{m[1]} 是文件。")
_click(r"(?:File|Directory|Path) ('.*') does not exist\.", lambda m: f"{m[1]} 不存在。")
_click(r"(.+) is not in the range (.+)\.", lambda m: f"{m[1]} 不在范围 {m[2]} 内。")
_click(
    r"('.*') is not a valid (float|integer|boolean)\.(.*)",
    lambda m: f"{m[1]} 不是有效的{_PCLICK[m[2]]}。",
)


def click_message(text: str) -> str:
    """A click usage error's message (bad option, missing argument, ...)."""
    text = str(text)
    for rx, fill in _CLICK:
        m = rx.fullmatch(text)
        if m:
            return fill(m)  # type: ignore[operator]
    return library(text)
