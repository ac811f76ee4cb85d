// operator new and delete for the executables that run analyses (the
// WebAssembly module, the CLI, the bench): blocks of up to kLargestSmall bytes
// are recycled through one free list per size class instead of going back to
// malloc (classes a grain apart up to kLargestFine bytes, then powers of two).
// An analysis makes a few hundred small allocations per report (strings,
// vectors, nodes) and frees them together at the end; dlmalloc's
// bookkeeping for them was ~6 % of the wasm time, and glibc's (whose cache
// holds 7 blocks a size, so most frees took its slow paths) ~10 % of the
// native time. Larger blocks go to malloc as before.
//
// Small blocks are carved from 64 KiB pages, each holding one size class, so
// delete finds a block's class from its address alone, in a table of every
// page of the region small pages come from: in wasm32 the whole 4 GiB address
// space (pages from aligned_alloc, see new_page), natively a range of address
// space reserved once (committed a slice at a time; when none can be
// reserved, every block comes from malloc). Pages are never given back: the
// small blocks in use at the peak stay reserved for reuse. The wasm module is
// single-threaded; natively each thread has its own free lists (a block freed
// on another thread joins that thread's list).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#ifndef __EMSCRIPTEN__
#include <sys/mman.h>

#include <mutex>
#endif

namespace {

constexpr std::size_t kGrain = __STDCPP_DEFAULT_NEW_ALIGNMENT__;   // 8 in wasm32, 16 on x86-64
constexpr unsigned kFineBits = 8;
constexpr std::size_t kLargestFine = std::size_t{1} << kFineBits;   // 256
constexpr std::size_t kFineClasses = kLargestFine / kGrain;
// Blocks of 257 bytes to 32 KiB (the vectors and strings that grow while an
// analysis fills them, about 30 a report) take the next power of two: from
// malloc, each cost a search of its bins whose branches depended on the heap's
// state (3% of the native analysis' mispredicted branches, 1% of its
// instructions). A 32 KiB class's page holds two blocks.
constexpr unsigned kLargestSmallBits = 15;
constexpr std::size_t kLargestSmall = std::size_t{1} << kLargestSmallBits;
constexpr std::size_t kClasses = kFineClasses + (kLargestSmallBits - kFineBits);
constexpr unsigned kPageBits = 16;
constexpr std::size_t kPageBytes = std::size_t{1} << kPageBits;

constexpr std::uint64_t kMostRegionBytes = std::uint64_t{1} << 32;   // 4 GiB
constexpr std::size_t kPages = static_cast<std::size_t>(kMostRegionBytes >> kPageBits);

#ifdef __EMSCRIPTEN__
#define SMALL_BLOCKS_PER_THREAD
struct Region {
  std::uintptr_t base = 0;                  // all of wasm32's memory
  std::uint64_t bytes = kMostRegionBytes;
};
const Region& region() {
  static const Region r;
  return r;
}
// Pages come from malloc in runs that double, up to 16 MiB: pages taken one
// at a time stood between malloc's large blocks, which the next analysis of a
// long document then could not fit between them, so it grew the memory and
// touched it afresh (at 1000 copies of the corpus the second run's decode
// took 195 ms, not 66, and the memory grew to 1,453 MB, not 1,267).
char* new_page() {
  constexpr std::size_t kLargestRun = std::size_t{1} << 24;
  static char* next = nullptr;
  static char* end = nullptr;
  static std::size_t run = kPageBytes;
  if (next == end) {
    std::size_t bytes = run;
    next = static_cast<char*>(std::aligned_alloc(kPageBytes, bytes));
    if (!next) next = static_cast<char*>(std::aligned_alloc(kPageBytes, bytes = kPageBytes));   // near the memory's end
    if (!next) {
      end = nullptr;
      return nullptr;
    }
    end = next + bytes;
    if (run < kLargestRun) run *= 2;
  }
  char* page = next;
  next += kPageBytes;
  return page;
}
#else
static_assert(sizeof(void*) == 8, "the native build reserves a range of 64-bit address space");
#define SMALL_BLOCKS_PER_THREAD thread_local
constexpr std::size_t kCommitBytes = std::size_t{1} << 20;   // committed at a time

// The reserved range, mapped on first use: address space only, its pages
// committed as they are used. 4 GiB, or 1 GiB where a limit on address space
// (ulimit -v) refuses that; empty when even that is refused.
struct Region {
  std::uintptr_t base = 0;
  std::uint64_t bytes = 0;
};
const Region& region() {
  static const Region r = [] {
    for (std::uint64_t bytes : {kMostRegionBytes, kMostRegionBytes / 4}) {
      void* p = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p != MAP_FAILED) return Region{reinterpret_cast<std::uintptr_t>(p), bytes};
    }
    return Region{};
  }();
  return r;
}

// The next page of the range (kPageBytes apart from its start, which is
// aligned to a system page; blocks need only kGrain), or nullptr.
char* new_page() {
  static std::mutex lock;
  static std::size_t used = 0, committed = 0;
  const Region& r = region();
  std::lock_guard<std::mutex> hold(lock);
  if (used + kPageBytes > r.bytes) return nullptr;
  if (used + kPageBytes > committed) {
    if (mprotect(reinterpret_cast<void*>(r.base + committed), kCommitBytes, PROT_READ | PROT_WRITE) != 0) return nullptr;
    committed += kCommitBytes;
  }
  char* page = reinterpret_cast<char*>(r.base + used);
  used += kPageBytes;
  return page;
}
#endif

struct FreeBlock {
  FreeBlock* next;
};

struct SizeClass {
  FreeBlock* free = nullptr;       // blocks given back
  char* carve = nullptr;           // the rest of the newest page, never handed out yet
  char* carve_end = nullptr;
};

SMALL_BLOCKS_PER_THREAD SizeClass g_classes[kClasses];
std::uint8_t g_page_class[kPages];   // 1 + size class of a page of small blocks, 0 for any other page

// The page table's index of p, or kPages when p lies outside the region.
std::size_t page_of(const void* p) {
  const Region& r = region();
  std::uint64_t offset = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(p) - r.base);
  return offset < r.bytes ? static_cast<std::size_t>(offset >> kPageBits) : kPages;
}

// The class of a block of n bytes (1 <= n <= kLargestSmall), and its blocks' size.
std::size_t class_of(std::size_t n) {
  if (n <= kLargestFine) return (n - 1) / kGrain;
  return kFineClasses + static_cast<std::size_t>(64 - __builtin_clzll(static_cast<unsigned long long>(n - 1))) - (kFineBits + 1);
}
std::size_t class_bytes(std::size_t cls) {
  return cls < kFineClasses ? (cls + 1) * kGrain : std::size_t{1} << (cls - kFineClasses + kFineBits + 1);
}

void* small_block(std::size_t cls) {
  SizeClass& c = g_classes[cls];
  if (FreeBlock* b = c.free) {
    c.free = b->next;
    return b;
  }
  const std::size_t bytes = class_bytes(cls);
  if (c.carve + bytes > c.carve_end) {
    char* page = new_page();
    if (!page) return std::malloc(bytes);   // no page to be had: malloc's block, which delete returns to free()
    g_page_class[page_of(page)] = static_cast<std::uint8_t>(cls + 1);
    c.carve = page;
    c.carve_end = page + kPageBytes;
  }
  void* b = c.carve;
  c.carve += bytes;
  return b;
}

// Not inlined: with -flto, every `new` and `delete` in the core would take a
// copy (150 KB more wasm).
[[gnu::noinline]] void* allocate(std::size_t n) {
  // (n == 0 wraps n - 1 to the largest size_t, so it goes to malloc)
  void* p = n - 1 < kLargestSmall ? small_block(class_of(n)) : std::malloc(n ? n : 1);
  if (!p) std::abort();   // as -sABORTING_MALLOC: the JavaScript wrapper starts a fresh instance
  return p;
}

[[gnu::noinline]] void release(void* p) {
  if (!p) return;
  std::size_t page = page_of(p);
  if (page < kPages) {
    if (std::uint8_t cls = g_page_class[page]) {
      auto* b = static_cast<FreeBlock*>(p);
      b->next = g_classes[cls - 1].free;
      g_classes[cls - 1].free = b;
      return;
    }
  }
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
