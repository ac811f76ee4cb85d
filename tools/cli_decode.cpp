// CLI input reading and GB18030 conversion (see cli_decode.h).
#include "cli_decode.h"

#include <iconv.h>

#include <cerrno>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace reportlens::cli {
namespace {

bool valid_utf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    int n = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= s.size() + (n ? 0 : 1)) return false;
    for (int k = 1; k <= n; ++k)
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

std::optional<std::string> read_input(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = ss.str();
  } else {
    std::ifstream f(path, std::ios::binary);
    if (!f) return std::nullopt;
    bytes.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  // a file's UTF-8 BOM marks the encoding: the text (and its offsets) start after it
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  return bytes;
}

bool convert_gb18030(std::string& bytes) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
    return false;
  if (valid_utf8(bytes)) return false;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = bytes.data();
  size_t in_left = bytes.size();
  char* o = out.data();
  size_t out_left = out.size();
  bool ok = iconv(cd, &in, &in_left, &o, &out_left) != static_cast<size_t>(-1) && in_left == 0;
  iconv_close(cd);
  if (!ok) return false;
  out.resize(out.size() - out_left);
  bytes.swap(out);
  return true;
}

}  // namespace reportlens::cli
