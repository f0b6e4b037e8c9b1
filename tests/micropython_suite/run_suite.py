#!/usr/bin/env python3
"""MicroPython's own test suite (tests/run-tests.py of the tree the firmware is built from)
run against the host firmware, so that a change to the firmware's build that breaks
MicroPython itself fails CI.

  run_suite.py FIRMWARE MICROPYTHON_TESTS_DIR RESULT_DIR [--sanitized]

--sanitized: the firmware is the AddressSanitizer/UBSan build (tests/sanitizers/ubsan.supp
names the undefined behaviour of MicroPython's own code the suite reaches); the tests below
in SANITIZED_EXCLUDED are left out there.

Exit status 0 when every test run passed; a failed test is run once more (see below) before
it counts.
"""
import os
import resource
import subprocess
import sys
import time

DIRS = ["basics", "extmod", "float", "micropython", "misc", "io", "import"]

# Tests left out, by path, each with the reason. Only what needs a package or a machine
# setting the firmware does not have; anything else failing is a failure.
EXCLUDED = {
    # unittest is a micropython-lib package: not in the firmware, nor in MicroPython's tree as
    # fetched (run-tests.py stops at the first test that imports it and cannot).
    "extmod/machine1.py": "imports unittest",
    "extmod/marshal_micropython.py": "imports unittest",
    "extmod/ssl_noleak.py": "imports unittest",
    "extmod/vfs_rom.py": "imports unittest",
    # The firmware's machine.Timer is the ESP32 port's on virtual time (esp32sim), which takes
    # a timer id as on the chip; the test is for the unix port's soft timer without one.
    "extmod/machine_soft_timer.py": "machine.Timer is the ESP32 port's (an id is required)",
}

# Left out of the sanitizer build only: the native and viper emitters' exception handling
# (try/with/generators in @micropython.native and @micropython.viper code) jumps through the
# setjmp-based NLR that build uses (MICROPY_NLR_SETJMP, as AddressSanitizer needs) from
# machine code the emitter wrote, which AddressSanitizer cannot follow: it crashes in
# MicroPython's runtime, not in upanel's code. The normal build runs them.
SANITIZED_EXCLUDED = {
    "micropython/native_gen.py": "native code's generators under the setjmp NLR",
    "micropython/native_try.py": "native code's exceptions under the setjmp NLR",
    "micropython/native_try_deep.py": "native code's exceptions under the setjmp NLR",
    "micropython/native_with.py": "native code's with-blocks under the setjmp NLR",
    "micropython/viper_globals.py": "viper code's exceptions under the setjmp NLR",
    "micropython/viper_try.py": "viper code's exceptions under the setjmp NLR",
    "micropython/viper_with.py": "viper code's with-blocks under the setjmp NLR",
}

# select_poll_fd expects poll() to refuse more descriptors than the open-file limit, which
# MicroPython's own CI sets to 1024; the suite runs with that limit.
OPEN_FILES = 1024


def limit_open_files():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(OPEN_FILES, hard), hard))


def main():
    firmware, tests_dir, result_dir = (os.path.abspath(a) for a in sys.argv[1:4])
    excluded = dict(EXCLUDED)
    if "--sanitized" in sys.argv[4:]:
        excluded.update(SANITIZED_EXCLUDED)
    args = [sys.executable, "run-tests.py", "-r", result_dir, "-d", *DIRS]
    for path in sorted(excluded):
        args += ["-e", "^" + path.replace(".", r"\.") + "$"]
    env = dict(os.environ, MICROPY_MICROPYTHON=firmware)
    env.pop("MICROPYPATH", None)
    start = time.monotonic()
    code = subprocess.run(args, cwd=tests_dir, env=env, preexec_fn=limit_open_files).returncode
    if code:
        # Some tests time real sleeps of 10-200 ms (asyncio's): on a busy machine they can
        # miss once. What fails again is a failure.
        print("run again, failed tests only:")
        retry = [sys.executable, "run-tests.py", "-r", result_dir, "--run-failures"]
        code = subprocess.run(retry, cwd=tests_dir, env=env, preexec_fn=limit_open_files).returncode
    if code:
        subprocess.run([sys.executable, "run-tests.py", "-r", result_dir, "--print-failures"],
                       cwd=tests_dir, env=env)
    print(f"{len(excluded)} excluded by name; {time.monotonic() - start:.0f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
