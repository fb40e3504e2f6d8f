"""The learned coder: one logistic regression per variable (per value for multi-valued ones) over
TF-IDF character n-grams of the chatter's turns plus the rule coder's output as features.

Integer and open variables (victim_age, platforms) are extractions, not classes: they keep the rule
coder's value. Evidence comes from the rules when they agree, else from the chatter message that
the value's classifier scores highest (segment-level scores).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.utils.validation import check_is_fitted

from inbeeld.codebook import Codebook
from inbeeld.coding.model import CodeFileError, Evidence, ModelFileError, Suggestion
from inbeeld.coding.rulecoder import RuleCoder, to_coded
from inbeeld.coding.text import fold
from inbeeld.corpus import CodedConversation, Conversation

MODEL_FORMAT = "inbeeld-coder"
MODEL_FORMAT_VERSION = 1


def chatter_text(conversation: Conversation) -> str:
    """The chatter's turns, folded, one per line: what the text features see."""
    return "\n".join(fold(m.text) for m in conversation.messages if m.role == "chatter")


def rule_features(suggestions: dict[str, Suggestion]) -> dict[str, float]:
    """The rule coder's output as features: one indicator per variable=value."""
    out: dict[str, float] = {}
    for name, suggestion in suggestions.items():
        values = suggestion.value if isinstance(suggestion.value, list) else [suggestion.value]
        if not values:
            out[f"{name}=[]"] = 1.0
        for value in values:
            out[f"{name}={value}"] = 1.0
        out[f"{name}.evidence"] = 1.0 if suggestion.evidence else 0.0
    return out


def _learnable(codebook: Codebook) -> list[str]:
    return [v.name for v in codebook.variables if not v.is_integer and not v.open]


class LearnedCoder(BaseEstimator):
    """Per-variable classifiers trained from human codes; rules supply features and evidence."""

    def __init__(
        self, codebook: Codebook, C: float = 4.0, min_df: int = 2, max_features: int = 40_000,
        rule_weight: float = 1.0, holdout: float = 0.25, random_state: int | None = 0,
    ) -> None:
        self.codebook = codebook
        self.C = C
        self.min_df = min_df
        self.max_features = max_features
        self.rule_weight = rule_weight
        self.holdout = holdout  # share of the training data that decides, per variable, model or rules
        self.random_state = random_state

    # scikit-learn contract: state ends in "_" and exists only after fit
    def fit(
        self, conversations: Sequence[Conversation], codes: Sequence[dict[str, Any]],
        rules: RuleCoder | None = None,
    ) -> LearnedCoder:
        if len(conversations) != len(codes) or not conversations:
            raise ValueError("fit needs as many code sets as conversations, at least one")
        rules = rules or RuleCoder(self.codebook)
        suggestions = [rules.suggest(c) for c in conversations]
        self.text_vectorizer_ = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=self.min_df,
            max_features=self.max_features, dtype=np.float32,
        )
        texts = self.text_vectorizer_.fit_transform(chatter_text(c) for c in conversations)
        self.rule_vectorizer_ = DictVectorizer(dtype=np.float32)
        ruled = self.rule_vectorizer_.fit_transform(rule_features(s) for s in suggestions)
        features = sparse.hstack([texts, ruled * self.rule_weight]).tocsr()
        self.n_text_features_ = texts.shape[1]
        # Decide per variable on held-out data whether the model beats the rules alone; then refit on all.
        rng = np.random.default_rng(self.random_state)
        order = rng.permutation(len(conversations))
        cut = int(len(order) * (1 - self.holdout))
        train, check = order[:cut], order[cut:]
        self.models_: dict[str, Any] = {}
        self.use_model_: dict[str, bool] = {}
        self.holdout_accuracy_: dict[str, tuple[float, float]] = {}
        for name in _learnable(self.codebook):
            if len(check) >= 10 and len(train) >= 10:
                trial = self._fit_variable(name, features[train], [codes[i] for i in train])
                rows = features[check]
                model_right = rule_right = 0
                for j, i in enumerate(check):
                    truth = codes[i].get(name, self.codebook[name].empty())
                    guess = self._predict_variable(trial, rows[j])
                    model_right += _same(guess, truth)
                    rule_right += _same(suggestions[i][name].value, truth)
                self.holdout_accuracy_[name] = (model_right / len(check), rule_right / len(check))
                self.use_model_[name] = model_right > rule_right
            else:
                self.use_model_[name] = True
            if self.use_model_[name]:
                self.models_[name] = self._fit_variable(name, features, codes)
        self.codebook_version_ = self.codebook.version
        self.trained_on_ = len(conversations)
        return self

    def _fit_variable(self, name: str, features: sparse.csr_matrix, codes: Sequence[dict[str, Any]]) -> Any:
        variable = self.codebook[name]
        if variable.multi:
            return {value: self._classifier(features, np.array([value in c.get(name, []) for c in codes]))
                    for value in variable.values}
        return self._classifier(features, np.array([str(c.get(name, "unknown")) for c in codes]))

    @staticmethod
    def _predict_variable(model: Any, row: Any) -> Any:
        if isinstance(model, dict):
            return [value for value, c in model.items() if _probability(c, row, True) >= 0.5]
        return _predict(model, row)[0]

    def _classifier(self, features: sparse.csr_matrix, labels: np.ndarray) -> Any:
        classes = np.unique(labels)
        if len(classes) < 2:
            return ("constant", classes[0].item() if len(classes) else None)
        model = LogisticRegression(C=self.C, solver="liblinear", max_iter=1000,
                                   random_state=self.random_state)
        if len(classes) > 2:
            # one-vs-rest with liblinear: lbfgs took ~3 s per variable on 40k sparse features
            return OneVsRestClassifier(model).fit(features, labels)
        return model.fit(features, labels)

    def features(self, conversations: Sequence[Conversation], suggestions: Sequence[dict[str, Suggestion]]):
        check_is_fitted(self)
        texts = self.text_vectorizer_.transform(chatter_text(c) for c in conversations)
        ruled = self.rule_vectorizer_.transform(rule_features(s) for s in suggestions)
        return sparse.hstack([texts, ruled * self.rule_weight]).tocsr()

    def suggest_with(self, conversation: Conversation, rules: RuleCoder) -> dict[str, Suggestion]:
        """Suggestions for every variable: learned where a classifier exists, the rules' otherwise."""
        check_is_fitted(self)
        ruled = rules.suggest(conversation)
        row = self.features([conversation], [ruled])
        out = dict(ruled)
        segments = _Segments(self, conversation)
        for name, model in self.models_.items():
            rule = ruled[name]
            if isinstance(model, dict):
                chosen, certainty = [], []
                for value, classifier in model.items():
                    p = _probability(classifier, row, True)
                    certainty.append(max(p, 1 - p))
                    if p >= 0.5:
                        chosen.append(value)
                evidence = rule.evidence if set(chosen) & set(rule.value) else ()
                if chosen and not evidence:
                    evidence = segments.best(name, model, chosen)
                out[name] = Suggestion(name, chosen, float(np.clip(min(certainty), 0, 1)), evidence)
            else:
                value, p = _predict(model, row)
                evidence = rule.evidence if value == rule.value else ()
                if value != "unknown" and not evidence:
                    evidence = segments.best(name, model, [value])
                out[name] = Suggestion(name, value, float(np.clip(p, 0, 1)), evidence)
        return out


def _same(guess: Any, truth: Any) -> bool:
    if isinstance(truth, list):
        return set(guess) == set(truth)
    return str(guess) == str(truth)


def _probability(classifier: Any, row: Any, positive: Any) -> float:
    if isinstance(classifier, tuple):
        return 1.0 if classifier[1] == positive else 0.0
    index = list(classifier.classes_).index(positive) if positive in classifier.classes_ else None
    return float(classifier.predict_proba(row)[0, index]) if index is not None else 0.0


def _predict(classifier: Any, row: Any) -> tuple[str, float]:
    if isinstance(classifier, tuple):
        return str(classifier[1]), 1.0
    probabilities = classifier.predict_proba(row)[0]
    best = int(np.argmax(probabilities))
    return str(classifier.classes_[best]), float(probabilities[best])


class _Segments:
    """Per-message text scores of a classifier: which chatter message speaks most for a value."""

    def __init__(self, learned: LearnedCoder, conversation: Conversation) -> None:
        self.learned = learned
        self.indices = [i for i, m in enumerate(conversation.messages) if m.role == "chatter"]
        self.lengths = [len(conversation.messages[i].text) for i in self.indices]
        self._matrix = None
        self.conversation = conversation

    def matrix(self):
        if self._matrix is None:
            texts = [fold(self.conversation.messages[i].text) for i in self.indices]
            self._matrix = self.learned.text_vectorizer_.transform(texts)
        return self._matrix

    def best(self, name: str, model: Any, values: list[str]) -> tuple[Evidence, ...]:
        if not self.indices:
            return ()
        out = []
        n_text = self.learned.n_text_features_
        for value in values:
            classifier = model[value] if isinstance(model, dict) else model
            if isinstance(classifier, tuple):
                continue
            classes = list(classifier.classes_)
            if isinstance(model, dict):
                weights = classifier.coef_[0, :n_text] * (1 if classes[-1] else -1)
            elif value in classes and len(classes) > 2:
                weights = classifier.estimators_[classes.index(value)].coef_[0, :n_text]
            elif value in classes:
                weights = classifier.coef_[0, :n_text] * (1 if value == classes[1] else -1)
            else:
                continue
            scores = self.matrix() @ weights
            best = int(np.argmax(scores))
            index = self.indices[best]
            out.append(Evidence(index, 0, self.lengths[best], f"model:{name}"))
        return tuple(dict.fromkeys(out))


class ModelCoder:
    """A trained LearnedCoder with the rule coder it was built on: the Coder interface."""

    def __init__(self, learned: LearnedCoder, rules: RuleCoder, name: str) -> None:
        self.learned = learned
        self.rules = rules
        self.codebook = rules.codebook
        self.name = name

    def suggest(self, conversation: Conversation) -> dict[str, Suggestion]:
        return self.learned.suggest_with(conversation, self.rules)

    def code(self, conversation: Conversation) -> CodedConversation:
        return to_coded(conversation.id, self.suggest(conversation), self.codebook)


def training_pairs(
    conversations: Iterable[Conversation], codes: Iterable[CodedConversation], codes_path: Path | str,
) -> list[tuple[Conversation, dict[str, Any]]]:
    """Pair conversations with their human codes by id; conversations without codes are skipped."""
    by_id = {c.id: c.codes for c in codes}
    pairs = [(c, by_id[c.id]) for c in conversations if c.id in by_id]
    if not pairs:
        raise CodeFileError(f"{codes_path}: no conversation ids in common with the conversations file")
    return pairs


def save_model(learned: LearnedCoder, path: Path | str) -> None:
    """Write the model with the codebook version it was trained for."""
    check_is_fitted(learned)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({
        "format": MODEL_FORMAT, "format_version": MODEL_FORMAT_VERSION,
        "codebook_version": learned.codebook_version_, "variables": list(learned.codebook.names),
        "model": learned,
    }, path, compress=3)


def load_model(path: Path, codebook: Codebook, rules: RuleCoder) -> ModelCoder:
    """Load a saved model; refuse one trained under another codebook version (clear error).

    Models are pickles: load only files you made or trust.
    """
    try:
        payload = joblib.load(path)
    except FileNotFoundError:
        raise ModelFileError(f"{path}: model file not found") from None
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, KeyError, AttributeError,
            ModuleNotFoundError) as exc:
        raise ModelFileError(
            f"{path}: not a model written by `inbeeld train` ({type(exc).__name__})"
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise ModelFileError(f"{path}: not a model written by `inbeeld train`")
    if str(payload.get("codebook_version")) != str(codebook.version):
        raise ModelFileError(
            f"{path}: model was trained for codebook version {payload.get('codebook_version')}, "
            f"but the codebook in use is version {codebook.version}; retrain it with `inbeeld train`"
        )
    if list(payload.get("variables", [])) != list(codebook.names):
        raise ModelFileError(
            f"{path}: model variables differ from codebook version {codebook.version}; retrain it"
        )
    learned: LearnedCoder = payload["model"]
    learned.codebook = codebook
    return ModelCoder(learned, rules, f"model:{path.name}")
