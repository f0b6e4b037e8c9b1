// A memory-mapped block of the emulated chip: 32-bit registers at offsets from its base.
#pragma once
#include <cstdint>

namespace upanel::emu {

class Peripheral {
  public:
    virtual ~Peripheral() = default;
    virtual uint32_t read(uint32_t offset) = 0;
    virtual void write(uint32_t offset, uint32_t value) = 0;
    // DPORT reset: registers back to their reset values, activity stopped.
    virtual void reset() = 0;
};

}  // namespace upanel::emu
