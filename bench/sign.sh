#!/usr/bin/env bash
# What signing costs (issue 15): whole-process wall time and peak memory
# (/usr/bin/time -v), median of R runs, of an unsigned build, a sign-ready
# build, a build that signs, and each `baocao sign` of a sign-ready file,
# on the ward example (it has a signature image and a seal). Throw-away
# test keys are made by openssl in a temporary folder.
#   bash bench/sign.sh            # uses ./build/baocao
#   R=15 PDFA=1 bash bench/sign.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BAOCAO:-./build/baocao}
runs=${R:-9}
pdfa=${PDFA:+--pdfa}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
example=examples/ubnd-phuong-2016-2021.yaml
assets=examples/assets

(
  cd "$tmp"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj '/CN=bench CA'
  for who in signer org; do
    openssl req -newkey rsa:2048 -nodes -keyout $who.key -out $who.csr -subj "/CN=$who/O=bench"
    openssl x509 -req -in $who.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out $who.crt -days 1
    openssl pkcs12 -export -inkey $who.key -in $who.crt -certfile ca.crt -out $who.p12 -passout pass:pw
  done
) >/dev/null 2>&1
export BAOCAO_P12_PASSWORD=pw

measure() { # name command...
  local name=$1 times=() mems=()
  shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" 2>"$tmp/time" >/dev/null || { cat "$tmp/time"; exit 1; }
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.3f", s}' "$tmp/time")")
    mems+=("$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tmp/time")")
  done
  local t m
  t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  m=$(printf '%s\n' "${mems[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-40s %8.3f s %8.1f MB\n' "$name" "$t" "$m"
}


echo "signing benchmark: median of $runs runs, $(nproc) cores ${pdfa:+(PDF/A)}"
measure "build" "$bin" build "$example" -o "$tmp/plain.pdf" $pdfa
measure "build --sign-ready" "$bin" build "$example" -o "$tmp/ready.pdf" --sign-ready $pdfa
measure "build --sign" "$bin" build "$example" -o "$tmp/signed.pdf" --sign --p12 "$tmp/signer.p12" $pdfa
measure "sign (signer, image)" "$bin" sign "$tmp/ready.pdf" -o "$tmp/s1.pdf" --p12 "$tmp/signer.p12" --image "$assets/chu-ky-mau.png"
measure "sign (organisation, seal)" "$bin" sign "$tmp/s1.pdf" -o "$tmp/s2.pdf" --p12 "$tmp/org.p12" --image "$assets/dau-mau.png"
