# mpbindgen's run-time support and the modules it generated (UPANEL_BINDINGS_* come from
# cmake/bindings.cmake). Host firmware with drivers only: the native-module test firmware
# (UPANEL_NO_DRIVERS=1) stays without them.
ifeq ($(UPANEL_NO_DRIVERS),)
MPB_RT_DIR := $(UPANEL_ROOT)/mpbindgen/runtime
MPB_CXX := $(MPB_RT_DIR)/mpb_cxx.cpp $(UPANEL_BINDINGS_CXX_SRC)
SRC_USERMOD_C += $(wildcard $(MPB_RT_DIR)/*.c) $(UPANEL_BINDINGS_SRC)
SRC_USERMOD_CXX += $(MPB_CXX)
CFLAGS_USERMOD += -I$(MPB_RT_DIR) $(UPANEL_BINDINGS_CFLAGS)
CXXFLAGS_USERMOD += -I$(MPB_RT_DIR) $(UPANEL_BINDINGS_CFLAGS)
LDFLAGS_USERMOD += $(UPANEL_BINDINGS_LDFLAGS)
# The C++ glue's own mode, on its objects only (named as py/py.mk names them): the C++ APIs
# bound need C++20 (std::span) and exceptions (the glue turns them into Python's); RTTI too,
# since the glue's standard-library templates (std::shared_ptr's control blocks) share vtables
# with the host libraries built with RTTI, and one copy without type information fails
# UBSan's vptr checks in the others. The drivers' glue keeps its own -fno-exceptions -fno-rtti.
$(addprefix $(BUILD)/,$(patsubst $(USER_C_MODULES)/%,%,$(MPB_CXX:.cpp=.o))): \
	private CXXFLAGS += -std=gnu++20 -fexceptions -frtti
endif
