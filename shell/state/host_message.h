// A host page's "compute-poverty:set" message (docs/embedding.md) read from its JSON into typed Changes.
#pragma once

#include <string>
#include <string_view>

#include "state.h"

namespace cp::shell {

// Most parameters or steps one message may set (a host page sets a few; more is not a real page).
constexpr int kMaxMessageEntries = 64;

struct HostMessage {
    Changes changes;      // to apply (ExplorerState::apply_changes) when `ignored` is empty
    std::string ignored;  // why the message is dropped unanswered: its shape is wrong (English, for the console)
};

// Reads {type: "compute-poverty:set", params?: {key: number}, policy_year?: year,
// steps?: [{lever, year, value: number or null}]}. A message of the wrong shape (unknown fields or
// keys, a non-finite number, a fraction for a year, no change at all) is ignored, as a stray
// postMessage must be; values out of range, steps outside the run and the like are the model's
// to refuse, and the host hears why (apply_changes).
HostMessage read_host_message(std::string_view json);

}  // namespace cp::shell
