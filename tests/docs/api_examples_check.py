# Every ```python example in the API reference (docs/api/*.md) runs as it is on the host
# firmware: status 0 and no traceback. Usage: python3 api_examples_check.py FIRMWARE DOCS_DIR
import glob
import os
import re
import subprocess
import sys
import tempfile

fw, docs = sys.argv[1], sys.argv[2]
failures, count = [], 0
for page in sorted(glob.glob(os.path.join(docs, "*.md"))):
    text = open(page).read()
    for n, code in enumerate(re.findall(r"```python\n(.*?)```", text, re.S)):
        count += 1
        with tempfile.TemporaryDirectory(prefix="upanel-docs-") as tmp:
            script = os.path.join(tmp, "example.py")
            with open(script, "w") as f:
                f.write(code)
            p = subprocess.run([fw, script], cwd=tmp, capture_output=True, text=True)
        name = "%s example %d" % (os.path.basename(page), n + 1)
        ok = p.returncode == 0 and "Traceback" not in p.stderr + p.stdout
        print(("ok   " if ok else "FAIL ") + name)
        print("     " + p.stdout.strip().replace("\n", "\n     "))
        if not ok:
            failures.append("%s: status %d\n%s%s" % (name, p.returncode, p.stdout, p.stderr))
if count == 0:
    failures.append("no examples found in %s" % docs)
if failures:
    sys.exit("API examples failed:\n" + "\n".join(failures))
print("%d API examples OK" % count)
