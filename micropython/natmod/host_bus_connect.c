// A native module on the host reaches the emulated board through the table the host
// firmware hands out through esp32sim._host_bus(): it cannot link the firmware's symbols.
#include "py/dynruntime.h"

#include "upanel/ll/host_bus.h"

void upanel_host_bus_connect(void) {
    mp_obj_t sim = mp_import_name(MP_QSTR_esp32sim, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t addr = mp_call_function_n_kw(mp_load_attr(sim, MP_QSTR__host_bus), 0, 0, NULL);
    const upanel_host_bus_t *bus = (const upanel_host_bus_t *)(uintptr_t)mp_obj_get_int_truncated(addr);
    if (!bus || bus->version != UPANEL_HOST_BUS_VERSION) {
        mp_raise_msg(&mp_type_RuntimeError, "this module was built for another esp32sim version");
    }
    upanel_host_bus_current = bus;
}
