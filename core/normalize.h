// Stage 2, normalize: decoded code points -> NormText, a targeted fold that
// keeps every char's origin. Folds full-width digits and Latin letters, ％ （）,
// ． and ： inside numbers, odd spaces, CRLF, traditional -> simplified (for
// matching only: output text is always sliced from the input). Drops HTML tags,
// scripts and entities (page source), markdown marks, braille artefacts and
// control characters. Never blanket NFKC: ① ⑴ ㈠ and ， keep their identity.
#pragma once
#include <vector>

#include "decode.h"
#include "text.h"

namespace reportlens {

NormText normalize(const Decoded& in, std::vector<Diagnostic>& diags);

// One char's fold, without context (exposed for table tests).
char32_t fold_char(char32_t c);

}  // namespace reportlens
