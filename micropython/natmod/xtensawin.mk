# How C and C++ become objects for xtensawin (ESP32's Xtensa LX6 with the windowed ABI) with
# Debian sid's LLVM 21, which has no -mcpu for the ESP32: the core's options are listed as
# target features. Used by natmod.mk and by the emulated-CPU check (tests/xtensa/Makefile),
# so that what runs under QEMU is compiled exactly like the modules.
# XTENSA_BIN: the folder tools/xtensa-toolchain.sh prints (clang, llvm-mc wrappers).

# The ESP32's configuration: windowed registers, 16/32-bit multiply, 32-bit divide, NSA,
# MIN/MAX, SEXT, CLAMPS, MAC16, booleans, zero-overhead loops, single-precision FPU; the
# interrupt and exception options for rsil and wsr ps (dport_ll.h).
XTENSA_FEATURES = +density +windowed +mul16 +mul32 +mul32high +div32 +nsa +minmax +sext \
	+clamps +mac16 +bool +loop +fp +exception +interrupt +highpriinterrupts \
	+highpriinterrupts-level5
XTENSA_FEATURE_FLAGS = $(foreach f,$(XTENSA_FEATURES),-Xclang -target-feature -Xclang $(f))
comma := ,
empty :=
space := $(empty) $(empty)
XTENSA_MATTR = $(subst $(space),$(comma),$(strip $(XTENSA_FEATURES)))

# Freestanding: the compiler's headers and newlib's (Debian 12's libnewlib-dev), never the
# host's glibc; absolute addresses (a native module is relocated by MicroPython at load time,
# through mpy_ld's tables, not position-independent code).
XTENSA_CFLAGS = --target=xtensa-none-elf $(XTENSA_FEATURE_FLAGS) -nostdinc \
	-isystem $(XTENSA_BIN)/clang-include -isystem /usr/include/newlib -fno-pic
# C++ is compiled as C++ (dynruntime.h's void * conversions pass with this, where GCC needs
# -fpermissive, which clang ignores).
XTENSA_CXXFLAGS = -Wno-error -fno-exceptions -fno-rtti -fno-threadsafe-statics \
	-fno-use-cxa-atexit

# Compiled to assembly, then assembled by llvm-mc: that gives GCC's layout, literals in
# .literal sections that mpy_ld gathers, where clang writing objects itself leaves them
# unaligned inside .text.
XTENSA_MC = $(XTENSA_BIN)/llvm-mc --triple=xtensa --mattr=$(XTENSA_MATTR) --filetype=obj
