#!/usr/bin/env python3
"""Writes bench/results/<date>.md, .csv and .svg from the raw output of bench/run.sh (target/bench/raw).

Every time is compared only with a peer measured in the same run, and only after the row counts of every engine
(in-process) and of both servers (served) were found equal; bench/run.sh stops before this script otherwise.
"""
import csv
import glob
import json
import os
import re
import statistics
import sys

RAW, OUT, STAMP = sys.argv[1], sys.argv[2], sys.argv[3]
PEERS = ["jena-txnmem", "jena-roaring", "jena-graphmem-legacy", "rdf4j"]
ENGINES = ["ours", "ours-arq"] + PEERS
LEVELS = []
rows_csv = []  # section, item, who, level, metric, value


def read_tsv(name):
    path = os.path.join(RAW, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def fmt(x, digits=2):
    if x is None:
        return "–"
    if isinstance(x, str):
        return x
    if x >= 1000:
        return f"{x:,.0f}"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def ratio(a, b):
    return None if not a or not b else a / b


env = dict(r[:2] for r in read_tsv("env.tsv") if len(r) >= 2)
load_start = open(os.path.join(RAW, "load-start.txt")).read().strip() if os.path.exists(os.path.join(RAW, "load-start.txt")) else "?"
load_end = open(os.path.join(RAW, "load-end.txt")).read().strip() if os.path.exists(os.path.join(RAW, "load-end.txt")) else "?"
workload = read_tsv("workload.tsv")
kinds = {w[0]: w[1] for w in workload}
order = [w[0] for w in workload]

# ---------------------------------------------------------------- in-process
jmh = {}  # (engine, query) -> (p50 µs, p99 µs)
for path in glob.glob(os.path.join(RAW, "jmh-*.json")):
    for b in json.load(open(path)):
        pm = b["primaryMetric"]
        pc = pm["scorePercentiles"]
        jmh[(b["params"]["engine"], b["params"]["query"])] = (pc["50.0"], pc["99.0"])
        rows_csv.append(["in-process", b["params"]["query"], b["params"]["engine"], "", "p50_us", f'{pc["50.0"]:.2f}'])
        rows_csv.append(["in-process", b["params"]["query"], b["params"]["engine"], "", "p99_us", f'{pc["99.0"]:.2f}'])
rowcounts = {}
for r in read_tsv("rowcounts.tsv")[1:]:
    rowcounts.setdefault(r[0], {})[r[1]] = r[2]
    rows_csv.append(["rows", r[0], r[1], "", "rows", r[2]])

inproc_lines = []
inproc_ratio = {}
inproc_arq_ratio = {}
for q in order:
    peers = [jmh.get((e, q), (None, None))[0] for e in PEERS]
    peers_ok = [p for p in peers if p]
    fastest = min(peers_ok) if peers_ok else None
    ours_engine = "ours" if kinds.get(q) == "prepared" else "ours-arq"
    ours = jmh.get((ours_engine, q), (None, None))
    arq = jmh.get(("ours-arq", q), (None, None))
    inproc_ratio[q] = ratio(ours[0], fastest)
    inproc_arq_ratio[q] = ratio(arq[0], fastest)
    counts = set(rowcounts.get(q, {}).values())
    cells = [q, kinds.get(q, ""), "/".join(sorted(counts)) if counts else "?"]
    for e in ENGINES:
        v = jmh.get((e, q))
        cells.append("–" if v is None else f"{fmt(v[0])} / {fmt(v[1])}")
    cells += [fmt(inproc_ratio[q]), fmt(inproc_arq_ratio[q])]
    inproc_lines.append("| " + " | ".join(cells) + " |")

# ---------------------------------------------------------------- served
served = {}  # (server, target, level) -> dict
targets = []
for r in read_tsv("served.tsv")[1:]:
    if len(r) < 10:
        continue
    server, target, kind, level = r[0], r[1], r[2], int(r[3])
    d = dict(kind=kind, requests=int(r[4]), rps=float(r[5]), p50=int(r[6]) / 1000, p99=int(r[7]) / 1000,
             max=int(r[8]) / 1000, errors=int(r[9]))
    served[(server, target, level)] = d
    if target not in targets:
        targets.append(target)
    if level not in LEVELS:
        LEVELS.append(level)
    for m in ("rps", "p50", "p99", "errors"):
        rows_csv.append(["served", target, server, level, m + ("_ms" if m in ("p50", "p99") else ""), d[m]])
served_kind = {t: served[next(k for k in served if k[1] == t)]["kind"] for t in targets}


def gc_summary(who):
    path = os.path.join(RAW, f"gc-{who}.log")
    if not os.path.exists(path):
        return None
    lines = open(path).read().splitlines()
    start = int(open(os.path.join(RAW, f"gc-{who}.start")).read().strip() or 0) if os.path.exists(os.path.join(RAW, f"gc-{who}.start")) else 0
    during = lines[start:]
    pauses = []
    full = 0
    for l in during:
        m = re.search(r"Pause (\w[\w ()]*?)\s.*?(\d+\.\d+)ms$", l)
        if m:
            pauses.append(float(m.group(2)))
            if "Full" in l:
                full += 1
    return dict(pauses=len(pauses), full=full, total=sum(pauses), max=max(pauses) if pauses else 0.0,
                p50=statistics.median(pauses) if pauses else 0.0)


def rss(who):
    path = os.path.join(RAW, f"rss-{who}.kb")
    try:
        return int(open(path).read().strip()) / 1024
    except (OSError, ValueError):
        return None


gc = {w: gc_summary(w) for w in ("ours", "peer")}
for w in ("ours", "peer"):
    if gc[w]:
        for k, v in gc[w].items():
            rows_csv.append(["gc", "load runs", w, "", k, v])
    rows_csv.append(["memory", "peak RSS", w, "", "rss_mb", fmt(rss(w))])

# ---------------------------------------------------------------- scale
scale = {}  # (size, store, metric, item) -> value
sizes = []
for r in read_tsv("scale.tsv"):
    if len(r) < 5:
        continue
    scale[(r[0], r[1], r[2], r[3])] = r[4]
    if r[0] not in sizes:
        sizes.append(r[0])
    rows_csv.append(["scale", r[3], r[1], r[0], r[2], r[4]])


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- criteria
def served_ratio(t, level):
    o, p = served.get(("ours", t, level)), served.get(("peer", t, level))
    return ratio(o and o["rps"], p and p["rps"])


prepared_targets = [t for t in targets if served_kind[t] == "prepared"]
adhoc_targets = [t for t in targets if served_kind[t] == "adhoc"]
crit = []


def check(name, ok, detail):
    crit.append(f"| {name} | {'yes' if ok else '**no**'} | {detail} |")


if prepared_targets:
    rs = [(served_ratio(t, l), t, l) for t in prepared_targets for l in LEVELS if served_ratio(t, l)]
    worst = min(rs) if rs else (None, "", 0)
    check("prepared questions ≥ 5× plain Fuseki's requests/s (every question, every level)",
          worst[0] is not None and worst[0] >= 5, f"lowest {fmt(worst[0])}× ({worst[1]}, {worst[2]} conn.)")
    if 1 in LEVELS:
        p50s = [(served[("ours", t, 1)]["p50"], t) for t in prepared_targets if ("ours", t, 1) in served]
        w = max(p50s)
        check("prepared p50 ≤ 0.4 ms at 1 client", w[0] <= 0.4, f"highest {w[0]:.3f} ms ({w[1]})")
    if 8 in LEVELS:
        p99s = [(served[("ours", t, 8)]["p99"], t) for t in prepared_targets if ("ours", t, 8) in served]
        w = max(p99s)
        check("prepared p99 ≤ 3 ms at 8 clients", w[0] <= 3, f"highest {w[0]:.2f} ms ({w[1]})")
if gc["ours"]:
    check("no full GC during the load runs (ours)", gc["ours"]["full"] == 0,
          f'{gc["ours"]["full"]} full, {gc["ours"]["pauses"]} pauses, longest {gc["ours"]["max"]:.1f} ms')
if adhoc_targets:
    rs = [(served_ratio(t, l), t, l) for t in adhoc_targets for l in LEVELS if served_ratio(t, l)]
    worst = min(rs) if rs else (None, "", 0)
    check("ad-hoc SPARQL ≥ 2× plain Fuseki's requests/s (every query, every level)",
          worst[0] is not None and worst[0] >= 2, f"lowest {fmt(worst[0])}× ({worst[1]}, {worst[2]} conn.)")
prep_ratios = [(inproc_ratio[q], q) for q in order if kinds.get(q) == "prepared" and inproc_ratio.get(q)]
if prep_ratios:
    w = max(prep_ratios)
    check("in-process: each prepared question within 2× of the fastest peer engine (as served: ours)",
          w[0] <= 2, f"highest {fmt(w[0])}× ({w[1]})")
arq_ratios = [(inproc_arq_ratio[q], q) for q in order if kinds.get(q) == "prepared" and inproc_arq_ratio.get(q)]
if arq_ratios:
    w = max(arq_ratios)
    check("in-process, live path: ARQ on our store within 2× of the fastest peer (informative)",
          w[0] <= 2, f"highest {fmt(w[0])}× ({w[1]})")
startup = open(os.path.join(RAW, "startup.md")).read() if os.path.exists(os.path.join(RAW, "startup.md")) else ""
m = re.search(r"\| ours, serve, first /api/queries answer \|[^|]*\|[^|]*\| ([\d.]+) \|", startup)
if m:
    check("start-up to first answer ≤ 1.0× plain Fuseki", float(m.group(1)) <= 1.0, f"{m.group(1)}×")
check("the curve to 10 M triples is in the results", any(s.startswith("10000000") for s in sizes),
      "sizes: " + ", ".join(sizes))

# ---------------------------------------------------------------- SVG
def svg_chart():
    W, H = 960, 480
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           'font-family="sans-serif" font-size="11">', f'<rect width="{W}" height="{H}" fill="white"/>']
    # Panel 1: requests/s at 8 connections, ours vs plain Fuseki, log scale.
    level = 8 if 8 in LEVELS else (LEVELS[0] if LEVELS else None)
    x0, y0, pw, ph = 60, 40, 520, 300
    out.append(f'<text x="{x0}" y="20" font-size="13" font-weight="bold">Requests/s at {level} connections '
               '(log scale): ours vs plain Fuseki 5.6.0</text>')
    vals = [(t, served.get(("ours", t, level), {}).get("rps"), served.get(("peer", t, level), {}).get("rps"))
            for t in targets] if level else []
    vals = [v for v in vals if v[1] and v[2]]
    if vals:
        import math
        top = max(max(v[1], v[2]) for v in vals)
        lo, hi = 0, math.ceil(math.log10(top))
        def y(v):
            return y0 + ph - ph * (math.log10(max(v, 1)) - lo) / (hi - lo)
        for e in range(lo, hi + 1):
            yy = y(10 ** e)
            out.append(f'<line x1="{x0}" x2="{x0 + pw}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{x0 - 6}" y="{yy + 4:.1f}" text-anchor="end">{10 ** e:,}</text>')
        bw = pw / len(vals)
        for i, (t, o, p) in enumerate(vals):
            xx = x0 + i * bw
            out.append(f'<rect x="{xx + 1:.1f}" y="{y(o):.1f}" width="{bw / 2 - 1:.1f}" height="{y0 + ph - y(o):.1f}" fill="#1f6fb2"/>')
            out.append(f'<rect x="{xx + bw / 2:.1f}" y="{y(p):.1f}" width="{bw / 2 - 1:.1f}" height="{y0 + ph - y(p):.1f}" fill="#e08a2c"/>')
            out.append(f'<text transform="translate({xx + bw / 2:.1f},{y0 + ph + 6}) rotate(60)" font-size="9">{t}</text>')
        out.append(f'<rect x="{x0 + 10}" y="{y0 - 8}" width="10" height="10" fill="#1f6fb2"/><text x="{x0 + 24}" y="{y0 + 1}">ours</text>')
        out.append(f'<rect x="{x0 + 70}" y="{y0 - 8}" width="10" height="10" fill="#e08a2c"/><text x="{x0 + 84}" y="{y0 + 1}">plain Fuseki</text>')
    # Panel 2: scale curve, median latency over all prepared questions (ms) vs triples, mem and tdb2, log-log.
    x1, pw2 = 660, 260
    out.append(f'<text x="{x1 - 20}" y="20" font-size="13" font-weight="bold">Scale: median latency of the questions</text>')
    out.append(f'<text x="{x1 - 20}" y="{y0 + ph + 48}" font-size="9" fill="#555">(a question over the time limit counts as the limit)</text>')
    import math
    series = {}
    for store in ("mem", "tdb2"):
        pts = []
        for s in sizes:
            tr = num(scale.get((s, store, "triples", "")))
            # A question over the time limit counts as the limit, so the curve never drops when questions time out.
            lat = [num(str(scale.get((s, store, "p50_ms", q), "")).lstrip(">")) for q in order if kinds.get(q) == "prepared"]
            lat = [v for v in lat if v is not None]
            if tr and lat:
                pts.append((tr, statistics.median(lat)))
        if pts:
            series[store] = pts
    allpts = [p for s in series.values() for p in s]
    if allpts:
        xs = [math.log10(p[0]) for p in allpts]
        ys = [math.log10(max(p[1], 0.01)) for p in allpts]
        xlo, xhi = math.floor(min(xs)), math.ceil(max(xs))
        ylo, yhi = math.floor(min(ys)), math.ceil(max(ys))
        if yhi == ylo:
            yhi += 1
        if xhi == xlo:
            xhi += 1
        def px(v):
            return x1 + pw2 * (math.log10(v) - xlo) / (xhi - xlo)
        def py(v):
            return y0 + ph - ph * (math.log10(max(v, 0.01)) - ylo) / (yhi - ylo)
        for e in range(xlo, xhi + 1):
            out.append(f'<text x="{px(10 ** e):.1f}" y="{y0 + ph + 16}" text-anchor="middle">10^{e}</text>')
        for e in range(ylo, yhi + 1):
            out.append(f'<line x1="{x1}" x2="{x1 + pw2}" y1="{py(10 ** e):.1f}" y2="{py(10 ** e):.1f}" stroke="#ddd"/>')
            out.append(f'<text x="{x1 - 6}" y="{py(10 ** e) + 4:.1f}" text-anchor="end">{10 ** e:g} ms</text>')
        colours = {"mem": "#1f6fb2", "tdb2": "#2c9e4b"}
        for store, pts in series.items():
            d = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in pts)
            out.append(f'<polyline points="{d}" fill="none" stroke="{colours[store]}" stroke-width="2"/>')
            for a, b in pts:
                out.append(f'<circle cx="{px(a):.1f}" cy="{py(b):.1f}" r="3" fill="{colours[store]}"/>')
        out.append(f'<text x="{x1 + pw2 / 2}" y="{y0 + ph + 32}" text-anchor="middle">triples</text>')
        out.append(f'<rect x="{x1 + 10}" y="{y0 - 8}" width="10" height="10" fill="#1f6fb2"/><text x="{x1 + 24}" y="{y0 + 1}">in memory</text>')
        out.append(f'<rect x="{x1 + 90}" y="{y0 - 8}" width="10" height="10" fill="#2c9e4b"/><text x="{x1 + 104}" y="{y0 + 1}">TDB2</text>')
    out.append(f'<text x="10" y="{H - 8}" font-size="9" fill="#555">Arbeidsmigratie KG bench/run.sh, {STAMP}, '
               f'{env.get("cpu", "")}, {env.get("cores", "")} cores; load at start: {load_start.split("load average:")[-1].strip()}</text>')
    out.append("</svg>")
    return "\n".join(out)


# ---------------------------------------------------------------- write
os.makedirs(OUT, exist_ok=True)
base = os.path.join(OUT, STAMP + ("-quick" if env.get("quick") == "1" else ""))
with open(base + ".csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["section", "item", "engine_or_server", "level_or_size", "metric", "value"])
    w.writerows(rows_csv)
with open(base + ".svg", "w", encoding="utf-8") as f:
    f.write(svg_chart())

md = []
md.append(f"# Benchmarks {STAMP}{' (quick run: not final)' if env.get('quick') == '1' else ''}\n")
md.append("Made by `bench/run.sh` in one run on one machine; every ratio compares figures of that run. "
          f"Raw figures: [`{os.path.basename(base)}.csv`]({os.path.basename(base)}.csv); "
          f"chart: [`{os.path.basename(base)}.svg`]({os.path.basename(base)}.svg).\n")
md.append(f"![requests per second and scale curve]({os.path.basename(base)}.svg)\n")
md.append("## Machine and versions\n")
md.append("| what | value |\n|---|---|")
for k in ("date", "commit", "cpu", "cores", "memory", "os", "jvm", "jvm-defaults", "maven", "wrk", "versions", "triples", "seconds"):
    if k in env:
        md.append(f"| {k} | {env[k]} |")
md.append(f"| load at start | {load_start} |")
md.append(f"| load at end | {load_end} |")
md.append("")
md.append("## Done when\n")
md.append("| criterion | met | figure |\n|---|---|---|")
md.extend(crit)
md.append("")
md.append("## In-process (JMH, sample mode): p50 / p99 in µs\n")
md.append("Each engine in a JVM of its own, same triples, same query text, results written as SPARQL JSON. "
          "`ours` is what `serve` does for a prepared question (bind, look up the answer, its JSON bytes); for ad-hoc "
          "SPARQL it is ARQ on our store (`ours-arq`), which is also what every live question runs. Rows: the row "
          "count, equal on every engine (checked before timing). Ratios: p50 ÷ the fastest peer's p50 "
          f"(peers: {', '.join(PEERS)}).\n")
md.append("| query | kind | rows | " + " | ".join(ENGINES) + " | ours ÷ fastest peer | ours-arq ÷ fastest peer |")
md.append("|---|---|---|" + "---|" * len(ENGINES) + "---|---|")
md.extend(inproc_lines)
md.append("")
md.append("## Served, under load (wrk, alternating runs)\n")
md.append("Our jar against plain Fuseki 5.6.0 (`--file` of our Turtle dump), both started by the suite with the same "
          "JVM flags. Prepared questions: ours `/api/queries/ID`, Fuseki the same question as SPARQL text with its "
          "parameters in place. `id-turtle`: ours `/id/wet/wtta` as Turtle, Fuseki `DESCRIBE`; `dump-turtle`: ours "
          "`/dumps/arbeidsmigratie.ttl`, Fuseki the default graph through the Graph Store Protocol. Row counts of "
          "both servers were equal on every SPARQL target before timing. Latencies in ms.\n")
for level in LEVELS:
    md.append(f"### {level} connection{'s' if level > 1 else ''}\n")
    md.append("| target | kind | ours req/s | Fuseki req/s | ratio | ours p50 | ours p99 | Fuseki p50 | Fuseki p99 | errors (ours/Fuseki) |")
    md.append("|---|---|---|---|---|---|---|---|---|---|")
    for t in targets:
        o, p = served.get(("ours", t, level)), served.get(("peer", t, level))
        if not o or not p:
            continue
        md.append(f"| {t} | {served_kind[t]} | {fmt(o['rps'])} | {fmt(p['rps'])} | {fmt(ratio(o['rps'], p['rps']))}× | "
                  f"{o['p50']:.3f} | {o['p99']:.2f} | {p['p50']:.2f} | {p['p99']:.2f} | {o['errors']}/{p['errors']} |")
    md.append("")
md.append("### Garbage collection during the load runs, and memory\n")
md.append("| server | GC pauses | full GCs | total pause (ms) | longest (ms) | median (ms) | peak RSS (MiB) |")
md.append("|---|---|---|---|---|---|---|")
for w, label in (("ours", "ours"), ("peer", "plain Fuseki")):
    g = gc[w]
    if g:
        md.append(f"| {label} | {g['pauses']} | {g['full']} | {g['total']:.1f} | {g['max']:.1f} | {g['p50']:.2f} | {fmt(rss(w))} |")
md.append("")
md.append(startup.replace("## ", "### ") if startup else "")
md.append("## Scale\n")
md.append("The real graph, then synthetic copies of its world (`bench/…/Synthetic.java`: own organisations, sources, "
          "recommendations, measures, laws, status assessments, critiques, figures, under `…/synthetic/{n}/`, never in "
          "the dumps) to about 100 k, 1 M and 10 M triples. In memory: the store `serve` builds, grown by the "
          "synthetic file. TDB2: `build --tdb2 DIR --add FILE` (Jena's phased bulk loader), then opened as "
          "`serve --tdb2 DIR` opens it. Latency: median of three runs after a warm-up (one run when it takes over "
          "a second), time limit 3 s, results written as JSON.\n")
md.append("| size | store | triples | load or open (s) | TDB2 bulk load (s) | on disk (MiB) | heap (MiB) | peak RSS (MiB) |")
md.append("|---|---|---|---|---|---|---|---|")
for s in sizes:
    for store in ("mem", "tdb2"):
        if (s, store, "triples", "") not in scale and (s, store, "failed", "") not in scale:
            continue
        if (s, store, "failed", "") in scale:
            md.append(f"| {s} | {store} | – | {scale[(s, store, 'failed', '')]} | | | | |")
            continue
        md.append(f"| {s} | {store} | {int(num(scale[(s, store, 'triples', '')])):,} | {scale.get((s, store, 'load_s', ''), '–')} | "
                  f"{scale.get((s, store, 'build_s', ''), '')} | {scale.get((s, store, 'disk_mb', ''), '')} | "
                  f"{scale.get((s, store, 'heap_mb', ''), '–')} | {scale.get((s, store, 'rss_mb', ''), '–')} |")
md.append("")
cols = [(s, st) for s in sizes for st in ("mem", "tdb2") if (s, st, "triples", "") in scale]
md.append("Latency of every prepared question (ms; rows in brackets):\n")
md.append("| question | " + " | ".join(f"{s} {st}" for s, st in cols) + " |")
md.append("|---|" + "---|" * len(cols))
for q in order:
    if kinds.get(q) != "prepared":
        continue
    md.append(f"| {q} | " + " | ".join(f"{scale.get((s, st, 'p50_ms', q), '–')} ({scale.get((s, st, 'rows', q), '')})"
                                      for s, st in cols) + " |")
md.append("")
notes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "NOTES.md")
if os.path.exists(notes):
    md.append(open(notes, encoding="utf-8").read())
with open(base + ".md", "w", encoding="utf-8") as f:
    f.write("\n".join(md) + "\n")
# The README links the newest full run (never a quick one).
readme = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md")
if env.get("quick") != "1" and os.path.exists(readme):
    rel = os.path.relpath(base + ".md", os.path.dirname(readme))
    text = open(readme, encoding="utf-8").read()
    text = re.sub(r"Newest: \*\*\[[^\]]*\]\([^)]*\)\*\*", f"Newest: **[{rel}]({rel})**", text)
    open(readme, "w", encoding="utf-8").write(text)
print(base + ".md")
