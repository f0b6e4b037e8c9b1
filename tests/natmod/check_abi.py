# A native module carries the .mpy version, native ABI sub-version and architecture of the
# MicroPython it was built for; a firmware that differs refuses it with a clear error.
# Usage: check_abi.py NATMOD_DIR SCRATCH_DIR
import os
import sys

from checks import check

src, scratch = sys.argv[1], sys.argv[2]
try:
    os.mkdir(scratch)
except OSError:
    pass
data = bytearray(open(src + "/hub75.mpy", "rb").read())
check(data[0] == ord("M"), "not an .mpy file")
print(".mpy version %d, flags 0x%02x" % (data[1], data[2]))

sys.path.insert(0, src)
import hub75  # the right one loads

check(hasattr(hub75, "Matrix"), "the module defines Matrix")


def refused(name, patch):
    bad = bytearray(data)
    patch(bad)
    with open(scratch + "/" + name + ".mpy", "wb") as f:
        f.write(bad)
    sys.path.insert(0, scratch)
    try:
        __import__(name)
    except ValueError as e:
        print(name, "->", e)
        return str(e)
    finally:
        sys.path.pop(0)
    raise AssertionError(name + " was loaded")


# Byte 1: the .mpy format version; byte 2: architecture (high bits) and ABI sub-version (low).
def other_version(b):
    b[1] += 1


def other_abi(b):
    b[2] = (b[2] & ~3) | ((b[2] + 1) & 3)


def other_arch(b):
    b[2] = (b[2] & 3) | (6 << 2)  # armv7m


for name, patch in (("hub75_v", other_version), ("hub75_abi", other_abi), ("hub75_arch", other_arch)):
    msg = refused(name, patch)
    check("incompatible" in msg, msg)
print("abi ok")
