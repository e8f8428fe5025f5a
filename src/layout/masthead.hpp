#pragma once
#include <string>
#include <vector>

#include "layout/elements.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// The words the masthead and closing print, for every writer (PDF, DOCX):
/// "Số 123-BC/TU" (blank serial with `blank`; empty when the report has no number),
std::string number_line(const model::Document& doc, const style::Labels& labels, bool blank);
/// "Phú Thọ, ngày 20 tháng 10 năm 2015" (day, month and year's last digits blank with `blank`),
std::string date_line(const model::Document& doc, const style::Labels& labels, bool blank);
/// "Kính gửi: …", or that label and a line "- …;" per addressee,
std::vector<std::string> addressee_lines(const model::Document& doc, const style::Labels& labels);
/// and "- …;" per recipient under "Nơi nhận:", the last ending in ".".
std::vector<std::string> recipient_lines(const model::Report& report);

/// Page 1's heading block: bodies, number, motto, place and date, kind and title.
/// With `blank_number_date`, the number's serial and the date are left blank
/// for the issuing office (LayoutOptions).
std::unique_ptr<Element> make_masthead(const model::Document& doc, bool blank_number_date = false);

/// Recipients (left) and signature (right), kept on one page.
/// With `signature_fields`, signature fields (signer, organisation) take the
/// place of the signature and seal images.
std::unique_ptr<Element> make_closing(const model::Report& report, const style::Style& style,
                                      bool signature_fields = false);

} // namespace baocao::layout
