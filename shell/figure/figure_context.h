// All the figure keeps between frames outside ExplorerState, in one object (as Dear ImGui keeps its context).
#pragma once

#include <string>
#include <vector>

#include "charts.h"
#include "exact_entry.h"
#include "i18n.h"
#include "panels.h"
#include "theme.h"
#include "web_bridge.h"

namespace cp::shell {

class ExplorerState;

// One place lists what the figure remembers, module by module, instead of a variable per fact in
// each file: what a reader of one file cannot see changing is here, and nowhere else.
struct FigureContext {
    // panels.cpp: where the controls were drawn this frame; a picture asked for, taken a frame later.
    std::vector<ControlRect> control_rects;
    CaptureRequest capture;
    bool capture_pending = false;
    int capture_delay = 0;
    // chart_panels.cpp: a chart whose picture was asked for by name (command line, page), or -1.
    int pending_chart = -1;

    // charts.cpp: where the time charts drew their policy-year line; the texts drawn, while logged.
    std::vector<ChartMark> chart_marks;
    bool log_texts = false;
    std::vector<DrawnText> logged_texts;

    // exact_entry.cpp: the slider whose text box is being drawn, the one open last frame, and the
    // platform's clipboard reader that the check wraps.
    const char* (*entry_platform_get)(void*) = nullptr;
    ExplorerState* entry_state = nullptr;  // set while an entry field's slider is drawn
    EntryField entry_field;
    bool entry_in_field = false;
    EntryField entry_open;
    bool entry_has_open = false;
    std::string entry_pasted;  // what the checked clipboard hands ImGui, alive until the next paste

    // theme.cpp: colours and fonts as built, and the Chinese fonts the page handed over (web).
    Palette palette{};
    bool dark = false;
    Fonts fonts;
    Language fonts_language = Language::en;
    std::vector<unsigned char> cjk_regular, cjk_bold;

    // platform/web_bridge.cpp: what the page asked for and what it reads back.
    ExplorerState* bridge_state = nullptr;  // what functions exported to JavaScript act on
    std::string last_error;
    std::string exported;  // keeps the last exported text alive for the page to copy
    double frame_ms = 0;
    float content_height = 0;
    std::string locating;  // the file name of the chart picture requested only to learn its rect
    std::string located;   // that rect as JSON once known
    bool wake = false;     // the page changed something the next frame must draw
    ClipboardRequest clipboard;
    float two_column_from = 0;
    bool scroll_to_top = false;
};

// The figure's context. There is one figure per process (the app, a test harness one at a time).
FigureContext& figure();

}  // namespace cp::shell
