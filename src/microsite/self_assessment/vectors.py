"""Test vectors shared by Python and JavaScript: answer sets and the result each must give.

One answer set for every reachable combination of scale totals, so every rule's boundary (the
last total that misses it and the first that meets it) is among them. The browser model goes
with them, so the JavaScript test scores exactly what the page embeds.

    python -m microsite.self_assessment.vectors OUT.json [DATA.yml]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .model import DEFAULT_DATA, browser_model, load_model, reachable_scores
from .scoring import reasons, result_for, score, total_band


def vectors(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every reachable set of totals, as one set of option indices and its expected result."""
    out = []
    for answers in sorted(reachable_scores(data).values()):
        scores = score(data, answers)
        shown = total_band(data, scores)
        out.append({"answers": list(answers), "result": result_for(data, answers), "reasons": reasons(data, scores),
                    **({"total": shown[0], "band": shown[1]} if shown else {})})
    return out


def vector_file(data: dict[str, Any]) -> dict[str, Any]:
    return {"model": browser_model(data), "vectors": vectors(data)}


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    data = load_model(argv[1] if len(argv) > 1 else DEFAULT_DATA)
    Path(argv[0]).write_text(json.dumps(vector_file(data)), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
