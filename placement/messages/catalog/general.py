"""Codes every stage may use."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

define(
    "internal-error",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="A bug in placement, not bad input (exit 3).",
    summary_zh="placement 自身的错误，不是输入有误（退出码 3）。",
    en="internal error {error}; set {variable}=1 to see the traceback",
    zh="内部错误 {error}；设置 {variable}=1 可查看调用栈",
    example={"error": "KeyError: 'summary'", "variable": "PLACEMENT_DEBUG"},
    fix="Report it with the command and inputs that caused it.",
    fix_zh="请连同引发它的命令和输入一并报告。",
)
