# hub75: the HUB75 driver as a built-in module. UPANEL_ROOT comes from the CMake build
# (cmake/firmware.cmake), the source lists from sources.mk there (the driver itself is in
# UPANEL_LIBS, built by CMake from the same lists); with UPANEL_NO_DRIVERS=1 the firmware
# leaves the drivers out, so that their native modules (.mpy) can be loaded instead.
ifeq ($(UPANEL_NO_DRIVERS),)
include $(UPANEL_ROOT)/sources.mk
HUB75_CXX := $(addprefix $(UPANEL_ROOT)/,$(UPANEL_HUB75_OBJ_SRC))
SRC_USERMOD_C += $(addprefix $(UPANEL_ROOT)/,$(UPANEL_HUB75_MOD_SRC))
SRC_USERMOD_CXX += $(HUB75_CXX)
CXXFLAGS_USERMOD += -I$(UPANEL_ROOT)/drivers/hub75
# Chip code: C++17 without exceptions or RTTI, on this module's objects only.
$(addprefix $(BUILD)/,$(patsubst $(USER_C_MODULES)/%,%,$(HUB75_CXX:.cpp=.o))): \
	private CXXFLAGS += -std=gnu++17 -fno-exceptions -fno-rtti
endif
