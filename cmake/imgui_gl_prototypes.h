// Force-included into ImGui's OpenGL3 backend natively: GL prototypes straight from libGL instead of
// the backend's bundled gl3w loader, whose 1.86 copy writes one pointer past its table (54 names,
// 53 slots; UBSan reports it). Debian's libGL (glvnd) exports every GL entry point the backend uses.
#pragma once
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
