"""Inline SVG charts for the HTML report: unit headcounts and age profiles.

Every text that reaches these functions is already escaped (and masked) by the
caller; the charts only add numbers and fixed markup.
"""

from __future__ import annotations

BEFORE = "#a9b4c2"
AFTER = "#1f4e8c"
OVER = "#c0392b"
CAPACITY = "#d35400"


def _nice_step(top: float, ticks: int = 6) -> int:
    raw = max(top, 1) / ticks
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if step >= raw:
            return step
    return int(raw) + 1


def _open(chart_id: str, title: str, width: int, height: int) -> str:
    return (
        f'<svg id="{chart_id}" class="chart" role="img" aria-labelledby="{chart_id}-title" '
        f'viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{title}</title>'
    )


def _legend(x: int, y: int, items: list[tuple[str, str]]) -> str:
    out = []
    for kind, label in items:
        if kind == "capacity":
            out.append(
                f'<line x1="{x + 5}" y1="{y - 9}" x2="{x + 5}" y2="{y + 3}" '
                f'stroke="{CAPACITY}" stroke-width="2.5"/>'
            )
        else:
            out.append(f'<rect x="{x}" y="{y - 8}" width="12" height="10" rx="1.5" fill="{kind}"/>')
        out.append(f'<text x="{x + 17}" y="{y + 1}" class="lg">{label}</text>')
        x += 30 + 13 * len(label) if not label.isascii() else 30 + 7 * len(label)
    return "".join(out)


def unit_bars(rows: list[dict], title: str, legend: dict[str, str], width: int = 820) -> str:
    """Horizontal before/after bars per unit, a tick at capacity.

    rows: {"label", "note", "before", "after", "capacity" (int | None), "dissolved", "over"}.
    """
    label_w, right = 230, 40
    x0, row_h, top = label_w + 10, 25, 46
    plot_w = width - x0 - right
    top_val = max([1] + [max(r["before"], r["after"], r["capacity"] or 0) for r in rows])
    step = _nice_step(top_val)
    top_val = -(-top_val // step) * step
    height = top + row_h * len(rows) + 24

    def sx(v: float) -> float:
        return round(x0 + plot_w * v / top_val, 1)

    out = [_open("chart-units", title, width, height)]
    out.append(
        _legend(
            x0,
            16,
            [
                (BEFORE, legend["before"]),
                (AFTER, legend["after"]),
                ("capacity", legend["capacity"]),
                (OVER, legend["over"]),
            ],
        )
    )
    for t in range(0, top_val + 1, step):
        out.append(
            f'<line x1="{sx(t)}" y1="{top - 6}" x2="{sx(t)}" y2="{height - 20}" class="grid"/>'
            f'<text x="{sx(t)}" y="{height - 6}" class="ax" text-anchor="middle">{t}</text>'
        )
    for i, r in enumerate(rows):
        y = top + i * row_h
        if i % 2 == 0:
            out.append(
                f'<rect x="0" y="{y - 3}" width="{width}" height="{row_h - 1}" class="band"/>'
            )
        cls = "ul dis" if r["dissolved"] else "ul"
        out.append(
            f'<text x="{label_w}" y="{y + 8.5}" text-anchor="end" class="{cls}">{r["label"]}</text>'
        )
        if r["note"]:
            out.append(
                f'<text x="{label_w}" y="{y + 20}" text-anchor="end" class="un">{r["note"]}</text>'
            )
        has_cap = r["capacity"] is not None and not r["dissolved"]
        cx = sx(r["capacity"]) if has_cap else None
        for k, (value, colour) in enumerate(
            ((r["before"], BEFORE), (r["after"], OVER if r["over"] else AFTER))
        ):
            lx = sx(value) + 4
            if cx is not None and sx(value) - 2 <= cx <= lx + 14:
                lx = cx + 5  # keep the number clear of the capacity tick
            by = y + 1 + 10 * k
            out.append(
                f'<rect x="{x0}" y="{by}" width="{sx(value) - x0}" height="8.5" fill="{colour}"/>'
                f'<text x="{lx}" y="{by + 8}" class="v{" b" if k else ""}">{value}</text>'
            )
        if cx is not None:
            out.append(
                f'<line x1="{cx}" y1="{y - 1}" x2="{cx}" y2="{y + 21}" stroke="{CAPACITY}" '
                f'stroke-width="2.5"><title>{legend["capacity"]} {r["capacity"]}</title></line>'
            )
    out.append(f'<line x1="{x0}" y1="{top - 6}" x2="{x0}" y2="{height - 20}" class="axis"/></svg>')
    return "".join(out)


def band_of(age: int) -> int:
    return age // 5 * 5


def age_bars(
    panels: list[tuple[str, list[int], list[int]]],
    title: str,
    legend: dict[str, str],
    width: int = 820,
) -> str:
    """Grouped before/after bars by 5-year age band, one panel per tier, side by side.

    panels: (already-escaped heading, ages before, ages after).
    """
    everything = [a for _, b, a2 in panels for a in b + a2]
    if not everything:
        lo = hi = 30
    else:
        lo, hi = band_of(min(everything)), band_of(max(everything))
    bands = list(range(lo, hi + 5, 5))
    gap, height, top, bottom = 30, 300, 64, 42
    panel_w = (width - gap * (len(panels) - 1)) / max(len(panels), 1)
    out = [
        _open("chart-ages", title, width, height),
        _legend(40, 16, [(BEFORE, legend["before"]), (AFTER, legend["after"])]),
    ]
    for p, (heading, before, after) in enumerate(panels):
        px = p * (panel_w + gap)
        ax0, plot_w, plot_h = px + 34, panel_w - 40, height - top - bottom
        counts = [
            [sum(1 for a in ages if band_of(a) == b) for b in bands] for ages in (before, after)
        ]
        peak = max([1] + counts[0] + counts[1])
        step = _nice_step(peak, 4)
        peak = -(-peak // step) * step
        out.append(f'<text x="{px + 34}" y="{top - 16}" class="pt">{heading}</text>')
        for t in range(0, peak + 1, step):
            y = round(top + plot_h - plot_h * t / peak, 1)
            out.append(
                f'<line x1="{ax0}" y1="{y}" x2="{px + panel_w}" y2="{y}" class="grid"/>'
                f'<text x="{ax0 - 5}" y="{y + 4}" class="ax" text-anchor="end">{t}</text>'
            )
        slot = plot_w / len(bands)
        bar = min(22.0, slot * 0.36)
        for i, b in enumerate(bands):
            cx = ax0 + slot * i + slot / 2
            for k, colour in ((0, BEFORE), (1, AFTER)):
                n = counts[k][i]
                h = plot_h * n / peak
                x = cx - bar - 1 if k == 0 else cx + 1
                y = top + plot_h - h
                out.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{colour}"/>'
                )
                if n:
                    out.append(
                        f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" class="v{" b" if k else ""}" '
                        f'text-anchor="middle">{n}</text>'
                    )
            out.append(
                f'<text x="{cx:.1f}" y="{top + plot_h + 15}" class="ax" text-anchor="middle">'
                f"{b}–{b + 4}</text>"
            )
        out.append(
            f'<line x1="{ax0}" y1="{top + plot_h}" x2="{px + panel_w}" y2="{top + plot_h}" '
            f'class="axis"/>'
        )
    out.append(
        f'<text x="{width / 2}" y="{height - 6}" class="ax" text-anchor="middle">'
        f"{legend['age']}</text></svg>"
    )
    return "".join(out)
