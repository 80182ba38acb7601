#!/usr/bin/env bash
# Measures what writing lots off costs on the service path. The release `fastrelease serve`
# (pinned to core 0, a fresh SQLite log, synchronous FULL, the default profile and its state)
# receives the same stream of CEB603 fur exports to Russia, 100 declarations a message, sent by
# curl from core 1 (8 at a time): once citing a lot that covers them all (every declaration is
# written off in the transaction that records it), once citing a lot the state does not hold
# (the same rule and evidence are judged, nothing is written off). Interleaved, RUNS times;
# prints declarations/s per run, then min and median of each.
#
#   scripts/bench-write-off.sh [RUNS] [MESSAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"; messages="${2:-40}"
bin=.build/release/fastrelease
token="writeoff-token-0123456789abcdef"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
FASTRELEASE_AUTH_TOKENS="gateway:bench:$token,operator:bench-operator:$token-op" FASTRELEASE_LOG_LEVEL=warning \
  taskset -c 0 "$bin" serve --port 18093 --profile Profiles/default --sqlite-path "$work/decisions.sqlite" \
  2>"$work/server.log" &
server=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:18093/readyz >/dev/null && break; sleep 0.1; done
printf 'id,holder,material,hs,supplier,quantity,unit,conforming_quantity,valid_until\nBENCH/17,1105910165,tanned fox hides,4302191000,TAN-0002,100000000,H87,100000000,2027-03-31\n' >"$work/lots.csv"
printf 'lot,test,passed,tested_at\nBENCH/17,free-formaldehyde,pass,2026-10-12T09:00:00\nBENCH/17,azo-dyes,pass,2026-10-12T09:00:00\n' >"$work/tests.csv"
for file in lots tests; do
  name=$([ $file = lots ] && echo lots.csv || echo lot-tests.csv)
  curl -sf -X POST --data-binary @"$work/$file.csv" -H "Authorization: Bearer $token-op" \
    "http://127.0.0.1:18093/v1/state/$name" >/dev/null
done
make_messages() { # folder book prefix
  mkdir -p "$1"
  python3 - "$1" "$2" "$3" "$messages" <<'PY'
import sys
folder, book, prefix, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
for m in range(count):
    inventories = []
    for n in range(100):
        inventories.append(f"""<ceb:Inventory><ceb:InventoryHead><ceb:guid>{prefix}-{m}-{n}</ceb:guid><ceb:appType>1</ceb:appType>
<ceb:appTime>20261115103000</ceb:appTime><ceb:copNo>{prefix}-{m}-{n}</ceb:copNo><ceb:ieFlag>E</ceb:ieFlag>
<ceb:agentCode>1105910159</ceb:agentCode><ceb:ebcCode>1105910165</ceb:ebcCode><ceb:ownerCode>1105910165</ceb:ownerCode>
<ceb:emsNo>{book}</ceb:emsNo><ceb:tradeMode>9610</ceb:tradeMode><ceb:country>344</ceb:country></ceb:InventoryHead>
<ceb:InventoryList><ceb:gnum>1</ceb:gnum><ceb:itemRecordNo>17</ceb:itemRecordNo><ceb:gcode>4303101000</ceb:gcode>
<ceb:gname>fox fur coat</ceb:gname><ceb:country>344</ceb:country><ceb:currency>142</ceb:currency><ceb:qty>2</ceb:qty>
<ceb:unit>007</ceb:unit><ceb:qty1>2</ceb:qty1><ceb:unit1>007</ceb:unit1><ceb:price>9000</ceb:price>
<ceb:totalPrice>18000</ceb:totalPrice></ceb:InventoryList></ceb:Inventory>""")
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<ceb:CEB603Message guid="' + f"{prefix}-{m}" +
            '" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">\n' + "\n".join(inventories) + "\n</ceb:CEB603Message>\n")
    open(f"{folder}/{m}.xml", "w").write(body)
PY
}
send() { # folder: prints declarations/s
  local started ended
  started=$(date +%s.%N)
  ls "$1"/*.xml | taskset -c 1 xargs -P 8 -I{} curl -sf -o /dev/null --data-binary @{} \
    -H 'Content-Type: application/xml' -H "Authorization: Bearer $token" http://127.0.0.1:18093/v1/declarations
  ended=$(date +%s.%N)
  python3 -c "print(round($messages * 100 / ($ended - $started)))"
}
declare -a lot=() none=()
for run in $(seq "$runs"); do
  make_messages "$work/lot-$run" BENCH "L$run"
  make_messages "$work/none-$run" NOLOT "N$run"
  a=$(send "$work/lot-$run"); b=$(send "$work/none-$run")
  lot+=("$a"); none+=("$b")
  echo "run $run: writing off $a decl/s, not writing off $b decl/s"
done
python3 - "${lot[*]}" "${none[*]}" <<'PY'
import sys, statistics
lot = [int(x) for x in sys.argv[1].split()]; none = [int(x) for x in sys.argv[2].split()]
print(f"writing off: min {min(lot)}, median {statistics.median(lot):.0f} decl/s")
print(f"not writing off: min {min(none)}, median {statistics.median(none):.0f} decl/s")
print(f"ratio of medians: {statistics.median(lot) / statistics.median(none):.2f}")
PY
curl -sf -H "Authorization: Bearer $token-op" http://127.0.0.1:18093/v1/state | python3 -c "
import json,sys; s=json.load(sys.stdin); l=[x for x in s['lots'] if x['id']=='BENCH/17'][0]; print('BENCH/17 written off:', l['written_off'])"
