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
// The lever (0..2) whose parameter has this key, or -1 (not a lever, or no such parameter).
int lever_of(std::string_view key);
// The levers' keys, for messages: "export_controls, cloud_denial, privacy_law".
std::string lever_keys();

struct Params {
    std::array<double, kMaxParams> value{};
    double& operator[](int i) { return value[static_cast<size_t>(i)]; }
    double operator[](int i) const { return value[static_cast<size_t>(i)]; }
    bool operator==(const Params& o) const { return value == o.value; }
    bool operator!=(const Params& o) const { return !(*this == o); }
};

// Every parameter at its table default.
Params default_params();

// Why a parameter value (or a "KEY=VALUE" text) is refused, as data: the CLI, the figure and the page
// each word it in their own language from `kind`, so none of them re-checks or re-parses the value.
struct ParamError {
    enum class Kind {
        none,               // valid
        malformed,          // not "KEY=VALUE"; `given` is the whole text
        unknown_parameter,  // no such key (`given`) or index (`param`)
        not_a_number,       // the value text is not a number; `given` is that text
        not_finite,         // NaN or infinite (also "nan", "inf", "1e999" typed)
        out_of_range,       // outside [min, max]
        not_integer,        // a fraction for a parameter that must be whole
    };
    Kind kind = Kind::none;
    int param = -1;     // parameter index; -1 when unknown by key
    double value = 0;   // the value checked (not_finite, out_of_range, not_integer)
    std::string given;  // the text as written (empty when the value came as a number)
    bool ok() const { return kind == Kind::none; }
};

// The one check of a value against bounds: finite, inside [min, max], whole if `integer`, in that
// order. check_param() applies it with the table's row; the figure's year field with its own bounds.
ParamError::Kind check_bounds(double value, double min, double max, bool integer);
// Checks a candidate value for parameter `index`: finite, inside [min, max], integral if required.
ParamError check_param(int index, double value);
// Parses "KEY=VALUE" (as in --set and the URL hash) and applies it to `params` only if valid.
ParamError parse_assignment(Params& params, std::string_view assignment);
// The refusal in the model's (and the command line's) English, naming the key and the allowed range;
// empty when `error` is ok.
std::string describe(const ParamError& error);

// describe(check_param(index, value)): empty when valid (for callers that only need the words).
std::string check_param_value(int index, double value);

// "[min, max]" of parameter `index`, with " (integer)" when it must be whole (for messages and tooltips).
std::string param_range_text(int index);

// describe(parse_assignment(params, assignment)): empty on success; params untouched on error.
std::string apply_assignment(Params& params, std::string_view assignment);

}  // namespace cp
