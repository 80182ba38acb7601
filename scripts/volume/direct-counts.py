#!/usr/bin/env python3
"""Compares what the dashboard, `fastrelease report` and `fastrelease replay` said of a decision
log with the same figures counted directly in SQL (sqlite3, from the decisions' own JSON), and
prints each tool's time and peak memory. Exit status 1 if any figure differs or any tool went
past 300 MB.

    direct-counts.py WORK     (the folder scripts/volume-check.sh fills)
"""
import json
import re
import sqlite3
import sys

work = sys.argv[1]
db = sqlite3.connect(f"{work}/log.sqlite")
LANES = ["release", "document", "sample-release", "inspect-release", "hold"]
LIMIT_KB = 300 * 1024
problems = []


def check(what, said, counted):
    same = said == counted
    print(f"  {'same' if same else 'DIFFERENT'}: {what}: said {said}, counted {counted}")
    if not same:
        problems.append(what)


def memory(tool, kilobytes, seconds):
    print(f"{tool}: {seconds} s, peak resident {kilobytes / 1024:.0f} MB")
    if kilobytes > LIMIT_KB:
        problems.append(f"{tool} peak memory {kilobytes / 1024:.0f} MB")


OUTCOMES = """(SELECT declarant, declaration_id, MAX(CASE WHEN conforming THEN 0 ELSE 1 END) AS nc
               FROM inspections GROUP BY declarant, declaration_id)"""

total = db.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
print(f"the log: {total} decisions, {db.execute('SELECT COUNT(*) FROM inspections').fetchone()[0]} inspections")

# The dashboard: lanes by hour and the 15 most frequent rules over the last 24 hours.
dashboard = json.load(open(f"{work}/dashboard.json"))
memory("dashboard data (the server)", int(open(f"{work}/dashboard.peak-kb").read()),
       open(f"{work}/dashboard.seconds").read().strip())
since = dashboard["generated_at"] - 24 * 3_600_000
lanes = {}
for bucket in dashboard["lanes"]:
    lanes[bucket["lane"]] = lanes.get(bucket["lane"], 0) + bucket["count"]
counted = dict(db.execute("SELECT lane, COUNT(*) FROM decisions WHERE decided_at >= ? GROUP BY lane", (since,)))
check("dashboard lanes over the last 24 h", lanes, counted)
rules = [
    {"rule": r, "hits": h, "with_result": w, "nonconforming": n}
    for r, h, w, n in db.execute(
        f"""SELECT json_extract(h.value, '$.rule') AS rule, COUNT(*) AS hits, COUNT(o.nc), COALESCE(SUM(o.nc), 0)
            FROM decisions d, json_each(d.payload, '$.hits') h
            LEFT JOIN {OUTCOMES} o ON o.declarant = d.declarant AND o.declaration_id = d.declaration_id
            WHERE d.decided_at >= ? GROUP BY rule ORDER BY hits DESC, rule LIMIT 15""",
        (since,),
    )
]
check("dashboard rule statistics (hits, with a result, nonconforming) of the 15 most frequent rules",
      dashboard["rules"], rules)
print(f"  ({sum(r['hits'] for r in rules)} hits of those rules; the dashboard read 20,000 decisions before)")

# The newest revision of each declaration of the month, as report and replay choose them.
seconds, kilobytes = open(f"{work}/report.time").read().split()[-2:]
memory("fastrelease report", int(kilobytes), seconds)
report = open(f"{work}/report.txt").read()
month = re.search(r"report for (\S+):", report).group(1)
start = db.execute("SELECT CAST(strftime('%s', ? || '-01') AS INTEGER) * 1000", (month,)).fetchone()[0]
end = db.execute("SELECT CAST(strftime('%s', ? || '-01', '+1 month') AS INTEGER) * 1000", (month,)).fetchone()[0]


def newest(start, end):
    """The newest revision of each declaration decided in [start, end)."""
    return f"""(SELECT * FROM (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY declarant, declaration_id
                   ORDER BY decided_at DESC, revision DESC) AS place FROM decisions d
                   WHERE decided_at >= {start} AND decided_at < {end}) WHERE place = 1)"""


# Counted once into a temporary table: every figure below reads it.
db.execute(f"""CREATE TEMP TABLE newest AS SELECT declarant, declaration_id, lane,
               json_extract(NULLIF(declaration, ''), '$.port') AS port
               FROM {newest(start, end)}""")
NEWEST = "newest"
declared = int(re.search(r": (\d+) declarations decided", report).group(1))
check("report: declarations (newest revision of each)", declared,
      db.execute(f"SELECT COUNT(*) FROM {NEWEST}").fetchone()[0])


def row(name):
    line = next(line for line in report.splitlines() if line.split()[:1] == [name] or line.strip().startswith(name + " "))
    fields = line.strip()[len(name):].split()
    return {
        "declared": int(fields[0]),
        "lanes": {lane: int(fields[1 + i]) for i, lane in enumerate(LANES) if int(fields[1 + i])},
        "withdrawn": int(fields[1 + len(LANES)]),
        "inspections": int(fields[2 + len(LANES)]),
        "nonconforming": int(fields[3 + len(LANES)].lstrip("(")),
    }


def counted_row(where=""):
    lanes = dict(db.execute(f"SELECT lane, COUNT(*) FROM {NEWEST} n WHERE lane <> 'withdrawn' {where} GROUP BY lane"))
    inspections, nonconforming = db.execute(
        f"""SELECT COUNT(*), COALESCE(SUM(CASE WHEN i.conforming THEN 0 ELSE 1 END), 0) FROM {NEWEST} n
            JOIN inspections i ON i.declarant = n.declarant AND i.declaration_id = n.declaration_id
            WHERE 1 = 1 {where}""").fetchone()
    return {
        "declared": db.execute(f"SELECT COUNT(*) FROM {NEWEST} n WHERE 1 = 1 {where}").fetchone()[0],
        "lanes": lanes,
        "withdrawn": db.execute(f"SELECT COUNT(*) FROM {NEWEST} n WHERE lane = 'withdrawn' {where}").fetchone()[0],
        "inspections": inspections,
        "nonconforming": nonconforming,
    }


check("report: all (declared, lanes, withdrawn, inspections, nonconforming)", row("all"), counted_row())
ports = [p for (p,) in db.execute(f"SELECT DISTINCT port FROM {NEWEST}")]
for port in sorted(ports):
    check(f"report: port {port}", row(port), counted_row(f"AND n.port = '{port}'"))

seconds, kilobytes = open(f"{work}/replay.time").read().split()[-2:]
memory("fastrelease replay", int(kilobytes), seconds)
replay = open(f"{work}/replay.txt").read()
replayed = int(re.search(r"replayed (\d+) declarations", replay).group(1))
ALL = "replayed"
db.execute(f"""CREATE TEMP TABLE replayed AS SELECT declarant, declaration_id, lane FROM {newest(-(2**63), 2**63 - 1)}
               WHERE lane <> 'withdrawn' AND declaration <> ''""")
check("replay: declarations replayed", replayed, db.execute(f"SELECT COUNT(*) FROM {ALL}").fetchone()[0])
baseline = {}
for lane in LANES:
    found = re.search(rf"^  {re.escape(lane)}\s+(\d+)\s+(\d+)$", replay, re.M)
    if found and int(found.group(1)):
        baseline[lane] = int(found.group(1))
check("replay: the lanes decided then (baseline)", baseline,
      dict(db.execute(f"SELECT lane, COUNT(*) FROM {ALL} GROUP BY lane")))
results = re.search(r"inspection results recorded for (\d+), of which (\d+) nonconforming", replay)
check("replay: declarations with results, nonconforming", (int(results.group(1)), int(results.group(2))),
      db.execute(f"SELECT COUNT(o.nc), COALESCE(SUM(o.nc), 0) FROM {ALL} a JOIN {OUTCOMES} o "
                 "ON o.declarant = a.declarant AND o.declaration_id = a.declaration_id").fetchone())

if problems:
    print("NOT MET: " + "; ".join(problems))
    sys.exit(1)
print("every figure equals the direct count, and every tool stayed within 300 MB")
