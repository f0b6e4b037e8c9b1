# mpbindgen's run-time support and the modules it generated (UPANEL_BINDINGS_* come from
# cmake/bindings.cmake). Host firmware with drivers only: the native-module test firmware
# (UPANEL_NO_DRIVERS=1) stays without them.
ifeq ($(UPANEL_NO_DRIVERS),)
MPB_RT_DIR := $(UPANEL_ROOT)/mpbindgen/runtime
SRC_USERMOD_C += $(wildcard $(MPB_RT_DIR)/*.c) $(UPANEL_BINDINGS_SRC)
SRC_USERMOD_CXX += $(MPB_RT_DIR)/mpb_cxx.cpp $(UPANEL_BINDINGS_CXX_SRC)
CFLAGS_USERMOD += -I$(MPB_RT_DIR) $(UPANEL_BINDINGS_CFLAGS)
# The port has one set of C++ flags for all modules: the C++ APIs bound need C++20 (std::span)
# and exceptions (their glue turns them into Python's), which this, read after esp32sim's
# -fno-exceptions -fno-rtti, turns back on; RTTI too, since the glue's standard-library
# templates (std::shared_ptr's control blocks) share vtables with the host libraries built
# with RTTI, and one copy without type information fails UBSan's vptr checks in the others.
# The drivers' own code is checked exception- and RTTI-free by the cross-compiles
# (tools/cross-check.sh).
CXXFLAGS_USERMOD += -std=gnu++20 -fexceptions -frtti -I$(MPB_RT_DIR) $(UPANEL_BINDINGS_CFLAGS)
LDFLAGS_USERMOD += $(UPANEL_BINDINGS_LDFLAGS)
endif
