"""Sentence catalogue: every message the core writes, as regex → Chinese template."""

from __future__ import annotations

import re

from placement.i18n.reasons import _field, _reason, _tr, _value
from placement.i18n.words import ACTIONS, CODES, OS_ERRORS, TYPE_NAMES

# --- sentences ------------------------------------------------------------------------


def _did_you_mean(s: str) -> str:
    return s.replace("' or '", "' 或 '")


def _choices(s: str) -> str:
    return s.replace("', '", "'、'").replace("' or '", "' 或 '")


def _columns(s: str) -> str:
    out = []
    for part in s.split("; "):
        m = re.fullmatch(r"(\w+) \((.*)\)", part)
        out.append(f"{_field(m[1])}（`{m[1]}`）" if m else part)
    return "；".join(out)


def _got(s: str) -> str:
    table = {
        "no decision": "无决定",
        "no change": "无变化",
        "none": "无",
        "no rule decided": "无规则决定",
    }
    if s in table:
        return table[s]
    m = re.fullmatch(r"(\S+) decided", s)
    if m:
        return f"由 {m[1]} 决定"
    return _value(s)


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
_KINDS = {
    "rule": "规则",
    "unit": "单位",
    "pin": "人工决定",
    "target": "目标",
    "test": "测试",
    "allowance": "津贴",
}
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

CONVERTERS = {
    "msg": lambda s: _tr(s),
    "reason": lambda s: _reason(s) or s,
    "field": _field,
    "val": _value,
    "pct": lambda s: "无可计人员" if s == "no officers counted" else s,
    "terms": lambda s: "、".join(_value(x) for x in s.split(", ")),
    "or": _did_you_mean,
    "choices": _choices,
    "columns": _columns,
    "tname": lambda s: TYPE_NAMES.get(s, s),
    "acts": lambda s: "与".join(ACTIONS.get(a, a) for a in s.split(" and ")),
    "os": lambda s: OS_ERRORS.get(s, _tr(s)),
    "kind": lambda s: _KINDS.get(s, s),
    "code": lambda s: CODES.get(s, s),
    "got": _got,
    "ptype": lambda s: _PTYPES.get(s, s),
    "pdetail": lambda s: ("，" + _PDETAILS.get(s, s)) if s else "",
    "cmp": lambda s: _CMPS.get(s, s),
    "least": lambda s: {"least": "至少有", "most": "至多有"}.get(s, s),
    "json": lambda s: _JSON.get(s, s),
    "more": lambda s: " 等" if s else "",
    "dates": lambda s: "（日期格式为 YYYY-MM-DD）" if s else "",
    "msgs": lambda s: "；".join(_tr(x) for x in re.split(r"; (?=row \d+: )", s)),
    "parts": lambda s: "；".join(_happened_part(x) for x in s.split("; ")),
    "pydantic": lambda s: _pydantic(s),
    "idents": lambda s: "、".join(f"`{x}`" for x in s.split(", ")),
    "slashed": lambda s: "/".join(f"`{x}`" for x in s.split("/")),
}


def _pydantic(text: str) -> str:
    """str(ValidationError): a count line, then per error its location and message."""
    out = []
    for line in text.splitlines():
        m = re.fullmatch(r"(\d+) validation errors? for (\S+)", line)
        if m:
            out.append(f"{m[2]} 有 {m[1]} 处错误")
            continue
        if line.strip().startswith("For further information visit"):
            continue
        m = re.fullmatch(r"(\s+)(.+?)( \[type=.*\])?", line)
        if m and m[1]:
            msg = m[2][0].lower() + m[2][1:]
            out.append(m[1] + _tr(msg) + (m[3] or ""))
        else:
            out.append(line)
    return "\n".join(out)


# (regex, Chinese template, an English example the regex matches). First full match wins.
CATALOGUE: list[tuple[str, str, str]] = [
    # a rendered problem (rule tests list them) and hints
    (
        r"(?P<w>[^\s:]+(?::\d+){1,2}): (?P<c>[a-z][a-z0-9-]*): (?P<m>.+)",
        "{w}: {c}: {m:problem}",
        "rules/x.yaml:3:12: unknown-field: agee (did you mean 'age'?)",
    ),
    (
        r"(?P<m>.+) \((?P<h>did you mean .+\?|known terms: .+|use eq or in|use contains)\)",
        "{m:msg}（{h:msg}）",
        "unit 'NOWHERE' is not in the units file (did you mean 'NOW'?)",
    ),
    (r"did you mean (?P<x>.+)\?", "是否应为 {x:or}？", "did you mean '所長' or '副所長'?"),
    (
        r"known terms: (?P<t>.+)",
        "已知词条：{t:terms}",
        "known terms: chief_section, deputy_section, staff",
    ),
    (r"use eq or in", "请使用 `eq` 或 `in`", "use eq or in"),
    (r"use contains", "请使用 `contains`", "use contains"),
    (
        r"(?P<m>.+) \(got (?P<g>.*)\)",
        "{m:msg}（实际为 {g}）",
        "priority: input should be a valid integer (got 'high')",
    ),
    (
        r"(?P<m>.+) \(use spaces for indentation, not tabs\)",
        "{m:msg}（缩进请用空格，不要用制表符）",
        "while scanning for the next token found character that cannot start any token "
        "(use spaces for indentation, not tabs)",
    ),
    # rule outcomes (inputs.py, place/)
    (
        r"rule (?P<r>\S+) cannot be decided: (?P<f>.+) is empty",
        "规则 {r} 无法判定：{f:field}为空",
        "rule leader-exam cannot be decided: exam_passed is empty",
    ),
    (
        r"exempt from (?P<r>\S+) \((?P<t>.*)\): (?P<why>.*)",
        "豁免于规则 {r}（{t}），依据：{why:reason}",
        "exempt from organ-young-cadre-down (機關40歲以下副科幹部全部下基層): special_talent yes",
    ),
    (
        r"rules (?P<a>\S+) and (?P<b>\S+) \(priority (?P<p>-?\d+)\) ask for different outcomes",
        "规则 {a} 与 {b}（优先级 {p}）要求的处理结果不同",
        "rules young-down and young-to-rural (priority 10) ask for different outcomes",
    ),
    (
        r"rule (?P<r>\S+) moves this officer \((?P<f>.*)\) but no unit matching its destination has a free place",
        "规则 {r} 要求调动该民警（{f:reason}），但符合其去向的单位均无编制空缺",
        "rule young-down moves this officer (unit.tier organ; age 26 ≤ 30) but no unit matching its "
        "destination has a free place",
    ),
    (
        r"moving would leave (?P<u>\S+) below its minimum staff (?P<n>\d+)",
        "调出将使 {u} 低于最低警力 {n} 人",
        "moving would leave P1 below its minimum staff 2",
    ),
    (
        r"officer '(?P<o>.*)' is not a planned officer of the roster",
        "民警 '{o}' 不是花名册中可规划的人员",
        "officer 'J9999' is not a planned officer of the roster",
    ),
    (
        r"unit '(?P<u>.*)' is not a unit that can receive officers",
        "单位 '{u}' 不能接收人员",
        "unit 'ZHS' is not a unit that can receive officers",
    ),
    (
        r"pins put (?P<c>\d+) officers in (?P<u>\S+), above its capacity (?P<cap>\d+)",
        "人工决定使 {u} 达到 {c} 人，超过其编制 {cap} 人",
        "pins put 17 officers in BGS, above its capacity 16",
    ),
    (r"pinned by a manual decision", "按人工决定", "pinned by a manual decision"),
    (
        r"target (?P<t>\S+) is not met after the plan: (?P<v>.+)",
        "方案执行后目标 {t} 未达成：{v:pct}",
        "target grassroots-share is not met after the plan: no officers counted",
    ),
    (
        r"target (?P<t>\S+) is not met: (?P<v>.+)",
        "目标 {t} 未达成：{v:pct}",
        "target grassroots-share is not met: 83.8%",
    ),
    (r"(?P<a>\S+) merged into (?P<b>\S+)", "{a} 并入 {b}", "OLD merged into ORG"),
    (
        r"no (?P<d>\S+) here; give (?P<o>\S+) PATH",
        "此处没有 {d}；请用 {o} 指定路径",
        "no data/units.yaml here; give --units PATH",
    ),
    # roster rows (roster/load.py)
    (
        r"row (?P<n>\d+): (?P<m>.+)",
        "第 {n} 行：{m:msg}",
        "row 5: birth_date '1985-13-01' is not a date",
    ),
    (r"(?P<f>\w+) is empty", "{f:field}为空", "birth_date is empty"),
    (
        r"wishes '(?P<v>.*)' name a unit not in the units file",
        "个人意愿 '{v}' 含有单位文件中没有的单位",
        "wishes 'PCS-HF;NOPE' name a unit not in the units file",
    ),
    (
        r"unit '(?P<v>.*)' is not in the units file",
        "单位 '{v}' 不在单位文件中",
        "unit '不存在派出所' is not in the units file",
    ),
    (
        r"id_number '(?P<v>.*)' is not a valid resident ID",
        "身份证号 '{v}' 不是有效的居民身份证号码",
        "id_number '12345' is not a valid resident ID",
    ),
    (
        r"id_number's birth date does not agree with birth_date",
        "身份证号中的出生日期与出生日期一栏不一致",
        "id_number's birth date does not agree with birth_date",
    ),
    (
        r"birth_date '(?P<v>.*)' is after the as-of date (?P<d>\S+)",
        "出生日期 '{v}' 晚于基准日期 {d}",
        "birth_date '2099-01-01' is after the as-of date 2026-10-01",
    ),
    (
        r"officer_id '(?P<v>.*)' appears on an earlier row",
        "警号 '{v}' 已在前面的行中出现",
        "officer_id 'J0001' appears on an earlier row",
    ),
    (
        r"row has (?P<w>\d+) cells, the header has (?P<h>\d+)",
        "该行有 {w} 个单元格，表头有 {h} 个",
        "row has 9 cells, the header has 7",
    ),
    (
        r"(?P<f>\w+) '(?P<v>.*)' is not a date",
        "{f:field} '{v}' 不是日期",
        "birth_date '85-3-2' is not a date",
    ),
    (
        r"(?P<f>\w+) '(?P<v>.*)' is not yes/no",
        "{f:field} '{v}' 不是“是/否”",
        "special_post 'maybe' is not yes/no",
    ),
    (
        r"(?P<f>\w+) '(?P<v>.*)' is not a number ≥ 0",
        "{f:field} '{v}' 不是大于等于 0 的数字",
        "grassroots_years '-1' is not a number ≥ 0",
    ),
    (
        r"(?P<f>\w+) '(?P<v>.*)' is not in the vocabulary",
        "{f:field} '{v}' 不在词表中",
        "post '所長長' is not in the vocabulary",
    ),
    (
        r"sex '(?P<v>.*)' is not M/F \(男/女\)",
        "性别 '{v}' 不是 男/女（M/F）",
        "sex 'X' is not M/F (男/女)",
    ),
    (
        r"appraisal '(?P<v>.*)' is not excellent/competent/basically_competent/incompetent",
        "年度考核 '{v}' 不是 优秀/称职/基本称职/不称职 之一",
        "appraisal 'good' is not excellent/competent/basically_competent/incompetent",
    ),
    (
        r"(?P<f>\w+) '(?P<v>.*)' is not one of (?P<vals>.*)",
        "{f:field} '{v}' 不是 {vals:slashed} 之一",
        "education 'phd' is not one of secondary/college/bachelor/master",
    ),
    # roster files (roster/load.py, roster/read.py)
    (
        r"header '(?P<h>.*)' appears twice \(columns (?P<a>\d+) and (?P<b>\d+)\)",
        "表头 '{h}' 出现两次（第 {a} 列和第 {b} 列）",
        "header 'name' appears twice (columns 2 and 7)",
    ),
    (
        r"columns (?P<a>\d+) '(?P<x>.*)' and (?P<b>\d+) '(?P<y>.*)' both give (?P<f>\w+)",
        "第 {a} 列 '{x}' 与第 {b} 列 '{y}' 都对应{f:field}",
        "columns 2 '姓名' and 3 'name' both give name",
    ),
    (
        r"required column missing: (?P<c>.*); is this a roster\?",
        "缺少必需的列：{c:columns}；这是花名册吗？",
        "required column missing: officer_id (警號/警号); name (姓名); is this a roster?",
    ),
    (r"the file is larger than (?P<n>.+)", "文件大于 {n}", "the file is larger than 2 GiB"),
    (r"no such file", "文件不存在", "no such file"),
    (
        r"is a folder, not a roster file",
        "这是文件夹，不是花名册文件",
        "is a folder, not a roster file",
    ),
    (
        r"cannot read units file: (?P<e>.*)",
        "无法读取单位文件：{e:os}",
        "cannot read units file: No such file or directory",
    ),
    (r"cannot read: (?P<e>.*)", "无法读取：{e:os}", "cannot read: Permission denied"),
    (
        r"cannot decode as UTF-16 \(byte (?P<n>\d+)\)",
        "无法按 UTF-16 解码（第 {n} 字节）",
        "cannot decode as UTF-16 (byte 12)",
    ),
    (
        r"the file is binary \(contains NUL bytes\); save it as CSV or XLSX",
        "该文件是二进制文件（含 NUL 字节）；请另存为 CSV 或 XLSX",
        "the file is binary (contains NUL bytes); save it as CSV or XLSX",
    ),
    (
        r"the text is neither UTF-8 nor GB18030 \(bad byte at offset (?P<n>\d+)\)",
        "文本既不是 UTF-8 也不是 GB18030（偏移 {n} 处的字节无效）",
        "the text is neither UTF-8 nor GB18030 (bad byte at offset 61)",
    ),
    (r"the file is empty", "文件为空", "the file is empty"),
    (
        r"not a readable CSV file: (?P<e>.*)",
        "不是可读取的 CSV 文件：{e:msg}",
        "not a readable CSV file: bad quote",
    ),
    (r"the workbook has no sheets", "工作簿中没有工作表", "the workbook has no sheets"),
    (
        r"not a readable XLSX workbook \((?P<e>.*)\)",
        "不是可读取的 XLSX 工作簿（{e:msg}）",
        "not a readable XLSX workbook (CalamineError: Cannot detect file format)",
    ),
    (r"the first sheet is empty", "第一个工作表为空", "the first sheet is empty"),
    # YAML (yamlsafe.py)
    (r"file is larger than (?P<n>\d+) MiB", "文件大于 {n} MiB", "file is larger than 20 MiB"),
    (
        r"file is binary \(contains NUL bytes\), not YAML",
        "文件是二进制文件（含 NUL 字节），不是 YAML",
        "file is binary (contains NUL bytes), not YAML",
    ),
    (
        r"not UTF-8 text \(byte (?P<n>\d+)\)",
        "不是 UTF-8 文本（第 {n} 字节）",
        "not UTF-8 text (byte 3)",
    ),
    (
        r"expected a single document, found another \(---\)",
        "只应有一个文档，却又发现一个（---）",
        "expected a single document, found another (---)",
    ),
    (
        r"aliases \(\*name\) are not allowed",
        "不允许使用别名（*name）",
        "aliases (*name) are not allowed",
    ),
    (
        r"mapping keys must be plain scalars",
        "映射的键必须是普通标量",
        "mapping keys must be plain scalars",
    ),
    (
        r"merge keys \(<<\) are not allowed",
        "不允许使用合并键（<<）",
        "merge keys (<<) are not allowed",
    ),
    (
        r"tag (?P<t>\S+) is not allowed",
        "不允许使用标签 {t}",
        "tag tag:yaml.org,2002:python/object/apply:os.system is not allowed",
    ),
    (r"nesting deeper than (?P<n>\d+) levels", "嵌套超过 {n} 层", "nesting deeper than 40 levels"),
    (
        r"key '(?P<k>.*)' appears twice \(first at line (?P<n>\d+)\)",
        "键 '{k}' 出现两次（第一次在第 {n} 行）",
        "key 'id' appears twice (first at line 2)",
    ),
    (
        r"cannot read (?P<v>'.*'): (?P<e>.*)",
        "无法读取 {v}：{e:msg}",
        "cannot read '2026-13-01': month must be in 1..12",
    ),
    # shapes (pyderr.py, rules/load.py, units.py, pins.py)
    (r"unknown key '(?P<k>.*)'", "未知的键 '{k}'", "unknown key 'hello'"),
    (r"'(?P<k>.*)' is required", "缺少必需的 '{k}'", "'units' is required"),
    (r"no such file or folder", "文件或文件夹不存在", "no such file or folder"),
    (
        r"no rule files \(\*\.yaml\) found",
        "没有找到规则文件（*.yaml）",
        "no rule files (*.yaml) found",
    ),
    (
        r"a rule file is a mapping \(ruleset:, rules:, \.\.\.\)",
        "规则文件应为映射（`ruleset:`、`rules:` 等）",
        "a rule file is a mapping (ruleset:, rules:, ...)",
    ),
    (r"(?P<k>\w+): a list is expected", "`{k}`：应为列表", "rules: a list is expected"),
    (
        r"'(?P<k>.*)' is already given in (?P<f>.+)",
        "'{k}' 已在 {f} 中给出",
        "'constants' is already given in rules/00-bureau.yaml",
    ),
    (r"'(?P<k>.*)' is a built-in field", "'{k}' 是内置字段", "'age' is a built-in field"),
    (
        r"field (?P<n>\S+): an enum needs values",
        "字段 {n}：枚举类型需要给出 `values`",
        "field education: an enum needs values",
    ),
    (
        r"target (?P<t>\S+): give at_least or at_most",
        "目标 {t}：请给出 `at_least` 或 `at_most`",
        "target share: give at_least or at_most",
    ),
    (
        r"rule id '(?P<r>.*)' is already used at (?P<w>.+)",
        "规则编号 '{r}' 已在 {w} 使用",
        "rule id 'a' is already used at rules/x.yaml:3",
    ),
    (
        r"rule (?P<r>\S+): (?P<a>.+) cannot be combined \(a move may set the post with move\.post\)",
        "规则 {r}：{a:acts}不能同时使用（调动时可用 `move.post` 改任职务）",
        "rule a: move and set_post cannot be combined (a move may set the post with move.post)",
    ),
    (
        r"rule (?P<r>\S+): then needs move, set_post, flag or keep",
        "规则 {r}：`then` 需要 `move`、`set_post`、`flag` 或 `keep` 之一",
        "rule a: then needs move, set_post, flag or keep",
    ),
    (
        r"rule (?P<r>\S+): effective_until is before effective_from",
        "规则 {r}：`effective_until` 早于 `effective_from`",
        "rule a: effective_until is before effective_from",
    ),
    (
        r"a units file is a mapping with a 'units:' list",
        "单位文件应为含 `units:` 列表的映射",
        "a units file is a mapping with a 'units:' list",
    ),
    (r"each unit is a mapping", "每个单位应为映射", "each unit is a mapping"),
    (
        r"unit id '(?P<u>.*)' is defined twice",
        "单位编码 '{u}' 定义了两次",
        "unit id 'BGS' is defined twice",
    ),
    (
        r"unit (?P<u>\S+): merged_into '(?P<m>.*)' is not a unit",
        "单位 {u}：`merged_into` 的 '{m}' 不是已有单位",
        "unit A: merged_into 'Z' is not a unit",
    ),
    (
        r"unit (?P<u>\S+): min_staff (?P<a>\d+) is above capacity (?P<b>\d+)",
        "单位 {u}：最低警力 {a} 高于编制 {b}",
        "unit A: min_staff 5 is above capacity 3",
    ),
    (
        r"unit (?P<u>\S+): merges form a cycle: (?P<c>.+)",
        "单位 {u}：合并关系形成循环：{c}",
        "unit A: merges form a cycle: A -> B -> A",
    ),
    (
        r"a pins file is a list of \{officer:, unit:\} or \{officer:, stay: true\}",
        "人工决定文件应为 `{officer:, unit:}` 或 `{officer:, stay: true}` 的列表",
        "a pins file is a list of {officer:, unit:} or {officer:, stay: true}",
    ),
    (
        r"pin (?P<n>\d+): give either unit or stay: true",
        "第 {n} 条人工决定：请给出 `unit` 或 `stay: true` 之一",
        "pin 2: give either unit or stay: true",
    ),
    # conditions (rules/conditions.py)
    (
        r"(?P<op>\w+) on the list field (?P<f>\S+)",
        "列表字段{f:field}不能用 `{op}`",
        "eq on the list field unit.tags",
    ),
    (r"(?P<op>\w+) on (?P<f>\S+)", "未知运算符 `{op}`（用于{f:field}）", "lesser on age"),
    (
        r"is_null takes true or false, not (?P<v>.*)",
        "`is_null` 只能取 `true` 或 `false`，不能是 {v}",
        "is_null takes true or false, not 'yes'",
    ),
    (
        r"(?P<op>\w+) needs a number or a date; (?P<f>\S+) is (?P<t>.+)",
        "`{op}` 需要数字或日期；{f:field}是{t:tname}",
        "le needs a number or a date; rank is a vocabulary term",
    ),
    (
        r"contains needs a list field; (?P<f>\S+) is (?P<t>.+)",
        "`contains` 需要列表字段；{f:field}是{t:tname}",
        "contains needs a list field; age is a number",
    ),
    (
        r"\$officer\.(?P<o>\S+) is a list; compare (?P<f>\S+) with a single value",
        "`$officer.{o}` 是列表；{f:field}只能与单个值比较",
        "$officer.wishes is a list; compare unit.id with a single value",
    ),
    (
        r"(?P<f>\S+) is a list; use contains: \$officer\.(?P<o>\S+)",
        "{f:field}是列表；请使用 `contains: $officer.{o}`",
        "unit.tags is a list; use contains: $officer.home_district",
    ),
    (
        r"(?P<f>\S+) \((?P<t1>[^)]*)\) cannot be compared with \$officer\.(?P<o>\S+) \((?P<t2>[^)]*)\)",
        "{f:field}（{t1:tname}）不能与 `$officer.{o}`（{t2:tname}）比较",
        "unit.capacity (a number) cannot be compared with $officer.home_district (text)",
    ),
    (
        r"(?P<op>\w+) takes a list, not (?P<v>.*)",
        "`{op}` 需要列表，不能是 {v}",
        "in takes a list, not 'x'",
    ),
    (
        r"between takes \[low, high\], not (?P<n>\d+) values",
        "`between` 需要 [下限, 上限]，不能是 {n} 个值",
        "between takes [low, high], not 3 values",
    ),
    (
        r"(?P<f>\S+): null is not a value; use is_null: true",
        "{f:field}：`null` 不是取值；请用 `is_null: true`",
        "age: null is not a value; use is_null: true",
    ),
    (
        r"(?P<f>\S+) is (?P<t>text|a number|a date|yes/no|a choice|a vocabulary term|a unit|a list of units"
        r"|a list of tags), not (?P<v>.*?)(?P<d> \(dates are YYYY-MM-DD\))?",
        "{f:field}应为{t:tname}，不能是 {v}{d:dates}",
        "birth_date is a date, not 12 (dates are YYYY-MM-DD)",
    ),
    (
        r"(?P<f>\S+) is one of (?P<vals>.*), not '(?P<v>.*)'",
        "{f:field}应为 {vals:idents} 之一，不能是 '{v}'",
        "unit.kind is one of organ, frontline, station, not 'office'",
    ),
    (
        r"a condition is a mapping, not (?P<k>\w+)",
        "条件应为映射，不能是 {k}",
        "a condition is a mapping, not str",
    ),
    (
        r"'(?P<k>\w+)' takes a list of conditions",
        "`{k}` 需要条件列表",
        "'all' takes a list of conditions",
    ),
    # warnings (rules/lint.py)
    (
        r"rule (?P<r>\S+) never decides: rule (?P<h>\S+) \(priority (?P<p>-?\d+)\) always applies first",
        "规则 {r} 永远不会起决定作用：规则 {h}（优先级 {p}）总是先适用",
        "rule b never decides: rule a (priority 10) always applies first",
    ),
    (
        r"rule (?P<r>\S+): no unit matches its destination",
        "规则 {r}：没有单位符合其去向",
        "rule a: no unit matches its destination",
    ),
    (
        r"rule (?P<r>\S+) would still apply after a move to (?P<u>.+?)(?P<more> \.\.\.)?",
        "规则 {r} 在调往 {u}{more:more}后仍会适用",
        "rule a would still apply after a move to PCS-HF, PCS-DJ ...",
    ),
    (
        r"rule (?P<r>\S+) would still apply after set_post (?P<p>\S+)",
        "规则 {r} 在改任{p:val}后仍会适用",
        "rule a would still apply after set_post instructor",
    ),
    # plans (apply.py), outputs (cli/output.py, report/write.py)
    (
        r"not a plan JSON document: (?P<e>.+)",
        "不是方案 JSON 文档：{e:msg}",
        "not a plan JSON document: Expecting value: line 1 column 1 (char 0)",
    ),
    (
        r"(?P<m>Expecting value|Expecting property name enclosed in double quotes|Expecting ',' delimiter"
        r"|Expecting ':' delimiter|Extra data|Unterminated string starting at|Invalid control character at"
        r"|Invalid \\escape): line (?P<l>\d+) column (?P<c>\d+) \(char (?P<ch>\d+)\)",
        "第 {l} 行第 {c} 列{m:json}（第 {ch} 个字符）",
        "Expecting value: line 1 column 1 (char 0)",
    ),
    (
        r"not a plan document \(no transfers list\)",
        "不是方案文档（没有 `transfers` 列表）",
        "not a plan document (no transfers list)",
    ),
    (
        r"the plan was made from a different roster \(sha256 differs\); use --force to apply it anyway",
        "该方案由另一份花名册生成（sha256 不同）；如仍要应用，请加 --force",
        "the plan was made from a different roster (sha256 differs); use --force to apply it anyway",
    ),
    (
        r"with --format csv, -o names a folder",
        "使用 --format csv 时，-o 应指定文件夹",
        "with --format csv, -o names a folder",
    ),
    (
        r"--format xlsx needs -o FILE",
        "--format xlsx 需要用 -o 指定文件",
        "--format xlsx needs -o FILE",
    ),
    (
        r"refusing to overwrite an input file; choose another -o path",
        "拒绝覆盖输入文件；请用 -o 另选路径",
        "refusing to overwrite an input file; choose another -o path",
    ),
    (r"folder (?P<f>.+) does not exist", "文件夹 {f} 不存在", "folder /tmp/nowhere does not exist"),
    # explain, rule tests
    (
        r"officer '(?P<o>.*)' is not in the roster",
        "花名册中没有民警 '{o}'",
        "officer 'J9999' is not in the roster",
    ),
    (
        r"effective (?P<a>\S+) to (?P<b>\S+); as of (?P<d>\S+)",
        "生效期 {a} 至 {b}；基准日期 {d}",
        "effective 2027-01-01 to …; as of 2026-10-01",
    ),
    (
        r"bad units in test: (?P<e>.*)",
        "测试中的单位有误：{e:pydantic}",
        "bad units in test: 1 validation error for Unit\nkind\n  Input should be 'organ', 'frontline' or 'station' "
        "[type=literal_error, input_value='x', input_type=str]\n"
        "    For further information visit https://errors.pydantic.dev/2.12/v/literal_error",
    ),
    (
        r"the test officer is not valid: (?P<m>.*)",
        "测试人员无效：{m:msgs}",
        "the test officer is not valid: row 2: birth_date is empty",
    ),
    (
        r"expected rule (?P<r>\S+) to decide; got (?P<g>.+)",
        "预期由规则 {r} 决定；实际：{g:got}",
        "expected rule a to decide; got no decision",
    ),
    (
        r"expected a move to (?P<s>.+); no move was planned",
        "预期调往 {s}；实际未安排调动",
        "expected a move to {'tier': 'grassroots'}; no move was planned",
    ),
    (
        r"expected a move to (?P<s>.+); moved to (?P<u>\S+)",
        "预期调往 {s}；实际调往 {u}",
        "expected a move to {'tier': 'grassroots'}; moved to BGS",
    ),
    (
        r"expected post (?P<p>\S+); got (?P<g>.+)",
        "预期职务为{p:val}；实际：{g:got}",
        "expected post instructor; got no change",
    ),
    (r"expected keep; (?P<g>.+)", "预期保持不动；实际：{g:got}", "expected keep; no rule decided"),
    (
        r"expected flag (?P<f>\S+); got (?P<g>.+)",
        "预期标记 {f:code}；实际：{g:got}",
        "expected flag promotion_ineligible; got none",
    ),
    (
        r"expected flags (?P<f>.+); got (?P<g>.+)",
        "预期标记 {f}；实际：{g:got}",
        "expected flags ['a']; got []",
    ),
    (
        r"expected exemption from (?P<r>\S+); none",
        "预期豁免于规则 {r}；实际没有",
        "expected exemption from a; none",
    ),
    (
        r"expected missing data for (?P<r>\S+); none",
        "预期规则 {r} 数据缺失；实际没有",
        "expected missing data for a; none",
    ),
    (
        r"expected conflict (?P<c>.+); got (?P<g>.+)",
        "预期冲突 {c}；实际：{g:got}",
        "expected conflict ['a', 'b']; got none",
    ),
    (
        r"expected no action; got (?P<r>\S+): (?P<a>\S+) → (?P<b>\S+), (?P<p>\S+)",
        "预期无需处理；实际 {r}：{a} → {b}，{p:val}",
        "expected no action; got a: BGS → PCS-HF, officer",
    ),
    (r"no action", "无需处理", "no action"),
    # the command line (click's own messages and ours)
    (r"Missing argument '(?P<a>.*)'\.", "缺少参数 '{a}'。", "Missing argument 'ROSTER'."),
    (r"Missing option '(?P<a>.*)'\.", "缺少选项 '{a}'。", "Missing option '-o' / '--output'."),
    (r"Missing parameter: (?P<a>.*)", "缺少参数：{a}", "Missing parameter: roster"),
    (
        r"No such option '(?P<o>.*)'\. Did you mean (?P<s>.+)\?",
        "没有选项 '{o}'。是否应为 {s}？",
        "No such option '--lag'. Did you mean '--lang'?",
    ),
    (
        r"No such option '(?P<o>.*)'\. \(Did you mean one of: (?P<s>.+)\?\)",
        "没有选项 '{o}'。（是否应为其中之一：{s}？）",
        "No such option '--u'. (Did you mean one of: '--rules', '--units'?)",
    ),
    (r"No such option '(?P<o>.*)'\.", "没有选项 '{o}'。", "No such option '--bogus'."),
    (r"No such option: (?P<o>\S+)", "没有选项：{o}", "No such option: --bogus"),
    (
        r"No such command '(?P<c>.*)'\. Did you mean (?P<s>.+)\?",
        "没有命令 '{c}'。是否应为 {s}？",
        "No such command 'plam'. Did you mean 'plan'?",
    ),
    (
        r"No such command '(?P<c>.*)'\.(?P<rest>.*)",
        "没有命令 '{c}'。{rest}",
        "No such command 'bogus'.",
    ),
    (r"Missing command\.", "缺少命令。", "Missing command."),
    (
        r"Invalid value for (?P<p>'.*?'(?: / '.*?')*): (?P<m>.+)",
        "参数 {p} 的值无效：{m:msg}",
        "Invalid value for '--format': 'x' is not one of 'table', 'json'.",
    ),
    (r"Invalid value: (?P<m>.+)", "值无效：{m:msg}", "Invalid value: 'x' is not 'en'."),
    (
        r"(?P<v>'.*') is not one of (?P<c>'.*')\.",
        "{v} 不是 {c:choices} 之一。",
        "'x' is not one of 'table', 'json'.",
    ),
    (r"(?P<v>'.*') is not (?P<c>'.*')\.", "{v} 不是 {c}。", "'x' is not 'en'."),
    (
        r"'(?P<v>.*)' is not a date \(YYYY-MM-DD\)",
        "'{v}' 不是日期（YYYY-MM-DD）",
        "'2026-13-01' is not a date (YYYY-MM-DD)",
    ),
    (
        r"Option '(?P<o>.*)' requires an argument\.",
        "选项 '{o}' 需要一个值。",
        "Option '--rules' requires an argument.",
    ),
    (
        r"Option '(?P<o>.*)' does not take a value\.",
        "选项 '{o}' 不接受值。",
        "Option '--strict' does not take a value.",
    ),
    (
        r"Got unexpected extra arguments? \((?P<a>.*)\)",
        "多余的参数（{a}）",
        "Got unexpected extra argument (x)",
    ),
    (
        r"(?:File|Directory|Path) (?P<p>'.*') is a directory\.",
        "{p} 是文件夹。",
        "File 'rules' is a directory.",
    ),
    (
        r"(?:File|Directory|Path) (?P<p>'.*') is a file\.",
        "{p} 是文件。",
        "Directory 'x.yaml' is a file.",
    ),
    (
        r"(?:File|Directory|Path) (?P<p>'.*') does not exist\.",
        "{p} 不存在。",
        "Path 'x' does not exist.",
    ),
    (
        r"(?P<v>.+) is not in the range (?P<r>.+)\.",
        "{v} 不在范围 {r} 内。",
        "120.0 is not in the range 0<=x<=100.",
    ),
    (
        r"(?P<v>'.*') is not a valid (?P<t>float|integer|boolean)\.(?P<rest>.*)",
        "{v} 不是有效的{t:ptype}。",
        "'abc' is not a valid float.",
    ),
    # pydantic messages (first letter lowered by pyderr)
    (
        r"input should be a valid dictionary or instance of \S+",
        "应为映射",
        "input should be a valid dictionary or instance of RuleFile",
    ),
    (r"input should be a finite number", "应为有限的数字", "input should be a finite number"),
    (
        r"input should be a valid (?P<t>[a-z ]+?)(?:, (?P<d>.+))?",
        "应为有效的{t:ptype}{d:pdetail}",
        "input should be a valid date or datetime, input is too short",
    ),
    (
        r"input should be (?P<v>'[^']*'(?:, '[^']*')*(?: or '[^']*')?)",
        "应为 {v:choices} 之一",
        "input should be 'organ', 'frontline' or 'station'",
    ),
    (
        r"input should be (?P<c>greater than or equal to|greater than|less than or equal to|less than) (?P<n>\S+)",
        "应{c:cmp} {n}",
        "input should be greater than or equal to 0",
    ),
    (
        r"string should have at (?P<c>least|most) (?P<n>\d+) characters?",
        "字符串应{c:least} {n} 个字符",
        "string should have at least 1 character",
    ),
    (
        r"list should have at (?P<c>least|most) (?P<n>\d+) items? after validation, not (?P<m>\d+)",
        "列表应{c:least} {n} 项，实际 {m} 项",
        "list should have at least 1 item after validation, not 0",
    ),
    (r"field required", "缺少必填项", "field required"),
    (r"extra inputs are not permitted", "不允许额外的键", "extra inputs are not permitted"),
    (r"value error, (?P<m>.+)", "取值错误：{m:msg}", "value error, the file is empty"),
    (r"(?P<t>\w+Error): (?P<m>.+)", "{t}：{m:msg}", "CalamineError: Cannot detect file format"),
    # prefixes: `rule a: ...`, `unit A: ...`, `pin 2: ...`, `target x: ...`, `field: ...`
    (
        r"(?P<k>rule|unit|pin|target|test|allowance)(?: (?P<x>[^:]*?))?: (?P<m>.+)",
        "{k:kind} {x}：{m:msg}",
        "rule a: priority: input should be a valid integer",
    ),
    (r"(?P<w>[A-Za-z_][\w.]*): (?P<m>.+)", "`{w}`：{m:msg}", "as_of: input should be a valid date"),
]


def _happened_part(text: str) -> str:
    """One part of a rule test's "happened" line (imported late, as _tr)."""
    from placement.i18n import _happened_part as part

    return part(text)
