"""One search index per language, so that searching on a page finds the pages of its language.

Material's search reads `search/search_index.json` under the page's base address; each language's
pages have their own base (`es/`: see `overrides/main.html`). mkdocs-static-i18n gathers every
language's entries into the root index; here they are shared out by the folder they live in, each
with its language's word rules (`config.lang`), and each location written from its language's root.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .languages import Language, language_of, path_in_language

INDEX = "search/search_index.json"


def search_language(code: str) -> str:
    """The code lunr.js knows a language by (`pt_BR` is `pt`)."""
    return code.replace("-", "_").split("_")[0].lower()


def split_search_index(site_dir: Path, languages: Sequence[Language]) -> list[Path]:
    """Write each language's own index from the gathered one; return the indexes written."""
    source = Path(site_dir) / INDEX
    if len(languages) < 2 or not source.is_file():
        return []
    index = json.loads(source.read_text("utf-8"))
    written = []
    for language in languages:
        seen, docs = set(), []
        for doc in index.get("docs", []):
            if language_of(languages, doc["location"]) != language:
                continue
            own = {**doc, "location": path_in_language(doc["location"], language)}
            key = json.dumps(own, sort_keys=True)  # a build run again in one process gathers entries twice
            if key not in seen:
                seen.add(key)
                docs.append(own)
        config = {**index.get("config", {}), "lang": [search_language(language.code)]}
        target = Path(site_dir) / language.root / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")),
                          "utf-8")
        written.append(target)
    return written
