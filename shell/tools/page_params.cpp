// cp_page_params: writes the page's parameter table (web/params.json) with every value already written, in English and
// Chinese.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "format.h"
#include "i18n.h"
#include "params.h"

// The page formats no numbers: scripts/stage-dist runs this at staging time (natively, or the wasm
// build under node), so the table needs neither the figure nor JavaScript's own rounding, and reads
// the same with WebAssembly off. The labels, meanings and sources stay English here: the page takes
// their translations from its catalogue (i18n/zh-Hans.page.json).
int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: cp_page_params BUILD/i18n/zh-Hans.figure.json > params.json\n");
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    std::stringstream translation;
    translation << file.rdbuf();
    const std::string problem = file ? cp::shell::install_translation(translation.str()) : "cannot be read";
    if (!problem.empty()) {
        std::fprintf(stderr, "cp_page_params: %s: %s\n", argv[1], problem.c_str());
        return 1;
    }
    using cp::shell::Language;
    nlohmann::json rows = nlohmann::json::array();
    for (int i = 0; i < cp::param_count(); ++i) {
        const cp::ParamInfo& p = cp::param_info(i);
        nlohmann::json row = {{"key", p.key}, {"label", p.label}, {"meaning", p.meaning}, {"source", p.source}};
        for (Language language : {Language::en, Language::zh}) {
            cp::shell::set_language(language);
            row[cp::shell::language_code(language)] = {
                {"default", cp::shell::format_param_value(p.default_value, p.unit)},
                {"range", cp::shell::format_param_range(p.min, p.max, p.unit)}};
        }
        rows.push_back(row);
    }
    // One parameter a line: small to download, and a diff shows which row changed.
    std::cout << "[\n";
    for (size_t i = 0; i < rows.size(); ++i) std::cout << rows[i].dump() << (i + 1 < rows.size() ? ",\n" : "\n");
    std::cout << "]\n";
    return 0;
}
