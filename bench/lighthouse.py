"""Lighthouse (npm `lighthouse@13` in bench/node_modules, Debian's chromium),
mobile preset (Lighthouse's default): the four category scores, TBT and CLS.

    cd bench && npm install   # once: installs lighthouse from bench/package.json
"""

import json
import os
import shutil
import subprocess

from bench.common import DATA, ROOT

BINARY = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def available():
    return BINARY.exists() and shutil.which("chromium") is not None


def install():
    """npm install into bench/node_modules (git-ignored) when missing."""
    if BINARY.exists() or shutil.which("npm") is None:
        return available()
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent"],
        cwd=ROOT / "bench",
        check=False,
        timeout=600,
    )
    return available()


def run(url, name, attempts=2):
    """Scores for `url`; a second attempt when Lighthouse's trace fails
    (NO_NAVSTART and the like happen on a busy machine)."""
    for _attempt in range(attempts):
        result = _run_once(url, name)
        if "error" not in result:
            break
    return result


def _run_once(url, name):
    out = DATA / f"lighthouse-{name}.json"
    if out.exists():
        out.unlink()
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium")}
    result = subprocess.run(
        [
            str(BINARY),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    if result.returncode or not out.exists():
        return {"error": (result.stderr or result.stdout)[-200:]}
    report = json.loads(out.read_text())
    categories = report["categories"]
    audits = report["audits"]
    return {
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "best_practices": round(categories["best-practices"]["score"] * 100),
        "seo": round(categories["seo"]["score"] * 100),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
    }
