# esp32sim: the emulated board of the host firmware (host only), and what all host modules
# share: the register layer's host back end and the libraries CMake built (UPANEL_LIBS).
ESP32SIM_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(ESP32SIM_MOD_DIR)/modesp32sim.c
SRC_USERMOD_CXX += $(ESP32SIM_MOD_DIR)/esp32sim_functions.cpp
CXXFLAGS_USERMOD += -std=c++20 -fno-exceptions -fno-rtti -DUPANEL_LL_HOST=1 \
	-I$(UPANEL_ROOT)/emu/include -I$(UPANEL_ROOT)/live/include -I$(UPANEL_ROOT)/core/include -I$(UPANEL_ROOT)/ll/include \
	$(UPANEL_SAN_FLAGS)
CFLAGS_USERMOD += $(UPANEL_SAN_FLAGS)
LDFLAGS_USERMOD += $(UPANEL_LIBS) -lcivetweb -lgif -lpng -lpthread -lstdc++ -lm $(UPANEL_SAN_FLAGS)
