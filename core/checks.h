// Stage 8b, checks: findings a reviewer should know about the whole report:
// the statutory parts present or missing, timeliness (public by 1 April of the
// following year, 督察工作规定 第二十四条), indicator density per part, how
// concrete the shortcomings are (points, causes, figures), statements of zero,
// boilerplate share, and a report of the wrong type. Every finding has a
// stable id, a severity, a Chinese message, evidence spans and its figures.
#pragma once
#include <vector>

#include "segment.h"

namespace reportlens {

// Writes r.findings, and r.stats.han_chars, which the sentence scan counts on
// its way (the findings' densities and shares are per Han char).
void run_checks(Result& r, const Segmented& seg);

}  // namespace reportlens
