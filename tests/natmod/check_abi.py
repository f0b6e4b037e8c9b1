# A native module carries the .mpy version, native ABI sub-version and architecture of the
# MicroPython it was built for; a firmware that differs refuses it with a clear error.
# Checked for every module: hub75.mpy and ili9341.mpy (which also carries merged Python).
# Usage: check_abi.py NATMOD_DIR SCRATCH_DIR
import os
import sys

from checks import check

src, scratch = sys.argv[1], sys.argv[2]
try:
    os.mkdir(scratch)
except OSError:
    pass
sys.path.insert(0, src)


def refused(name, data, patch):
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


for module, type_name in (("hub75", "Matrix"), ("ili9341", "ILI9341")):
    data = bytearray(open(src + "/" + module + ".mpy", "rb").read())
    check(data[0] == ord("M"), "not an .mpy file")
    print(module, ".mpy version %d, flags 0x%02x" % (data[1], data[2]))
    mod = __import__(module)  # the right one loads
    check(hasattr(mod, type_name), "the module defines " + type_name)
    for suffix, patch in (("_v", other_version), ("_abi", other_abi), ("_arch", other_arch)):
        msg = refused(module + suffix, data, patch)
        check("incompatible" in msg, msg)
print("abi ok")
