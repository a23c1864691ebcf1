"""Imported once by the tests' build server (`sitebuild.use_build_server`): what every build of the
site loads the same way, whatever the copy, loaded here once, before the server forks each build.

- Material's icon and emoji index (about a tenth of a second: it lists every icon file) is kept by
  Material for the life of the process, keyed by the custom icon folders, of which our config has none.
- One build of our own site, thrown away: what a build keeps for the next one in its process, as
  `mkdocs serve` and a second language's build do (Material's templates compiled, the data files
  checked, the schemas' validators, the Markdown extensions and the languages' words loaded), is
  then there for every forked build. Each is kept by what it was made from (a template's text and
  file, a data file's text), so a build of any copy gets what it would have made itself. Should
  this build fail, the forked builds make it all themselves, and say why they fail.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from material.extensions import emoji
from mkdocs.__main__ import cli

from harness.sitebuild import OWN_SITE, ROOT

emoji.twemoji({}, None)  # neither argument is read but for its custom icon folders (none)


def _build_once() -> None:
    before = os.environ.copy()
    os.environ.update({**OWN_SITE, "NO_MKDOCS_2_WARNING": "1"})
    logging.disable(logging.CRITICAL)
    try:
        with tempfile.TemporaryDirectory(prefix="build-warmup-") as folder:
            cli.main(["build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(Path(folder) / "site")],
                     prog_name="mkdocs", standalone_mode=False)
    except (Exception, SystemExit):  # a warm-up only: each build still runs, and reports, in full
        pass
    finally:
        logging.disable(logging.NOTSET)
        os.environ.clear()
        os.environ.update(before)


_build_once()
