"""Does the maximum-likelihood estimate exist, and is it identifiable? (SparseMSE `checkident`.)

Existence uses the linear program of Fienberg and Rinaldo (2012) as SparseMSE sets it up: the
(extended) estimate exists exactly when some strictly positive table has the same sufficient
statistics as the data, i.e. when max t subject to A y = A n, y >= t, y >= 0 has t > 0 (A: the
transposed model matrix over the kept cells, zero cells included; n: the observed counts).
Identifiability is full column rank of the model matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

from inbeeld.monitor.mse.data import CaptureTable
from inbeeld.monitor.mse.models import Term, build_design

__all__ = ["Existence", "check_estimate"]

_TOLERANCE = 1e-7  # lpSolve tests objval == 0; HiGHS returns ~1e-12 where the exact answer is 0


@dataclass(frozen=True, slots=True)
class Existence:
    """Outcome of the two checks, with the reason in words when one fails."""

    exists: bool
    identifiable: bool
    lp_value: float

    @property
    def ok(self) -> bool:
        return self.exists and self.identifiable

    @property
    def code(self) -> int:
        """SparseMSE's error code: 0 fine, 1 does not exist, 2 not identifiable, 3 both."""
        return int(not self.exists) + 2 * int(not self.identifiable)


def check_estimate(table: CaptureTable, terms: Sequence[Term] = ()) -> Existence:
    """Check the model of main effects plus `terms` on this table."""
    design = build_design(table, terms)
    X = design.X
    n_cells, n_par = X.shape
    identifiable = bool(np.linalg.matrix_rank(X) == n_par)
    # variables: y (one per kept cell), then t; maximise t
    c = np.zeros(n_cells + 1)
    c[-1] = -1.0
    a_eq = np.hstack([X.T, np.zeros((n_par, 1))])
    b_eq = X.T @ design.y
    a_ub = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])  # t - y_i <= 0
    b_ub = np.zeros(n_cells)
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    value = float(-res.fun) if res.status == 0 else 0.0
    return Existence(exists=value > _TOLERANCE, identifiable=identifiable, lp_value=value)
