#!/usr/bin/python3
"""Helper of ./lab bench (capas.bench.KernelBench): runs under Debian's Python, which has
jupyter_client and nbclient, and prints one JSON object on stdout.

  kernel_bench.py arranque --runs N [--kernel NAME ...] [--jshell PATH]
                                        seconds from kernel launch to the first result of 1+1
                                        (and the CPU seconds the kernel used by then, as NAME/cpu),
                                        for each named kernelspec (default: capas), ipykernel
                                        (python3) and the jshell command; the kernels take turns,
                                        one start each per round, so a slow spell of a shared
                                        machine falls on all of them alike
  kernel_bench.py cuaderno FILE.ipynb   seconds to run every cell of a notebook through the Capas
                                        kernel (kernel start excluded) and the kernel's RSS after it
"""
import argparse
import json
import os
import subprocess
import sys
import time


def first_result(kernel_name, code):
    from jupyter_client import KernelManager
    start = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        msg_id = kc.execute(code)
        while True:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "error":
                raise RuntimeError("\n".join(msg["content"]["traceback"]))
            if msg["msg_type"] == "execute_result":
                return time.perf_counter() - start, cpu_seconds(km)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def cpu_seconds(km):
    """User and system time the kernel's process has used so far: unlike wall time, hardly moved
    by other work on a shared machine."""
    provisioner = getattr(km, "provisioner", None)
    pid = getattr(provisioner, "pid", None) or getattr(getattr(provisioner, "process", None), "pid", None)
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, TypeError):
        return None


def jshell_cli(jshell):
    start = time.perf_counter()
    out = subprocess.run([jshell, "-q", "-R-Xshare:auto"], input="1+1\n/exit\n",
                         capture_output=True, text=True, timeout=120).stdout
    if "2" not in out:
        raise RuntimeError(out)
    return time.perf_counter() - start, None


def startup(runs, kernels, jshell):
    try:
        import ipykernel  # noqa: F401
        have_ipykernel = True
    except ImportError:
        have_ipykernel = False
    starts = {name: (lambda n=name: first_result(n, "1+1")) for name in kernels}
    starts["python3"] = (lambda: first_result("python3", "1+1")) if have_ipykernel else None
    starts["jshell"] = (lambda: jshell_cli(jshell)) if jshell else None
    result = {name: (None if fn is None else []) for name, fn in starts.items()}
    cpu = {name: [] for name in starts}

    def once(name):
        try:
            return starts[name]()
        except Exception as e:  # noqa: BLE001
            result[name] = {"error": str(e).strip().splitlines()[-1] if str(e).strip() else type(e).__name__}
            return None

    for round_ in range(runs + 1):  # round 0 is the warm-up: disk cache, AppCDS archive mapped once
        for name in starts:
            if isinstance(result[name], list):
                seconds = once(name)
                if seconds is not None and round_ > 0:
                    result[name].append(seconds[0])
                    if seconds[1] is not None:
                        cpu[name].append(seconds[1])
    result.update({name + "/cpu": times for name, times in cpu.items() if times})
    return result


def tree_rss_kb(pid):
    """VmRSS of pid and of every process below it, in kB."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def notebook(path):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="capas", timeout=600, startup_timeout=120,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.reset_execution_trackers()
    out = {"seconds": None, "rss_kb": None, "error": None, "shell_seconds": 0.0, "java_seconds": 0.0}
    with client.setup_kernel():
        start = time.perf_counter()
        try:
            for index, cell in enumerate(nb.cells):
                began = time.perf_counter()
                client.execute_cell(cell, index)
                if cell.cell_type == "code":
                    shell = cell.source.lstrip().startswith(("%%bash", "%%sh"))
                    out["shell_seconds" if shell else "java_seconds"] += time.perf_counter() - began
        except CellExecutionError as e:
            lines = [l for l in str(e).splitlines() if l.strip()]
            out["error"] = lines[-1] if lines else "CellExecutionError"
        out["seconds"] = time.perf_counter() - start
        provisioner = getattr(client.km, "provisioner", None)
        pid = getattr(provisioner, "pid", None) or getattr(getattr(provisioner, "process", None), "pid", None)
        if pid:
            out["rss_kb"] = tree_rss_kb(pid)
    return out


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("arranque")
    a.add_argument("--runs", type=int, default=7)
    a.add_argument("--kernel", action="append", dest="kernels")
    a.add_argument("--jshell")
    c = sub.add_parser("cuaderno")
    c.add_argument("file")
    args = parser.parse_args()
    result = startup(args.runs, args.kernels or ["capas"], args.jshell) if args.what == "arranque" else notebook(args.file)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    sys.exit(main())
