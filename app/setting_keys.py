"""The keys of the settings a file keeps beside its rows, named once: for the modules that read and
write them, and for the merge that carries them from one copy of a file to another
(app.merge_settings) without importing those modules."""

from __future__ import annotations

CLOSED_DAYS_KEY = "closed_days"  # [{"start": ISO day, "end": ISO day, "label": text}, …] (app.workdays)
FILE_MODELS_KEY = "steering_models"  # {model key: TOML text} (app.steering)
BASELINE_KEY = "baseline_editions"  # {plan uuid: edition uuid} (app.baseline)
RISK_SCALE_KEY = "risk_scale"  # 4 or 5 (app.risks)
RISK_LEVELS_KEY = "risk_levels"  # {"4": {"probability": [...], "impact": [...], "yellow": n, "red": m}, …}
DEFAULT_RISK_SCALE = 4  # a file that never chose one
REPORT_INTERVAL_KEY = "report_interval_days"  # days after which a status report is old: grey (app.overview_settings)
