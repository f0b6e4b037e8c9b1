# upanel's variant of the unix port (mpconfigvariant.h); the firmware's build names the frozen
# manifest (micropython/manifest.py).
