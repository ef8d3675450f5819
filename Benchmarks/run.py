#!/usr/bin/env python3
"""Runs every scenario in Benchmarks/scenarios with vtl, the Velocity 1.7 oracle and LocalStack,
side by side in one run, and prints a Markdown table of nanoseconds per render and ratios.

    python3 Benchmarks/run.py              # builds vtl in release mode first
    python3 Benchmarks/run.py --quick      # fewer iterations, for a smoke run

A scenario folder holds template.vm and optionally `args` (more flags) and `mode`:
  (no mode)  render: ns per render of template.vm over a generated body;
  parse      parse only. vtl: `vtl bench --parse`; JVM: Benchmarks/jvm/ParseBench.java, compiled
             here against the oracle's jars; LocalStack: its `--bench-reparse` figure minus its
             `--bench` figure on the same body, both taken in this run;
  invoke     the whole `vtl invoke` pipeline per request on the API named in the `api` file
             (a path from the repository root; `args` are invoke flags). The peers have no
             pipeline: they render template.vm, the API's request template, only.

Peers are used when present: ../shared/oracle/render (real Velocity 1.7 on the JVM) and
../shared/peers/render (LocalStack). Timing is never a test: this script only reports.
"""
import argparse
import json
import os
import shutil
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
    # Parses per round; LocalStack takes about a second per render of this template.
    "6-parse-50kb": (200, 200, 2),
    # Requests per round for vtl; renders of the request template for the peers.
    "7-invoke-seed": (3000, 20000, 2000),
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
    if scenario == "6-parse-50kb":
        # Only LocalStack renders here (its parse cost is a difference of two renders): a small body
        # keeps the render part, and so the noise in the difference, small.
        return json.dumps({"order0": {"id": "A-17", "owner": "Zoë", "tags": ["a", "b&c"]}})
    if scenario == "7-invoke-seed":
        # The seed blog's message grown to about 1 KB, with the characters a form body cares about.
        items = [{"sku": f"SKU-{i}", "name": f"fish & chips #{i}", "qty": i % 3 + 1, "price": "2+1=3"} for i in range(13)]
        document = {"message": "sample-api-gatewa-sqs-lambda-test", "orderId": "A-17", "city": "München",
                    "note": "100% sure; a=b&c", "items": items}
        return json.dumps(document)
    raise ValueError(scenario)


def extra_args(scenario_dir):
    path = os.path.join(scenario_dir, "args")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def read_setting(scenario_dir, name, default=None):
    path = os.path.join(scenario_dir, name)
    if not os.path.exists(path):
        return default
    with open(path) as f:
        return f.read().strip()


def compile_parse_bench(work):
    """Compiles Benchmarks/jvm/ParseBench.java against the oracle's jars; the java command or None."""
    classpath_script = os.path.join(SHARED, "oracle", "classpath.sh")
    if not shutil.which("javac") or not os.path.exists(classpath_script):
        return None
    listed = subprocess.run(["bash", "-c", 'ORACLE_QUIET=1 source "$0"; echo "$ORACLE_CP"; echo "$ORACLE_MISSING_JARS"',
                             classpath_script], capture_output=True, text=True)
    lines = listed.stdout.split("\n")
    if listed.returncode != 0 or len(lines) < 2 or not lines[0] or "velocity" in lines[1]:
        return None
    classes = os.path.join(work, "jvm-classes")
    compiled = subprocess.run(["javac", "-nowarn", "-encoding", "UTF-8", "-d", classes, "-cp", lines[0],
                               os.path.join(HERE, "jvm", "ParseBench.java")], capture_output=True, text=True)
    if compiled.returncode != 0:
        print(f"ParseBench.java: {compiled.stderr.strip()}", file=sys.stderr)
        return None
    return ["java", "-XX:+UseSerialGC", "-cp", classes + os.pathsep + lines[0], "ParseBench"]


# A child forked from this script starts with the script's own peak RSS as its high-water mark
# (Linux copies it at fork), and the script holds the generated bodies. GNU time, small itself,
# starts the command from its own process and reports that process's peak.
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(command, timeout=None):
    """The last line of stdout, the child's own peak RSS in KB, and an error if it failed."""
    rss_file = tempfile.NamedTemporaryFile(delete=False)
    rss_file.close()
    if GNU_TIME:
        command = [GNU_TIME, "-f", "%M", "-o", rss_file.name] + command
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
        os.unlink(rss_file.name)
        return None, None, stderr.strip().splitlines()[:1] or [f"failed (timeout {timeout} s?)"]
    lines = stdout.strip().splitlines()
    peak = usage.ru_maxrss
    if GNU_TIME:
        with open(rss_file.name) as f:
            reported = f.read().strip().splitlines()
        peak = int(reported[-1]) if reported and reported[-1].isdigit() else None
    os.unlink(rss_file.name)
    return lines[-1], peak, None


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
    parse_bench = False  # compiled on first use
    for scenario in sorted(os.listdir(os.path.join(HERE, "scenarios"))):
        if options.only and options.only not in scenario:
            continue
        directory = os.path.join(HERE, "scenarios", scenario)
        template = os.path.join(directory, "template.vm")
        mode = read_setting(directory, "mode", "render")
        body = os.path.join(work, scenario + ".json")
        with open(body, "w") as f:
            f.write(make_body(scenario))
        ours, jvm, python = ITERATIONS[scenario]
        if options.quick:
            ours, jvm, python = max(1, ours // 10), max(1, jvm // 10), 1
        oracle_ns = localstack_ns = None
        size = f"{os.path.getsize(body):,} B"
        if mode == "parse":
            size = f"template {os.path.getsize(template):,} B"
            vtl_ns, vtl_rss, vtl_error = run([vtl, "bench", "--parse", "--template", template, "--iterations", str(ours)])
            if parse_bench is False:
                parse_bench = compile_parse_bench(work)
            if parse_bench:
                oracle_ns, _, _ = run(parse_bench + [template, str(jvm)], timeout=600)
            if has_localstack:
                peer = [LOCALSTACK, "--bench", str(python), "--template", template, "--body", body]
                once, _, _ = run(peer, timeout=600)
                each, _, _ = run(peer + ["--bench-reparse"], timeout=600)
                if once and each:
                    localstack_ns = str(int(each) - int(once))
                    print(f"{scenario}: LocalStack {each} ns re-parsing - {once} ns parsed once", file=sys.stderr)
        elif mode == "invoke":
            api = os.path.join(ROOT, read_setting(directory, "api"))
            with open(api) as f, open(template) as t:
                if t.read() not in f.read():
                    sys.exit(f"{scenario}: template.vm is not the request template of {api}")
            vtl_ns, vtl_rss, vtl_error = run([vtl, "bench", "--api", api, "--body", body, "--iterations", str(ours)]
                                             + extra_args(directory))
            if has_oracle:
                oracle_ns, _, _ = run([ORACLE, "--aws", "--bench", str(jvm), "--template", template, "--body", body], timeout=240)
            if has_localstack:
                localstack_ns, _, _ = run([LOCALSTACK, "--bench", str(python), "--template", template, "--body", body], timeout=240)
        else:
            args = ["--body", body] + extra_args(directory)
            vtl_ns, vtl_rss, vtl_error = run([vtl, "bench", "--template", template, "--iterations", str(ours)] + args)
            # The oracle always warms up with 20,000 renders: hours on megabyte bodies, so those are skipped.
            if has_oracle and os.path.getsize(body) < 100_000:
                oracle_ns, _, _ = run([ORACLE, "--aws", "--bench", str(jvm), "--template", template] + args, timeout=240)
            if has_localstack:
                localstack_ns, _, _ = run([LOCALSTACK, "--bench", str(python), "--template", template] + args, timeout=240)
        rows.append((scenario, mode, size, vtl_ns, vtl_rss, vtl_error, oracle_ns, localstack_ns))
        print(f"{scenario}: vtl {vtl_ns} oracle {oracle_ns} localstack {localstack_ns}", file=sys.stderr)

    def ratio(peer, ours):
        if not peer or not ours:
            return "n/a"
        value = float(peer) / float(ours)
        return f"{value:.3f}x" if value < 0.1 else f"{value:.1f}x"

    # The unit differs by mode; the footnotes say what each peer figure is.
    labels = {"render": "", "parse": " (ns/parse) [1]", "invoke": " (ns/request) [2]"}
    peer_labels = {"render": "", "parse": "", "invoke": " (template only)"}
    print("| scenario | body | vtl ns/render | peak RSS | Velocity 1.7 (JVM) ns | vs JVM | LocalStack ns | vs LocalStack |")
    print("|---|---|---|---|---|---|---|---|")
    for scenario, mode, size, ns, rss, error, oracle_ns, localstack_ns in rows:
        rss_text = f"{rss // 1024} MB" if rss else "n/a"
        shown = ns if ns else f"failed: {error}"
        note = peer_labels[mode]
        oracle_text = f"{oracle_ns}{note}" if oracle_ns else "n/a"
        localstack_text = f"{localstack_ns}{note}" if localstack_ns else "n/a"
        print(f"| {scenario}{labels[mode]} | {size} | {shown} | {rss_text} | {oracle_text} | {ratio(oracle_ns, ns)}{note} | "
              f"{localstack_text} | {ratio(localstack_ns, ns)}{note} |")
    modes = {row[1] for row in rows}
    if "parse" in modes:
        print("\n[1] Parse only, no render. vtl: `vtl bench --parse`. JVM: Benchmarks/jvm/ParseBench.java, "
              "Velocity 1.7's RuntimeInstance.parse after a 3 s warm-up. LocalStack has no parse-only mode: its "
              "figure is (`--bench-reparse` ns) - (`--bench` ns) on the same template and body, both measured "
              "in this run, so it carries the noise of two ~1 s renders.")
    if "invoke" in modes:
        print("\n[2] vtl runs the whole `vtl invoke` pipeline per request (routing, template selection, parameter "
              "mapping, the request template parsed and rendered, integration request, simulated SQS, integration "
              "and method response). The peers have no pipeline: their figures are renders of the same request "
              "template and body only (\"template only\"), so the ratio is not pipeline to pipeline.")

if __name__ == "__main__":
    main()
