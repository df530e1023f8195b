"""Drives the Capas kernel over the Jupyter protocol with Debian's jupyter_client.

Usage: /usr/bin/python3 kernel_session.py <steps.json>   (JUPYTER_PATH must find the kernel)

Each step is {"execute": code, "interrupt": "message" | "signal", "interrupt_on_output": text?}
or {"complete": code, "cursor": n} or {"inspect": code, "cursor": n} or {"is_complete": code}
or {"kernel_info": true} or {"history_tail": n} or {"run_all": [code, ...]}: every cell sent at once
with stop_on_error, as JupyterLab's "Run All" does; the result has "replies" (one per cell, in
order) and "outputs".
An "interrupt" is sent (interrupt_request, or SIGINT to the kernel's process group) once the kernel
has said "busy" for that cell and, with "interrupt_on_output", once the cell has printed that text:
never on a timer, which under load may fire before the cell even started.
Prints one JSON list: per step the reply content and, for executions, every iopub output with
the seconds since the request when it arrived.

Every reply and every iopub message is matched to its request by parent_header.msg_id, never by
its position: jupyter_client's wait_for_ready sends kernel_info again each second it waits, so a
kernel slow to start (a loaded machine) leaves extra kernel_info replies on the shell channel.
"""
import json
import queue
import signal
import sys
import time
from collections import defaultdict

from jupyter_client import KernelManager

# The longest a step may take: a cell that never goes idle is a failure, not a hang.
STEP_TIMEOUT = 180
# capas.kernel.RunAllStop.BURST: the kernel takes a cell stamped within this many seconds of a failed Run All
# cell for one of the same burst, and skips it. A person's next click never comes that soon; this script's can,
# so a Run All step ends no sooner than that after it was sent (the kernel's rule, not a guess at its speed).
RUN_ALL_BURST = 0.1


class Session:
    def __init__(self, km, kc):
        self.km = km
        self.kc = kc
        self.replies = {}
        # Per request: (monotonic time received, message), in the order the kernel sent them.
        self.iopub = defaultdict(list)

    def _parent(self, msg):
        return msg["parent_header"].get("msg_id")

    def pump_iopub(self, timeout):
        """Files the next iopub message under its request, if one comes within timeout."""
        try:
            msg = self.kc.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return
        self.iopub[self._parent(msg)].append((time.monotonic(), msg))

    def reply(self, msg_id, deadline):
        """The shell reply to msg_id; replies to other requests are kept for their own step."""
        while msg_id not in self.replies:
            if time.monotonic() > deadline:
                raise RuntimeError("no reply to request " + msg_id)
            try:
                msg = self.kc.get_shell_msg(timeout=0.5)
            except queue.Empty:
                continue
            self.replies[self._parent(msg)] = msg["content"]
        return self.replies.pop(msg_id)

    def state(self, msg_id, wanted):
        return any(m["msg_type"] == "status" and m["content"]["execution_state"] == wanted for _, m in self.iopub[msg_id])

    def printed(self, msg_id, text):
        return any(m["msg_type"] == "stream" and text in m["content"]["text"] for _, m in self.iopub[msg_id])

    def outputs(self, msg_id, start):
        return [{"type": m["msg_type"], "at": round(at - start, 3), "content": m["content"]}
                for at, m in self.iopub[msg_id] if m["msg_type"] in ("stream", "execute_result", "display_data", "error")]

    def wait_idle(self, ids, deadline, on_progress=lambda: None):
        while not all(self.state(i, "idle") for i in ids):
            if time.monotonic() > deadline:
                raise RuntimeError("no idle status for " + repr(ids))
            on_progress()
            self.pump_iopub(0.1)

    def execute(self, code, interrupt=None, interrupt_on_output=None):
        # A cell run by hand, one at a time: nothing queued behind it for a failure to abort. (With jupyter_client's
        # default stop_on_error=True, a script sending the next cell within milliseconds of a failure would be
        # inside the kernel's Run All window, which no person clicking can be.)
        msg_id = self.kc.execute(code, stop_on_error=False)
        start = time.monotonic()
        deadline = start + STEP_TIMEOUT
        sent = []

        def maybe_interrupt():
            if interrupt is None or sent or not self.state(msg_id, "busy"):
                return
            if interrupt_on_output is not None and not self.printed(msg_id, interrupt_on_output):
                return
            if interrupt == "signal":
                self.km.signal_kernel(signal.SIGINT)
            else:
                self.km.interrupt_kernel()
            sent.append(True)

        self.wait_idle([msg_id], deadline, maybe_interrupt)
        return {"reply": self.reply(msg_id, deadline), "outputs": self.outputs(msg_id, start)}

    def run_all(self, cells):
        sent = time.monotonic()
        ids = [self.kc.execute(code, stop_on_error=True) for code in cells]
        deadline = time.monotonic() + STEP_TIMEOUT
        # Every cell, run or aborted, goes busy and then idle: after that, no output of theirs is still on its way.
        self.wait_idle(ids, deadline)
        replies = [self.reply(i, deadline) for i in ids]
        outputs = [{"type": m["msg_type"], "cell": n, "content": m["content"]}
                   for n, i in enumerate(ids) for _, m in self.iopub[i] if m["msg_type"] in ("stream", "error", "execute_result")]
        # Stamps are microseconds: a little over the burst, so the next request is unmistakably outside it.
        burst_left = sent + RUN_ALL_BURST * 1.5 - time.monotonic()
        if burst_left > 0:
            time.sleep(burst_left)
        return {"replies": replies, "outputs": outputs}

    def request(self, send, *args):
        msg_id = send(*args)
        return {"reply": self.reply(msg_id, time.monotonic() + STEP_TIMEOUT)}


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
    session = Session(km, kc)
    results = []
    try:
        kc.wait_for_ready(timeout=120)
        for step in steps:
            if "execute" in step:
                results.append(session.execute(step["execute"], step.get("interrupt"), step.get("interrupt_on_output")))
            elif "run_all" in step:
                results.append(session.run_all(step["run_all"]))
            elif "complete" in step:
                results.append(session.request(kc.complete, step["complete"], step["cursor"]))
            elif "inspect" in step:
                results.append(session.request(kc.inspect, step["inspect"], step["cursor"]))
            elif "is_complete" in step:
                results.append(session.request(kc.is_complete, step["is_complete"]))
            elif "history_tail" in step:
                results.append(session.request(lambda n: kc.history(hist_access_type="tail", n=n), step["history_tail"]))
            elif "kernel_info" in step:
                results.append(session.request(kc.kernel_info))
            else:
                raise ValueError("unknown step " + repr(step))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
