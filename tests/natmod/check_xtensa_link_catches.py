#!/usr/bin/python3
"""The xtensawin link checker must fail on a module with one l32r pointing one word off, and
on one with one relocated word off by a word.

Copies MODULE.mpy twice: in one, the offset field of a checked l32r moves by one word (the
kind of silent mislink the checker exists for); in the other, an R_XTENSA_32 word gains 4.
check_xtensa_link must report exactly that one place each time.
Usage: check_xtensa_link_catches.py MODULE.mpy NATIVEGLUE_H WORK_DIR OBJECT.o...
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_xtensa_link  # noqa: E402

mpy, nativeglue, work, objs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
errors, l32r_sites, abs_sites = check_xtensa_link.check(mpy, nativeglue, objs)
assert not errors, errors
assert l32r_sites and abs_sites, "nothing checked"
original = open(mpy, "rb").read()
os.makedirs(work, exist_ok=True)


def expect_one(data, what, words):
    bad = os.path.join(work, "corrupt_" + os.path.basename(mpy))
    open(bad, "wb").write(data)
    errors, _, _ = check_xtensa_link.check(bad, nativeglue, objs)
    print("\n".join(errors))
    assert len(errors) == 1 and words in errors[0], errors
    print("the one wrong %s was reported" % what)


data = bytearray(original)
site = l32r_sites[len(l32r_sites) // 2]
assert data[site] & 0xF == 1, "not an l32r at the reported place"
imm16 = ((data[site + 1] | data[site + 2] << 8) + 1) & 0xFFFF  # one word further on
data[site + 1], data[site + 2] = imm16 & 0xFF, imm16 >> 8
expect_one(data, "l32r (file offset %d)" % site, "l32r loads")

data = bytearray(original)
site = abs_sites[len(abs_sites) // 2]
(word,) = struct.unpack_from("<I", data, site)
struct.pack_into("<I", data, site, (word + 4) & 0xFFFFFFFF)
expect_one(data, "absolute word (file offset %d)" % site, "word holds")
