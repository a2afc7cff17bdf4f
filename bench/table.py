"""The table of bench/run: figure | baseline | ours | ratio (ours/baseline) | goal | met?, from the
"side|key|value" lines the benchmark scripts' FIG lines became (median over rounds), with the
goals of issue 17."""
import statistics
import sys
from collections import defaultdict

values = defaultdict(list)
with open(sys.argv[1]) as lines:
    for line in lines:
        side, key, value = line.strip().split("|")
        if value:
            values[side, key].append(float(value))


def median(side, key):
    found = values.get((side, key))
    return statistics.median(found) if found else None


def quotient(side, numerator, denominator):
    """The median of each round's own quotient: a floor measured beside its figure, in the same round,
    shares that minute's load on the machine (psql alone moved by half within an hour here)."""
    pairs = zip(values.get((side, numerator), []), values.get((side, denominator), []))
    found = [a / b for a, b in pairs if b]
    return statistics.median(found) if found else None


def show(value, unit):
    if value is None:
        return "n/a"
    if unit == "x":
        return f"{value:.2f}"
    if unit == "MB":
        return f"{value / 1024:.0f} MB"
    return f"{value:.0f} {unit}"


rows = []


def row(figure, base, ours, unit, goal="", met=None):
    ratio = f"{ours / base:.2f}" if base and ours is not None else "n/a"
    verdict = "" if met is None or ours is None else ("yes" if met(ours, base) else "**no**")
    rows.append((figure, show(base, unit), show(ours, unit), ratio, goal, verdict))


def both(key):
    return median("baseline", key), median("ours", key)


def both_over(numerator, denominator):
    return quotient("baseline", numerator, denominator), quotient("ours", numerator, denominator)


row("start to ready (launcher `serve`, schema current)", *both("start_to_ready_ms"), "ms",
    "≤ 0.6× baseline", lambda o, b: b and o <= 0.6 * b)
row("`db check` through the launcher", *both("db_check_launcher_ms"), "ms",
    "≤ 0.6× baseline", lambda o, b: b and o <= 0.6 * b)
row("`db check` as plain `java -jar`", *both("db_check_jar_ms"), "ms")
row("RSS at ready", *both("rss_ready_kb"), "MB", "≤ 150 MB", lambda o, b: o <= 150 * 1024)
row("RSS after the item API load", *both("rss_after_load_kb"), "MB")
row("`/q/health/ready` req/s", *both("ready_rps"), "req/s")
row("`/q/health/live` req/s", *both("live_rps"), "req/s")
row("readiness ÷ liveness req/s", *both_over("ready_rps", "live_rps"), "x", "≥ 0.8", lambda o, b: o >= 0.8)
row("item API `GET /api/items/{id}` req/s", *both("items_rps"), "req/s")
for n in (100, 1000):
    goal = ("≤ 2.5", lambda o, b: o <= 2.5) if n == 1000 else ()
    row(f"`db upgrade` of {n} migrations", *both(f"upgrade_{n}_ms"), "ms")
    row(f"psql applying the same {n} (floor)", *both(f"psql_{n}_ms"), "ms")
    row(f"`db upgrade` of {n} ÷ psql", *both_over(f"upgrade_{n}_ms", f"psql_{n}_ms"), "x", *goal)
    row(f"`db upgrade --all-or-nothing` of {n}", *both(f"upgrade_all_or_nothing_{n}_ms"), "ms")
    row(f"`db upgrade --all-or-nothing` of {n} ÷ psql",
        *both_over(f"upgrade_all_or_nothing_{n}_ms", f"psql_{n}_ms"), "x", *goal)

print("| figure | baseline | ours | ratio (ours/baseline) | goal | met? |")
print("| --- | ---: | ---: | ---: | --- | --- |")
for r in rows:
    print("| " + " | ".join(r) + " |")
