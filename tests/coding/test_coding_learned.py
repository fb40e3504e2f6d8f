"""The learned coder: trains from codes, keeps the estimator contract, refuses another codebook."""

from __future__ import annotations

from dataclasses import replace

import pytest

from inbeeld.codebook import Codebook
from inbeeld.coding import ModelFileError, load_coder
from inbeeld.coding.learned import LearnedCoder, save_model
from inbeeld.corpus import gold_conversation
from inbeeld.synth import generate


@pytest.fixture(scope="session")
def training(codebook):
    pairs = [(gold_conversation(c), k.codes) for c, k in generate(160, 3)]
    return [c for c, _ in pairs], [k for _, k in pairs]


@pytest.fixture(scope="session")
def model_path(codebook, training, tmp_path_factory):
    learned = LearnedCoder(codebook).fit(*training)
    path = tmp_path_factory.mktemp("model") / "coder.joblib"
    save_model(learned, path)
    return path


def test_init_only_stores_its_arguments(codebook):
    learned = LearnedCoder(codebook, C=2.0)
    assert learned.get_params()["C"] == 2.0
    assert not any(name.endswith("_") for name in vars(learned))


def test_unfitted_coder_refuses_to_suggest(codebook, training, rule_coder):
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        LearnedCoder(codebook).suggest_with(training[0][0], rule_coder)


def test_saved_model_codes_every_variable_with_confidence_and_valid_evidence(codebook, model_path):
    coder = load_coder(codebook, model_path)
    assert coder.name == f"model:{model_path.name}"
    for conversation, _ in generate(5, 44):
        conversation = gold_conversation(conversation)
        coded = coder.code(conversation)
        assert set(coded.codes) == set(codebook.names)
        assert coded.codebook_version == codebook.version
        assert all(0.0 <= p <= 1.0 for p in coded.confidence.values())
        for refs in coded.evidence.values():
            for ref in refs:
                assert ref.end <= len(conversation.messages[ref.message].text)


def test_model_refuses_to_load_under_another_codebook_version(codebook, model_path):
    other = replace(codebook, version="2")
    with pytest.raises(ModelFileError) as caught:
        load_coder(other, model_path)
    message = str(caught.value)
    assert str(model_path) in message and "version 1" in message and "version 2" in message


def test_a_file_that_is_no_model_is_refused_with_its_name(codebook, tmp_path):
    path = tmp_path / "not-a-model.joblib"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(ModelFileError, match=r"not-a-model\.joblib"):
        load_coder(codebook, path)


def test_training_is_reproducible(codebook, training):
    first = LearnedCoder(codebook).fit(*training)
    second = LearnedCoder(codebook).fit(*training)
    assert first.use_model_ == second.use_model_


def test_codebook_fixture_is_a_codebook(codebook):
    assert isinstance(codebook, Codebook)
