#!/usr/bin/env python3
"""Runs a MicroPython script and checks that it exits 0 and that its stderr has each of the
given lines (for what a binding reports rather than raises, such as exceptions in hard
callbacks); one that starts with "stdout:" is looked for in its stdout instead (what C
prints). usage: run_expect.py FIRMWARE SCRIPT [EXPECTED_STDERR_SUBSTRING...]"""
import subprocess
import sys

firmware, script, *expected = sys.argv[1:]
r = subprocess.run([firmware, script], capture_output=True, text=True, timeout=600)
sys.stdout.write(r.stdout)
sys.stderr.write(r.stderr)
missing = [e for e in expected if not e.startswith("stdout:") and e not in r.stderr]
missing += [e for e in expected if e.startswith("stdout:") and e[len("stdout:"):] not in r.stdout]
for e in missing:
    print("FAIL: %s lacks %r" % (("stdout", e[7:]) if e.startswith("stdout:") else ("stderr", e)))
sys.exit(1 if r.returncode != 0 or missing else 0)
