#!/usr/bin/env python3
"""Runs every scenario in Benchmarks/scenarios with vtl, the Velocity 1.7 oracle and LocalStack,
side by side in one run, and prints a Markdown table of nanoseconds per render and ratios.

    python3 Benchmarks/run.py              # builds vtl in release mode first
    python3 Benchmarks/run.py --quick      # fewer iterations, for a smoke run

Peers are used when present: ../shared/oracle/render (real Velocity 1.7 on the JVM) and
../shared/peers/render (LocalStack). Timing is never a test: this script only reports.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
ORACLE = os.path.join(SHARED, "oracle", "render")
LOCALSTACK = os.path.join(SHARED, "peers", "render")

# Iterations per round for vtl / the JVM oracle / LocalStack, chosen so each run takes seconds.
ITERATIONS = {
    "1-sqs-urlencode": (20000, 20000, 2000),
    "2-foreach-escape": (2000, 2000, 50),
    "3-passthrough": (5000, 5000, 200),
    "4-json-1mb": (20, 20, 3),
    "4-json-10mb": (3, 3, 1),
    "5-urlencode-10mb": (3, 3, 1),
    "5-escape-10mb": (3, 3, 1),
}


def make_body(scenario):
    """Deterministic request bodies, generated rather than committed."""
    if scenario == "1-sqs-urlencode":
        note = "fish & chips = 2+1, 100% sure; " * 26
        return json.dumps({"orderId": "A-17", "note": note[:900], "city": "München"})
    if scenario == "2-foreach-escape":
        items = [{"id": i, "name": f"item {i} \"quoted\" & <b>bold</b> 'x'", "price": i * 1.5} for i in range(100)]
        return json.dumps({"items": items})
    if scenario == "3-passthrough":
        return json.dumps({"message": "hello", "count": 3, "tags": ["a", "b"]})
    if scenario.startswith("4-json") or scenario.startswith("5-"):
        # Few containers, many values: the JVM oracle's (Debian-patched) json-smart counts every
        # '[' and '{' toward its 400-level depth guard, so a body of many small objects fails there.
        size = 9_500_000 if scenario.endswith("10mb") else 1_000_000  # bytes; API Gateway's limit is 10 MB
        names, numbers, total, i = [], [], 0, 0
        while total < size:
            text = f'Zoë & Co. "quoted" / slash #{i}'
            names.append(text)
            numbers.append(i * 1.5)
            total += len(json.dumps(text).encode()) + len(str(i * 1.5)) + 4
            i += 1
        return json.dumps({"names": names, "numbers": numbers, "ok": True})
    raise ValueError(scenario)


def extra_args(scenario_dir):
    path = os.path.join(scenario_dir, "args")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def run(command, timeout=None):
    """The last line of stdout, the child's own peak RSS in KB, and an error if it failed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        timer = threading.Timer(timeout, process.kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        if timer:
            timer.cancel()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        return None, None, stderr.strip().splitlines()[:1] or [f"failed (timeout {timeout} s?)"]
    lines = stdout.strip().splitlines()
    return lines[-1], usage.ru_maxrss, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vtl", help="path to a release vtl binary (default: build one)")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", help="run scenarios whose name contains this text")
    options = parser.parse_args()

    vtl = options.vtl
    if not vtl:
        subprocess.run(["swift", "build", "-c", "release", "--product", "vtl"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        vtl = os.path.join(ROOT, ".build", "release", "vtl")
    has_oracle = os.path.exists(ORACLE)
    has_localstack = os.path.exists(LOCALSTACK)

    rows = []
    work = tempfile.mkdtemp(prefix="vtl-bench-")
    for scenario in sorted(os.listdir(os.path.join(HERE, "scenarios"))):
        if options.only and options.only not in scenario:
            continue
        directory = os.path.join(HERE, "scenarios", scenario)
        template = os.path.join(directory, "template.vm")
        body = os.path.join(work, scenario + ".json")
        with open(body, "w") as f:
            f.write(make_body(scenario))
        args = ["--body", body] + extra_args(directory)
        ours, jvm, python = ITERATIONS[scenario]
        if options.quick:
            ours, jvm, python = max(1, ours // 10), max(1, jvm // 10), 1
        vtl_ns, vtl_rss, vtl_error = run([vtl, "bench", "--template", template, "--iterations", str(ours)] + args)
        oracle_ns = localstack_ns = None
        # The oracle always warms up with 20,000 renders: hours on megabyte bodies, so those are skipped.
        if has_oracle and os.path.getsize(body) < 100_000:
            oracle_ns, _, _ = run([ORACLE, "--aws", "--bench", str(jvm), "--template", template] + args, timeout=240)
        if has_localstack:
            localstack_ns, _, _ = run([LOCALSTACK, "--bench", str(python), "--template", template] + args, timeout=240)
        rows.append((scenario, os.path.getsize(body), vtl_ns, vtl_rss, vtl_error, oracle_ns, localstack_ns))
        print(f"{scenario}: vtl {vtl_ns} oracle {oracle_ns} localstack {localstack_ns}", file=sys.stderr)

    def ratio(peer, ours):
        if not peer or not ours:
            return "n/a"
        return f"{float(peer) / float(ours):.1f}x"

    print("| scenario | body | vtl ns/render | peak RSS | Velocity 1.7 (JVM) ns | vs JVM | LocalStack ns | vs LocalStack |")
    print("|---|---|---|---|---|---|---|---|")
    for scenario, size, ns, rss, error, oracle_ns, localstack_ns in rows:
        rss_text = f"{rss // 1024} MB" if rss else "n/a"
        shown = ns if ns else f"failed: {error}"
        print(f"| {scenario} | {size:,} B | {shown} | {rss_text} | {oracle_ns or 'n/a'} | {ratio(oracle_ns, ns)} | "
              f"{localstack_ns or 'n/a'} | {ratio(localstack_ns, ns)} |")


if __name__ == "__main__":
    main()
