"""The self-assessment: data model and checks, scoring, the `/// self-assessment` block, test vectors."""

from .block import SelfAssessmentExtension, makeExtension

__all__ = ["SelfAssessmentExtension", "makeExtension"]  # Markdown finds makeExtension here
