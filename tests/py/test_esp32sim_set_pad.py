# esp32sim.set_pad: the world outside the chip drives a pad or lets it go. Register addresses
# and bits from the ESP32 TRM (IO_MUX_x_REG: MCU_SEL 12..14, FUN_IE 9, FUN_WPU 8, FUN_WPD 7).
import esp32sim

GPIO_IN = 0x3FF4403C
IO_MUX_GPIO21 = 0x3FF4907C
GPIO_FUNC = 2 << 12
FUN_IE, FUN_WPU, FUN_WPD = 1 << 9, 1 << 8, 1 << 7


def pad21():
    return (esp32sim.read32(GPIO_IN) >> 21) & 1


def raises(exc, *args):
    try:
        esp32sim.set_pad(*args)
    except exc as e:
        return str(e)
    raise AssertionError("set_pad%r did not raise %s" % (args, exc.__name__))


esp32sim.write32(IO_MUX_GPIO21, GPIO_FUNC | FUN_IE | FUN_WPU)
assert pad21() == 1, "pulled up"
esp32sim.set_pad(21, 0)
assert pad21() == 0, "driven low from outside"
esp32sim.set_pad(21, True)
assert pad21() == 1
esp32sim.set_pad(21, None)
esp32sim.write32(IO_MUX_GPIO21, GPIO_FUNC | FUN_IE | FUN_WPD)
assert pad21() == 0, "released: the pull-down"
esp32sim.write32(IO_MUX_GPIO21, GPIO_FUNC | FUN_WPU)
esp32sim.set_pad(21, 1)
assert pad21() == 0, "input disabled: GPIO_IN reads 0"
esp32sim.set_pad(21, None)

for pad in (-1, 20, 24, 28, 31, 40):
    assert "does not exist" in raises(ValueError, pad, 1), pad
assert "0, 1 or None" in raises(ValueError, 21, 2)
raises(TypeError, 21, "1")
raises(TypeError, "21", 1)
assert esp32sim.faults() == [], esp32sim.faults()
print("test_esp32sim_set_pad: ok")
