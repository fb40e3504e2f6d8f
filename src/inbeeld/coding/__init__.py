"""Automatic coding: rules with evidence, a learned coder, review order, and agreement measures."""

from inbeeld.coding.agreement import VariableAgreement, agreement, alpha_nominal, cohen_kappa
from inbeeld.coding.coder import Coder, code_stream, load_coder, review_order, review_priority
from inbeeld.coding.evaluation import Evaluation, VariableScore, evaluate
from inbeeld.coding.model import CodeFileError, Evidence, ModelFileError, RuleFileError, Suggestion
from inbeeld.coding.rulecoder import RuleCoder

__all__ = [
    "CodeFileError",
    "Coder",
    "Evaluation",
    "Evidence",
    "ModelFileError",
    "RuleCoder",
    "RuleFileError",
    "Suggestion",
    "VariableAgreement",
    "VariableScore",
    "agreement",
    "alpha_nominal",
    "code_stream",
    "cohen_kappa",
    "evaluate",
    "load_coder",
    "review_order",
    "review_priority",
]
