"""What the scripts that time corebench beside an original program share.

Imported by scripts/fidelity and the scripts/compare-* scripts (each adds
this folder to sys.path); not a program of its own.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile


def cpu_list(threads):
    """The first `threads` CPUs, as taskset and corebench's --cpus take them."""
    return f"0-{threads - 1}" if threads > 1 else "0"


def corebench_run(corebench, test, threads):
    """One timed run of `test` on the first `threads` CPUs: the result file's run
    (value, seconds, facts). Exits with the test's error if it did not pass."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "result.json")
        subprocess.run([corebench, "run", test, "--cpus", cpu_list(threads), "--threads",
                        str(threads), "--runs", "1", "--no-warmup", "--output", out],
                       check=True, capture_output=True)
        with open(out) as f:
            result = json.load(f)["tests"][0]
    if result["status"] != "ok":
        sys.exit(f"{test}: {result['status']} {result['error']}")
    return result["runs"][0]


def interleaved_medians(measures, reps):
    """Runs every measure once per round, in the order given, for `reps`
    rounds, so that a machine's drift falls on all of them alike; returns
    each one's median."""
    samples = {name: [] for name in measures}
    for _ in range(reps):
        for name, measure in measures.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}
