"""The base of our Markdown block extensions: what every page with one of our blocks gets.

Each extension registers its blocks; this base also adds, once per Markdown instance, the checks
that keep pages honest: a `///` fence that is not understood fails (`fences`), ids are unique
(`ids`), text from data gets no attribute lists (`text`), and headings kept out of the table of
contents get their names back (`contents`).

Our blocks (`SiteBlock`) take no `attrs:`. pymdownx gives every block that option, and it sets any
attribute on the block's element: on the self-assessment, `data-model` (the scoring the script
reads), `data-module` (whether the script starts) or an `onmouseover` handler. A block with it is
not understood, and the build says why.
"""

from __future__ import annotations

from typing import Any

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from . import contents, fences, ids, text


def refuse_attrs(value: Any) -> Any:
    raise ValueError("our blocks take no attrs: attributes would change what the block's script reads or runs")


refuse_attrs.refused = True  # type: ignore[attr-defined] # not listed among a block's options when one is mistyped


class SiteBlock(Block):
    """A block of ours: its options are the ones it lists, and `attrs:` is refused."""

    def on_init(self) -> None:
        self.option_spec["attrs"] = ({}, refuse_attrs)


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
