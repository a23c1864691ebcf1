"""Imported once by the tests' build server (`sitebuild.use_build_server`): what every build of the
site loads the same way, whatever the copy, loaded here once, before the server forks each build.

Material's icon and emoji index (about a tenth of a second: it lists every icon file) is kept by
Material for the life of the process, keyed by the custom icon folders, of which our config has none.
"""

from __future__ import annotations

from material.extensions import emoji

emoji.twemoji({}, None)  # neither argument is read but for its custom icon folders (none)
