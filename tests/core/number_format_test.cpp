#include <catch2/catch.hpp>

#include "core/number_format.hpp"

using namespace baocao::core;

TEST_CASE("numbers are written the Vietnamese way", "[core][format]") {
  CHECK(format_number(3677) == "3.677");
  CHECK(format_number(1234567) == "1.234.567");
  CHECK(format_number(14.4) == "14,4");
  CHECK(format_number(81.3) == "81,3");
  CHECK(format_number(999) == "999");
  CHECK(format_number(5000) == "5.000");
  CHECK(format_number(0.5) == "0,5");
  CHECK(format_number(-1234.25) == "-1.234,25");
  CHECK(format_number(14.4, 2) == "14,40");
  CHECK(format_year(2015) == "2015");
}

TEST_CASE("dates get leading zeros on days 1-9 and months 1-2 only", "[core][format]") {
  CHECK(format_date_vi({2015, 8, 11}) == "ngày 11 tháng 8 năm 2015");
  CHECK(format_date_vi({2020, 1, 5}) == "ngày 05 tháng 01 năm 2020");
  CHECK(format_date_vi({2020, 2, 29}) == "ngày 29 tháng 02 năm 2020");
  CHECK(format_date_vi({2020, 3, 9}) == "ngày 09 tháng 3 năm 2020");
  CHECK(format_date_vi({2020, 12, 31}) == "ngày 31 tháng 12 năm 2020");
}

TEST_CASE("calendar dates are checked", "[core][format]") {
  CHECK(Date{2015, 2, 28}.valid());
  CHECK_FALSE(Date{2015, 2, 29}.valid());
  CHECK(Date{2016, 2, 29}.valid());
  CHECK_FALSE(Date{1900, 2, 29}.valid());
  CHECK(Date{2000, 2, 29}.valid());
  CHECK_FALSE(Date{2015, 2, 30}.valid());
  CHECK_FALSE(Date{2015, 13, 1}.valid());
  CHECK_FALSE(Date{2015, 4, 31}.valid());
}

TEST_CASE("share of a target is worded as reached or exceeded", "[core][format]") {
  auto over = target_share(919, 600); // the Phú Thọ new-member figure: 153%
  CHECK(over.exceeded);
  CHECK(over.percent == 53);
  auto under = target_share(98, 100);
  CHECK_FALSE(under.exceeded);
  CHECK(under.percent == 98);
  auto exact = target_share(600, 600);
  CHECK_FALSE(exact.exceeded);
  CHECK(exact.percent == 100);
}

TEST_CASE("date patterns and number separators come from the template", "[core][format]") {
  std::vector<std::string> en = {"January",   "February", "March",    "April",
                                 "May",       "June",     "July",     "August",
                                 "September", "October",  "November", "December"};
  CHECK(format_date("{place}, {date}", {2015, 8, 11}, {}) == "{place}, ngày 11 tháng 8 năm 2015");
  CHECK(format_date("{month_name} {d}, {year}", {2025, 1, 5}, en) == "January 5, 2025");
  CHECK(format_date("{day}/{month}/{year}", {2020, 1, 5}, en) == "05/01/2020");
  CHECK(format_date("{day}/{month}/{year}", {2020, 11, 5}, en) == "05/11/2020");
  CHECK(format_date("{d}.{m}.{year}", {2020, 1, 5}, en) == "5.1.2020");
  CHECK(format_number(1234567.5, -1, ",", ".") == "1,234,567.5");
  CHECK(format_number(3677, -1, "", ",") == "3677");
}

TEST_CASE("a number and date left blank for the issuing office keep their words",
          "[core][format]") {
  const std::string b6 = baocao::core::blank(6);
  CHECK(b6.size() == 12); // six no-break spaces, two bytes each
  CHECK(baocao::core::blank_number("125-BC/ĐUK") == b6 + "-BC/ĐUK");
  CHECK(baocao::core::blank_number("05/BC-UBND") == b6 + "/BC-UBND");
  CHECK(baocao::core::blank_number("/BC-UBND") == b6 + "/BC-UBND");
  CHECK(baocao::core::blank_number("") == b6);
  const std::vector<std::string> months{"tháng 1", "tháng 2"};
  CHECK(baocao::core::format_blank_date("{place}, {date}", months, "Tân Dân") ==
        "Tân Dân, ngày " + baocao::core::blank(5) + " tháng " + baocao::core::blank(5) + " năm 20" +
            baocao::core::blank(4));
  CHECK(baocao::core::format_blank_date("{month_name} {year}", months, "") ==
        "tháng " + baocao::core::blank(5) + " 20" + baocao::core::blank(4));
  CHECK(baocao::core::format_blank_date("{d}/{m}/{year}", months, "").find_first_of("0123456789") ==
        baocao::core::format_blank_date("{d}/{m}/{year}", months, "").find("20"));
}
