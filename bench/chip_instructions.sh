# Sourced by the callgrind benchmarks. chip_instructions SCRIPT ARGS...: runs SCRIPT on the
# firmware $fw (MICROPYPATH as the caller sets it) under callgrind and prints the self cost of
# every function but the emulator's (upanel::emu, in emu/): the firmware, the glue, the
# drivers and their interrupt handlers stay; the modelled hardware goes. What is left is what
# the ESP32's CPU would execute, in host instructions.
chip_instructions() {
  local out; out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file="$out" "$fw" "$@" > /dev/null 2>&1
  callgrind_annotate --auto=no --threshold=100 "$out" 2>/dev/null |
    awk '/file:function/ {on = 1; next} on && /^ *[0-9,]+ / && !/upanel::emu::|\/emu\// {
           gsub(",", "", $1); s += $1 } END { printf "%d\n", s }'
  rm -f "$out"
}
