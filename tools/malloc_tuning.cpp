// glibc malloc settings for the native executables that run analyses (the CLI
// and the bench). Large blocks (small ones come from small_blocks.cpp) stay
// with malloc, which by default maps every block over 128 KiB afresh and
// unmaps it on free, and trims its heap's top: a long document's per-char
// tables were page-faulted in on every analysis (a third of the time for the
// corpus as one 100 KB document). All blocks come from its heap instead, which
// keeps what is freed (up to 2 GiB) for the next analysis.
#include <malloc.h>

namespace {

const bool g_large_blocks_kept = [] {
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 0x7FFFFFFF);
  return true;
}();

}  // namespace
