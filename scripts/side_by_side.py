"""What the scripts that time corebench beside an original program share.

One runner per original program, and the pinned corebench run. Imported by
scripts/fidelity and the scripts/compare-* scripts (each adds this folder to
sys.path); not a program of its own.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


def cpu_list(threads):
    """The first `threads` CPUs, as taskset and corebench's --cpus take them."""
    return f"0-{threads - 1}" if threads > 1 else "0"


def openmp_env(threads):
    """The environment of an OpenMP original: `threads` threads, one to a CPU,
    in order, as corebench places its own."""
    return dict(os.environ, OMP_NUM_THREADS=str(threads), OMP_PROC_BIND="close",
                OMP_PLACES=",".join(f"{{{c}}}" for c in range(threads)))


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


def sysbench_rate(binary, threads, seconds, max_prime):
    """`sysbench cpu`'s events per second on the first `threads` CPUs."""
    done = subprocess.run(["taskset", "-c", cpu_list(threads), binary, "cpu",
                           f"--threads={threads}", f"--time={seconds}",
                           f"--cpu-max-prime={max_prime}", "run"],
                          check=True, capture_output=True, text=True)
    return float(re.search(r"events per second:\s*([\d.]+)", done.stdout).group(1))


def seven_zip_ratings(binary, threads, dict_log):
    """`7zz b`'s compressing and decompressing ratings (MIPS) of one dictionary
    size (-mds: that size alone, not every size up to it)."""
    done = subprocess.run(["taskset", "-c", cpu_list(threads), binary, "b", f"-mmt={threads}",
                           f"-md={dict_log}", f"-mds={dict_log}"],
                          check=True, capture_output=True, text=True)
    row = re.search(rf"^{dict_log}:\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\|\s+(\d+)\s+(\d+)"
                    rf"\s+(\d+)\s+(\d+)", done.stdout, re.M)
    return int(row.group(4)), int(row.group(8))


def stream_rates(binary, threads):
    """STREAM's best rates (MB/s) by kernel ("Copy", "Scale", "Add", "Triad"),
    its OpenMP threads one to a CPU of the first `threads`."""
    done = subprocess.run(["taskset", "-c", cpu_list(threads), binary], env=openmp_env(threads), check=True,
                          capture_output=True, text=True)
    if "Solution Validates" not in done.stdout:
        sys.exit(f"{binary}: STREAM's own check failed:\n{done.stdout}")
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r"^(\w+):\s+([\d.]+)", done.stdout, re.M)}


HPCC_INPUT = """HPCC input, written by corebench's scripts
for the HPL part alone to matter
hpccoutf.txt
8
1
{n}
1
{nb}
0
1
1
1
16.0
1
2
1
4
1
2
1
1
1
1
1
1
2
64
0
0
1
8
##### separator #####
0
1200
0
40
"""


def hpcc_hpl_gflops(binary, threads, n, nb):
    """HPL's GFLOPS in one `hpcc` process (HPC Challenge, whose first test is
    HPL) on a 1x1 grid, its BLAS's threads one to a CPU of the first
    `threads`. Exits if HPL's own residual check failed."""
    env = dict(openmp_env(threads), OPENBLAS_NUM_THREADS=str(threads),
               OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "hpccinf.txt"), "w") as f:
            f.write(HPCC_INPUT.format(n=n, nb=nb))
        subprocess.run(["taskset", "-c", cpu_list(threads), "mpirun", "-np", "1", "--bind-to",
                        "none", binary], cwd=tmp, env=env, check=True, capture_output=True)
        with open(os.path.join(tmp, "hpccoutf.txt")) as f:
            out = f.read()
    fields = dict(re.findall(r"^(HPL_\w+|Success)=(\S+)", out, re.M))
    passed = re.search(r"^\|\|Ax-b\|\|_oo.* PASSED$", out, re.M)
    if not passed or fields.get("Success") != "1" or fields.get("HPL_N") != str(n):
        sys.exit(f"{binary}: HPL failed its residual check or printed no result:\n{out[-2000:]}")
    return float(fields["HPL_Tflops"]) * 1000


def c_ray_fast_seconds(binary, scene, resolution, rays, threads):
    """c-ray-fast's own rendering time (corebench's run is its timed region)."""
    done = subprocess.run(["taskset", "-c", cpu_list(threads), binary, "-t", str(threads), "-s",
                           resolution, "-r", str(rays), "-i", scene, "-o", os.devnull],
                          check=True, capture_output=True, text=True)
    return int(re.search(r"\((\d+) milliseconds\)", done.stderr).group(1)) / 1000


def whole_process_seconds(command):
    """Wall time of a program that reports none (ao.c), in a scratch folder
    (ao.c writes ao.ppm where it runs)."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(command, check=True, cwd=tmp, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start


def lulesh_run(binary, size, iterations, threads, keep_heap=False):
    """LULESH 2.0.3's figure of merit (z/s), cycle count and origin energy."""
    env = openmp_env(threads)
    if keep_heap:  # LULESH allocates every cycle; page faults are dear on VMs
        env.update(MALLOC_TRIM_THRESHOLD_="-1", MALLOC_MMAP_THRESHOLD_="1073741824")
    done = subprocess.run(["taskset", "-c", cpu_list(threads), binary, "-s", str(size), "-i",
                           str(iterations)], env=env, check=True, capture_output=True, text=True)
    fom = float(re.search(r"FOM\s*=\s*([0-9.]+)", done.stdout).group(1))
    cycles = int(re.search(r"Iteration count\s*=\s*(\d+)", done.stdout).group(1))
    energy = float(re.search(r"Final Origin Energy\s*=\s*([0-9.e+-]+)", done.stdout).group(1))
    return fom, cycles, energy


def hmmsearch_copies_seconds(binary, models, target, copies, cpu):
    """Wall time of `copies` concurrent `hmmsearch --cpu cpu`, each pinned to
    its own CPU, as corebench's hmmer mode=copies."""
    start = time.monotonic()
    searches = [subprocess.Popen(["taskset", "-c", str(c), binary, "--cpu", str(cpu), "-o",
                                  os.devnull, models, target]) for c in range(copies)]
    if any(s.wait() != 0 for s in searches):
        sys.exit(f"{binary} failed")
    return time.monotonic() - start


def hmmer_inputs(corebench, count, folder):
    """corebench's synthetic library as HMMER 2 (so that both sides calibrate
    every model, as hmmsearch does for pts/hmmer's Pfam_ls) and its built-in
    target as FASTA, written into `folder`."""
    h3, h2, target = (os.path.join(folder, name) for name in ("lib.hmm", "lib_h2.hmm",
                                                              "target.fa"))
    corebench_run(corebench, f"hmmer:count={count},save-models={h3},save-sequences={target}", 1)
    with open(h2, "w") as f:
        subprocess.run(["hmmconvert", "-2", h3], check=True, stdout=f)
    return h2, target
