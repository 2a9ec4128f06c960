# corebench_embed_file(<target> <file> <header> <function>)
#
# Builds <file> into <target> as the bytes behind <function>, declared in
# <header> as `std::span<const unsigned char> <function>();`, so a workload
# carries its reference data and needs no path at run time. The source is
# written at configure time (rewritten only when the bytes change), and
# editing <file> re-runs the configure step.
function(corebench_embed_file target file header function)
  file(READ "${file}" hex HEX)
  # 16 bytes a line.
  string(REPEAT "[0-9a-f]" 32 line_of_hex)
  string(REGEX REPLACE "(${line_of_hex})" "\\1\n    " hex "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  get_filename_component(name "${file}" NAME)
  string(MAKE_C_IDENTIFIER "${function}" stem)
  set(output "${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cpp")
  file(CONFIGURE OUTPUT "${output}" @ONLY CONTENT
"// Generated from ${name} by corebench_embed_file (cmake/EmbedFile.cmake).
#include \"${header}\"

std::span<const unsigned char> ${function}() {
  static const unsigned char kBytes[] = {
    ${bytes}};
  return kBytes;
}
")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  target_sources(${target} PRIVATE "${output}")
endfunction()
