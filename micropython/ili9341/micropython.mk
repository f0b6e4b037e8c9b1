# ili9341: the ILI9341 SPI TFT driver as a built-in module. UPANEL_ROOT comes from the CMake
# build (cmake/firmware.cmake); the shared include folders and libraries come from esp32sim's
# micropython.mk. With UPANEL_NO_DRIVERS=1 the firmware leaves the drivers out.
ifeq ($(UPANEL_NO_DRIVERS),)
ILI9341_MOD_DIR := $(USERMOD_DIR)
ILI9341_CXX := $(ILI9341_MOD_DIR)/ili9341_obj.cpp
SRC_USERMOD_C += $(ILI9341_MOD_DIR)/modili9341.c
SRC_USERMOD_CXX += $(ILI9341_CXX)
CXXFLAGS_USERMOD += -I$(UPANEL_ROOT)/drivers/ili9341
# Chip code: C++17 without exceptions or RTTI, on this module's objects only.
$(addprefix $(BUILD)/,$(patsubst $(USER_C_MODULES)/%,%,$(ILI9341_CXX:.cpp=.o))): \
	private CXXFLAGS += -std=gnu++17 -fno-exceptions -fno-rtti
endif
