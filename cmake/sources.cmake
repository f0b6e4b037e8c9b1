# Reads the source lists of sources.mk (at the repository root) into CMake variables of the
# same names, as absolute paths. The file is make syntax kept to `NAME = file...` lines and
# comments, so that the firmware's make and the native modules' Makefiles read it as it is.
get_filename_component(_upanel_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_upanel_root}/sources.mk")
file(READ "${_upanel_root}/sources.mk" _upanel_text)
string(REGEX REPLACE "\\\\\n" " " _upanel_text "${_upanel_text}")  # continued lines
string(REPLACE ";" "\\;" _upanel_text "${_upanel_text}")
string(REPLACE "\n" ";" _upanel_lines "${_upanel_text}")
foreach(_upanel_line IN LISTS _upanel_lines)
  if(_upanel_line MATCHES "^[ \t]*(#.*)?$")
    continue()
  elseif(_upanel_line MATCHES "^([A-Za-z0-9_]+)[ \t]*=(.*)$")
    separate_arguments(_upanel_files UNIX_COMMAND "${CMAKE_MATCH_2}")
    list(TRANSFORM _upanel_files PREPEND "${_upanel_root}/")
    set(${CMAKE_MATCH_1} ${_upanel_files})
  else()
    message(FATAL_ERROR "sources.mk: not a `NAME = file...` line: ${_upanel_line}")
  endif()
endforeach()
