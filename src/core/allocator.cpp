// jemalloc's start-up options, compiled into the programs that link jemalloc (src/core/CMakeLists.txt).
//
// A large job touches gigabytes of fresh memory: 1 M enterprises are 3.5 GB, a road network 1.5 GB. With
// 4 KiB pages every first touch is a page fault and every access risks a TLB miss; in the Debian
// kernel's default transparent-huge-page mode (madvise) only memory the allocator marks gets 2 MiB
// pages, and glibc's malloc marks none unless the environment asks (GLIBC_TUNABLES=glibc.malloc.hugetlb=1,
// read before main). jemalloc reads this symbol at start-up instead: thp:always marks its memory,
// metadata_thp:always its own bookkeeping. Measured whole commands (2 cores, the same run), glibc →
// jemalloc with these options: overlay of 1 M enterprises with --out 27.3 → 16.6 s, cluster of 1 M
// with --out 21.5 → 16.7 s, a 100 × 100 matrix on the OSM-like network 12.9 → 6.7 s; jemalloc without
// them was no faster than glibc. A user's MALLOC_CONF still overrides them.

// jemalloc declares it `extern const char *malloc_conf`; the name and type are its interface.
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables)
const char* malloc_conf = "thp:always,metadata_thp:always";
}
