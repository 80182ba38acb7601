// SHA-256 block compression with the x86 SHA extensions, for FastRelease's sampling draws.
// FastReleaseCore's Swift SHA256 calls it when the processor has them and computes the same
// blocks itself otherwise; both are tested against each other and against FIPS 180-4 vectors.
#ifndef FASTRELEASE_SHA256_BLOCKS_H
#define FASTRELEASE_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants (FIPS 180-4, section 4.2.2), for both implementations.
const uint32_t *fastrelease_sha256_round_constants(void);

/// 1 when this processor has the SHA extensions (and SSSE3 and SSE4.1, which the code also
/// uses), else 0. Always 0 on processors other than x86-64.
int fastrelease_sha256_has_extensions(void);

/// Compresses `blocks` 64-byte blocks from `data` into `state` (a, b, c, d, e, f, g, h).
/// Call it only when fastrelease_sha256_has_extensions() returned 1.
void fastrelease_sha256_compress_extensions(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
