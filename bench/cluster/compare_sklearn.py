#!/usr/bin/python3
"""Compares circatlas DBSCAN with scikit-learn's on the same synthetic Gansu points: timings and partitions.

Usage: /usr/bin/python3 bench/cluster/compare_sklearn.py BUILD/bench/cluster/dbscan_bench 100000 [1000000 ...]

For each size, `dbscan_bench --dump N file.csv` writes the projected points (metres, analysis CRS) with
circatlas' clustering (eps 5 km, minPoints 5); scikit-learn's DBSCAN (algorithm='kd_tree') then runs
on the same x, y. Cluster numbers are compared exactly: both number clusters by their first core point
in input order and give a border point to the first cluster that reaches it.
scikit-learn materialises every neighbourhood, so on dense data it needs memory quadratic in the
local density; the address space is capped (--memory-gb, default 8) so that it fails cleanly.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
from sklearn.cluster import DBSCAN

EPS_METERS = 5000.0
MIN_POINTS = 5


def run_circatlas(bench, n, path):
    out = subprocess.run([bench, "--dump", str(n), path], check=True, capture_output=True, text=True).stdout
    return dict(line.split("=", 1) for line in out.split())


def read_dump(path):
    data = np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="ascii")
    xy = np.column_stack([data["x"], data["y"]])
    return xy, data["cluster"].astype(np.int64), data["role"] == "core"


def run_sklearn(xy):
    start = time.perf_counter()
    model = DBSCAN(eps=EPS_METERS, min_samples=MIN_POINTS, algorithm="kd_tree").fit(xy)
    seconds = time.perf_counter() - start
    core = np.zeros(len(xy), dtype=bool)
    core[model.core_sample_indices_] = True
    return model.labels_.astype(np.int64), core, seconds


def compare(n, bench, memory_gb):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "points.csv")
        ours = run_circatlas(bench, n, path)
        xy, labels, core = read_dump(path)
    print(f"n = {n}: circatlas projection {float(ours['projection_seconds']):.3f} s, "
          f"DBSCAN {float(ours['dbscan_seconds']):.3f} s, {ours['clusters']} clusters, peak RSS {ours['peak_MB']} MB")
    limit = int(memory_gb * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, resource.RLIM_INFINITY))
    try:
        sk_labels, sk_core, seconds = run_sklearn(xy)
    except MemoryError:
        print(f"  scikit-learn: out of memory under a {memory_gb} GB address-space cap")
        return True
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    sk_clusters = int(sk_labels.max()) + 1 if len(sk_labels) else 0
    same_count = sk_clusters == int(ours["clusters"])
    same_core = bool(np.array_equal(sk_core, core))
    same_labels = bool(np.array_equal(sk_labels, labels))
    print(f"  scikit-learn {seconds:.3f} s, {sk_clusters} clusters, python peak RSS {peak_mb:.0f} MB")
    print(f"  same number of clusters: {same_count}; same core points: {same_core} "
          f"({int((sk_core != core).sum())} differ); identical labels: {same_labels} "
          f"({int((sk_labels != labels).sum())} differ)")
    return same_count and same_core and same_labels


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", help="path to the dbscan_bench executable")
    parser.add_argument("sizes", type=int, nargs="+", help="numbers of points, e.g. 100000 1000000")
    parser.add_argument("--memory-gb", type=float, default=8.0, help="address-space cap for scikit-learn")
    args = parser.parse_args()
    ok = all([compare(n, args.bench, args.memory_gb) for n in args.sizes])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
