// The explorable's state without any UI: presets, current parameters, undo/redo, permalinks and cached results.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.h"
#include "i18n.h"
#include "record.h"

namespace cp::shell {

// Whether two scenarios have the same policy year and the same steps (values compared exactly).
bool same_lever_plan(const Scenario& a, const Scenario& b);

// One assumption on which the reader's settings and the commodity ("oil") view differ, and how much
// of the training-run gap moving just that one to the commodity value would close.
struct AssumptionGap {
    // A row that is not one parameter: the levers' recorded history (2022-2025), which the commodity
    // view does not have (it has no levers in any year).
    static constexpr int kLeverHistory = -2;
    int param = -1;  // the parameter, or kLeverHistory
    double current = 0, commodity = 0;
    double effect_years = 0;  // years_behind(current) - years_behind(this one at the commodity value)
};

// Changes to the state in types, checked whole before any is made: what a host page's message says
// (docs/embedding.md, read by read_host_message) and what a link sets on top of its preset
// (docs/links.md, read by ExplorerState::apply_permalink). Links and messages reach the state
// through this one path.
struct Changes {
    // A value as given: `text` is how the link wrote it (quoted in a refusal), empty for a number.
    struct Value {
        double number = 0;
        std::string text;
    };
    struct Param {
        int index = -1;
        Value value;
    };
    // Lever `lever`'s value from `year` on; without a value, its step in that year is removed.
    struct Step {
        int lever = -1;
        int year = 0;
        std::optional<Value> value;
    };
    std::vector<Param> params;
    std::optional<int> policy_year;
    std::vector<Step> steps;
};

// Everything computed from one set of inputs; recomputed only when an input changes.
struct Results {
    Run run;
    Attribution attribution;
    Tornado tornado;
    std::unique_ptr<Bands> bands = std::make_unique<Bands>();  // large: allocated once
    Run commodity_run;                                         // the commodity view ("oil_world" preset), same years
    bool has_commodity = false;
    std::vector<AssumptionGap> separating;  // largest effect first
    // Years behind in each year if every lease, rented block and licensed import were cut that year.
    double switch_off_years_behind[kMaxYears] = {};
    double compute_ms = 0;  // wall time of the last recompute
    int draws_used = 0;     // Monte Carlo draws behind the bands shown
};

// A pinned state the reader compares against (ghost lines, list of differences).
struct Baseline {
    std::string label;
    Params params;
    Run run;
};

class ExplorerState {
public:
    // Parses the built-in presets ((file name, JSON) pairs). A preset that fails to parse is left out
    // and its error kept in load_errors() (a broken built-in must be loud in tests, not crash readers).
    void init(const std::vector<std::pair<std::string, std::string>>& preset_files);
    const std::vector<std::string>& load_errors() const { return load_errors_; }
    // The public record the charts draw (assets/record/record.json); an error goes to load_errors().
    void load_record(std::string_view json_text);
    const std::vector<RecordPoint>& record() const { return record_; }

    // Presets.
    int preset_count() const { return static_cast<int>(presets_.size()); }
    const Scenario& preset(int i) const { return presets_[static_cast<size_t>(i)]; }
    int preset_index() const { return preset_index_; }
    int find_preset(std::string_view id) const;
    void select_preset(int i);  // undoable

    // The scenario in force (a preset or a loaded file) and the parameters the reader set.
    const Scenario& scenario() const { return scenario_; }
    const Params& params() const { return params_; }
    double param(int i) const { return params_[i]; }

    // Live edits (a drag in progress) change the value without an undo step; finish_edit() records one.
    // Returns false and sets message() when the value is invalid (nothing is changed then).
    bool set_param_live(int i, double value);
    void finish_edit();
    bool set_param(int i, double value);  // set_param_live + finish_edit
    void reset_to_preset();               // undoable: parameters, policy year and steps

    // The levers over time (core/README "Levers over time"), kept in scenario(): the policy year from
    // which the reader's lever values apply (the years before follow the record) and steps, each a
    // lever's value from its year on. Every change is undoable and recomputes; a refused one changes
    // nothing and names the problem in message().
    bool set_policy_year_live(int year);  // a drag in progress: finish_edit() records the undo step
    bool set_policy_year(int year);
    // A step of lever `lever` (0..kLeverCount-1) from `year` on; refused outside the run, out of
    // range, or when the lever already has a step that year (two steps in one year).
    bool add_step(int lever, int year, double value);
    bool remove_step(int lever, int year);
    // Whether parameters, policy year or steps differ from the preset or file the reader started from.
    bool changed_from_start() const;
    // Changes to the current state (a host page's message), all-or-nothing, one undo step. Refused
    // whole with a message, as links are.
    bool apply_changes(const Changes& changes);

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    void undo();
    void redo();
    // Drops undo/redo (after restoring a link at start-up: the reader did not make those changes).
    void forget_history() {
        undo_.clear();
        redo_.clear();
    }

    // Loads scenario JSON (a file the reader opened). All-or-nothing: on error the state is kept and
    // message() names the problem.
    bool load_scenario_json(std::string_view json_text, const std::string& origin);
    std::string scenario_json() const;

    // Permalinks: "v=2&s=today&policy_year=2027&export_controls=0.8&cloud_denial@2028=1&year=2031"
    // (docs/links.md). v=1 links (no policy year, no steps) read as they always did. Unknown
    // versions, keys or values, steps outside the run or two in one year are rejected whole with a
    // message; the state is kept.
    std::string permalink() const;
    bool apply_permalink(std::string_view hash);

    // How the figure is shown, kept in links too ("view=dark,advanced").
    struct View {
        bool dark = false;
        bool advanced = false;  // the fold with every other parameter is open
        bool operator==(const View& o) const { return dark == o.dark && advanced == o.advanced; }
    };
    const View& view() const { return view_; }
    void set_view(const View& view);

    // The language the reader asked for ("lang=zh" in links; a link without it keeps the current
    // one, so an old link opens in English and a "Show" link keeps Chinese). Not an undo step.
    // The app shows it once its translation is installed (shell/i18n.h).
    Language language() const { return language_; }
    void set_language(Language language);

    // Year the headline, summary and chart marker refer to.
    int year() const { return year_; }
    void set_year(int year);

    // Message for the reader (an error or a notice); empty when none.
    const std::string& message() const { return message_; }
    bool message_is_error() const { return message_is_error_; }
    void set_notice(std::string text);
    void set_error(std::string text);  // a refusal (a value the reader typed or pasted); nothing changed
    void clear_message() { message_.clear(); }

    // Recompute when inputs changed. `interactive` = a slider is being dragged: then the Monte Carlo
    // may use fewer draws to stay inside the frame budget (the full set follows on release).
    // Returns true when results changed this call.
    bool update(bool interactive);
    const Results& results() const { return results_; }
    uint64_t revision() const { return revision_; }  // bumps on every recompute and view change

    // Full and interactive Monte Carlo sizes and the frame budget the adaptive choice aims for.
    int full_draws = 1000;
    int interactive_draws = 200;
    double interactive_budget_ms = 8.0;
    uint64_t seed = 20221007;  // fixed: same state, same bands (date of the first export rule)

    // Compare.
    void pin_baseline(std::string label);
    void clear_baseline() { baseline_.reset(); }
    const Baseline* baseline() const { return baseline_.get(); }

private:
    // The policy year and steps a scenario started with (what Reset goes back to).
    struct LeverPlan {
        int policy_year = kDefaultPolicyYear;
        std::array<LeverSchedule, kLeverCount> steps{};
        std::array<std::array<std::string, kMaxYears>, kLeverCount> step_source{};
    };
    static LeverPlan plan_of(const Scenario& scenario);
    // Makes `changes` on `scenario` and `params` (candidates: the caller keeps them only if all is
    // well); "" or why the first refused one is refused, in the reader's language.
    static std::string make_changes(const Changes& changes, Scenario& scenario, Params& params);
    void push_undo();
    void begin_edit(int policy_year_before);
    bool refuse(const std::string& why);
    void compare_with_commodity_view();
    void mark_dirty() { dirty_ = true; }

    struct Snapshot {
        Scenario scenario;
        int preset_index;
        Params params;
        LeverPlan start_plan;
    };
    // Undo and redo: the state goes back to the last snapshot of `from`, and `to` keeps the one it left.
    void restore(std::vector<Snapshot>& from, std::vector<Snapshot>& to);
    std::vector<Scenario> presets_;
    std::vector<std::string> load_errors_;
    std::vector<RecordPoint> record_;
    int preset_index_ = -1;
    Scenario scenario_;
    Params params_;
    Params edit_start_params_;
    int edit_start_policy_year_ = kDefaultPolicyYear;
    bool editing_ = false;
    LeverPlan start_plan_;
    std::vector<Snapshot> undo_, redo_;
    int year_ = 2030;
    View view_;
    Language language_ = Language::en;
    std::string message_;
    bool message_is_error_ = false;
    bool dirty_ = true;
    bool last_was_interactive_ = false;
    double last_full_ms_ = 0;  // time of the last recompute with the full Monte Carlo
    Results results_;
    uint64_t revision_ = 0;
    std::unique_ptr<Baseline> baseline_;
};

}  // namespace cp::shell
