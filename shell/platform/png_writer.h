// Dependency-free PNG writer for the native app's --screenshot (uncompressed deflate blocks).
#pragma once

#include <string>

namespace cp::shell {

// Writes an 8-bit RGB PNG; `rgb` holds height rows of width*3 bytes, top row first.
bool write_png_rgb(const std::string& path, int width, int height, const unsigned char* rgb);

}  // namespace cp::shell
