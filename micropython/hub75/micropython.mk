# hub75: the HUB75 driver as a built-in module. UPANEL_ROOT comes from the CMake build
# (cmake/firmware.cmake); with UPANEL_NO_DRIVERS=1 the firmware leaves the drivers out, so
# that their native modules (.mpy) can be loaded instead.
ifeq ($(UPANEL_NO_DRIVERS),)
HUB75_MOD_DIR := $(USERMOD_DIR)
HUB75_CXX := $(HUB75_MOD_DIR)/hub75_obj.cpp
SRC_USERMOD_C += $(HUB75_MOD_DIR)/modhub75.c
SRC_USERMOD_CXX += $(HUB75_CXX)
CXXFLAGS_USERMOD += -I$(UPANEL_ROOT)/drivers/hub75
# Chip code: C++17 without exceptions or RTTI, on this module's objects only.
$(addprefix $(BUILD)/,$(patsubst $(USER_C_MODULES)/%,%,$(HUB75_CXX:.cpp=.o))): \
	private CXXFLAGS += -std=gnu++17 -fno-exceptions -fno-rtti
endif
