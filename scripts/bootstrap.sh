#!/usr/bin/env bash
# Sets up a Debian 12 machine for baocao, builds it, then either renders the
# bundled example (`example`) or runs every test (`test`).
#   bash scripts/bootstrap.sh example
#   bash scripts/bootstrap.sh test
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-example}
case "$what" in example|test) ;; *) echo "usage: $0 example|test" >&2; exit 2 ;; esac

packages=(
  g++ cmake make pkg-config
  libpango1.0-dev libcairo2-dev libfontconfig-dev libglib2.0-dev libharfbuzz-dev libfreetype-dev
  libyaml-cpp-dev libhpdf-dev libpng-dev libjpeg-dev
  # a table's XLSX data file: libzip opens the workbook, expat streams its XML
  libzip-dev libexpat1-dev
  # --format docx: libzip writes the package, libxml2's xmlTextWriter streams its XML
  # (libxml2 already came with librsvg); python3-docx reads the result back in the tests
  libxml2-dev python3-docx
  catch2 libpoppler-cpp-dev poppler-utils time
  # signing: OpenSSL's CMS and PKCS#12 (pdfsig, in poppler-utils, checks the result)
  libssl-dev openssl
  # PKCS#11 tokens: libp11 (a token key as an OpenSSL EVP_PKEY); SoftHSM2 is the test token
  libp11-dev softhsm2
  # the JSON Schema test (tests/input/validate_schema.py): YAML to JSON, Draft 2020-12 validation
  python3-jsonschema python3-yaml
  # SVG pictures in the body: librsvg parses them (input), draws them as vectors
  # through Cairo, and rasterises them for libharu
  librsvg2-dev
  # xmllint: the SVG previews are checked to be well-formed XML
  libxml2-utils
  # a font with characters the bundled ones lack, for the --font-dir fallback test
  fonts-dejavu-core
  # PDF/A: the sRGB output-intent profile, and PDFBox Preflight for the tests
  icc-profiles-free default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java
  # fuzz/run.sh: clang with libFuzzer and its sanitizer runtimes
  clang-14 libclang-rt-14-dev
  # the DOCX writer's tests (issue 17) read the DOCX back as a clerk's tools do:
  # python-docx its structure (tests/support/docx_inspect.py: styles, rows, sections, fonts)
  python3-docx
  # pandoc its text (`pandoc -f docx -t plain`), compared word for word with the PDF's
  pandoc
  # LibreOffice headless converts it to PDF (page count, no missing text); 82 MB of
  # the three's 104 MB download, 25 s of their install
  libreoffice-writer-nogui
  # baocao serve: cpp-httplib (the HTTP server, and the tests' client), nlohmann-json
  # (its JSON); the editor's test drives Debian's chromium through chromedriver with
  # python3-selenium; wrk for bench/serve.sh
  libcpp-httplib-dev nlohmann-json3-dev chromium chromium-driver python3-selenium wrk
  # packaging: cpack's Depends from the binary (dpkg-shlibdeps), dpkg-deb; the
  # man page test (groff, lexgrog)
  dpkg-dev groff-base man-db
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "== installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== building"
# -O2 as in every figure measured, without debug information, which took
# 40% of each file's compile time (configure build/ yourself for gdb).
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null
if [ "$what" = example ]; then
  cmake --build build -j "$(nproc)" --target baocao
else
  cmake --build build -j "$(nproc)"
fi

if [ "$what" = example ]; then
  out="$PWD/build/phu-tho-2010-2015.pdf"
  ./build/baocao build examples/phu-tho-2010-2015.yaml -o "$out"
  echo "$out"
else
  ctest --test-dir build --output-on-failure -j "$(nproc)"
fi
