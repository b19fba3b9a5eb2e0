"""Codes of `apply` on a workbook roster: the sheet the plan was made from."""

from __future__ import annotations

from placement.messages.registry import Kind, Severity, define

define(
    "plan-other-sheet",
    Kind.PROBLEM,
    Severity.ERROR,
    summary="apply was asked for another sheet than the one the plan was made from.",
    summary_zh="apply 指定的工作表不是生成方案时读取的工作表。",
    en="the plan was made from sheet '{planned}', not '{sheet}'; leave out --sheet to apply it "
    "to '{planned}', or give --force",
    zh="该方案由工作表“{planned}”生成，而不是“{sheet}”；省略 --sheet 即应用到“{planned}”，"
    "或加 --force",
    example={"planned": "花名冊", "sheet": "2025年"},
    fix="Leave out --sheet (apply uses the plan's sheet), or plan that sheet again.",
    fix_zh="省略 --sheet（apply 使用方案记录的工作表），或对该工作表重新生成方案。",
)
