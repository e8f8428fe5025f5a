#!/usr/bin/env python3
"""Vẽ các ảnh minh họa của báo cáo mẫu (không phải ảnh chụp thật) bằng ImageMagick.

Chạy: python3 make-images.py   (cần lệnh `convert` của ImageMagick 6 và phông DejaVu)
Mỗi ảnh được vẽ từ một tệp lệnh MVG rồi lưu JPEG 1600x1000, chất lượng 85, bỏ siêu dữ liệu
(-strip) để tệp giống nhau giữa các lần chạy.
"""
import math
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 1600, 1000
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def star(cx, cy, r):
    """Ngôi sao năm cánh (cờ Tổ quốc)."""
    pts = []
    for i in range(10):
        rad = r if i % 2 == 0 else r * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        pts.append(f"{cx + rad * math.cos(a):.1f},{cy + rad * math.sin(a):.1f}")
    return "polygon " + " ".join(pts)


def render(name, background, mvg):
    # Lệnh vẽ truyền thẳng qua -draw (chính sách bảo mật của ImageMagick chặn "@tệp").
    subprocess.run(
        ["convert", "-size", f"{W}x{H}"] + background
        + ["-draw", mvg, "-strip", "-interlace", "none", "-quality", "85",
           "-sampling-factor", "2x2", os.path.join(HERE, name)],
        check=True)


def hall():
    m = []
    # tường hậu trường và sân khấu
    m.append("fill '#7a1010' rectangle 180,60 1420,560")
    m.append("fill '#9c1a1a' rectangle 200,80 1400,540")
    # băng rôn chữ vàng
    m.append(f"font '{BOLD}' fill '#ffd84a' font-size 34 gravity north")
    m.append("text 0,150 'ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN HÒA LÂM'")
    m.append("font-size 54 text 0,215 'LẦN THỨ XXII'")
    m.append("font-size 36 text 0,300 'NHIỆM KỲ 2020 - 2025'")
    m.append(f"font '{SANS}' font-size 24 fill '#ffe9a0' text 0,345 'Hòa Lâm, tháng 7 năm 2020'")
    m.append("gravity northwest")
    # cờ Đảng (trái) và cờ Tổ quốc (phải)
    m.append("fill '#d8141b' rectangle 215,100 345,190")
    m.append("fill '#ffd400' circle 262,148 284,148")
    m.append("fill '#d8141b' circle 269,143 286,143")
    m.append("fill '#ffd400' rectangle 278,130 312,137")
    m.append("fill '#d8141b' rectangle 1255,100 1385,190")
    m.append("fill '#ffd400' " + star(1320, 147, 34))
    # tượng Bác trên bệ, hoa hai bên
    m.append("fill '#e8e2d0' rectangle 770,450 830,540")
    m.append("fill '#d9d0b8' ellipse 800,405 26,32 0,360")
    m.append("fill '#d9d0b8' ellipse 800,470 48,32 180,360")
    for x in (700, 900):
        m.append(f"fill '#2e7d32' ellipse {x},520 60,30 0,360")
        for dx in (-30, 0, 30):
            m.append(f"fill '#ffeb3b' circle {x + dx},505 {x + dx + 11},505")
            m.append(f"fill '#e53935' circle {x + dx + 14},520 {x + dx + 24},520")
    # bàn Đoàn Chủ tịch
    m.append("fill '#6d0f0f' rectangle 180,560 1420,600")
    m.append("fill '#f3efe6' rectangle 240,600 1360,660")
    m.append("fill '#c62828' rectangle 240,640 1360,660")
    for i in range(12):
        x = 300 + i * 92
        m.append(f"fill '#3b3b3b' circle {x},585 {x + 16},585")
    # sàn và các dãy ghế đại biểu (xa nhỏ, gần to)
    m.append("fill '#8d6e63' rectangle 0,660 1600,1000")
    rows = [(690, 22, 46), (735, 26, 52), (790, 30, 60), (855, 35, 70), (930, 41, 82)]
    for y, r, step in rows:
        x = 20 + (y % 3) * 9
        while x < W:
            if abs(x - W / 2) > r * 1.4:  # lối đi ở giữa
                m.append(f"fill '#2b2b2b' circle {x},{y} {x + r * 0.55},{y}")
                m.append(f"fill '#1e3a5f' roundrectangle {x - r},{y + r * 0.5} {x + r},{y + r * 1.6} 6,6")
                m.append(f"fill '#a11212' roundrectangle {x - r - 4},{y + r * 1.2} {x + r + 4},{y + r * 2.2} 6,6")
            x += step
    # đèn trần
    for x in range(120, 1600, 240):
        m.append(f"fill '#fff6d0' ellipse {x},30 40,10 0,360")
    return "\n".join(m) + "\n"


def field():
    m = []
    # đồi xa
    m.append("fill '#6f9a7a' path 'M 0,420 C 200,300 380,330 560,400 C 760,320 980,300 1200,380 "
             "C 1380,330 1500,340 1600,380 L 1600,470 L 0,470 Z'")
    m.append("fill '#4f7d5c' path 'M 0,470 C 300,410 600,430 900,455 C 1200,420 1450,430 1600,450 "
             "L 1600,500 L 0,500 Z'")
    # ruộng lúa: các ô xanh đậm nhạt
    m.append("fill '#7cb342' rectangle 0,480 1600,1000")
    colors = ["#8bc34a", "#7cb342", "#9ccc65", "#689f38", "#aed581"]
    for i in range(9):
        y0 = 480 + i * i * 6.2
        y1 = 480 + (i + 1) * (i + 1) * 6.2
        m.append(f"fill '{colors[i % 5]}' rectangle 0,{y0:.0f} 1600,{y1:.0f}")
    # hàng lúa hội tụ về điểm tụ
    m.append("stroke '#558b2f' stroke-width 2 fill none")
    for k in range(-30, 31):
        m.append(f"line 800,480 {800 + k * 90},1000")
    m.append("stroke none")
    # đường bê tông nội đồng
    m.append("fill '#bdbdbd' polygon 770,480 830,480 1100,1000 500,1000")
    m.append("fill '#e0e0e0' polygon 790,480 810,480 880,1000 720,1000")
    m.append("stroke '#f5f5f5' stroke-width 6 stroke-dasharray 30,40 line 800,490 800,1000 stroke none")
    # hàng cây và cột điện ven đường
    for i, x in enumerate((300, 420, 1180, 1290, 1420)):
        s = 1 + i * 0.15
        m.append(f"fill '#5d4037' rectangle {x - 5 * s:.0f},{430 - 10 * s:.0f} {x + 5 * s:.0f},480")
        m.append(f"fill '#2e7d32' circle {x},{420 - 20 * s:.0f} {x + 34 * s:.0f},{420 - 20 * s:.0f}")
    for i in range(5):
        t = (i + 1) / 6
        x = 830 + (1150 - 830) * t * t
        y = 480 + 520 * t * t
        h = 40 + 260 * t * t
        m.append(f"stroke '#757575' stroke-width {2 + 6 * t:.0f} line {x:.0f},{y:.0f} {x:.0f},{y - h:.0f} stroke none")
    # nón lá người làm đồng
    m.append("fill '#f5deb3' polygon 350,700 300,735 400,735")
    m.append("fill '#1565c0' rectangle 330,735 370,800")
    return "\n".join(m) + "\n"


def school():
    m = []
    m.append("fill '#c8b99a' rectangle 0,760 1600,1000")  # sân trường
    m.append("fill '#9e9e9e' rectangle 0,740 1600,765")
    # nhà 3 tầng, mái ngói đỏ
    m.append("fill '#b23a2b' polygon 200,260 1400,260 1450,320 150,320")
    m.append("fill '#f4d35e' rectangle 180,320 1420,750")
    for floor in range(3):
        y = 350 + floor * 130
        m.append(f"fill '#ffffff' rectangle 180,{y + 95} 1420,{y + 105}")
        for i in range(10):
            x = 220 + i * 120 + (60 if i >= 5 else 0)
            if 700 < x < 900:
                continue
            m.append(f"fill '#4a6fa5' rectangle {x},{y} {x + 70},{y + 80}")
            m.append(f"fill '#dbe8f5' rectangle {x + 6},{y + 6} {x + 32},{y + 74}")
            m.append(f"fill '#dbe8f5' rectangle {x + 38},{y + 6} {x + 64},{y + 74}")
    m.append("fill '#6d4c41' rectangle 760,640 840,750")
    m.append(f"fill '#c62828' rectangle 720,560 880,610 font '{BOLD}' font-size 26 fill '#ffffff'")
    m.append("text 768,594 'THCS'")
    m.append(f"fill '#ffffff' font '{BOLD}' font-size 30 text 420,302 'TRƯỜNG TRUNG HỌC CƠ SỞ THỊ TRẤN HÒA LÂM'")
    # cột cờ
    m.append("stroke '#9e9e9e' stroke-width 8 line 1500,860 1500,380 stroke none")
    m.append("fill '#da251d' rectangle 1504,385 1594,445")
    m.append("fill '#ffcd00' " + star(1549, 416, 20))
    m.append("fill '#9e9e9e' rectangle 1470,860 1530,880")
    # cây bàng, cây phượng
    for x, c in ((90, "#2e7d32"), (1300, "#c62828"), (460, "#388e3c")):
        m.append(f"fill '#5d4037' rectangle {x - 10},760 {x + 10},900")
        m.append(f"fill '{c}' ellipse {x},740 95,70 0,360")
        m.append(f"fill '#1b5e20' ellipse {x + 30},770 60,40 0,360")
    # học sinh (áo trắng, quần xanh)
    for i, x in enumerate(range(560, 1200, 70)):
        y = 900 + (i % 3) * 18
        m.append(f"fill '#3e2723' circle {x},{y - 52} {x + 12},{y - 52}")
        m.append(f"fill '#ffffff' roundrectangle {x - 16},{y - 40} {x + 16},{y} 5,5")
        m.append(f"fill '#1a237e' rectangle {x - 14},{y} {x + 14},{y + 36}")
    return "\n".join(m) + "\n"


def bridge():
    m = []
    m.append("fill '#7ea7c9' rectangle 0,560 1600,1000")  # mặt sông
    for i in range(14):
        y = 600 + i * 28
        m.append(f"stroke '#a9c7e0' stroke-width 3 line {(i * 137) % 500},{y} {(i * 137) % 500 + 260},{y}")
        m.append(f"line {900 + (i * 91) % 500},{y + 10} {1100 + (i * 91) % 500},{y + 10} stroke none")
    # bờ sông hai bên
    m.append("fill '#6d8f4e' polygon 0,470 260,520 300,600 0,640")
    m.append("fill '#6d8f4e' polygon 1600,460 1330,520 1290,600 1600,640")
    m.append("fill '#4b6b35' path 'M 0,470 C 400,420 1200,420 1600,460 L 1600,480 L 0,490 Z'")
    # dầm cầu, trụ cầu và vòm
    m.append("fill '#d7d7d7' rectangle 0,430 1600,470")
    m.append("fill '#bdbdbd' rectangle 0,470 1600,490")
    for x in (260, 560, 860, 1160, 1460):
        m.append(f"fill '#9e9e9e' rectangle {x - 22},490 {x + 22},700")
        m.append(f"fill '#7d8f9e' ellipse {x},705 60,12 0,360")
    m.append("stroke '#c62828' stroke-width 12 fill none")
    m.append("path 'M 420,430 Q 710,180 1000,430'")
    m.append("stroke-width 5")
    for x in range(470, 960, 45):
        t = (x - 420) / 580
        y = 430 - 4 * 125 * t * (1 - t)
        m.append(f"line {x},{y:.0f} {x},430")
    m.append("stroke none")
    # lan can và cột đèn
    m.append("stroke '#f5f5f5' stroke-width 4 line 0,425 1600,425 stroke none")
    for x in range(40, 1600, 160):
        m.append(f"stroke '#616161' stroke-width 5 line {x},425 {x},360 stroke none")
        m.append(f"fill '#fff59d' circle {x + 10},358 {x + 18},358")
    # xe qua cầu
    m.append("fill '#1e88e5' roundrectangle 600,395 700,428 8,8 fill '#fbc02d' roundrectangle 1040,392 1120,428 8,8")
    m.append("fill '#212121' circle 620,428 630,428 circle 680,428 690,428 circle 1055,428 1064,428 circle 1105,428 1114,428")
    # biển tên cầu
    m.append(f"fill '#0d47a1' rectangle 40,300 440,350 font '{BOLD}' font-size 28 fill '#ffffff' text 62,336 'CẦU HÒA LÂM'")
    return "\n".join(m) + "\n"


if __name__ == "__main__":
    render("dai-hoi.jpg", ["gradient:#f1e7cf-#c9b38a"], hall())
    render("canh-dong.jpg", ["gradient:#8ec5f0-#e8f4fb"], field())
    render("truong-hoc.jpg", ["gradient:#9fd0f5-#eef7fd"], school())
    render("cau.jpg", ["gradient:#f7c59f-#bfe0f5"], bridge())


# Sơ đồ (SVG) các xã, thị trấn theo mức đạt chuẩn nông thôn mới năm 2025: 15 ô xếp 5 x 3,
# sông Lam chảy qua và quốc lộ; tên xã, màu theo mức đạt chuẩn (khớp với báo cáo: 5 xã nông
# thôn mới nâng cao, 9 xã nông thôn mới, 1 thị trấn).
UNITS = [
    ("Thượng Lâm", "ntm"), ("Lam Sơn", "ntm"), ("Xuân Lộc", "ntm"), ("Vân Hội", "ntm"),
    ("Yên Phú", "ntm"),
    ("Hòa Sơn", "ntm"), ("Hòa Bình", "nc"), ("TT Hòa Lâm", "tt"), ("Phú Lộc", "nc"),
    ("Tân Lập", "ntm"),
    ("Đồng Xuân", "ntm"), ("Minh Tiến", "nc"), ("Hạ Lâm", "nc"), ("Quang Trung", "nc"),
    ("Trung Nghĩa", "ntm"),
]
COLORS = {"nc": "#2e7d32", "ntm": "#a5d6a7", "tt": "#ffcc80"}
LEGEND = [("nc", "Xã đạt chuẩn nông thôn mới nâng cao (05 xã)"),
          ("ntm", "Xã đạt chuẩn nông thôn mới (09 xã)"),
          ("tt", "Thị trấn Hòa Lâm")]


def svg_map():
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="800" height="560" '
           'viewBox="0 0 800 560" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">',
           '<title>Sơ đồ các xã, thị trấn huyện Hòa Lâm theo mức đạt chuẩn nông thôn mới</title>',
           '<rect x="0" y="0" width="800" height="560" fill="#ffffff"/>',
           '<text x="400" y="34" text-anchor="middle" font-size="20" font-weight="bold" '
           'fill="#1a237e">HUYỆN HÒA LÂM: MỨC ĐẠT CHUẨN NÔNG THÔN MỚI NĂM 2025</text>']
    x0, y0, cw, ch = 40, 60, 144, 110
    for i, (name, kind) in enumerate(UNITS):
        r, c = divmod(i, 5)
        x, y = x0 + c * cw, y0 + r * ch
        fg = "#ffffff" if kind == "nc" else "#1b1b1b"
        out.append(f'<rect x="{x + 3}" y="{y + 3}" width="{cw - 6}" height="{ch - 6}" rx="14" '
                   f'fill="{COLORS[kind]}" stroke="#5d4037" stroke-width="1.5"/>')
        out.append(f'<text x="{x + cw / 2:.0f}" y="{y + ch / 2 + 6:.0f}" text-anchor="middle" '
                   f'font-size="17" font-weight="bold" fill="{fg}">{name}</text>')
    # sông Lam (xanh) và quốc lộ (đỏ) cắt qua huyện
    out.append('<path d="M 30,166 C 180,150 300,186 472,170 C 600,158 680,186 770,168" '
               'fill="none" stroke="#1e88e5" stroke-width="9" stroke-opacity="0.75"/>')
    out.append('<path d="M 472,52 L 472,120 L 468,200 L 472,280 L 472,392" fill="none" '
               'stroke="#d32f2f" stroke-width="5" stroke-dasharray="14 6"/>')
    out.append('<text x="20" y="152" font-size="14" font-style="italic" fill="#0d47a1">sông Lam</text>')
    out.append('<text x="480" y="404" font-size="14" font-style="italic" fill="#b71c1c">quốc lộ</text>')
    # mũi tên chỉ hướng bắc
    out.append('<path d="M 760,70 L 772,100 L 760,94 L 748,100 Z" fill="#333333"/>')
    out.append('<text x="760" y="66" text-anchor="middle" font-size="14" font-weight="bold">B</text>')
    # chú giải
    for i, (kind, label) in enumerate(LEGEND):
        y = 420 + i * 34
        out.append(f'<rect x="60" y="{y}" width="34" height="22" rx="4" fill="{COLORS[kind]}" '
                   'stroke="#5d4037"/>')
        out.append(f'<text x="106" y="{y + 17}" font-size="16">{label}</text>')
    out.append('<line x1="470" y1="431" x2="520" y2="431" stroke="#1e88e5" stroke-width="8" '
               'stroke-opacity="0.75"/><text x="532" y="437" font-size="16">Sông</text>')
    out.append('<line x1="470" y1="465" x2="520" y2="465" stroke="#d32f2f" stroke-width="5" '
               'stroke-dasharray="14 6"/><text x="532" y="471" font-size="16">Quốc lộ</text>')
    out.append('<text x="470" y="505" font-size="13" font-style="italic" fill="#555555">'
               'Sơ đồ minh họa, không theo tỷ lệ</text>')
    out.append('</svg>')
    with open(os.path.join(HERE, "so-do-nong-thon-moi.svg"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


svg_map()
