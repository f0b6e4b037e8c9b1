# What the driver modules' native builds share; a module's Makefile sets HERE, MOD, SRC_C,
# SRC_CXX (and SRC for merged Python) and DRIVER (its folder under drivers/), with the source
# lists of sources.mk at the repository root (which it includes), then includes this. x64 reaches the emulated board of the host firmware (esp32sim); the other
# architectures drive the chip's registers.
UPANEL := $(abspath $(HERE)/../../..)
MPY_DIR ?= $(UPANEL)/build/src/micropython
ARCH ?= x64
BUILD ?= build-$(ARCH)
override PYTHON = /usr/bin/python3

SRC_C += $(HERE)/../natmod_support.c
ifeq ($(ARCH),x64)
SRC_C += $(addprefix $(UPANEL)/,$(UPANEL_LL_HOST_SRC)) $(HERE)/../host_bus_connect.c
UPANEL_FLAGS = -DUPANEL_LL_HOST=1
else
SRC_CXX += $(HERE)/../chip_bus.cpp
UPANEL_FLAGS =
endif

CFLAGS += -I$(UPANEL)/micropython/$(MOD) -I$(UPANEL)/ll/include $(UPANEL_FLAGS)
# Sources live in several folders: objects are built here by the rules below, not by
# dynruntime.mk's, which expect sources beside the Makefile.
SRC_O = $(addprefix $(BUILD)/obj/, $(notdir $(SRC_C:.c=.o) $(SRC_CXX:.cpp=.o)))

include $(MPY_DIR)/py/dynruntime.mk

# C++: dynruntime.h is written for C, and its inline helpers need -fpermissive in C++.
CXXFLAGS = $(filter-out -std=c99 -Os,$(CFLAGS)) -O2 -std=c++17 -fno-exceptions -fno-rtti \
	-fno-threadsafe-statics -fno-use-cxa-atexit -Wno-missing-field-initializers \
	-fpermissive -Wno-error \
	-I$(UPANEL)/drivers/$(DRIVER) -I$(UPANEL)/core/include
vpath %.cpp $(sort $(dir $(SRC_CXX)))
vpath %.c $(sort $(dir $(SRC_C)))
vpath %.py $(HERE)
# The glue's shared header uses qstrs too: mpy_ld finds them in the files listed here.
$(CONFIG_H): $(SRC_C) $(SRC_CXX) $(UPANEL)/micropython/common/glue.h
ifeq ($(ARCH),xtensawin)
# Debian has no GCC for the ESP32: LLVM, set up by tools/xtensa-toolchain.sh (XTENSA_BIN).
include $(HERE)/../xtensawin.mk
$(BUILD)/obj/%.o: %.c $(CONFIG_H) $(HERE)/Makefile $(HERE)/../natmod.mk $(HERE)/../xtensawin.mk
	$(ECHO) "CC $<"
	$(Q)$(XTENSA_BIN)/clang $(CFLAGS) $(XTENSA_CFLAGS) -S -o $(@:.o=.s) $<
	$(Q)$(XTENSA_MC) -o $@ $(@:.o=.s)
$(BUILD)/obj/%.o: %.cpp $(CONFIG_H) $(HERE)/Makefile $(HERE)/../natmod.mk $(HERE)/../xtensawin.mk
	$(ECHO) "CXX $<"
	$(Q)$(XTENSA_BIN)/clang $(filter-out -fpermissive,$(CXXFLAGS)) $(XTENSA_CFLAGS) \
		$(XTENSA_CXXFLAGS) -S -o $(@:.o=.s) $<
	$(Q)$(XTENSA_MC) -o $@ $(@:.o=.s)
else
$(BUILD)/obj/%.o: %.c $(CONFIG_H) $(HERE)/Makefile $(HERE)/../natmod.mk
	$(ECHO) "CC $<"
	$(Q)$(CROSS)gcc $(CFLAGS) -o $@ -c $<
$(BUILD)/obj/%.o: %.cpp $(CONFIG_H) $(HERE)/Makefile $(HERE)/../natmod.mk
	$(ECHO) "CXX $<"
	$(Q)$(CROSS)g++ $(CXXFLAGS) -o $@ -c $<
endif
