# Writes a header with each file as a std::string_view constant (bytes as
# hex escapes, so any content is safe), run at build time when a file changes:
#   cmake -DOUT=header -DNAMES="kA|kB" -DFILES="a|b" -P embed_assets.cmake
# (| separates: a ; would not survive add_custom_command)
string(REPLACE "|" ";" NAMES "${NAMES}")
string(REPLACE "|" ";" FILES "${FILES}")
set(text "#pragma once\n// Generated from src/serve/assets/ by cmake/embed_assets.cmake: do not edit.\n#include <string_view>\n\nnamespace baocao::serve {\n")
list(LENGTH NAMES count)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  list(GET NAMES ${i} name)
  list(GET FILES ${i} file)
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" length)
  math(EXPR bytes "${length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  # Split into lines of 64 bytes so compilers and diffs stay comfortable.
  string(REGEX REPLACE "((\\\\x[0-9a-f][0-9a-f]){64})" "\\1\"\n    \"" escaped "${escaped}")
  string(APPEND text "inline constexpr std::string_view ${name}{\n    \"${escaped}\",\n    ${bytes}};\n")
endforeach()
string(APPEND text "\n} // namespace baocao::serve\n")
file(WRITE "${OUT}.new" "${text}")
file(COPY_FILE "${OUT}.new" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.new")
