# The user's firmware has the drivers and the generated modules people use, and none of the
# modules that only tests and benchmarks need (those are in build/micropython-test).
from checks import check

for name in ("hub75", "ili9341", "esp32sim", "espidf", "lodepng"):
    __import__(name)
for name in ("mpbdemo", "shapes", "mpbhand", "cxxhand"):
    try:
        __import__(name)
        check(False, "%s is in the user's firmware" % name)
    except ImportError:
        pass
print("firmware modules ok")
