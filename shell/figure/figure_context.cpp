// The figure's one context object (figure_context.h).
#include "figure_context.h"

namespace cp::shell {
namespace {
FigureContext g_figure;
}  // namespace

FigureContext& figure() { return g_figure; }

}  // namespace cp::shell
