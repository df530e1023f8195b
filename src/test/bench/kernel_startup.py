#!/usr/bin/python3
"""Startup benchmark: from kernel launch to the first cell's result (median of N runs).

Run with Debian's Python (it has jupyter_client):
    /usr/bin/python3 src/test/bench/kernel_startup.py [--runs 5] [--kernels-dir DIR] [--jjava]

Compares the installed Capas kernel with the `jshell` command and, when present, ipykernel.
Numbers are ratios measured in one run on one machine, not a test.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

from jupyter_client import KernelManager


def first_result(kernel_name, code):
    start = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        ready = time.perf_counter() - start
        msg_id = kc.execute(code)
        while True:
            msg = kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] in ("execute_result", "error"):
                if msg["msg_type"] == "error":
                    raise RuntimeError("\n".join(msg["content"]["traceback"]))
                return ready, time.perf_counter() - start
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def jshell_cli():
    start = time.perf_counter()
    out = subprocess.run(["jshell", "-q", "-R-Xshare:auto"], input="1+1\n/exit\n",
                         capture_output=True, text=True, timeout=60).stdout
    assert "2" in out, out
    return None, time.perf_counter() - start


def measure(label, fn, runs):
    totals, readies = [], []
    for _ in range(runs):
        ready, total = fn()
        totals.append(total)
        if ready is not None:
            readies.append(ready)
    line = f"{label:28s} median {statistics.median(totals):.3f} s  (min {min(totals):.3f}, max {max(totals):.3f})"
    if readies:
        line += f"  kernel_info ready {statistics.median(readies):.3f} s"
    print(line, flush=True)
    return statistics.median(totals)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kernels-dir", help="a folder holding kernels/capas (sets JUPYTER_PATH)")
    args = parser.parse_args()
    if args.kernels_dir:
        os.environ["JUPYTER_PATH"] = os.path.abspath(args.kernels_dir) + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    results = {}
    results["capas"] = measure("Capas kernel (1+1)", lambda: first_result("capas", "1+1"), args.runs)
    results["jshell"] = measure("jshell CLI (1+1)", jshell_cli, args.runs)
    try:
        import ipykernel  # noqa: F401
        results["ipykernel"] = measure("ipykernel python3 (1+1)", lambda: first_result("python3", "1+1"), args.runs)
    except ImportError:
        print("ipykernel not installed: skipped")
    for name, value in results.items():
        if name != "capas":
            print(f"capas / {name}: {results['capas'] / value:.2f}")


if __name__ == "__main__":
    sys.exit(main())
