#!/usr/bin/env bash
# Writes a report with N awards (default 5000) to standard output: the large
# example, generated rather than stored (5,000 awards are ~600 KB of YAML).
#   bash examples/large-awards.sh 5000 > /tmp/large-awards.yaml
#   baocao build /tmp/large-awards.yaml -o large-awards.pdf
# The names and awards are made up from a few parts; the report is for
# measuring and testing, not a real list.
set -euo pipefail
n=${1:-5000}
cat <<'YAML'
schema: 1
template: dang
document:
  kind: BÁO CÁO
  number: 07-BC/ĐUK
  place: Phú Thọ
  date: 2015-08-11
  title: Danh sách tập thể, cá nhân được khen thưởng nhiệm kỳ 2010 - 2015
  issuer: Đảng ủy Khối các cơ quan tỉnh
  parent: Đảng bộ tỉnh Phú Thọ
term: {from: 2010, to: 2015}
sections:
  - title: Danh sách khen thưởng
    body:
      - Các tập thể, cá nhân có thành tích xuất sắc trong nhiệm kỳ được khen thưởng như sau.
      - awards: {as: table, group_by: level, sort: year, summary: true}
awards:
YAML
awk -v n="$n" 'BEGIN {
  split("Nguyễn Văn Hùng|Trần Thị Hương|Lê Đức Thắng|Phạm Thu Hà|Hoàng Minh Tuấn|Vũ Thị Ngọc Ánh|Đặng Quốc Việt", names, "|");
  split("Bằng khen của Ủy ban nhân dân tỉnh|Giấy khen của Ban Thường vụ Đảng ủy Khối|Huân chương Lao động hạng Ba|Chiến sĩ thi đua cơ sở", kinds, "|");
  split("Chủ tịch UBND tỉnh|Ban Thường vụ Đảng ủy Khối|Chủ tịch nước|Giám đốc Sở Nội vụ", by, "|");
  for (i = 0; i < n; i++) {
    # Every eighth award goes to a collective (a chi bộ), the rest to people.
    if (i % 8 == 7) {
      printf "  - recipient: \"Chi bộ số %d\"\n    level: collective\n", i % 59 + 1;
    } else {
      printf "  - recipient: \"%s, chi bộ số %d\"\n    level: individual\n", names[i % 7 + 1], i % 59 + 1;
    }
    printf "    award: %s\n", kinds[i % 4 + 1];
    printf "    conferred_by: %s\n", by[i % 4 + 1];
    printf "    year: %d\n", 2015 - i % 6;
  }
}'
