"""Schemathesis hooks for scripts/check-api.sh: reads a stream of declarations' answers
(application/x-ndjson, one JSON object per line) as the list of its lines, so that each line is
checked against docs/openapi.yaml like any JSON answer."""
import json

import schemathesis


@schemathesis.deserializer("application/x-ndjson")
def ndjson(ctx, response):
    return [json.loads(line) for line in response.content.splitlines() if line.strip()]
