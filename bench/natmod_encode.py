# Encodes N frames with show() (single buffered, so nothing waits on the emulated panel).
# Run by bench/natmod_callgrind.sh with the built-in module and with the native one.
import sys

import hub75

n = int(sys.argv[1])
m = hub75.Matrix(width=64, height=32, depth=8, double_buffer=False)
buf = bytearray(m.width * m.height * 2)
for i in range(len(buf)):
    buf[i] = i * 7 & 0xFF
for i in range(n):
    m.show(buf)
m.deinit()
