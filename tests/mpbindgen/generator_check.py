#!/usr/bin/env python3
"""mpbindgen as a command: deterministic output that compiles with -Wall -Wextra -Werror
under gcc and clang, a report of what it skipped and why, stubs with the C signatures and doc
comments, and clear errors with a non-zero exit for bad input.
usage: generator_check.py MPBINDGEN MICROPY_DIR FIRMWARE_BUILD_DIR"""
import os
import re
import subprocess
import sys
import tempfile

mpbindgen, micropy, fw_build = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
demo = os.path.join(here, "demo")
runtime = os.path.join(here, "..", "..", "mpbindgen", "runtime")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([mpbindgen, *args], capture_output=True, text=True, timeout=120)


tmp = tempfile.mkdtemp()
out = [os.path.join(tmp, n) for n in ("a.c", "a.pyi", "b.c", "b.pyi")]
gen = ["-M", "mpbdemo", "--config", os.path.join(demo, "mpbdemo.cfg"), os.path.join(demo, "mpbdemo.h")]
r1 = run(*gen, "-o", out[0], "--pyi", out[1])
r2 = run(*gen, "-o", out[2], "--pyi", out[3])
check(r1.returncode == 0, "generation succeeds: " + r1.stderr)
text = open(out[0]).read()
check(text == open(out[2]).read() and open(out[1]).read() == open(out[3]).read(), "deterministic output")
check(tmp not in text, "no machine path in the generated code")

# The report: every skipped declaration with its reason.
for what, reason in [("demo_printf()", "variadic"), ("demo_long_double()", "long double"),
                     ("DEMO_SQUARE", "function-like macro"), ("DEMO_EMPTY", "not an integer")]:
    check(re.search(re.escape(what) + r": .*" + re.escape(reason), r1.stderr), "report says %s: %s" % (what, reason))
check("C functions only: demo_apply.f" in r1.stderr, "report names callback slots without Python support")
check(re.search(r"bound \d+ functions, 7 structs/unions, 2 enums, 11 constants", r1.stderr), "summary: " + r1.stderr.splitlines()[0])

# Stubs: C signature and doc comment.
pyi = open(out[1]).read()
check("def demo_add(a: int, b: int) -> int:" in pyi and "Adds two ints." in pyi, "stub of demo_add")
check("int demo_add(int a, int b)" in pyi, "C signature in the stub")
check("class DEMO_COLOR:" in pyi and "class demo_rect_t:" in pyi and "DEMO_NAME: str" in pyi, "stub classes")
compile(pyi, "mpbdemo.pyi", "exec")  # valid Python

# Generated modules compile warning-free under both compilers: mpbdemo, and real headers from
# Debian's packages (libpng's png.h; lodepng.h, read as C++ for its C++ linkage). Names the
# firmware's qstr table lacks are declared for the check.
known = set(re.findall(r"MP_QSTR_(\w+)", open(os.path.join(fw_build, "genhdr", "qstrdefs.generated.h")).read()))


def compiles(c_file, *includes, thunks=None, std="c++17"):
    used = set(re.findall(r"MP_QSTR_(\w+)", open(c_file).read()))
    fake = os.path.join(tmp, os.path.basename(c_file) + ".qstr.h")
    with open(fake, "w") as f:
        f.write("enum {\n" + "".join("MP_QSTR_%s = %d,\n" % (q, 60000 + i) for i, q in enumerate(sorted(used - known)))
                + "mpb_check_no_qstr_missing\n};\n")
    inc = ["-I" + p for p in (micropy, os.path.join(micropy, "ports/unix"), os.path.join(micropy, "ports/unix/variants/standard"),
                              fw_build, runtime, *includes)]
    for cc in ("gcc", "clang"):
        c = subprocess.run([cc, "-std=gnu99", "-fsyntax-only", "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter", "-DUNIX",
                            *inc, "-include", os.path.join(micropy, "py/mpconfig.h"), "-include", os.path.join(micropy, "py/qstr.h"),
                            "-include", fake, c_file], capture_output=True, text=True)
        check(c.returncode == 0, "%s: %s -Wall -Wextra -Werror: %s" % (c_file, cc, c.stderr[:2000]))
    if thunks:
        for cxx in ("g++", "clang++"):
            c = subprocess.run([cxx, "-std=" + std, "-fsyntax-only", "-Wall", "-Wextra", "-Werror", *inc, thunks],
                               capture_output=True, text=True)
            check(c.returncode == 0, "%s: %s: %s" % (thunks, cxx, c.stderr[:2000]))


compiles(out[0], demo)
png_c = os.path.join(tmp, "png.c")
r = run("/usr/include/png.h", "-M", "png", "-o", png_c)
check(r.returncode == 0 and re.search(r"bound [1-9]\d\d functions", r.stderr), "png.h: " + r.stderr[:300])
compiles(png_c)
lode = [os.path.join(tmp, n) for n in ("lodepng.c", "lodepng_thunks.cpp")]
r = run("/usr/include/lodepng.h", "-M", "lodepng", "-o", lode[0], "--cxx-thunks", lode[1])
check(r.returncode == 0 and "C++ namespaces" in r.stderr, "lodepng.h as C++: " + r.stderr[:300])
compiles(lode[0], thunks=lode[1])

# A C++ API (--cxx): the C half and the C++ glue compile warning-free under both compilers,
# deterministically; the report names what it left out; the stubs are Python.
cxx = [os.path.join(tmp, n) for n in ("shapes.c", "shapes_glue.cpp", "shapes.pyi", "shapes2.c", "shapes2_glue.cpp")]
hpp = os.path.join(demo, "shapes.hpp")
r = run(hpp, "-M", "shapes", "-o", cxx[0], "--cxx", cxx[1], "--pyi", cxx[2])
r2 = run(hpp, "-M", "shapes", "-o", cxx[3], "--cxx", cxx[4])
check(r.returncode == 0 and r2.returncode == 0, "shapes.hpp: " + r.stderr[:300])
check(open(cxx[0]).read() == open(cxx[3]).read() and open(cxx[1]).read() == open(cxx[4]).read(),
      "C++ output is deterministic")
check(re.search(r"bound 4 namespaces, 6 classes, \d+ functions", r.stderr), "C++ summary: " + r.stderr[:200])
check(re.search(r"identity: templates are not bound", r.stderr) and re.search(r"sum_all\(\): variadic", r.stderr),
      "C++ report: " + r.stderr)
compiles(cxx[0], demo, thunks=cxx[1], std="c++20")
stub = open(cxx[2]).read()
compile(stub, "shapes.pyi", "exec")
for want in ("class geo:", "class Circle('Shape'):", "@overload", "def scale(v: int, by: int = ...) -> int:",
             "label: str", "by defaults to 2", "The centre, by reference"):
    check(want in stub, "C++ stub has %r" % want)

# A real C++ header from Debian's packages (Google Benchmark's, installed for the benchmarks):
# its classes, overloads and namespaces bound, both halves warning-free under both compilers.
bm = [os.path.join(tmp, n) for n in ("benchmark.c", "benchmark_glue.cpp", "benchmark.pyi")]
r = run("/usr/include/benchmark/benchmark.h", "-M", "benchmark", "-o", bm[0], "--cxx", bm[1], "--pyi", bm[2])
check(r.returncode == 0 and re.search(r"bound \d+ namespaces, [1-9]\d+ classes, [1-9]\d\d+ functions", r.stderr),
      "benchmark.h: " + r.stderr[:300])
compiles(bm[0], "/usr/include/benchmark", thunks=bm[1], std="c++20")
compile(open(bm[2]).read(), "benchmark.pyi", "exec")

# The committed stubs of the generated modules are the ones the build generates.
gen = os.path.join(os.path.dirname(os.path.abspath(fw_build)), "gen")
for name in ("espidf", "lodepng"):
    built = open(os.path.join(gen, name + ".pyi")).read()
    kept = open(os.path.join(here, "..", "..", "stubs", name + ".pyi")).read()
    check(built == kept, "stubs/%s.pyi is stale: copy %s/%s.pyi over it" % (name, "build/gen", name))

# Bad input: clear messages, non-zero exit, no crash.
bad = os.path.join(tmp, "bad.h")
with open(bad, "w") as f:
    f.write("int ok(int a);\nint broken(int a,);\nint also_bad(undefined_t y);\n")
r = run(bad, "-M", "bad", "-o", os.path.join(tmp, "bad.c"))
check(r.returncode == 1, "malformed header exits 1 (got %d)" % r.returncode)
check(re.search(r"bad\.h:2:\d+: error", r.stderr) and re.search(r"bad\.h:3:\d+: error", r.stderr),
      "file:line diagnostics: " + r.stderr)
r = run(os.path.join(tmp, "missing.h"), "-M", "x", "-o", os.path.join(tmp, "x.c"))
check(r.returncode == 1 and "missing.h" in r.stderr, "missing header: " + r.stderr)
r = run(os.path.join(demo, "mpbdemo.h"), "-o", os.path.join(tmp, "x.c"))
check(r.returncode == 2 and "-M NAME" in r.stderr, "missing -M: " + r.stderr)
r = run(os.path.join(demo, "mpbdemo.h"), "-M", "1bad", "-o", os.path.join(tmp, "x.c"))
check(r.returncode == 2 and "not an identifier" in r.stderr, "bad module name: " + r.stderr)
r = run(os.path.join(demo, "mpbdemo.h"), "-M", "x", "-o", os.path.join(tmp, "x.c"), "--include", "(")
check(r.returncode == 2 and "regular expression" in r.stderr, "bad regex: " + r.stderr)
cfg = os.path.join(tmp, "bad.cfg")
with open(cfg, "w") as f:
    f.write("# fine\ncallback a.b mode=sometimes\n")
r = run(os.path.join(demo, "mpbdemo.h"), "-M", "x", "-o", os.path.join(tmp, "x.c"), "--config", cfg)
check(r.returncode == 2 and "bad.cfg:2:" in r.stderr and "mode=hard" in r.stderr, "bad config: " + r.stderr)
for entry, says in (("export demo_nope.cb as f", "no such callback slot"), ("export demo_apply.f as g", "cannot call Python"),
                    ("export demo_for_each.cb as", "SLOT as NAME"),
                    ("callback demo_irq_attach.isr key=nope", "has no such parameter"),
                    ("callback demo_apply.f key=a", "key= is for"),
                    ("callback demo_irq_attach.isr key=line,", "PARAM[,PARAM...]"),
                    ("callback demo_irq_attach.isr key=", "PARAM[,PARAM...]")):
    with open(cfg, "w") as f:
        f.write(entry + "\n")
    r = run(os.path.join(demo, "mpbdemo.h"), "-M", "x", "-o", os.path.join(tmp, "x.c"), "--config", cfg)
    check(r.returncode == 2 and says in r.stderr, "bad config entry '%s': %s" % (entry, r.stderr))
r = run(os.path.join(demo, "mpbdemo.h"), "-M", "x", "-o", os.path.join(tmp, "x.c"), "--exclude", "^demo_(add|i8)$")
check(r.returncode == 0 and "demo_add" not in open(os.path.join(tmp, "x.c")).read().replace("demo_add_", ""),
      "--exclude leaves functions out")
binary = os.path.join(tmp, "binary.h")
with open(binary, "wb") as f:
    f.write(bytes(range(256)) * 4)
r = run(binary, "-M", "x", "-o", os.path.join(tmp, "x.c"))
check(r.returncode in (0, 1) and r.returncode >= 0, "binary garbage: exit %d, no crash" % r.returncode)

print("generator checks: %s" % ("%d failed" % len(failures) if failures else "ok"))
sys.exit(1 if failures else 0)
