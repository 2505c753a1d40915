"""The risk register and risk matrix page (RiskPanel) with its models, matrix view, commands and dialog."""

from __future__ import annotations

from ui.risks.panel import RiskPanel

__all__ = ["RiskPanel"]
