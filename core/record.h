// The public record (observed points with sources) that the model is checked against and the charts draw.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cp {

struct RecordPoint {
    int series = -1;  // SeriesId
    int year = 0;
    double value = 0;
    double low = 0, high = 0;  // a published range, or both equal to value
    std::string label;         // "Qwen2.5-72B, Alibaba"
    std::string confidence;    // Epoch's confidence label where it has one, else empty
    std::string source;        // "[S6]"
    bool fitted = false;       // a default was chosen to meet this row
    bool misfit = false;       // the model is known to miss it by more than 2x
    bool context = false;      // drawn, not checked (not the largest of its year)
    int nth = 0;               // its place among the file's points of the same series and year (0 = first):
                               // with them, its id ("record.<series>.<year>.<nth>" in translations)
};

struct RecordLoad {
    bool ok = false;
    std::string error;  // names the point (index, series) and the problem
    std::vector<RecordPoint> points;
};

// Parses assets/record/record.json ("schema": 1). All-or-nothing; never throws.
RecordLoad parse_record(std::string_view json_text);

}  // namespace cp
