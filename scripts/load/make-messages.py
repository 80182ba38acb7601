#!/usr/bin/env python3
"""Writes the two message templates the service load test sends, from the official CEB621 sample:
one-declaration.xml (one Inventory block) and hundred-declarations.xml (100 blocks).
Each block's copNo becomes __ID__-N, which wrk's script (post.lua) makes unique per request."""
import re, sys

sample = open(sys.argv[1], encoding="utf-8").read()
head = sample[: sample.index("<ceb:Inventory>")]
block = sample[sample.index("<ceb:Inventory>") : sample.index("</ceb:Inventory>") + len("</ceb:Inventory>")]
tail = "\n</ceb:CEB621Message>\n"

def message(count):
    blocks = [re.sub(r"<ceb:copNo>[^<]*</ceb:copNo>", "<ceb:copNo>__ID__-%d</ceb:copNo>" % n, block) for n in range(count)]
    return head + "\n\t".join(blocks) + tail

open(sys.argv[2] + "/one-declaration.xml", "w", encoding="utf-8").write(message(1))
open(sys.argv[2] + "/hundred-declarations.xml", "w", encoding="utf-8").write(message(100))
