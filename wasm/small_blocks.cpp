// operator new and delete for the WebAssembly module: blocks of up to
// kLargestSmall bytes are recycled through one free list per 8-byte size class
// instead of going back to malloc (an analysis makes about a thousand small
// allocations per report — strings, vectors, nodes — and dlmalloc's bookkeeping
// for them was ~6 % of the wasm time). Larger blocks go to malloc as before.
//
// Small blocks are carved from 64 KiB pages, each holding one size class and
// aligned to its size, so delete finds a block's class from its address alone
// in a table of every page of the 4 GiB address space. Pages are never given
// back: the small blocks in use at the peak stay reserved for reuse. The
// module is single-threaded.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kGrain = 8;                      // __STDCPP_DEFAULT_NEW_ALIGNMENT__ in wasm32
constexpr std::size_t kLargestSmall = 256;
constexpr std::size_t kClasses = kLargestSmall / kGrain;
constexpr unsigned kPageBits = 16;
constexpr std::size_t kPageBytes = std::size_t{1} << kPageBits;
constexpr std::size_t kPages = std::size_t{1} << (32 - kPageBits);

struct FreeBlock {
  FreeBlock* next;
};

struct SizeClass {
  FreeBlock* free = nullptr;       // blocks given back
  char* carve = nullptr;           // the rest of the newest page, never handed out yet
  char* carve_end = nullptr;
};

SizeClass g_classes[kClasses];
std::uint8_t g_page_class[kPages];   // 1 + size class of a page of small blocks, 0 for any other page

std::size_t page_of(const void* p) { return reinterpret_cast<std::uintptr_t>(p) >> kPageBits; }

void* small_block(std::size_t cls) {
  SizeClass& c = g_classes[cls];
  if (FreeBlock* b = c.free) {
    c.free = b->next;
    return b;
  }
  std::size_t bytes = (cls + 1) * kGrain;
  if (c.carve + bytes > c.carve_end) {
    char* page = static_cast<char*>(std::aligned_alloc(kPageBytes, kPageBytes));
    if (!page) return nullptr;
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
  void* p = n - 1 < kLargestSmall ? small_block((n - 1) / kGrain) : std::malloc(n ? n : 1);
  if (!p) std::abort();   // as -sABORTING_MALLOC: the JavaScript wrapper starts a fresh instance
  return p;
}

[[gnu::noinline]] void release(void* p) {
  if (!p) return;
  if (std::uint8_t cls = g_page_class[page_of(p)]) {
    auto* b = static_cast<FreeBlock*>(p);
    b->next = g_classes[cls - 1].free;
    g_classes[cls - 1].free = b;
    return;
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
