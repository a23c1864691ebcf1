"""The base of our Markdown block extensions: what every page with one of our blocks gets.

Each extension registers its blocks; this base also adds, once per Markdown instance, the checks
that keep pages honest: a `///` fence that is not understood fails (`fences`), ids are unique
(`ids`), text from data gets no attribute lists (`text`), and headings kept out of the table of
contents get their names back (`contents`).
"""

from __future__ import annotations

from pymdownx.blocks import BlocksExtension

from . import contents, fences, ids, text


class SiteBlocksExtension(BlocksExtension):
    """Subclasses list their block classes in BLOCKS and set `self.config` before `__init__`;
    every block also gets `lang`, the language of its interface words."""

    BLOCKS: tuple = ()

    def __init__(self, *args, **kwargs) -> None:
        # Every block writes its interface words in the build's language (`i18n.words`).
        self.config = {**getattr(self, "config", {}), "lang": ["en", "Language of the interface words (a catalog's code)."]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:  # noqa: N802 (pymdownx.blocks' method name)
        for block in self.BLOCKS:
            block_mgr.register(block, self.getConfigs())
        contents.register(md)
        fences.register(md)
        ids.register(md)
        text.register(md)
