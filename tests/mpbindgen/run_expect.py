#!/usr/bin/env python3
"""Runs a MicroPython script and checks that it exits 0 and that its stderr has each of the
given lines (for what a binding reports rather than raises, such as exceptions in hard
callbacks). usage: run_expect.py FIRMWARE SCRIPT [EXPECTED_STDERR_SUBSTRING...]"""
import subprocess
import sys

firmware, script, *expected = sys.argv[1:]
r = subprocess.run([firmware, script], capture_output=True, text=True, timeout=600)
sys.stdout.write(r.stdout)
sys.stderr.write(r.stderr)
missing = [e for e in expected if e not in r.stderr]
for e in missing:
    print("FAIL: stderr lacks %r" % e)
sys.exit(1 if r.returncode != 0 or missing else 0)
