# esp32sim: the emulated board of the host firmware (host only), and what all host modules
# share: the register layer's host back end and the libraries CMake built (UPANEL_LIBS).
ESP32SIM_MOD_DIR := $(USERMOD_DIR)
ESP32SIM_CXX := $(ESP32SIM_MOD_DIR)/esp32sim_functions.cpp $(ESP32SIM_MOD_DIR)/machine_timer_functions.cpp
SRC_USERMOD_C += $(ESP32SIM_MOD_DIR)/modesp32sim.c $(ESP32SIM_MOD_DIR)/machine_timer.c
SRC_USERMOD_CXX += $(ESP32SIM_CXX)
# machine.Timer on virtual time, in MicroPython's own machine module.
CFLAGS_USERMOD += -include $(ESP32SIM_MOD_DIR)/machine_extra.h \
	'-DMICROPY_PY_MACHINE_EXTRA_GLOBALS={MP_ROM_QSTR(MP_QSTR_Timer), MP_ROM_PTR(&esp32sim_machine_timer_type)},'
# Include folders and definitions are shared (the qstr scan preprocesses every module with
# them); the language mode is each module's own, set on its objects (see below), so the order
# in which make reads the modules does not matter.
CXXFLAGS_USERMOD += -DUPANEL_LL_HOST=1 \
	-I$(UPANEL_ROOT)/emu/include -I$(UPANEL_ROOT)/live/include -I$(UPANEL_ROOT)/core/include -I$(UPANEL_ROOT)/ll/include \
	$(UPANEL_SAN_FLAGS)
CFLAGS_USERMOD += $(UPANEL_SAN_FLAGS)
LDFLAGS_USERMOD += $(UPANEL_LIBS) -lcivetweb -lgif -lpng -lpthread -lstdc++ -lm $(UPANEL_SAN_FLAGS)
# This module's C++ mode, on its own objects (named as py/py.mk names them); `private` keeps
# it off anything make builds on the way, such as the generated headers.
$(addprefix $(BUILD)/,$(patsubst $(USER_C_MODULES)/%,%,$(ESP32SIM_CXX:.cpp=.o))): \
	private CXXFLAGS += -std=c++20 -fno-exceptions -fno-rtti
