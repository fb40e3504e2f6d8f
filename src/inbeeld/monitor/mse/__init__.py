"""Dark-number estimation by multiple systems estimation (MSE), after SparseMSE.

Read a capture table, fit log-linear Poisson models (main effects, fixed terms, or SparseMSE's
stepwise selection), check that the estimate exists, and give intervals (SparseMSE's log-normal
interval, profile likelihood, BCa bootstrap with model selection repeated).
"""

from __future__ import annotations

from inbeeld.monitor.mse.data import (
    CaptureTable,
    MSEError,
    MSEInputError,
    capture_table,
    merge_lists,
    read_capture_table,
)
from inbeeld.monitor.mse.estimate import METHODS, MSEResult, estimate_population, population_estimator
from inbeeld.monitor.mse.existence import Existence, check_estimate
from inbeeld.monitor.mse.intervals import (
    BootstrapResult,
    Interval,
    bootstrap_interval,
    log_normal_interval,
    profile_interval,
)
from inbeeld.monitor.mse.models import ModelFit, all_terms, fit_model, parse_terms, term_name
from inbeeld.monitor.mse.simulate import simulate_captures
from inbeeld.monitor.mse.stepwise import Step, stepwise_fit
from inbeeld.monitor.mse.summary import mse_summary

__all__ = [
    "METHODS",
    "BootstrapResult",
    "CaptureTable",
    "Existence",
    "Interval",
    "MSEError",
    "MSEInputError",
    "MSEResult",
    "ModelFit",
    "Step",
    "all_terms",
    "bootstrap_interval",
    "capture_table",
    "check_estimate",
    "estimate_population",
    "fit_model",
    "log_normal_interval",
    "merge_lists",
    "mse_summary",
    "parse_terms",
    "population_estimator",
    "profile_interval",
    "read_capture_table",
    "simulate_captures",
    "stepwise_fit",
    "term_name",
]
