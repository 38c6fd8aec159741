"""Bounded HTTP load with wrk (Debian's `wrk`): requests/s, p50/p99, non-2xx."""

import json
import shutil
import subprocess

from bench.common import DATA

LUA = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  non2xx = 0
end
function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end
function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    'WRKJSON {"requests": %d, "seconds": %.3f, "non2xx": %d, "socket_errors": %d, '
    .. '"p50_ms": %.2f, "p99_ms": %.2f, "rps": %.1f}\\n',
    summary.requests, summary.duration / 1e6, bad, errors,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
"""


def available():
    return shutil.which("wrk") is not None


def run(url, seconds=10, connections=8, threads=2):
    script = DATA / "count-non2xx.lua"
    script.write_text(LUA)
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: br, gzip",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    for line in result.stdout.splitlines():
        if line.startswith("WRKJSON "):
            return json.loads(line[len("WRKJSON ") :])
    return {"error": (result.stderr or result.stdout)[-200:]}
