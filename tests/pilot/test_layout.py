"""Rules of the layout that a reader relies on, checked on the source itself."""

import ast
import re
from pathlib import Path

from django.conf import settings

APPS = ("convenant", "comite", "werkplekken")
# The root URLconf hangs the apps' URLs in; settings name them in INSTALLED_APPS.
MAY_NAME_APPS = ("pilot/urls.py", "pilot/settings/")


def test_pilot_imports_no_other_app():
    base = Path(settings.BASE_DIR)
    offenders = []
    for path in (base / "pilot").rglob("*.py"):
        relative = path.relative_to(base).as_posix()
        if relative.startswith(MAY_NAME_APPS) or "/migrations/" in relative:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{relative}: {n}" for n in names if n.split(".")[0] in APPS]
    assert offenders == []


def test_no_template_compares_status_strings():
    comparison = re.compile(r"status\s*(==|!=)")
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if comparison.search(line)
    ]
    assert offenders == []
