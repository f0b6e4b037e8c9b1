# Callbacks from interrupt context: hard mode runs at once with the heap locked (allocating
# raises MemoryError, reported, never a crash, and the interrupted C code goes on); scheduled
# mode queues the call with micropython.schedule and reports a full queue.
import micropython
import mpbdemo as d
from bind_checks import check

micropython.alloc_emergency_exception_buf(256)  # as ESP32 scripts do: room for a handler's error

hits = [0, 0]


def hard(ev, arg):
    hits[0] += 1
    hits[1] += ev.code * arg[0]


d.demo_irq_attach(0, hard, [10])
d.demo_irq_raise(0, 4)
check(hits == [4, (0 + 1 + 2 + 3) * 10], "hard callbacks ran at once: %r" % hits)


def allocating(ev, arg):
    arg.append([1, 2, 3])  # allocates: forbidden in a hard callback


calls = []
d.demo_irq_attach(1, allocating, calls)
d.demo_irq_raise(1, 2)  # reported on stderr (checked by the test runner), C goes on
check(calls == [], "the allocation did not happen")
# Each line keeps its own handler (config key=line): attaching line 1 left line 0's alone.
d.demo_irq_raise(0, 1)
check(hits[0] == 5, "line 0 still runs its own handler: %r" % hits)

got = []


def soft(ev, arg):
    got.append((ev.code, arg, [0] * 3))  # allocating is fine here


d.demo_soft_attach(2, soft, "s")
d.demo_irq_raise(2, 1)
check(got == [], "scheduled, not run inside the interrupt")
for i in range(10):
    pass
check(got == [(0, "s", [0, 0, 0])], "ran after the interrupt: %r" % got)

# A burst faster than Python drains the queue: the first runs, the rest are reported.
d.demo_irq_raise(2, 50)
for i in range(10):
    pass
check(len(got) == 2 and got[1][0] == 0, "one of the burst ran, with the first event's copy")
print("isr ok")
