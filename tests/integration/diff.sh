#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysrec diff on real recordings: exit 0 same, 1 different, 2 error; --json; --superset.
. "$(dirname "$0")/lib.sh"
require_root
plan 9

"$SYSREC" record -q --backend ptrace -o "$TMP/mix.json" -- "$WORKLOADS/syscall-mix" >"$TMP/out"
"$SYSREC" record -q --backend bpf -o "$TMP/mix-bpf.json" -- "$WORKLOADS/syscall-mix" >"$TMP/out"

python3 - "$TMP/mix.json" "$TMP/trim.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["syscalls"][0]["names"].remove("getcpu")
json.dump(p, open(sys.argv[2], "w"))
PY

"$SYSREC" diff "$TMP/mix.json" "$TMP/mix-bpf.json" >"$TMP/d"
ok $? "two backends' profiles of one program: exit 0, nothing printed"
[ ! -s "$TMP/d" ]
ok $? "no output when equal"

"$SYSREC" diff "$TMP/trim.json" "$TMP/mix.json" >"$TMP/d"
ok $(( $? != 1 )) "different profiles: exit 1"
[ "$(grep '^[-+] ' "$TMP/d")" = "+ SCMP_ARCH_X86_64 getcpu SCMP_ACT_ALLOW" ]
ok $? "lists what B adds, per architecture and action"

"$SYSREC" diff --json "$TMP/mix.json" "$TMP/trim.json" >"$TMP/d.json"
ok $(( $? != 1 )) "--json: exit 1"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
names = [e["name"] for e in d["removed"]]
sys.exit(0 if d["equal"] is False and names == ["getcpu"] and d["added"] == [] else 1)' "$TMP/d.json"
ok $? "--json lists the removed syscalls"

"$SYSREC" diff --superset "$TMP/mix.json" "$TMP/trim.json" >/dev/null
ok $? "--superset: the full profile covers the trimmed one: exit 0"
"$SYSREC" diff --superset "$TMP/trim.json" "$TMP/mix.json" >"$TMP/d"
ok $(( $? != 1 )) "--superset the other way: exit 1 ($(cat "$TMP/d"))"

echo '{"defaultAction": "SCMP_ACT_ERRNO", "syscalls": [ {"names": ["read"] ' >"$TMP/bad.json"
"$SYSREC" diff "$TMP/mix.json" "$TMP/bad.json" 2>/dev/null
ok $(( $? != 2 )) "a broken profile: exit 2"
done_testing
