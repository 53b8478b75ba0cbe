#!/usr/bin/env bash
# Builds one commit twice, from two clones in different directories, and compares every artifact a release
# publishes (jars, sources, Javadoc, the SBOM, the flattened POM) byte for byte.
#   scripts/check-reproducible.sh [commit]     (default: HEAD of this clone)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
commit=${1:-HEAD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in 1 2; do
  git clone -q "$repo" "$work/build-$n"
  git -C "$work/build-$n" checkout -q "$commit"
  echo "Build $n of $(git -C "$work/build-$n" rev-parse --short HEAD) in $work/build-$n"
  (cd "$work/build-$n" && ./mvnw -B -q package -DskipTests -Dinvoker.skip -Dspotless.check.skip)
done

artifacts() {
  (cd "$1" && find . -maxdepth 3 \( -path '*/target/*' \( -name '*.jar' -o -name 'bom.json' \) \
      ! -name 'original-*' \) -o -name '.flattened-pom.xml' | sort)
}

list1=$(artifacts "$work/build-1")
list2=$(artifacts "$work/build-2")
if [[ "$list1" != "$list2" ]]; then
  echo "The two builds made different sets of artifacts:"; diff <(echo "$list1") <(echo "$list2") || true
  exit 1
fi

different=0
while read -r file; do
  a=$(sha256sum "$work/build-1/$file" | cut -d' ' -f1)
  b=$(sha256sum "$work/build-2/$file" | cut -d' ' -f1)
  if [[ "$a" == "$b" ]]; then
    echo "same       $a  $file"
  else
    echo "DIFFERENT  $file"
    different=1
  fi
done <<< "$list1"

if [[ $different -ne 0 ]]; then
  echo "Not reproducible: compare the files above (unzip -l, diffoscope)."
  exit 1
fi
echo "Reproducible: $(echo "$list1" | wc -l) artifacts identical."
