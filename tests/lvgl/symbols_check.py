#!/usr/bin/env python3
"""No global symbol of the LVGL library is also defined by a shared library the firmware
loads: linked into the firmware first, LVGL's would stand in for the library's (as LVGL's C
copy of lodepng's variables did for Debian's liblodepng, behind the lodepng module).
usage: symbols_check.py LIBLVGL.a FIRMWARE"""
import subprocess
import sys

lib, firmware = sys.argv[1:3]


def defined(*args):
    out = subprocess.run(["nm", "--defined-only", *args], capture_output=True, text=True, check=True).stdout
    return {f[2].split("@")[0] for f in (line.split() for line in out.splitlines()) if len(f) == 3 and f[1].isupper()}


lvgl = defined(lib)
shared = [l.split("=>")[1].split()[0] for l in subprocess.run(["ldd", firmware], capture_output=True, text=True,
                                                               check=True).stdout.splitlines() if "=> /" in l]
clashes = {so: sorted(lvgl & defined("-D", so)) for so in shared}
clashes = {so: names for so, names in clashes.items() if names}
for so, names in clashes.items():
    print("FAIL: %s defines what LVGL defines: %s" % (so, " ".join(names[:20])))
if not lvgl or not shared:
    print("FAIL: nothing to compare (%d LVGL symbols, %d shared libraries)" % (len(lvgl), len(shared)))
    sys.exit(1)
print("%d LVGL symbols, none in the %d shared libraries of %s" % (len(lvgl), len(shared), firmware))
sys.exit(1 if clashes else 0)
