#include "upanel/ll/host_bus.h"

const upanel_host_bus_t *upanel_host_bus_current;
