# Third-party code for the WebAssembly build (included by the top-level
# CMakeLists.txt under Emscripten): utf8proc compiled from Debian's source
# package as a static C library, and nlohmann/json's headers from Debian's
# package, exposed through a folder that holds only nlohmann/.
# Also sets the whole wasm build's code-generation flags (no exceptions).

set(REPORTLENS_UTF8PROC_DIR "${CMAKE_SOURCE_DIR}/third_party_src/utf8proc"
  CACHE PATH "utf8proc source tree (apt-get source utf8proc; tools/build-wasm fills it)")
set(REPORTLENS_NLOHMANN_DIR "/usr/include/nlohmann"
  CACHE PATH "nlohmann/json headers (Debian package nlohmann-json3-dev)")

if(NOT EXISTS "${REPORTLENS_UTF8PROC_DIR}/utf8proc.c")
  message(FATAL_ERROR "utf8proc source not found in ${REPORTLENS_UTF8PROC_DIR}: run tools/build-wasm, "
                      "or set REPORTLENS_UTF8PROC_DIR to an unpacked 'apt-get source utf8proc'")
endif()
if(NOT EXISTS "${REPORTLENS_NLOHMANN_DIR}/json.hpp")
  message(FATAL_ERROR "nlohmann/json.hpp not found in ${REPORTLENS_NLOHMANN_DIR} (apt-get install nlohmann-json3-dev)")
endif()

# Every object of the module, core included, is built without exceptions:
# expected paths never throw (design.md, Errors), so an unexpected throw aborts
# and the JavaScript wrapper starts a fresh instance. For speed, everything is
# compiled for link-time optimization (wasm/CMakeLists.txt links with -flto),
# and libc++'s extern templates are off, so that std::string's members
# (push_back, append, ...) are instantiated here and can be inlined instead of
# being called in the prebuilt libc++.
# -mbulk-memory: memcpy, memmove and memset become single wasm instructions
# (memory.copy/fill) instead of byte loops (analyze() 0.96x the time; every
# browser since 2021 has them: Chrome 75, Firefox 79, Safari 15).
add_compile_options(-fno-exceptions -flto -D_LIBCPP_DISABLE_EXTERN_TEMPLATE -mbulk-memory)

add_library(reportlens_utf8proc STATIC "${REPORTLENS_UTF8PROC_DIR}/utf8proc.c")
set_target_properties(reportlens_utf8proc PROPERTIES LINKER_LANGUAGE C)
target_compile_definitions(reportlens_utf8proc PUBLIC UTF8PROC_STATIC)
target_include_directories(reportlens_utf8proc SYSTEM PUBLIC "${REPORTLENS_UTF8PROC_DIR}")

# Only nlohmann/ goes on the include path, never all of /usr/include.
set(REPORTLENS_NLOHMANN_INCLUDE "${CMAKE_BINARY_DIR}/include")
file(MAKE_DIRECTORY "${REPORTLENS_NLOHMANN_INCLUDE}")
file(COPY "${REPORTLENS_NLOHMANN_DIR}/" DESTINATION "${REPORTLENS_NLOHMANN_INCLUDE}/nlohmann")
add_library(reportlens_nlohmann INTERFACE)
target_include_directories(reportlens_nlohmann SYSTEM INTERFACE "${REPORTLENS_NLOHMANN_INCLUDE}")
