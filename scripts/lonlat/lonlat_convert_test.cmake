# Checks circatlas-lonlat as the regeneration scripts use it (run by CTest: cmake -DEXE=... -P this file).
# - the published WGS 84 -> GCJ-02 pair (Tiananmen, 116.404 39.915 -> 116.41024449916938 39.91640428150164),
#   printed as the shortest text that reads back to the same double;
# - GCJ-02 -> WGS 84 returns the original point to better than 1e-9 degrees; blank lines are kept;
# - a malformed line fails with exit code 3 and names its line number.
cmake_minimum_required(VERSION 3.25)  # list() keeps the empty element of a blank line (CMP0007)
if(NOT EXE OR NOT WORK)
  message(FATAL_ERROR "usage: cmake -DEXE=<circatlas-lonlat> -DWORK=<dir> -P lonlat_convert_test.cmake")
endif()
file(MAKE_DIRECTORY "${WORK}")

file(WRITE "${WORK}/wgs.txt" "116.404 39.915\n\n103.84,36.06\n")
execute_process(COMMAND "${EXE}" --from wgs84 --to gcj02 INPUT_FILE "${WORK}/wgs.txt"
                OUTPUT_VARIABLE gcj RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "wgs84 -> gcj02 failed (${rc}): ${err}")
endif()
string(REGEX MATCH "^116\\.41024449916938[0-9]* 39\\.9164042815016[0-9]*\n\n" head "${gcj}")
if(NOT head)
  message(FATAL_ERROR "wgs84 -> gcj02 of the published pair gave:\n${gcj}")
endif()

file(WRITE "${WORK}/gcj.txt" "${gcj}")
execute_process(COMMAND "${EXE}" --from gcj02 --to wgs84 INPUT_FILE "${WORK}/gcj.txt"
                OUTPUT_VARIABLE back RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gcj02 -> wgs84 failed (${rc}): ${err}")
endif()
string(REPLACE "\n" ";" lines "${back}")
list(GET lines 0 first)
list(GET lines 1 blank)
list(GET lines 2 third)
# CMake has no floating point: compare the first 11 significant digits (1e-9 degrees near 100).
string(REGEX MATCH "^116\\.40399999[0-9]* 39\\.91499999[0-9]*$|^116\\.40400000[0-9]* 39\\.91500000[0-9]*$|^116\\.404 39\\.915$"
       ok1 "${first}")
string(REGEX MATCH "^103\\.8(399999|400000)[0-9]* 36\\.0(599999|600000)[0-9]*$|^103\\.84 36\\.06$" ok3 "${third}")
if(NOT ok1 OR NOT ok3 OR NOT blank STREQUAL "")
  message(FATAL_ERROR "gcj02 -> wgs84 did not return the input points:\n${back}")
endif()

file(WRITE "${WORK}/bad.txt" "103.84 36.06\n103,8 36\n")
execute_process(COMMAND "${EXE}" --from gcj02 --to wgs84 INPUT_FILE "${WORK}/bad.txt"
                OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 3 OR NOT err MATCHES "stdin line 2" OR NOT out STREQUAL "")
  message(FATAL_ERROR "a malformed line gave exit ${rc}, stderr '${err}', stdout '${out}'")
endif()
