#!/usr/bin/python3
"""The xtensawin link checker must fail on a module with one l32r pointing one word off.

Copies MODULE.mpy, moves the first checked l32r's offset field by one word (the kind of
silent mislink the checker exists for) and expects check_xtensa_link to report that l32r.
Usage: check_xtensa_link_catches.py MODULE.mpy NATIVEGLUE_H WORK_DIR OBJECT.o...
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_xtensa_link  # noqa: E402

mpy, nativeglue, work, objs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
errors, sites = check_xtensa_link.check(mpy, nativeglue, objs)
assert not errors, errors
assert sites, "no l32r checked"
data = bytearray(open(mpy, "rb").read())
site = sites[len(sites) // 2]
assert data[site] & 0xF == 1, "not an l32r at the reported place"
imm16 = data[site + 1] | data[site + 2] << 8
imm16 = (imm16 + 1) & 0xFFFF  # one word further on
data[site + 1], data[site + 2] = imm16 & 0xFF, imm16 >> 8
os.makedirs(work, exist_ok=True)
bad = os.path.join(work, "corrupt_" + os.path.basename(mpy))
open(bad, "wb").write(data)
errors, _ = check_xtensa_link.check(bad, nativeglue, objs)
print("\n".join(errors))
assert len(errors) == 1 and "l32r loads" in errors[0], errors
print("the one wrong l32r (file offset %d) was reported" % site)
