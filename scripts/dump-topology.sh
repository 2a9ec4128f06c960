#!/bin/sh
# Copies the /proc and /sys files that corebench's topology detection reads
# into OUTDIR, laid out as a filesystem root, so that `corebench info
# --sysfs-root OUTDIR` (and the tests) see this machine anywhere.
# Usage: scripts/dump-topology.sh OUTDIR
set -eu
out=${1:?usage: dump-topology.sh OUTDIR}

copy() {
  for file in "$@"; do
    [ -r "$file" ] && [ -f "$file" ] || continue
    mkdir -p "$out$(dirname "$file")"
    cat "$file" >"$out$file" 2>/dev/null || rm -f "$out$file"
  done
}

cpu=/sys/devices/system/cpu
copy /proc/cpuinfo /proc/meminfo /proc/version
copy $cpu/online $cpu/possible $cpu/present $cpu/offline $cpu/smt/active $cpu/smt/control
for dir in $cpu/cpu[0-9]*; do
  copy "$dir/online" "$dir/cpu_capacity" "$dir/regs/identification/midr_el1" \
    "$dir/acpi_cppc/highest_perf" "$dir/acpi_cppc/nominal_perf" "$dir"/topology/*
  for index in "$dir"/cache/index*; do
    copy "$index/level" "$index/type" "$index/size" "$index/shared_cpu_list"
  done
done
for policy in $cpu/cpufreq/policy*; do
  copy "$policy/related_cpus" "$policy/cpuinfo_max_freq" "$policy/cpuinfo_min_freq" \
    "$policy/scaling_driver" "$policy/scaling_governor"
done
for node in /sys/devices/system/node/node*; do
  copy "$node/cpulist"
done
copy /sys/devices/cpu_core/cpus /sys/devices/cpu_atom/cpus
