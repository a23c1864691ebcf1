"""The generated `_headers`: hashes of the real inline scripts, strict policies, one rule per page."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from serve import parse_headers_file, pattern_matches

from microsite.headers import (
    build_headers, content_security_policy, csp_hash, embed_origins_in, inline_scripts, main, page_urls,
)

PAGE = """<!doctype html><html><head>
<script>var a = 1;</script>
<script type="module">import "./x.js";</script>
<script src="x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
<script type="application/ld+json">{"@type": "WebSite"}</script>
</head><body><SCRIPT type='text/javascript'>b()</SCRIPT></body></html>"""


def headers_for(rules, path: str) -> dict[str, list[str]]:
    """Every header a host would send for `path`, with every value of a repeated name."""
    sent: dict[str, list[str]] = {}
    for pattern, headers in rules:
        if pattern_matches(pattern, path):
            for name, value in headers:
                sent.setdefault(name, []).append(value)
    return sent


def directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


def test_inline_scripts_finds_only_javascript_without_src():
    assert inline_scripts(PAGE) == ["var a = 1;", 'import "./x.js";', "b()"]


def test_csp_hash_is_base64_sha256_of_the_exact_text():
    expected = base64.b64encode(hashlib.sha256("var a = 1;".encode()).digest()).decode()
    assert csp_hash("var a = 1;") == f"'sha256-{expected}'"
    assert csp_hash("var a = 1; ") != csp_hash("var a = 1;")


def test_page_urls_cover_directory_and_file_forms():
    assert page_urls("index.html") == ["/", "/index.html"]
    assert page_urls("faq/index.html") == ["/faq/", "/faq/index.html"]
    assert page_urls("404.html") == ["/404.html"]


@pytest.mark.parametrize("tag, origins", [
    ("""<script data-embed-origins='["https://a.example"]'>""", ["https://a.example"]),
    ("""<script data-embed-origins="[&quot;https://a.example&quot;]">""", ["https://a.example"]),
    ("<script data-embed-origins=[] src=e.js>", []),  # minified: no quotes around a plain value
    ("<script src=e.js>", None),
])
def test_embed_origins_are_read_however_the_attribute_is_quoted(tag, origins):
    assert embed_origins_in(tag) == origins


def test_policy_without_origins_refuses_framing():
    policy = directives(content_security_policy(["'sha256-x'"], []))
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["script-src"] == ["'self'", "'sha256-x'"]


def _mini_site(tmp_path, embed_origins_attr=None):
    (tmp_path / "index.html").write_text(PAGE)
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "index.html").write_text("<script>deeper()</script>")
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "assets" / "javascripts" / "bundle.0123abcd.min.js").write_text("")
    (tmp_path / "assets" / "javascripts" / "plain.js").write_text("")
    (tmp_path / "assets" / "javascripts" / "short.abc.min.js").write_text("")  # too short for a hash
    (tmp_path / "assets" / "stylesheets").mkdir()
    (tmp_path / "assets" / "stylesheets" / "site.27e02d.min.css").write_text("")  # the minify plugin's 6 hex
    (tmp_path / "assets" / "stylesheets" / "site.css").write_text("")
    if embed_origins_attr is not None:
        (tmp_path / "embed").mkdir()
        (tmp_path / "embed" / "index.html").write_text(
            f"<script src='e.js' data-embed-origins='{embed_origins_attr}'></script>")
    return tmp_path


def _write(site):
    (site / "_headers").write_text(build_headers(site))
    return site / "_headers"


def test_mini_site_rules(tmp_path):
    site = _mini_site(tmp_path, '["https://practice.example"]')
    (site / "_headers").write_text(build_headers(site))
    rules = parse_headers_file(site / "_headers")
    home = directives(headers_for(rules, "/")["Content-Security-Policy"][0])
    for script in ("var a = 1;", 'import "./x.js";', "b()", "deeper()"):
        assert csp_hash(script) in home["script-src"]
    assert len(home["script-src"]) == 5  # 'self' + four hashes, none for data scripts
    embed = headers_for(rules, "/embed/")
    assert directives(embed["Content-Security-Policy"][0])["frame-ancestors"] == ["https://practice.example"]
    assert "X-Frame-Options" not in embed
    assert headers_for(rules, "/assets/javascripts/bundle.0123abcd.min.js")["Cache-Control"] == [
        "public, max-age=31536000, immutable"]
    assert "Cache-Control" not in headers_for(rules, "/assets/javascripts/plain.js")
    assert "Cache-Control" not in headers_for(rules, "/assets/javascripts/short.abc.min.js")


def test_minified_css_with_a_six_hex_fingerprint_is_cached_for_a_year(tmp_path):
    site = _mini_site(tmp_path)
    rules = parse_headers_file(_write(site))
    assert headers_for(rules, "/assets/stylesheets/site.27e02d.min.css")["Cache-Control"] == [
        "public, max-age=31536000, immutable"]
    assert "Cache-Control" not in headers_for(rules, "/assets/stylesheets/site.css")


def test_explicit_embed_origins_override_the_page(tmp_path):
    site = _mini_site(tmp_path, "[]")
    (site / "_headers").write_text(build_headers(site, ["https://a.example", "https://b.example"]))
    embed = headers_for(parse_headers_file(site / "_headers"), "/embed/index.html")
    assert directives(embed["Content-Security-Policy"][0])["frame-ancestors"] == ["https://a.example", "https://b.example"]


def test_command_line_writes_the_file(tmp_path, capsys):
    site = _mini_site(tmp_path)
    assert main([str(site), "--embed-origin", "https://a.example"]) == 0
    assert (site / "_headers").read_text() == build_headers(site, ["https://a.example"])


def test_command_line_refuses_a_folder_without_a_site(tmp_path):
    with pytest.raises(SystemExit):
        main([str(tmp_path)])


# --- the real build -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rules(site_dir):
    return parse_headers_file(site_dir / "_headers")


def _page_paths(site_dir, pages):
    return [url for page in pages for url in page_urls(page.relative_to(site_dir).as_posix())]


def test_every_page_has_one_complete_policy(site_dir, pages, rules):
    for path in _page_paths(site_dir, pages):
        sent = headers_for(rules, path)
        # Exactly one value per header: hosts merge repeated headers differently.
        assert all(len(values) == 1 for values in sent.values()), (path, sent)
        policy = directives(sent["Content-Security-Policy"][0])
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert policy["base-uri"] == ["'self'"], path
        assert policy["form-action"] == ["'self'"], path
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], path
        assert sent["Referrer-Policy"] == ["no-referrer"]
        assert sent["X-Content-Type-Options"] == ["nosniff"]
        assert sent["Cross-Origin-Opener-Policy"] == ["same-origin"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in sent["Permissions-Policy"][0]


def test_policy_hashes_every_inline_script_of_the_built_site(site_dir, pages, rules):
    scripts = {script for page in pages for script in inline_scripts(page.read_text("utf-8"))}
    assert scripts, "Material emits inline scripts; finding none means the scanner is broken"
    for page in pages:
        for path in page_urls(page.relative_to(site_dir).as_posix()):
            allowed = directives(headers_for(rules, path)["Content-Security-Policy"][0])["script-src"]
            assert {csp_hash(s) for s in scripts} <= set(allowed), path


def test_only_embed_pages_may_be_framed(site_dir, pages, rules):
    embeds = [p for p in pages if "data-embed-origins" in p.read_text("utf-8")]
    for path in _page_paths(site_dir, [p for p in pages if p not in embeds]):
        sent = headers_for(rules, path)
        assert directives(sent["Content-Security-Policy"][0])["frame-ancestors"] == ["'none'"], path
        assert sent["X-Frame-Options"] == ["DENY"], path
    for path in _page_paths(site_dir, embeds):
        # The default config lists no embed origins, so even the embed page refuses framing.
        assert directives(headers_for(rules, path)["Content-Security-Policy"][0])["frame-ancestors"] == ["'none'"]


def test_fingerprinted_assets_are_cached_for_a_year(site_dir, rules):
    assets = [p for p in site_dir.rglob("*.min.*") if re.search(r"\.[0-9a-f]{6,}\.min\.(js|css)$", p.name)]
    assert len(assets) >= 3  # Material's bundle, search worker and stylesheets
    for asset in assets:
        path = "/" + asset.relative_to(site_dir).as_posix()
        assert headers_for(rules, path)["Cache-Control"] == ["public, max-age=31536000, immutable"], path
    assert "Cache-Control" not in headers_for(rules, "/")


def test_runs_as_a_module_for_other_generators(tmp_path):
    import subprocess
    import sys

    site = _mini_site(tmp_path)
    result = subprocess.run([sys.executable, "-m", "microsite.headers", str(site)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (site / "_headers").read_text() == build_headers(site)
