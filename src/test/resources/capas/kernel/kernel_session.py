"""Drives the Capas kernel over the Jupyter protocol with Debian's jupyter_client.

Usage: /usr/bin/python3 kernel_session.py <steps.json>   (JUPYTER_PATH must find the kernel)

Each step is {"execute": code, "interrupt_after": seconds?, "sigint_after": seconds?} or {"complete": code, "cursor": n}
or {"inspect": code, "cursor": n} or {"is_complete": code} or {"kernel_info": true} or {"history_tail": n}
or {"run_all": [code, ...], "pause_after": seconds?}: every cell sent at once with stop_on_error, as
JupyterLab's "Run All" does; the result has "replies" (one per cell, in order) and "outputs".
Prints one JSON list: per step the reply content and, for executions, every iopub output with
the seconds since the request when it arrived.
"""
import json
import signal
import sys
import time

from jupyter_client import KernelManager


def execute(km, kc, code, interrupt_after=None, sigint_after=None):
    # A cell run by hand, one at a time: nothing queued behind it for a failure to abort. (With jupyter_client's
    # default stop_on_error=True, a script sending the next cell within milliseconds of a failure would be
    # inside the kernel's Run All window, which no person clicking can be.)
    msg_id = kc.execute(code, stop_on_error=False)
    start = time.monotonic()
    outputs = []
    interrupted = False
    while True:
        if interrupt_after is not None and not interrupted and time.monotonic() - start > interrupt_after:
            km.interrupt_kernel()
            interrupted = True
        if sigint_after is not None and not interrupted and time.monotonic() - start > sigint_after:
            km.signal_kernel(signal.SIGINT)
            interrupted = True
        try:
            msg = kc.get_iopub_msg(timeout=0.1)
        except Exception:
            if time.monotonic() - start > 120:
                raise RuntimeError("no idle status for " + code)
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "status" and content["execution_state"] == "idle":
            break
        if kind in ("stream", "execute_result", "display_data", "error"):
            outputs.append({"type": kind, "at": round(time.monotonic() - start, 3), "content": content})
    reply = kc.get_shell_msg(timeout=30)
    return {"reply": reply["content"], "outputs": outputs}


def run_all(kc, cells, pause_after=0):
    ids = [kc.execute(code, stop_on_error=True) for code in cells]
    replies = {}
    outputs = []
    deadline = time.monotonic() + 120
    while len(replies) < len(ids):
        if time.monotonic() > deadline:
            raise RuntimeError("no reply for every cell of " + repr(cells))
        try:
            msg = kc.get_shell_msg(timeout=0.5)
        except Exception:
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent in ids:
            replies[parent] = msg["content"]
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=0.5)
        except Exception:
            break
        if msg["parent_header"].get("msg_id") in ids and msg["msg_type"] in ("stream", "error", "execute_result"):
            outputs.append({"type": msg["msg_type"], "cell": ids.index(msg["parent_header"]["msg_id"]), "content": msg["content"]})
    time.sleep(pause_after)
    return {"replies": [replies[i] for i in ids], "outputs": outputs}


def request(kc, send, *args):
    send(*args)
    return {"reply": kc.get_shell_msg(timeout=30)["content"]}


def main():
    # A job started in the background (`cmd &` in a script) inherits SIGINT ignored, and the JVM
    # then refuses to handle it: a handled SIGINT here is reset to the default in the kernel we exec,
    # so the Ctrl-C steps test the kernel, not how this run was started.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    steps = json.load(open(sys.argv[1], encoding="utf-8"))
    km = KernelManager(kernel_name="capas")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    results = []
    try:
        kc.wait_for_ready(timeout=60)
        for step in steps:
            if "execute" in step:
                results.append(execute(km, kc, step["execute"], step.get("interrupt_after"), step.get("sigint_after")))
            elif "run_all" in step:
                results.append(run_all(kc, step["run_all"], step.get("pause_after", 0)))
            elif "complete" in step:
                results.append(request(kc, kc.complete, step["complete"], step["cursor"]))
            elif "inspect" in step:
                results.append(request(kc, kc.inspect, step["inspect"], step["cursor"]))
            elif "is_complete" in step:
                results.append(request(kc, kc.is_complete, step["is_complete"]))
            elif "history_tail" in step:
                results.append(request(kc, lambda n: kc.history(hist_access_type="tail", n=n), step["history_tail"]))
            elif "kernel_info" in step:
                results.append(request(kc, kc.kernel_info))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
