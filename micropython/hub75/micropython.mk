# hub75: the HUB75 driver as a built-in module. UPANEL_ROOT and UPANEL_LIBS come from the
# CMake build (cmake/firmware.cmake), which builds the libraries this links.
HUB75_MOD_DIR := $(USERMOD_DIR)
SRC_USERMOD_C += $(HUB75_MOD_DIR)/modhub75.c
SRC_USERMOD_CXX += $(HUB75_MOD_DIR)/hub75_obj.cpp
CXXFLAGS_USERMOD += -std=c++17 -fno-exceptions -fno-rtti -DUPANEL_LL_HOST=1 \
	-I$(UPANEL_ROOT)/drivers/hub75 -I$(UPANEL_ROOT)/core/include -I$(UPANEL_ROOT)/ll/include \
	-I$(UPANEL_ROOT)/micropython/common $(UPANEL_SAN_FLAGS)
CFLAGS_USERMOD += $(UPANEL_SAN_FLAGS)
LDFLAGS_USERMOD += $(UPANEL_LIBS) -lpng -lstdc++ -lm $(UPANEL_SAN_FLAGS)
