# select for the emulated board: MicroPython's own module, with poll objects whose waits let
# the board run. The unix port waits in the poll() system call, in host time only, so an
# asyncio loop (which waits there between tasks) would stand still on the board: its LVGL
# flushes never finish, its timers never come. Here a wait with nothing registered sleeps in
# time.sleep_ms, which runs the board, and allocates nothing (asyncio runs with the heap
# locked); with objects registered it looks every millisecond, the board running in between.
import sys

_path = sys.path
sys.path = ()  # the built-in module, not this one
try:
    from select import *  # noqa: F401,F403
    from select import poll as _poll
finally:
    sys.path = _path
del _path
import time


class poll:
    def __init__(self):
        self._poll = _poll()
        self._registered = {}

    def register(self, obj, eventmask=POLLIN | POLLOUT):  # noqa: F405
        self._poll.register(obj, eventmask)
        self._registered[id(obj)] = obj

    def modify(self, obj, eventmask):
        self._poll.modify(obj, eventmask)

    def unregister(self, obj):
        self._poll.unregister(obj)
        self._registered.pop(id(obj), None)

    def poll(self, timeout=-1):
        if not self._registered:
            _idle(timeout)
            return []
        return self._ready(timeout)

    def ipoll(self, timeout=-1, flags=0):
        if not self._registered:
            _idle(timeout)
            return ()
        ready = self._ready(timeout)
        if flags & 1:  # one-shot: as the built-in, the objects' events are cleared
            for obj, _ in ready:
                self._poll.modify(obj, 0)
        return ready

    def _ready(self, timeout):
        start = time.ticks_ms()
        while True:
            ready = self._poll.poll(0)
            if ready or timeout == 0 or 0 < timeout <= time.ticks_diff(time.ticks_ms(), start):
                return ready
            time.sleep_ms(1)


def _idle(timeout):
    # Nothing can become ready: the time passes on the board.
    if timeout < 0:
        while True:
            time.sleep_ms(1000)
    time.sleep_ms(timeout)
