"""Runs a command in a process group of its own and ends the whole group (the command and what
it started, such as the firmware) when it times out, when it returns, and when the test itself
ends or is stopped, so that a hung test leaves no process running."""
import atexit
import os
import signal
import subprocess
import tempfile

_groups = set()


def _kill(group):
    try:
        os.killpg(group, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _kill_all():
    for group in list(_groups):
        _kill(group)


def _on_signal(signum, frame):
    _kill_all()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


atexit.register(_kill_all)
for _s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(_s, _on_signal)


def run(args, timeout, **kwargs):
    """subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kwargs), with
    the command's whole process group killed on a timeout and once the command has returned.
    Output goes through files, not pipes: a process left behind cannot hold the call open."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        p = subprocess.Popen(args, start_new_session=True, stdout=out, stderr=err, text=True, **kwargs)
        _groups.add(p.pid)
        try:
            p.wait(timeout=timeout)
        finally:
            _kill(p.pid)  # on a timeout the command too; else whatever it left behind
            p.wait()
            _groups.discard(p.pid)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(args, p.returncode, out.read(), err.read())
