# esp32sim: the emulated board of the host firmware (host only).
ESP32SIM_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(ESP32SIM_MOD_DIR)/modesp32sim.c
SRC_USERMOD_CXX += $(ESP32SIM_MOD_DIR)/esp32sim_functions.cpp
CXXFLAGS_USERMOD += -std=c++20 -I$(UPANEL_ROOT)/emu/include
