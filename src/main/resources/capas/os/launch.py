# Started by capas.os.Launcher as: python3 -I -S -c <this> <program path> <argv...>
# Prepares the process so that capas.os.ProcessTree can stop all of it, then becomes the program
# (exec: no extra process stays behind, and the program keeps this pid).
import ctypes
import os
import signal
import sys

# A terminal's foreground job takes Ctrl-C: undo an inherited "ignore SIGINT" (a kernel started in
# the background), and Python's own SIGPIPE/SIGXFSZ ignores, which exec would pass on.
for s in (signal.SIGINT, signal.SIGPIPE, signal.SIGXFSZ):
    signal.signal(s, signal.SIG_DFL)
# A session and process group of its own: SIGINT/SIGTERM reach the whole job, as from a terminal,
# and never the kernel; without a controlling terminal sudo fails at once instead of prompting.
try:
    os.setsid()
except OSError:
    pass
# PR_SET_CHILD_SUBREAPER (36), kept across exec, even sudo's: what the program's children
# daemonize (podman's conmon) is adopted by the program instead of init, so it stays in the tree.
ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)
try:
    os.execv(sys.argv[1], sys.argv[2:])
except OSError as e:
    sys.stderr.write("%s: %s\n" % (sys.argv[1], e.strerror))
    os._exit(127)
