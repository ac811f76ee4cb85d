// Stage 7b, labels: what an indicator counts, as a reader would name it. The
// noun phrase before the number (全年开展合法性审查20次 -> 合法性审查) with
// work verbs and time words stripped (label_stopwords.txt), or the noun after
// a classifier (为133家用人单位办理 -> 用人单位).
#pragma once
#include <string>
#include <string_view>

namespace reportlens {

// Strips leading/trailing stop words, years (2024年), quotes and separators.
std::u32string clean_label(std::u32string_view s);

// The noun read after a classifier at pos (8家企业审发… -> 企业), up to a verb,
// punctuation or a number; `stop` gets where it ended.
std::u32string noun_after(const std::u32string& s, size_t pos, size_t end, size_t& stop);

// The action after a verbal measure (先后8次召集专题会议 -> 召集专题会议).
std::u32string action_after(const std::u32string& s, size_t pos, size_t end);

// A label that is only a work verb (废止, 修订): it takes the noun of the
// indicator before (修订规范性文件1件、废止2件).
bool is_verb_only(const std::u32string& label);

// The leading work verb of a label, if it is one (修订规范性文件 -> 修订).
size_t leading_verb_length(const std::u32string& label);

}  // namespace reportlens
