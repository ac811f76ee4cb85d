// CLI input: reads a file or stdin, and turns GB18030/GBK bytes (many Chinese
// .txt files) into UTF-8 with iconv before the core sees them.
#pragma once
#include <optional>
#include <string>

namespace reportlens::cli {

// The file's text bytes ("-" = stdin), a UTF-8 BOM removed as TextDecoder does.
std::optional<std::string> read_input(const std::string& path);

// If `bytes` is not UTF-8 (and has no UTF-16 BOM) but is valid GB18030,
// replaces it with its UTF-8 form and returns true.
bool convert_gb18030(std::string& bytes);

}  // namespace reportlens::cli
