# Zero CPU load: while the picture does not change the driver makes no register access and
# takes no interrupt; a show() costs at most one interrupt.
import esp32sim
import hub75
from checks import check

m = hub75.Matrix()
buf = bytearray(b"\x1f\x00" * (m.width * m.height))
m.show(buf)
esp32sim.run_ms(10)
before = esp32sim.info()
esp32sim.run_ms(3000)
after = esp32sim.info()
for k in ("reg_reads", "reg_writes", "interrupts"):
    check(after[k] == before[k], "%s changed while idle: %d -> %d" % (k, before[k], after[k]))
panel = esp32sim.info("hub75")
check(panel["refreshes"] > 4000, "the panel kept refreshing on its own: %r" % panel)

for i in range(20):
    s0 = esp32sim.info()["interrupts"]
    m.show(buf)
    esp32sim.run_ms(2)
    check(esp32sim.info()["interrupts"] - s0 <= 1, "show() took more than one interrupt")
check(esp32sim.faults() == [], "faults: %r" % esp32sim.faults())
m.deinit()
print("idle ok")
