// Files compiled into the binary (scenarios/*.json, fonts/*.otf); generated data, fixed interface.
#pragma once

namespace cp::assets {

struct File { const char* name; const unsigned char* data; unsigned long size; };

int file_count();
const File& file(int i);
const File* find(const char* name);  // nullptr if absent

}  // namespace cp::assets
