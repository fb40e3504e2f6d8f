"""Scoring: caught only when every character is masked; precision; codable terms; leaks."""

from __future__ import annotations

from factories import make_conversation
from inbeeld.corpus import Span, gold_conversation
from inbeeld.deid.deidentify import deidentify
from inbeeld.deid.evaluate import DeidScores, evaluate, score_conversation


def _pair(text: str, predicted: tuple[Span, ...]):
    gold = gold_conversation(make_conversation(text))
    message = gold.messages[0]
    from dataclasses import replace

    return gold, replace(gold, messages=(replace(message, spans=predicted),))


def test_an_identifier_counts_as_caught_only_when_every_character_is_masked():
    gold, predicted = _pair("bel [[PHONE:0612345678]] nu", (Span(4, 10, "PHONE", "[PHONE-1]"),))
    scores = DeidScores()
    score_conversation(gold, predicted, scores)
    assert scores.caught["PHONE"] == 0 and scores.gold["PHONE"] == 1
    assert scores.leaks[0].text == "0612345678"


def test_masking_with_another_type_still_catches():
    gold, predicted = _pair("in [[PLACE:Helmond]]", (Span(3, 10, "PERSON", "[PERSON-1]"),))
    scores = DeidScores()
    score_conversation(gold, predicted, scores)
    assert scores.recall("PLACE") == 1.0 and scores.precision == 1.0


def test_a_span_that_masks_no_identifier_lowers_precision():
    gold, predicted = _pair("ik ben [[PERSON:Sanne]] en bang",
                            (Span(7, 12, "PERSON", "[PERSON-1]"), Span(16, 20, "PERSON", "[PERSON-2]")))
    scores = DeidScores()
    score_conversation(gold, predicted, scores)
    assert scores.precision == 0.5
    # the over-masked span is listed (with --show-leaks) so that precision can be looked into
    assert [span.text for span in scores.over_masked] == ["bang"]
    listed = scores.as_dict(show_leaks=True)["over_masked_list"]
    assert [(row["text"], row["type"]) for row in listed] == [("bang", "PERSON")]
    assert "over_masked_list" not in scores.as_dict()


def test_a_masked_codable_term_is_counted_as_lost():
    gold, predicted = _pair("mijn moeder en een hotel", (Span(5, 11, "PERSON", "[PERSON-1]"),))
    scores = DeidScores()
    score_conversation(gold, predicted, scores)
    assert scores.codable_total == 2 and scores.codable_kept == 1


def test_leaks_are_only_in_the_dict_on_request(pipeline):
    marked = make_conversation("zijn snap is [[HANDLE:bas_van_xx]] en hij heet [[PERSON:Kees]]")
    scores = evaluate([marked], pipeline)
    assert "leak_list" not in scores.as_dict()
    assert "leak_list" in scores.as_dict(show_leaks=True)


def test_evaluation_agrees_with_deidentify(pipeline):
    marked = make_conversation("ik ben [[PERSON:sanne]], bel [[PHONE:06-12 34 56 78]]")
    scores = evaluate([marked], pipeline)
    result = deidentify(gold_conversation(marked), pipeline)
    assert scores.recall() == 1.0
    assert scores.predicted == len(result.messages[0].spans)


def test_wilson_interval_matches_the_formula():
    from math import sqrt

    from inbeeld.deid.evaluate import wilson_interval

    # Wilson (1927) written out for 12 of 13 at z = 1.959964
    n, p, z = 13, 12 / 13, 1.959964
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    low, high = wilson_interval(12, 13)
    assert abs(low - (centre - half)) < 1e-5 and abs(high - (centre + half)) < 1e-5


def test_all_caught_in_a_small_set_still_gives_a_low_lower_bound():
    gold, predicted = _pair("bel [[PHONE:0612345678]] nu", (Span(4, 14, "PHONE", "[PHONE-1]"),))
    scores = DeidScores()
    score_conversation(gold, predicted, scores)
    low, high = scores.recall_interval("PHONE")
    assert scores.recall("PHONE") == 1.0 and high == 1.0 and low < 0.5
    assert scores.as_dict()["recall"]["PHONE"]["ci95"] == (low, high)
