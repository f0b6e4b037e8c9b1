# asyncio on the emulated board: its loop waits in select.poll, and those waits let the board
# run (the firmware's select wraps the built-in one), so virtual time passes with the loop's
# timers and an interrupt's effect is there when a task wakes.
import asyncio
import select

import esp32sim
from checks import check

t0 = esp32sim.time_us()


async def main():
    await asyncio.sleep_ms(50)
    return esp32sim.time_us() - t0


waited = asyncio.run(main())
check(50_000 <= waited < 60_000, "asyncio.sleep_ms(50) lets the board run 50 ms: %d us" % waited)

p = select.poll()
t0 = esp32sim.time_us()
check(p.poll(20) == [], "nothing registered: nothing ready")
check(20_000 <= esp32sim.time_us() - t0 < 25_000, "poll(20) with nothing registered runs the board 20 ms")
check(p.poll(0) == [] and list(p.ipoll(0)) == [], "poll(0) does not wait")
check(select.POLLIN and select.POLLOUT, "the built-in module's constants are there")
print("asyncio board ok")
