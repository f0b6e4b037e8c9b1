#!/usr/bin/python3
"""Checks an xtensawin native .mpy against the object files it was linked from.

Independent of mpy_ld's bookkeeping: the .mpy is read the way MicroPython's loader reads it
(py/persistentcode.c), its relocations are applied with a distinct made-up base for each
destination (text, rodata, bss, qstr table, mp_fun_table and each of its entries), and each
object section is found in the result by its own bytes (relocated fields masked). Then:
- every l32r in the objects' code loads, from where its decoded offset points, the value its
  literal has in the object (constant, or symbol + addend at the symbol's found place);
- every R_XTENSA_32 word in code or constant data holds symbol + addend;
- the load-time relocations touch no word inside the objects' sections but those;
- PC-relative relocations stay inside one section (which the bytes then prove);
- the jump at the start of the text reaches mpy_init.
Usage: check_xtensa_link.py MODULE.mpy NATIVEGLUE_H OBJECT.o...   (exit 1 with the reasons)
"""
import re
import struct
import sys

from elftools.elf.elffile import ELFFile

R_XTENSA_32 = 1
R_XTENSA_ASM_EXPAND = 11
R_XTENSA_SLOT0_OP = 20

# Made-up load addresses: far apart, so that a word relocated against the wrong
# destination, or not relocated, cannot hold the expected value.
TEXT_BASE = 0x10000000
RODATA_BASE = 0x20000000
BSS_BASE = 0x30000000
QSTR_TABLE = 0x40000000
OBJ_TABLE = 0x50000000
FUN_TABLE = 0x60000000
FUN_ENTRY_BASE = 0x70000000  # the value held in mp_fun_table entry i: FUN_ENTRY_BASE + 4 i

MP_CODE_BYTECODE = 2
MP_CODE_NATIVE_VIPER = 4
MP_SCOPE_FLAG_VIPERRELOC = 0x10
MP_SCOPE_FLAG_VIPERRODATA = 0x20
MP_SCOPE_FLAG_VIPERBSS = 0x40


class CheckError(Exception):
    pass


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def byte(self):
        b = self.data[self.pos]
        self.pos += 1
        return b

    def bytes(self, n):
        b = self.data[self.pos : self.pos + n]
        if len(b) != n:
            raise CheckError("truncated .mpy")
        self.pos += n
        return b

    def uint(self):
        v = 0
        while True:
            b = self.byte()
            v = (v << 7) | (b & 0x7F)
            if not b & 0x80:
                return v


class NativeCode:
    """The one viper (native module) raw code of a .mpy, as the loader sees it."""

    def __init__(self):
        self.text = None
        self.text_pos = None  # where the text starts in the file
        self.rodata = b""
        self.rodata_pos = None
        self.bss_size = 0
        self.relocs = []  # (blob, word index, destination address)


def read_obj(r):
    kind = r.byte()
    if kind == ord("e"):
        return
    n = r.uint()
    r.bytes(n + (1 if kind in (ord("s"), ord("b")) else 0))


def read_raw_code(r, found):
    kind_len = r.uint()
    kind = (kind_len & 3) + MP_CODE_BYTECODE
    has_children = kind_len & 4
    length = kind_len >> 3
    pos = r.pos
    fun_data = r.bytes(length)
    scope_flags = 0
    code = None
    if kind == MP_CODE_NATIVE_VIPER:
        code = NativeCode()
        code.text, code.text_pos = fun_data, pos
        scope_flags = r.uint()
        rodata_size = r.uint() if scope_flags & MP_SCOPE_FLAG_VIPERRODATA else 0
        code.bss_size = r.uint() if scope_flags & MP_SCOPE_FLAG_VIPERBSS else 0
        code.rodata_pos = r.pos
        code.rodata = r.bytes(rodata_size)
    elif kind != MP_CODE_BYTECODE:
        raise CheckError("unexpected raw code kind %d" % kind)
    if has_children:
        for _ in range(r.uint()):
            read_raw_code(r, found)
    if code is not None:
        if scope_flags & MP_SCOPE_FLAG_VIPERRELOC:
            read_relocs(r, code)
        found.append(code)


def read_relocs(r, code):
    # py/persistentcode.c, mp_native_relocate
    blob, index = None, None
    while True:
        op = r.byte()
        if op == 0xFF:
            return
        if op & 1:
            addr = r.uint()
            blob, index = ("rodata" if addr & 1 else "text"), addr >> 1
        op >>= 1
        n = 1
        if op <= 5:
            if op & 1:
                n = r.uint()
            op >>= 1
            dest = (TEXT_BASE, RODATA_BASE, BSS_BASE)[op]
        elif op == 6:
            dest = QSTR_TABLE
        elif op == 7:
            dest = OBJ_TABLE
        elif op == 8:
            dest = FUN_TABLE
        else:
            dest = FUN_ENTRY_BASE + 4 * (op - 9)
        if blob is None:
            raise CheckError("relocation before any location")
        for _ in range(n):
            code.relocs.append((blob, index, dest))
            index += 1


def read_mpy(path):
    data = open(path, "rb").read()
    r = Reader(data)
    header = r.bytes(4)
    if header[0] != ord("M") or header[2] >> 2 != 10:
        raise CheckError("%s: not an xtensawin .mpy (header %s)" % (path, header.hex()))
    n_qstr, n_obj = r.uint(), r.uint()
    for _ in range(n_qstr):
        q = r.uint()
        if not q & 1:
            r.bytes((q >> 1) + 1)
    for _ in range(n_obj):
        read_obj(r)
    found = []
    read_raw_code(r, found)
    if len(found) != 1:
        raise CheckError("%s: %d native raw codes, expected 1" % (path, len(found)))
    return data, found[0]


def fun_table_indices(nativeglue_h):
    """mp_fun_table's member index by name, from the struct in py/nativeglue.h."""
    src = open(nativeglue_h).read()
    body = src[src.index("typedef struct _mp_fun_table_t {") :]
    body = body[body.index("{") + 1 : body.index("} mp_fun_table_t;")]
    body = re.sub(r"//[^\n]*|/\*.*?\*/", "", body, flags=re.S)
    body = "\n".join(line for line in body.split("\n") if not line.strip().startswith("#"))
    names = []
    for decl in body.split(";")[:-1]:
        m = re.search(r"\(\s*\*\s*(\w+)\s*\)\s*\(", decl) or re.search(r"(\w+)\s*$", decl)
        names.append(m.group(1))
    return {name: i for i, name in enumerate(names)}


def is_literal(name):
    return name.startswith(".literal") or name.endswith(".literal")


class Obj:
    def __init__(self, path):
        self.path = path
        elf = ELFFile(open(path, "rb"))
        if elf["e_machine"] != "EM_XTENSA":
            raise CheckError("%s: not an Xtensa object" % path)
        self.sections = {}
        self.relocs = {}
        for i, s in enumerate(elf.iter_sections()):
            self.sections[i] = s
        symtab = elf.get_section_by_name(".symtab")
        self.symbols = list(symtab.iter_symbols())
        for s in elf.iter_sections():
            if s.header.sh_type == "SHT_RELA":
                self.relocs[s.header.sh_info] = list(s.iter_relocations())
        self.data = {i: s.data() for i, s in self.sections.items() if s.header.sh_type == "SHT_PROGBITS"}


def masked_pattern(obj, idx):
    """The section's bytes and a mask of those the link may change."""
    data = obj.data[idx]
    mask = bytearray(b"\xff" * len(data))
    for r in obj.relocs.get(idx, []):
        o, t = r["r_offset"], r["r_info_type"]
        if t == R_XTENSA_32:
            mask[o : o + 4] = b"\0\0\0\0"
        elif t == R_XTENSA_SLOT0_OP:
            target = obj.sections[obj.symbols[r["r_info_sym"]]["st_shndx"]] if isinstance(
                obj.symbols[r["r_info_sym"]]["st_shndx"], int) else None
            if target is not None and is_literal(target.name):
                mask[o + 1 : o + 3] = b"\0\0"  # l32r's offset field
    return data, mask


def find_section(blob, data, mask, align, taken):
    """Offsets in blob where data matches outside the mask, not overlapping `taken`."""
    fixed = [i for i in range(len(data)) if mask[i]]
    # Anchor the search on the longest unmasked run.
    best, run_start, best_start = 0, None, 0
    for i in range(len(data) + 1):
        if i < len(data) and mask[i]:
            if run_start is None:
                run_start = i
        elif run_start is not None:
            if i - run_start > best:
                best, best_start = i - run_start, run_start
            run_start = None
    hits = []
    if best >= 4:
        anchor = data[best_start : best_start + best]
        pos = blob.find(anchor)
        while pos != -1:
            start = pos - best_start
            if start >= 0 and start % align == 0 and start + len(data) <= len(blob):
                hits.append(start)
            pos = blob.find(anchor, pos + 1)
    else:
        hits = range(0, len(blob) - len(data) + 1, align)
    out = []
    for start in hits:
        if any(blob[start + i] != data[i] for i in fixed):
            continue
        if any(start < e and s < start + len(data) for s, e in taken):
            continue
        out.append(start)
    return out


def check(mpy_path, nativeglue_h, obj_paths, report=print):
    _, code = read_mpy(mpy_path)
    funcs = fun_table_indices(nativeglue_h)
    objs = [Obj(p) for p in obj_paths]
    errors = []

    # The loaded image: relocations applied with the made-up bases.
    blobs = {"text": bytearray(code.text), "rodata": bytearray(code.rodata)}
    bases = {"text": TEXT_BASE, "rodata": RODATA_BASE}
    adjusted = {"text": set(), "rodata": set()}
    for blob, index, dest in code.relocs:
        b = blobs[blob]
        if 4 * index + 4 > len(b):
            raise CheckError("relocation outside %s: word %d" % (blob, index))
        (v,) = struct.unpack_from("<I", b, 4 * index)
        struct.pack_into("<I", b, 4 * index, (v + dest) & 0xFFFFFFFF)
        adjusted[blob].add(4 * index)

    # Where each object section went, found by its bytes; largest first (least ambiguous).
    place = {}  # (obj index, section index) -> address
    taken = {"text": [], "rodata": []}
    todo = []
    for oi, obj in enumerate(objs):
        for idx, s in obj.sections.items():
            name = s.name
            if s.header.sh_type != "SHT_PROGBITS" or not s.header.sh_flags & 2 or is_literal(name):
                continue
            if not s.header.sh_size:
                continue
            blob = "text" if name.startswith(".text") else "rodata"
            todo.append((len(obj.data[idx]), oi, idx, blob))
    todo.sort(reverse=True)
    pending = todo
    for _ in range(3):  # ambiguous ones again once others have taken their places
        again = []
        for size, oi, idx, blob in pending:
            obj = objs[oi]
            data, mask = masked_pattern(obj, idx)
            align = max(1, obj.sections[idx].header.sh_addralign)
            hits = find_section(code.text if blob == "text" else code.rodata, data, mask, align,
                                taken[blob])
            if len(hits) == 1:
                place[(oi, idx)] = bases[blob] + hits[0]
                taken[blob].append((hits[0], hits[0] + size))
            elif not hits:
                errors.append("%s %s: its bytes are nowhere in the %s" % (obj.path, obj.sections[idx].name, blob))
            else:
                again.append((size, oi, idx, blob))
        pending = again
    for size, oi, idx, blob in pending:
        errors.append("%s %s: found at %d places" % (objs[oi].path, objs[oi].sections[idx].name, len(find_section(
            code.text if blob == "text" else code.rodata, *masked_pattern(objs[oi], idx),
            max(1, objs[oi].sections[idx].header.sh_addralign), taken[blob]))))

    # Global symbols across objects.
    globals_ = {}
    for oi, obj in enumerate(objs):
        for sym in obj.symbols:
            if sym["st_info"]["bind"] in ("STB_GLOBAL", "STB_WEAK") and isinstance(sym["st_shndx"], int):
                globals_[sym.name] = (oi, sym)
    bss_place = {}  # (obj, section) -> address, inferred from the first reference, then held

    def address(oi, sym, observed=None):
        """Where the symbol is once loaded; None with a reason if unknown."""
        shndx = sym["st_shndx"]
        if shndx == "SHN_UNDEF":
            name = sym.name
            if name in globals_:
                oi, sym = globals_[name]
                return address(oi, sym, observed)
            if name == "mp_fun_table":
                return FUN_TABLE
            if name == "mp_native_qstr_table":
                return QSTR_TABLE
            if name == "mp_native_obj_table":
                return OBJ_TABLE
            member = name[3:] if name.startswith("mp_") else None
            if member in funcs:
                return FUN_ENTRY_BASE + 4 * funcs[member]
            raise CheckError("%s: undefined symbol %s" % (objs[oi].path, name))
        sec = objs[oi].sections[shndx]
        key = (oi, shndx)
        if sec.header.sh_type == "SHT_NOBITS":
            if key not in bss_place and observed is not None:
                base = observed - sym["st_value"]
                if not BSS_BASE <= base and base + sec.header.sh_size <= BSS_BASE + code.bss_size:
                    raise CheckError("%s %s: placed outside bss" % (objs[oi].path, sec.name))
                bss_place[key] = base
            return bss_place[key] + sym["st_value"] if key in bss_place else None
        if key not in place:
            return None
        return place[key] + sym["st_value"]

    def word_at(addr):
        for blob, base in bases.items():
            if base <= addr and addr + 4 <= base + len(blobs[blob]):
                return struct.unpack_from("<I", blobs[blob], addr - base)[0]
        return None

    def literal_value(oi, lit_idx, off, observed):
        obj = objs[oi]
        (raw,) = struct.unpack_from("<I", obj.data[lit_idx], off)
        for r in obj.relocs.get(lit_idx, []):
            if r["r_offset"] == off:
                if r["r_info_type"] != R_XTENSA_32:
                    raise CheckError("%s: literal relocation type %d" % (obj.path, r["r_info_type"]))
                sym = obj.symbols[r["r_info_sym"]]
                a = address(oi, sym, None if observed is None else (observed - r["r_addend"] - raw) & 0xFFFFFFFF)
                return None if a is None else (a + r["r_addend"] + raw) & 0xFFFFFFFF
        return raw

    n_l32r = n_abs = 0
    l32r_sites = []  # file offsets of the checked l32r instructions
    abs_file_sites = []  # file offsets of the checked absolute words
    abs_sites = {"text": set(), "rodata": set()}
    for (oi, idx), sec_addr in sorted(place.items()):
        obj = objs[oi]
        sec = obj.sections[idx]
        for r in obj.relocs.get(idx, []):
            t, o = r["r_info_type"], r["r_offset"]
            sym = obj.symbols[r["r_info_sym"]]
            where = "%s %s+0x%x" % (obj.path, sec.name, o)
            if t == R_XTENSA_SLOT0_OP:
                target_idx = sym["st_shndx"]
                target = obj.sections[target_idx] if isinstance(target_idx, int) else None
                if target is not None and is_literal(target.name):
                    pc = sec_addr + o
                    blob = "text" if TEXT_BASE <= pc < RODATA_BASE else None
                    if blob is None:
                        errors.append("%s: l32r outside the text" % where)
                        continue
                    b = blobs["text"]
                    insn = b[pc - TEXT_BASE] | b[pc - TEXT_BASE + 1] << 8 | b[pc - TEXT_BASE + 2] << 16
                    if insn & 0xF != 1:
                        errors.append("%s: not an l32r (0x%06x)" % (where, insn))
                        continue
                    # l32r: ((pc + 3) & ~3) + (imm16 extended with ones) * 4
                    dest = ((pc + 3) & ~3) + (((insn >> 8) | 0xFFFF0000) - (1 << 32)) * 4
                    loaded = word_at(dest)
                    expected = literal_value(oi, target_idx, sym["st_value"] + r["r_addend"], loaded)
                    n_l32r += 1
                    l32r_sites.append(code.text_pos + pc - TEXT_BASE)
                    if loaded is None or expected is None or loaded != expected:
                        errors.append("%s: l32r loads %s from 0x%x, the object's literal is %s" % (
                            where, "nothing" if loaded is None else "0x%08x" % loaded, dest,
                            "unknown" if expected is None else "0x%08x" % expected))
                elif target_idx != idx:
                    errors.append("%s: PC-relative relocation to another section (%s)" % (
                        where, getattr(target, "name", target_idx)))
            elif t == R_XTENSA_32:
                blob = "text" if sec_addr < RODATA_BASE else "rodata"
                site = sec_addr - bases[blob] + o
                (raw,) = struct.unpack_from("<I", obj.data[idx], o)
                loaded = struct.unpack_from("<I", blobs[blob], site)[0]
                a = address(oi, sym, (loaded - r["r_addend"] - raw) & 0xFFFFFFFF)
                n_abs += 1
                abs_sites[blob].add(site)
                abs_file_sites.append((code.text_pos if blob == "text" else code.rodata_pos) + site)
                expected = None if a is None else (a + r["r_addend"] + raw) & 0xFFFFFFFF
                if expected != loaded:
                    errors.append("%s: word holds 0x%08x, the object says %s" % (
                        where, loaded, "unknown" if expected is None else "0x%08x" % expected))
            elif t == R_XTENSA_ASM_EXPAND:
                pass  # a marker for linker relaxation, which mpy_ld does not do
            else:
                errors.append("%s: relocation type %d not checked" % (where, t))

    # Load-time relocations must not touch the objects' bytes except at absolute words.
    for blob in ("text", "rodata"):
        for start, end in taken[blob]:
            for w in adjusted[blob]:
                if start <= w < end and w not in abs_sites[blob]:
                    errors.append("%s+0x%x: relocated at load time, but no R_XTENSA_32 there" % (blob, w))

    # bss sections, placed by what refers to them, must not overlap.
    spans = sorted((a, a + objs[oi].sections[i].header.sh_size) for (oi, i), a in bss_place.items())
    for (_, end), (start, _) in zip(spans, spans[1:]):
        if start < end:
            errors.append("bss sections overlap at 0x%x" % start)

    # The entry: `j` (op0 6, n 0, signed 18-bit offset) at the start of the text.
    insn = code.text[0] | code.text[1] << 8 | code.text[2] << 16
    init = globals_.get("mpy_init")
    if insn & 0x3F != 0x06 or init is None:
        errors.append("text does not start with a jump, or no mpy_init")
    else:
        off = insn >> 6
        off -= (1 << 18) if off & (1 << 17) else 0
        if TEXT_BASE + 4 + off != address(*init):
            errors.append("the entry jump reaches 0x%x, mpy_init is at 0x%x" % (TEXT_BASE + 4 + off, address(*init)))

    report("%s: %d sections placed, %d l32r, %d absolute words, %d load-time relocations, %d bss "
           "sections: %s" % (mpy_path, len(place), n_l32r, n_abs, len(code.relocs), len(bss_place),
                             "%d errors" % len(errors) if errors else "all as the objects say"))
    return errors, l32r_sites, abs_file_sites


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    try:
        errors, _, _ = check(sys.argv[1], sys.argv[2], sys.argv[3:])
    except CheckError as e:
        errors = [str(e)]
    for e in errors[:40]:
        print("  " + e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
