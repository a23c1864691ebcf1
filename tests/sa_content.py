"""The self-assessment as the site ships it (`data/self-assessment.yml`) and its test vectors, made
once per test process: several modules read them, and the vectors take a second to work out."""

from __future__ import annotations

from harness.sitebuild import ROOT
from microsite.self_assessment.model import load_self_assessment
from microsite.self_assessment.vectors import vectors

DATA = load_self_assessment(ROOT / "data" / "self-assessment.yml")
VECTORS = vectors(DATA)
