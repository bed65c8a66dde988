// Model parameters: one flat, table-described vector of doubles, so UI, URL, CLI and sampling stay generic.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace cp {

// Upper bound on the number of parameters; the real count is param_count().
constexpr int kMaxParams = 80;

// Which fold of the UI a parameter belongs to.
enum class ParamGroup { headline, chips, cloud, privacy_latency, conflict, industry, frontier, economics };

// Distribution of an uncertain parameter for Monte Carlo. Values are clipped to the parameter range
// only by construction (lo/hi inside it); the loader rejects distributions outside the range.
struct Distribution {
    enum Kind { none, uniform, triangular, log_uniform };
    Kind kind = none;
    double lo = 0, mode = 0, hi = 0;
};

struct ParamInfo {
    const char* key;    // stable id used in scenario JSON, --set, URL hash: "export_controls"
    const char* label;  // short human label: "Export controls"
    const char* unit;   // "share", "x/yr", "H100e", "USD bn/yr", "ms", ...
    double min;         // inclusive allowed range
    double max;
    double default_value;    // value in the built-in default (today's policy) scenario
    const char* meaning;     // one line: what the parameter does in the model
    const char* source;      // calibration key(s) like "[S14]" or "assumption: <reason>"
    const char* low_words;   // what the minimum means in words ("0% = no controls")
    const char* high_words;  // what the maximum means in words
    ParamGroup group;
    bool is_integer;  // e.g. years; UI steps by 1
    bool log_slider;  // wide positive ranges are easier on a log slider
    // How uncertain the default is (Monte Carlo bands, the tornado's range), and where that comes from;
    // none for a parameter the reader sets or the record fixes.
    Distribution uncertainty{};
    const char* uncertainty_source = nullptr;
};

int param_count();
const ParamInfo& param_info(int index);
// Index of the parameter with this key, or -1.
int find_param(std::string_view key);

// The three headline levers, by index (looked up once from their keys).
int lever_export_controls();
int lever_cloud_denial();
int lever_privacy_law();
constexpr int kLeverCount = 3;
// Index of lever i (0..2) in the order export_controls, cloud_denial, privacy_law.
int lever_index(int lever);

struct Params {
    std::array<double, kMaxParams> value{};
    double& operator[](int i) { return value[static_cast<size_t>(i)]; }
    double operator[](int i) const { return value[static_cast<size_t>(i)]; }
    bool operator==(const Params& o) const { return value == o.value; }
    bool operator!=(const Params& o) const { return !(*this == o); }
};

// Every parameter at its table default.
Params default_params();

// Checks a candidate value for parameter `index`: finite, inside [min, max], integral if required.
// Returns an empty string when valid, otherwise a message naming the key and the allowed range.
std::string check_param_value(int index, double value);

// "[min, max]" of parameter `index`, with " (integer)" when it must be whole (for messages and tooltips).
std::string param_range_text(int index);

// Parses "KEY=VALUE" (as in --set and the URL hash) and applies it to `params` only if valid.
// Returns an empty string on success, otherwise a message naming the problem; params untouched.
std::string apply_assignment(Params& params, std::string_view assignment);

}  // namespace cp
