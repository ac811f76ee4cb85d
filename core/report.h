// The one public header: analyze a report's bytes into a Result, or straight
// into the JSON of ../shared/spec/output.md (or its tape, for the wasm API).
// Never throws on any input; bad input yields diagnostics in the result.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tape.h"
#include "types.h"

namespace reportlens {

struct Options {
  std::size_t max_input_bytes = 32u << 20;  // larger input is cut here, with an error diagnostic
  bool pretty = false;                      // JSON with indentation
};

// Reads {"max_input_bytes": N, "pretty": bool}; unknown keys are ignored, a
// malformed string adds a warning diagnostic and keeps the defaults.
Options options_from_json(std::string_view json, std::vector<Diagnostic>* diagnostics);

Result analyze(std::string_view input, const Options& options = {});

// The whole contract in one call (the CLI's and the WebAssembly module's).
std::string analyze_to_json(std::string_view input, std::string_view options_json);
// The same JSON as UTF-16, the WebAssembly API's (JavaScript strings are UTF-16).
std::u16string analyze_to_json_utf16(std::string_view input, std::string_view options_json);
// The same result as a tape (tape.h), from which the WebAssembly API builds
// its objects without JSON text; written into out, whose storage is reused.
void analyze_to_tape(std::string_view input, std::string_view options_json, Tape& out);

const char* version();

}  // namespace reportlens
