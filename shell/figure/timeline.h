// The levers over time in the levers panel: the policy-year control, each lever's yearly strip and its steps.
#pragma once

#include "state.h"

namespace cp::shell {

// "Your settings apply from [2026]": the policy year as a slider (mouse, touch, arrow keys, or a typed
// year; a year outside the run is refused with a message). Returns true while it is dragged.
bool draw_policy_year(ExplorerState& state, float width);

// Under lever `lever`'s slider: its value in every year of the run (the record's years greyed, the
// policy year as a line, steps marked), its steps as chips that remove themselves when pressed
// ("100% from 2028 ×"), and "+ step", which opens an editor for a new step's year and value.
void draw_lever_timeline(ExplorerState& state, int lever, float width);

}  // namespace cp::shell
