"""The self-assessment: data model and checks, scoring, the `/// self-assessment` block, test vectors."""

from .block import SelfAssessmentExtension, makeExtension  # noqa: F401 (Markdown finds makeExtension here)
