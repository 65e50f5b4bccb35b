#!/usr/bin/env python3
"""A month's figures per unit from a Sifa Kit server, for an upstream system (a province's or the
ministry's): sign in, read the facts of each unit under the account's own unit, print CSV.

Standard library only (Python 3.8+). The calls are those /openapi.json describes:
  POST /trpc/platform.auth.login      {"username", "password"} -> {"result": {"data": {"token", ...}}}
  GET  /trpc/platform.facts.query?input=<JSON>  with  Authorization: Bearer <token>

  SIFA_URL=https://sifa.example.gov.cn SIFA_USERNAME=... SIFA_PASSWORD=... \
    python3 monthly_figures.py 2026-11 diary.entries diary.correction-visits
"""
import calendar
import csv
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


class SifaError(Exception):
    """A refused call: the server's message (in the language asked for) and its code."""

    def __init__(self, status, body):
        error = body.get("error", {}) if isinstance(body, dict) else {}
        data = error.get("data", {})
        self.code = data.get("sifaCode", "HTTP_%d" % status)
        self.issues = data.get("issues", [])
        super().__init__("%s (%s)" % (error.get("message", "HTTP %d" % status), self.code))


def call(base, procedure, input_value=None, token=None, mutation=False):
    """One procedure over tRPC's HTTP protocol: GET with ?input= for a query, POST with a JSON body for a mutation."""
    headers = {"x-sifa-locale": os.environ.get("SIFA_LOCALE", "en"), "accept": "application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
    url = "%s/trpc/%s" % (base.rstrip("/"), procedure)
    body = None
    if mutation:
        headers["content-type"] = "application/json"
        body = b"" if input_value is None else json.dumps(input_value).encode("utf-8")
    elif input_value is not None:
        url += "?input=" + urllib.parse.quote(json.dumps(input_value, separators=(",", ":")))
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if mutation else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["result"]["data"]
    except urllib.error.HTTPError as refused:
        try:
            answer = json.load(refused)
        except ValueError:
            answer = {}
        raise SifaError(refused.code, answer) from None


def main(argv):
    if len(argv) < 3:
        print("usage: monthly_figures.py YYYY-MM METRIC [METRIC ...]", file=sys.stderr)
        return 2
    month, metrics = argv[1], argv[2:]
    year, number = (int(part) for part in month.split("-"))
    last_day = calendar.monthrange(year, number)[1]
    base = os.environ["SIFA_URL"]
    session = call(base, "platform.auth.login", {"username": os.environ["SIFA_USERNAME"], "password": os.environ["SIFA_PASSWORD"]}, mutation=True)
    token = session["token"]
    try:
        figures = call(
            base,
            "platform.facts.query",
            {"metrics": metrics, "from": "%s-01" % month, "to": "%s-%02d" % (month, last_day), "groupBy": "child"},
            token=token,
        )
    finally:
        call(base, "platform.auth.logout", None, token=token, mutation=True)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["org_code", "metric", "value"])
    for row in sorted(figures["rows"], key=lambda r: (r["key"], r["metric"])):
        out.writerow([row["key"], row["metric"], row["value"]])
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except SifaError as error:
        print("refused: %s" % error, file=sys.stderr)
        for issue in error.issues:
            print("  %s: %s" % (issue.get("path"), issue.get("message")), file=sys.stderr)
        sys.exit(1)
