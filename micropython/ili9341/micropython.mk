# ili9341: the ILI9341 SPI TFT driver as a built-in module. UPANEL_ROOT comes from the CMake
# build (cmake/firmware.cmake), the source lists from sources.mk there; the shared include
# folders and libraries come from esp32sim's micropython.mk. With UPANEL_NO_DRIVERS=1 the
# firmware leaves the drivers out.
ifeq ($(UPANEL_NO_DRIVERS),)
include $(UPANEL_ROOT)/sources.mk
ILI9341_CXX := $(addprefix $(UPANEL_ROOT)/,$(UPANEL_ILI9341_OBJ_SRC))
SRC_USERMOD_C += $(addprefix $(UPANEL_ROOT)/,$(UPANEL_ILI9341_MOD_SRC))
SRC_USERMOD_CXX += $(ILI9341_CXX)
CXXFLAGS_USERMOD += -I$(UPANEL_ROOT)/drivers/ili9341
# Chip code: C++17 without exceptions or RTTI, on this module's objects only.
$(addprefix $(BUILD)/,$(patsubst $(USER_C_MODULES)/%,%,$(ILI9341_CXX:.cpp=.o))): \
	private CXXFLAGS += -std=gnu++17 -fno-exceptions -fno-rtti
endif
