#!/usr/bin/python3
"""Helper of ./lab bench --aula (capas.bench.AulaBench): runs INSIDE a student's classroom
container, as alumno, under Debian's Python (which has jupyter_client), and prints one JSON object
on stdout.

  aula_lesson.py NOTEBOOK.ipynb   Run All of the notebook through the kernel `capas`, from the
                                  notebook's folder: every code cell in order, whatever the one
                                  before it did (as Jupyter's Run All with errors allowed).

  {"first": seconds from the kernel's start request to the first code cell's reply,
   "total": seconds from the same start to the last cell's reply,
   "cells": code cells run,
   "errors": [{"cell": index among the code cells, "tag": first tag, "error": "ename: evalue",
               "expected": whether the lesson means it to raise (tag raises-exception, as nbclient reads it)}],
   "failure": null, or why the run stopped}
"""
import json
import os
import sys
import time

CELL_SECONDS = 600


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def run_cell(kc, code):
    """Executes code as the notebook does and waits for the kernel to be idle again; the error
    (ename: evalue) it raised, or None."""
    errors = []

    def hook(msg):
        if msg["msg_type"] == "error":
            errors.append("%s: %s" % (msg["content"].get("ename", ""), msg["content"].get("evalue", "")))

    reply = kc.execute_interactive(code, timeout=CELL_SECONDS, output_hook=hook, allow_stdin=False)
    if not errors and reply["content"].get("status") == "error":
        errors.append("%s: %s" % (reply["content"].get("ename", ""), reply["content"].get("evalue", "")))
    return errors[0] if errors else None


def main():
    from jupyter_client import KernelManager
    path = os.path.abspath(sys.argv[1])
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    out = {"first": None, "total": None, "cells": 0, "errors": [], "failure": None}
    start = time.perf_counter()
    km = KernelManager(kernel_name="capas")
    kc = None
    try:
        km.start_kernel(cwd=os.path.dirname(path))
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=300)
        for index, cell in enumerate(cells):
            error = run_cell(kc, source(cell))
            if out["first"] is None:
                out["first"] = time.perf_counter() - start
            out["cells"] += 1
            if error is not None:
                tags = cell.get("metadata", {}).get("tags") or [""]
                out["errors"].append({"cell": index, "tag": tags[0], "error": error.strip().splitlines()[0] if error.strip() else error,
                                      "expected": "raises-exception" in tags})
        out["total"] = time.perf_counter() - start
    except Exception as e:  # noqa: BLE001 - whatever stopped the run is the answer
        out["failure"] = "%s: %s" % (type(e).__name__, str(e).strip().splitlines()[0] if str(e).strip() else "")
    finally:
        if kc is not None:
            kc.stop_channels()
        try:
            km.shutdown_kernel(now=True)
        except Exception:  # noqa: BLE001
            pass
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
