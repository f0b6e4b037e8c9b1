# Part of ili9341.mpy, run after the native part: the transfer-done interrupt reaches the
# scheduler through _schedule, since mp_sched_schedule is not in the native function table.
# It must not raise there, so a full queue becomes False (wait() then makes the call).
# Straight-line code: no branch, so the VM runs no scheduled callback or pending exception
# inside it, in the interrupt.
from micropython import schedule as _micropython_schedule  # private: not part of the API


def _schedule(f, a):
    try:
        _micropython_schedule(f, a)
        return True
    except:  # noqa: E722 - only "schedule queue full" can come; anything else must not escape
        return False


_set_scheduler(_schedule)  # noqa: F821 - defined by the native part
del _set_scheduler  # noqa: F821
