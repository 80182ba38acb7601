#!/usr/bin/env python3
"""Records inspection results for declarations the log put in inspection lanes, through the
service's own API (POST /v1/inspections), one keep-alive connection.

    inspect.py LOG.sqlite URL INSPECTOR_TOKEN COUNT

Declarations are chosen at random among those decided sample-release, inspect-release or hold;
about one in eight is found nonconforming (the choice is seeded, so reruns choose the same).
"""
import http.client
import json
import random
import sqlite3
import sys
import urllib.parse

log, url, token, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = sqlite3.connect(log).execute(
    "SELECT declarant, declaration_id FROM decisions "
    "WHERE lane IN ('sample-release', 'inspect-release', 'hold') ORDER BY declarant, declaration_id"
).fetchall()
chooser = random.Random(14)
chosen = chooser.sample(rows, min(count, len(rows)))
address = urllib.parse.urlsplit(url)
connection = http.client.HTTPConnection(address.hostname, address.port)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
recorded = 0
for number, (declarant, declaration) in enumerate(chosen):
    conforming = chooser.random() >= 0.125
    body = {
        "inspection_id": f"VOLUME-{number:06d}",
        "declaration": declaration,
        "declarant": declarant,
        "conforming": conforming,
        "findings": [] if conforming else ["label does not match the goods"],
    }
    connection.request("POST", "/v1/inspections", json.dumps(body), headers)
    answer = connection.getresponse()
    answer.read()
    if answer.status not in (200, 201):
        sys.exit(f"inspect: {declarant}/{declaration} answered {answer.status}")
    recorded += 1
    if recorded % 5000 == 0:
        print(f"inspect: {recorded} of {len(chosen)} results recorded", file=sys.stderr)
print(f"inspect: {recorded} results recorded", file=sys.stderr)
