"""Word tables: fields, values, codes, library phrases, vocabulary terms in Chinese."""

from __future__ import annotations

from placement.load.vocab import APPRAISAL, POST, RANK

# --- words ------------------------------------------------------------------------

FIELDS = {
    "officer_id": "警号",
    "name": "姓名",
    "birth_date": "出生日期",
    "unit": "单位",
    "post": "职务",
    "rank": "职级",
    "sex": "性别",
    "id_number": "身份证号",
    "joined_police": "参加公安工作时间",
    "post_since": "任职时间",
    "grassroots_years": "基层工作年限",
    "special_post": "特殊岗位",
    "special_talent": "特殊人才",
    "new_recruit": "新录用",
    "long_term_illness": "长期患病",
    "military_transfer": "军转干部",
    "discipline_date": "最近处分时间",
    "exam_passed": "业务考试合格",
    "appraisal": "年度考核",
    "democratic_eval_passed": "民主测评合格",
    "promotion_candidate": "拟提拔",
    "awarded": "受表彰",
    "home_district": "居住区县",
    "wishes": "个人意愿",
    # derived
    "age": "年龄",
    "years_of_service": "从警年限",
    "years_in_post": "任现职年限",
    "years_since_discipline": "距最近处分年数",
    # the row itself (ragged rows), and a field the core could not name
    "row": "行",
    "a field": "某字段",
}

UNIT_FIELDS = {
    "id": "单位编码",
    "name": "单位名称",
    "kind": "单位类型",
    "tier": "单位层级",
    "area": "单位地域",
    "district": "单位所在区县",
    "capacity": "单位编制",
    "min_staff": "单位最低警力",
    "tags": "单位标签",
}

VALUES = {
    "organ": "机关",
    "grassroots": "基层",
    "station": "派出所",
    "frontline": "一线实战单位",
    "urban": "城区",
    "rural": "农村",
    "excellent": "优秀",
    "competent": "称职",
    "basically_competent": "基本称职",
    "incompetent": "不称职",
    "yes": "是",
    "no": "否",
    "true": "是",
    "false": "否",
    "True": "是",
    "False": "否",
    # the shipped unit tags (data/units.yaml)
    "complex": "治安复杂",
    "hardship": "艰苦岗位",
    "None": "空",
}

SEX = {"M": "男", "F": "女"}

CODES = {
    "invalid_row": "无效行",
    "duplicate_id": "警号重复",
    "unknown_unit": "未知单位",
    "data_conflict": "数据矛盾",
    "missing_data": "数据缺失",
    "exempt": "豁免",
    "conflict": "规则冲突",
    "no_capacity": "无编制空缺",
    "min_staffing": "低于最低警力",
    "target_unmet": "目标未达成",
    "vacancy": "空缺",
    "over_establishment": "超职数",
    "ambiguous_value": "取值有歧义",
    "lost_digits": "数字位丢失",
    "promotion_ineligible": "不具备提拔条件",
    "leadership_ineligible": "不具备任职条件",
    "unit_merge": "机构合并",
    "pin": "人工决定",
}

ACTIONS = {"move": "调动", "set_post": "改任职务", "keep": "保持不动", "flag": "标记"}

STATUS = {  # explain: a rule for one officer
    "applies": "适用",
    "exempt": "豁免",
    "unknown (missing data)": "未知（数据缺失）",
    "does not apply": "不适用",
    "not in force": "未生效",
}

DECISIONS = {
    "decided": "已决定",
    "conflict": "规则冲突",
    "withheld for missing data": "因数据缺失暂缓",
    "no action": "无需处理",
    "not planned": "未纳入规划",
}

TRUTH = {"true": "成立", "false": "不成立", "unknown": "未知"}

COVERAGE = {
    "applies": "适用",
    "not applied": "不适用",
    "exempt": "豁免",
    "not exempt": "未豁免",
    "eligible": "符合任职条件",
    "not eligible": "不符合任职条件",
}

TYPE_NAMES = {
    "text": "文本",
    "a number": "数字",
    "a date": "日期",
    "yes/no": "是/否值",
    "a choice": "选项值",
    "a vocabulary term": "词表词条",
    "a unit": "单位",
    "a list of units": "单位列表",
    "a list of tags": "标签列表",
}

OS_ERRORS = {
    "No such file or directory": "文件或文件夹不存在",
    "Permission denied": "没有权限",
    "Is a directory": "这是文件夹",
    "Not a directory": "不是文件夹",
    "File name too long": "文件名过长",
    "Input/output error": "输入输出错误",
    "Too many levels of symbolic links": "符号链接层数过多",
    "No space left on device": "磁盘空间不足",
    "Read-only file system": "只读文件系统",
}

# Phrases of messages that come from libraries (PyYAML / libyaml, calamine), longest first.
PHRASES = {
    "while parsing a block mapping ": "解析块映射时，",
    "while parsing a block collection ": "解析块序列时，",
    "while parsing a flow sequence ": "解析流式序列时，",
    "while parsing a flow mapping ": "解析流式映射时，",
    "while parsing a block node ": "解析块节点时，",
    "while parsing a flow node ": "解析流式节点时，",
    "while parsing a node ": "解析节点时，",
    "while parsing a document start ": "解析文档开头时，",
    "while scanning a simple key ": "扫描简单键时，",
    "while scanning a quoted scalar ": "扫描带引号的标量时，",
    "while scanning a plain scalar ": "扫描普通标量时，",
    "while scanning a block scalar ": "扫描块标量时，",
    "while scanning for the next token ": "扫描下一个记号时，",
    "while scanning an anchor ": "扫描锚点时，",
    "while scanning an alias ": "扫描别名时，",
    "while scanning a tag ": "扫描标签时，",
    "while scanning a directive ": "扫描指令时，",
    "while increasing flow level ": "增加流式层级时，",
    "did not find expected key": "未找到预期的键",
    "could not find expected ':'": "未找到预期的 ':'",
    "did not find expected ',' or ']'": "未找到预期的 ',' 或 ']'",
    "did not find expected ',' or '}'": "未找到预期的 ',' 或 '}'",
    "did not find expected '-' indicator": "未找到预期的 '-' 标记",
    "did not find expected node content": "未找到预期的节点内容",
    "did not find expected <document start>": "未找到预期的文档开头",
    "did not find expected alphabetic or numeric character": "未找到预期的字母或数字字符",
    "found character that cannot start any token": "发现不能作为记号开头的字符",
    "mapping values are not allowed in this context": "此处不允许映射值",
    "mapping values are not allowed here": "此处不允许映射值",
    "block sequence entries are not allowed in this context": "此处不允许块序列条目",
    "found unexpected end of stream": "意外到达文件末尾",
    "found unknown escape character": "发现未知的转义字符",
    "exceeded maximum nesting depth": "超过最大嵌套深度",
    "found undefined tag handle": "发现未定义的标签句柄",
    "found a tab character that violates indentation": "发现违反缩进规则的制表符",
    "found unexpected ':'": "发现意外的 ':'",
    "found incompatible YAML document": "发现不兼容的 YAML 文档",
    "expected <block end>, but found": "应为块结束，却发现",
    "expected the node content, but found": "应为节点内容，却发现",
    "expected a comment or a line break, but found": "应为注释或换行，却发现",
    "Cannot detect file format": "无法识别文件格式",
    **OS_ERRORS,
}

# Traditional → Simplified, for the characters of vocabulary aliases.
_T2S = str.maketrans(
    {
        "處": "处",
        "級": "级",
        "員": "员",
        "辦": "办",
        "長": "长",
        "導": "导",
        "隊": "队",
        "區": "区",
        "優": "优",
        "稱": "称",
        "職": "职",
        "務": "务",
        "機": "机",
        "關": "关",
        "實": "实",
        "戰": "战",
        "單": "单",
        "東": "东",
        "門": "门",
        "莊": "庄",
        "溝": "沟",
        "馬": "马",
        "車": "车",
        "匯": "汇",
        "豐": "丰",
        "鄉": "乡",
        "縣": "县",
        "專": "专",
        "業": "业",
        "幹": "干",
        "層": "层",
        "偵": "侦",
        "經": "经",
        "國": "国",
        "內": "内",
        "護": "护",
        "戶": "户",
        "檢": "检",
        "監": "监",
        "財": "财",
        "計": "计",
        "裝": "装",
        "備": "备",
        "後": "后",
        "傳": "传",
        "揮": "挥",
        "衛": "卫",
        "訓": "训",
        "練": "练",
        "團": "团",
        "現": "现",
        "場": "场",
        "線": "线",
        "動": "动",
        "險": "险",
        "術": "术",
        "審": "审",
        "訊": "讯",
        "網": "网",
        "絡": "络",
        "際": "际",
        "組": "组",
        "書": "书",
        "記": "记",
        "黨": "党",
        "獄": "狱",
        "禦": "御",
        "邊": "边",
        "騎": "骑",
        "醫": "医",
        "駕": "驾",
    }
)


def simplified(text: str) -> str:
    return str(text).translate(_T2S)


def _zh_alias(aliases: list[str]) -> str:
    """The Simplified alias: the second when it is the first one simplified, else the first
    with its traditional characters mapped ('副科', '科员', '所长', '民警')."""
    first = simplified(aliases[0])
    if len(aliases) > 1 and aliases[1] == first:
        return aliases[1]
    return first


_TERMS = {t: _zh_alias(a) for table in (POST, RANK, APPRAISAL) for t, a in table.items() if a}
