#!/usr/bin/env bash
# Writes a report whose awards table has N rows (default 5000) to standard output.
#   bash bench/gen-awards.sh 5000 > /tmp/awards.yaml
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
      - awards: {}
awards:
YAML
awk -v n="$n" 'BEGIN {
  split("Nguyễn Văn Hùng|Trần Thị Hương|Lê Đức Thắng|Phạm Thu Hà|Hoàng Minh Tuấn|Vũ Thị Ngọc Ánh|Đặng Quốc Việt|Bùi Thị Thủy", names, "|");
  split("Bằng khen của Ủy ban nhân dân tỉnh|Giấy khen của Ban Thường vụ Đảng ủy Khối|Huân chương Lao động hạng Ba|Chiến sĩ thi đua cơ sở", kinds, "|");
  split("Chủ tịch UBND tỉnh|Ban Thường vụ Đảng ủy Khối|Chủ tịch nước|Giám đốc Sở Nội vụ", by, "|");
  for (i = 0; i < n; i++) {
    printf "  - recipient: \"%s, chi bộ số %d\"\n", names[i % 8 + 1], i % 59 + 1;
    printf "    award: %s\n", kinds[i % 4 + 1];
    printf "    conferred_by: %s\n", by[i % 4 + 1];
    printf "    year: %d\n", 2010 + i % 6;
  }
}'
