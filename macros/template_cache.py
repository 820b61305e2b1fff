"""Compiled Jinja templates kept in .cache/jinja/ between builds.

Compiling a template is slow (Jinja writes Python source and compiles it),
and every build compiled the same templates again: Material's, our
overrides' and the macros'. Jinja's own bytecode cache checks each entry
against a hash of the template's source and against Jinja's and Python's
versions; the key here adds everything else the compiled code depends on
(the environment's settings and policies, filter, test and extension
names), so a kept template can never be out of date."""

import sys
from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "jinja"
_SIMPLE = (str, bool, int, float, type(None))


def fingerprint(environment: jinja2.Environment, name: str) -> str:
    """Everything about the environment that can change a template's compiled code."""
    settings = sorted((k, v) for k, v in vars(environment).items() if isinstance(v, _SIMPLE))
    # Some policies are read while parsing (ext.i18n.trimmed); the rest only when rendering.
    policies = sorted((k, v) for k, v in environment.policies.items() if isinstance(v, _SIMPLE))
    autoescape = environment.autoescape
    return repr((
        jinja2.__version__, sys.version, settings, policies,
        autoescape(name) if callable(autoescape) else autoescape,
        getattr(environment.finalize, "__qualname__", None),
        sorted(environment.filters), sorted(environment.tests), sorted(environment.extensions),
    ))


class TemplateCache(FileSystemBytecodeCache):
    def get_bucket(self, environment, name, filename, source) -> Bucket:
        key = self.get_cache_key(f"{fingerprint(environment, name)}|{name}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a read-only checkout still builds, only slower


def template_cache(directory: Path = CACHE_DIR) -> TemplateCache | None:
    """The cache, or None where the folder cannot be made (then Jinja compiles as usual)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(str(directory))


def cache_page_templates(environment: jinja2.Environment, entry_name: Callable[[str], str | None],
                         cache: TemplateCache | None) -> None:
    """Keep the compiled code of every page's Markdown (and title) as well:
    mkdocs-macros renders them through environment.from_string, which
    compiled them again on every build. entry_name(source) names the entry
    ("intro.md#title"), or None outside a page (then nothing is kept); the
    code is checked against the text, so an edited page is compiled again
    and the folder holds one entry per page and part."""
    if cache is None or "from_string" in vars(environment):
        return

    def from_string(source, globals=None, template_class=None):
        name = entry_name(source) if isinstance(source, str) else None
        if name is None:
            return jinja2.Environment.from_string(environment, source, globals, template_class)
        bucket = cache.get_bucket(environment, f"page:{name}", None, source)
        if bucket.code is None:
            bucket.code = environment.compile(source)
            cache.set_bucket(bucket)
        cls = template_class or environment.template_class
        return cls.from_code(environment, bucket.code, environment.make_globals(globals), None)

    environment.from_string = from_string
