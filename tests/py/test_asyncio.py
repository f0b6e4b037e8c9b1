# MicroPython's asyncio is frozen into the host firmware (LVGL's event loop can run on it):
# tasks interleave at their awaits, events wake their waiters, timeouts cancel, and results and
# exceptions come back through gather; sleeps keep their order.
import asyncio
import os
import uasyncio
from checks import check

check(uasyncio.sleep_ms is asyncio.sleep_ms, "uasyncio is asyncio")
try:  # a frozen module's __file__ names no file
    os.stat(asyncio.__file__)
    check(False, "asyncio comes from a file: %s" % asyncio.__file__)
except OSError:
    pass

log = []


async def worker(name, n):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep_ms(0)
    return name * n


async def sleeper(ms, out):
    await asyncio.sleep_ms(ms)
    out.append(ms)


async def waiter(event, out):
    await event.wait()
    out.append("woken")


async def failing():
    await asyncio.sleep_ms(1)
    raise ValueError("from a task")


async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 2))
    check(results == ["aaa", "bb"], "gather's results: %r" % results)
    check(log == [("a", 0), ("b", 0), ("a", 1), ("b", 1), ("a", 2)], "interleaved: %r" % log)

    order = []
    await asyncio.gather(*(sleeper(ms, order) for ms in (30, 10, 20)))
    check(order == [10, 20, 30], "sleeps end in time order: %r" % order)

    event, out = asyncio.Event(), []
    task = asyncio.create_task(waiter(event, out))
    await asyncio.sleep_ms(5)
    check(out == [], "a waiter waits")
    event.set()
    await task
    check(out == ["woken"], "the event wakes it")

    try:
        await asyncio.wait_for(sleeper(1000, order), 0.01)
        check(False, "wait_for times out")
    except asyncio.TimeoutError:
        pass

    r = await asyncio.gather(failing(), worker("c", 1), return_exceptions=True)
    check(isinstance(r[0], ValueError) and r[1] == "c", "exceptions through gather: %r" % r)
    return "done"


check(asyncio.run(main()) == "done", "asyncio.run returns main's result")
print("asyncio ok")
