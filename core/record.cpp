// Loader of the public record: strict like the scenario loader, so a typo in a source file cannot slip onto a chart.
#include "record.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "series.h"

namespace cp {

RecordLoad parse_record(std::string_view json_text) {
    using json = nlohmann::json;
    RecordLoad result;
    const json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        result.error = "the record must be a JSON object";
        return result;
    }
    if (!doc.contains("schema") || doc["schema"] != 1) {
        result.error = "the record needs \"schema\": 1";
        return result;
    }
    if (!doc.contains("points") || !doc["points"].is_array()) {
        result.error = "the record needs a \"points\" list";
        return result;
    }
    std::vector<RecordPoint> points;
    int index = 0;
    for (const json& p : doc["points"]) {
        const std::string where = "point " + std::to_string(index++);
        auto fail = [&](const std::string& what) {
            result.error = where + ": " + what;
            return result;
        };
        if (!p.is_object()) return fail("expected an object");
        RecordPoint r;
        for (auto it = p.begin(); it != p.end(); ++it) {
            const std::string& k = it.key();
            const json& v = it.value();
            if (k == "series") {
                if (!v.is_string()) return fail("\"series\" must be a string");
                r.series = find_series(v.get<std::string>().c_str());
                if (r.series < 0) return fail("unknown series '" + v.get<std::string>() + "'");
            } else if (k == "year") {
                if (!v.is_number_integer() || v.get<int>() < kFirstYear || v.get<int>() > kMaxEndYear)
                    return fail("\"year\" must be an integer in [" + std::to_string(kFirstYear) + ", " +
                                std::to_string(kMaxEndYear) + "]");
                r.year = v.get<int>();
            } else if (k == "value" || k == "low" || k == "high") {
                if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() <= 0)
                    return fail("\"" + k + "\" must be a positive number");
                (k == "value" ? r.value : k == "low" ? r.low : r.high) = v.get<double>();
            } else if (k == "label" || k == "confidence" || k == "source") {
                if (!v.is_string()) return fail("\"" + k + "\" must be a string");
                (k == "label" ? r.label : k == "confidence" ? r.confidence : r.source) = v.get<std::string>();
            } else if (k == "fitted" || k == "misfit" || k == "context") {
                if (!v.is_boolean()) return fail("\"" + k + "\" must be true or false");
                (k == "fitted" ? r.fitted : k == "misfit" ? r.misfit : r.context) = v.get<bool>();
            } else {
                return fail("unknown field '" + k + "'");
            }
        }
        if (r.series < 0 || r.year == 0 || !(r.value > 0)) return fail("needs \"series\", \"year\" and \"value\"");
        if (r.source.empty() || r.label.empty()) return fail("needs a \"label\" and a \"source\"");
        if (r.low == 0) r.low = r.value;
        if (r.high == 0) r.high = r.value;
        if (!(r.low <= r.value && r.value <= r.high)) return fail("needs low <= value <= high");
        if (r.misfit && r.context) return fail("a point is either a misfit or context, not both");
        for (const RecordPoint& earlier : points)
            if (earlier.series == r.series && earlier.year == r.year) ++r.nth;
        points.push_back(r);
    }
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it.key() != "schema" && it.key() != "points" && it.key() != "title" && it.key() != "comment") {
            result.error = "unknown key '" + it.key() + "'";
            return result;
        }
    result.ok = true;
    result.points = std::move(points);
    return result;
}

}  // namespace cp
