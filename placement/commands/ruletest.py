"""`placement test`: run the `tests:` cases of a rule set, with coverage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import polars as pl

from placement.commands.explain import explain
from placement.documents import PlanDocument
from placement.evaluate.decide import Judgement, State, Status, judge
from placement.evaluate.frame import build_frame
from placement.evaluate.posts import eligibility
from placement.evaluate.truth import evaluate
from placement.load.inputs import Inputs
from placement.load.roster.load import map_headers, parse_roster
from placement.load.roster.read import RawTable
from placement.load.rules.conditions import Scope, compile_condition
from placement.load.rules.files import ExpectFile
from placement.load.rules.model import RuleSet
from placement.load.schema import UNIT_FIELDS
from placement.load.units import Unit, Units
from placement.load.yamlsafe import YamlDoc
from placement.messages import Message
from placement.problems import InputError, Problem


@dataclass
class CaseResult:
    name: str
    file: str
    line: int
    passed: bool
    failures: list[Message | Problem] = field(default_factory=list)
    happened: Message | None = None
    trace: dict | None = None


@dataclass
class Coverage:
    """Per rule: seen applying, not applying, exempt, and applying despite an unless."""

    seen: dict[str, set[str]] = field(default_factory=dict)

    def items(self, rs: RuleSet) -> dict[str, list[tuple[str, bool]]]:
        """Per rule (applies, not applied, exempt, not exempt) and per appointment policy
        (eligible, not eligible — unknown counts as not eligible): each outcome seen or not."""
        out = {}
        for r in rs.rules:
            wanted = ["applies", "not applied"] + (["exempt", "not exempt"] if r.unless else [])
            got = self.seen.get(r.id, set())
            out[r.id] = [(w, w in got) for w in wanted]
        for p in rs.appointments:
            got = self.seen.get(p.id, set())
            out[p.id] = [(w, w in got) for w in ("eligible", "not eligible")]
        return out

    def percent(self, rs: RuleSet) -> float:
        """Share of the outcomes of `items` seen, in percent (0–100, one decimal); 100 when
        the rule set has no rule or policy. `--min-coverage` compares with it."""
        items = [ok for v in self.items(rs).values() for _, ok in v]
        return 100.0 if not items else round(100.0 * sum(items) / len(items), 1)


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, list):
        return ";".join(str(x) for x in v)
    return str(v)


def run_tests(
    rs: RuleSet, units: Units, as_of_override: dt.date | None = None
) -> tuple[list[CaseResult], Coverage]:
    """Run the rule set's test cases (`tests:` of the rule files, SPEC §1.4) against `units`
    with capacity and min_staff lifted: each case's officer is read as a one-row roster,
    judged and planned at the case's as_of (else `as_of_override`, the rule set's, today).
    Returns one CaseResult per case, in file order (passed, the failed expectations, what
    happened, and the explain trace of a failed case), and the coverage of every outcome.
    A case whose officer or units are invalid fails; nothing is raised for a bad case."""
    from placement.place.plan import make_plan

    results, cov = [], Coverage()
    for doc, index, case in rs.tests:
        line = doc.where(("tests", index))[0]
        res = CaseResult(case.name, doc.file, line, True)
        results.append(res)
        case_units = _unconstrained(units)
        if case.units is not None:
            try:
                case_units = _unconstrained(
                    Units([Unit.model_validate(u) for u in case.units], "test units")
                )
            except Exception as e:  # pydantic error: report as a failure
                res.passed, res.failures = False, [Message("test-bad-units", {"detail": str(e)})]
                continue
        as_of = as_of_override or case.as_of or rs.as_of or dt.date.today()
        officer = {"officer_id": "T1", "name": case.name[:20] or "test"} | case.officer
        headers = list(officer)
        frame = pl.DataFrame(
            {f"c{i}": [_cell(officer[h])] for i, h in enumerate(headers)},
            schema={f"c{i}": pl.String for i in range(len(headers))},
        )
        table = RawTable(headers, frame, "csv", "utf-8", {})
        try:
            columns = map_headers(f"{doc.file} test '{case.name}'", headers, rs.extras)
        except InputError as e:
            res.passed, res.failures = False, [p.message for p in e.problems]
            continue
        roster = parse_roster(doc.file, "", table, columns, case_units, rs.vocab, rs.extras, as_of)
        if roster.issues:
            res.passed = False
            issues = [i["message"] for i in roster.issues]
            res.failures = [Message("test-officer-invalid", {"issues": issues})]
            continue
        fr = build_frame(roster.officers, case_units, as_of)
        j = judge(fr, rs, as_of)
        inputs = Inputs(case_units, rs, roster, as_of, j)
        plan = make_plan(inputs)
        _cover(cov, j)
        eligible = _eligibility(fr, rs, as_of, cov)
        res.failures = _compare(case.expect, j, plan, rs, case_units, doc, index)
        res.failures += _compare_eligible(case.expect, eligible)
        res.passed = not res.failures
        res.happened = _happened(j, plan)
        if not res.passed:
            res.trace = explain(inputs, "T1", plan)
    return results, cov


def _unconstrained(units: Units) -> Units:
    """A rule test is about what the rules decide: capacity and minimum staffing are lifted."""
    return Units(
        [u.model_copy(update={"capacity": None, "min_staff": 0}) for u in units.list],
        units.file,
        post_defaults=units.post_defaults,
    )


def _eligibility(
    fr: pl.DataFrame, rs: RuleSet, as_of: dt.date, cov: Coverage
) -> dict[str, tuple[bool | None, list[str]]]:
    """Per appointment policy: (eligible True/False/None, the empty fields when None) for the
    test officer; a policy outside its effective dates is not eligible. Records coverage."""
    out = {}
    for p in rs.appointments:
        e = eligibility(fr, p)
        value, unknown = e["eligible"][0], e["unknown"][0].to_list()
        if not p.in_force(as_of):
            value, unknown = False, []
        out[p.id] = (value, unknown)
        cov.seen.setdefault(p.id, set()).add("eligible" if value else "not eligible")
    return out


def _compare_eligible(
    exp: ExpectFile, eligible: dict[str, tuple[bool | None, list[str]]]
) -> list[Message | Problem]:
    def got(policy: str) -> str:
        value, unknown = eligible[policy]
        if value is None:
            return "unknown: " + ", ".join(unknown) + " empty"
        return "eligible" if value else "not eligible"

    fails: list[Message | Problem] = []
    if exp.eligible is not None:
        if exp.eligible not in eligible:
            fails.append(Message("test-unknown-policy", {"policy": exp.eligible}))
        elif eligible[exp.eligible][0] is not True:
            fails.append(
                Message("test-eligible-failed", {"policy": exp.eligible, "got": got(exp.eligible)})
            )
    if exp.not_eligible is not None:
        pid = exp.not_eligible
        if pid not in eligible:
            fails.append(Message("test-unknown-policy", {"policy": pid}))
            return fails
        value, unknown = eligible[pid]
        if exp.unknown is not None:
            want = "unknown: " + ", ".join(exp.unknown) + " empty"
            ok = value is None and sorted(unknown) == sorted(exp.unknown)
        else:
            want, ok = "not eligible", value is False
        if not ok:
            fails.append(
                Message("test-not-eligible-failed", {"policy": pid, "want": want, "got": got(pid)})
            )
    return fails


def _cover(cov: Coverage, j: Judgement) -> None:
    for i, r in enumerate(j.rules):
        st = int(j.status[0, i])
        seen = cov.seen.setdefault(r.id, set())
        if st == Status.APPLIES:
            seen.add("applies")
            if r.unless is not None:
                seen.add("not exempt")
        elif st == Status.EXEMPT:
            seen.add("exempt")
        elif st == Status.NO:
            seen.add("not applied")


def _compare(
    exp: ExpectFile,
    j: Judgement,
    plan: PlanDocument,
    rs: RuleSet,
    units: Units,
    doc: YamlDoc,
    index: int,
) -> list[Message | Problem]:
    fails: list[Message | Problem] = []
    state = int(j.state[0])
    decided = j.rules[j.decision[0]].id if state in (State.DECIDED, State.CONFLICT) else None
    transfer = plan["transfers"][0] if plan["transfers"] else None
    flags = sorted(f["code"] for f in plan["flags"])
    if exp.rule is not None and (state != State.DECIDED or decided != exp.rule):
        got: object = decided or Message("test-got-no-decision")
        fails.append(Message("test-expected-rule", {"rule": exp.rule, "got": got}))
    if exp.move_to is not None:
        problems: list[Problem] = []
        scope = Scope(
            fields=dict(UNIT_FIELDS),
            constants=rs.constants,
            vocab=rs.vocab,
            unit_ids=set(units.by_id),
            unit_names={u.name: u.id for u in units.list},
            officer_fields=rs.fields,
            doc=doc,
            problems=problems,
        )
        sel = compile_condition(exp.move_to, ("tests", index, "expect", "move_to"), scope)
        if problems:
            fails += problems
        elif transfer is None or transfer["from_unit"] == transfer["to_unit"]:
            fails.append(Message("test-expected-move-none", {"selector": str(exp.move_to)}))
        else:
            u = units.by_id[transfer["to_unit"]]
            rec = u.record()
            if evaluate(sel, rec, {}) is not True:
                fields: dict[str, object] = {"selector": str(exp.move_to), "unit": u.id}
                fails.append(Message("test-expected-move", fields))
    for post in (exp.post, exp.set_post):
        if post is not None:
            term = rs.vocab.lookup("post").get(post, post)
            to_post = transfer["to_post"] if transfer else None
            if to_post != term:
                shown = (
                    Message("test-got-value", {"value": to_post})
                    if to_post
                    else Message("test-got-no-change")
                )
                fails.append(Message("test-expected-post", {"post": term, "got": shown}))
    if exp.keep and (state != State.DECIDED or not j.rules[j.decision[0]].keep):
        kept = (
            Message("test-got-decided", {"rule": decided})
            if decided
            else Message("test-got-no-rule")
        )
        fails.append(Message("test-expected-keep", {"got": kept}))
    if exp.flag is not None and exp.flag not in flags:
        raised: object = str(flags) if flags else Message("test-got-none")
        fails.append(Message("test-expected-flag", {"flag": exp.flag, "got": raised}))
    if exp.flags is not None and sorted(exp.flags) != flags:
        fields = {"flags": str(sorted(exp.flags)), "got": str(flags)}
        fails.append(Message("test-expected-flags", fields))
    if exp.exempt is not None and exp.exempt not in [j.rules[i].id for _, i in j.exempt]:
        fails.append(Message("test-expected-exempt", {"rule": exp.exempt}))
    if exp.missing_data is not None and exp.missing_data not in [
        j.rules[i].id for _, i, _f in j.missing
    ]:
        fails.append(Message("test-expected-missing", {"rule": exp.missing_data}))
    if exp.conflict is not None:
        pair = sorted({decided, j.rules[j.other[0]].id}) if state == State.CONFLICT else []
        if sorted(exp.conflict) != pair:
            seen: object = str(pair) if pair else Message("test-got-none")
            fields = {"rules": str(sorted(exp.conflict)), "got": seen}
            fails.append(Message("test-expected-conflict", fields))
    if exp.no_action and transfer is not None:
        fields = {
            "rule": transfer["rule_id"],
            "from_unit": transfer["from_unit"],
            "to_unit": transfer["to_unit"],
            "post": transfer["to_post"],
        }
        fails.append(Message("test-expected-no-action", fields))
    return fails


def _happened(j: Judgement, plan: PlanDocument) -> Message:
    """What the plan did to the test officer: its transfer, flags and exceptions, in order."""
    parts = []
    if plan["transfers"]:
        t = plan["transfers"][0]
        fields = {
            "rule": t["rule_id"],
            "from_unit": t["from_unit"],
            "to_unit": t["to_unit"],
            "from_post": t["from_post"],
            "to_post": t["to_post"],
        }
        parts.append(Message("test-happened-move", fields))
    parts += [
        Message("test-happened-flag", {"flag": f["code"], "rule": f["rule_id"]})
        for f in plan["flags"]
    ]
    parts += [
        Message("test-happened-exception", {"code": e["code"], "rule": e["rule_id"] or ""})
        for e in plan["exceptions"]
        if e["code"] != "target_unmet"
    ]
    return Message("test-happened", {"parts": parts or [Message("test-no-action")]})
