"""The generated brand properties at the top of the site stylesheet.

They are not a file of their own: that would be one more request on a first visit. The minify
plugin (`cache_safe`) reads site.css from docs/ before the build, names its output by a hash of
what it read and writes that text over the copied file afterwards; so its copy is changed too,
with the hash and the pages' link to it: a new brand gets a new file name, never a stale cache.
"""

from __future__ import annotations

import hashlib

import csscompressor
from mkdocs.structure.files import File, Files


def prepend_to_file(files: Files, config, uri: str, css: str) -> None:
    """Replace the stylesheet at `uri` by `css` followed by its own text."""
    original = files.get_file_from_path(uri)
    if original is None:
        raise ValueError(f"{uri} (where the brand colours go) is not in docs/")
    files.remove(original)
    files.append(File.generated(config, uri, content=css + original.content_string))


def prepend_to_minified(config, uri: str, css: str) -> None:
    """Do the same to the minify plugin's copy, if it holds one, and rename the file to match."""
    for plugin in config.plugins.values():
        data, hashes = getattr(plugin, "path_to_data", None), getattr(plugin, "path_to_hash", None)
        if not isinstance(data, dict) or not isinstance(hashes, dict) or uri not in data:
            continue
        old_name = plugin._minified_asset(uri, "css", hashes[uri])
        data[uri] = csscompressor.compress(css) + data[uri]
        hashes[uri] = hashlib.sha384(data[uri].encode("utf-8")).hexdigest()  # as the plugin hashes
        new_name = plugin._minified_asset(uri, "css", hashes[uri])
        config.extra_css[:] = [new_name if str(item) == old_name else item for item in config.extra_css]
