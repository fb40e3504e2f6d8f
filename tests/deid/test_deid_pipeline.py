"""Config: names become objects only in build_pipeline; errors name file, key and valid choices."""

from __future__ import annotations

import pytest

from inbeeld.deid import RECOGNISERS, STAGES, build_pipeline, load_config
from inbeeld.errors import ConfigError


def test_default_config_builds_every_listed_recogniser():
    pipeline = build_pipeline(load_config())
    assert {r.name for r in pipeline.recognisers} <= set(RECOGNISERS)
    assert "phone" in pipeline.names and "propagate" in pipeline.names


def test_a_disabled_recogniser_is_left_out():
    pipeline = build_pipeline(load_config(), disabled=frozenset({"phone", "propagate"}))
    assert "phone" not in pipeline.names and "propagate" not in pipeline.names
    assert "email" in pipeline.names


def test_disabling_an_unknown_name_lists_the_valid_ones():
    with pytest.raises(ConfigError, match=r"valid names: .*phone"):
        build_pipeline(load_config(), disabled=frozenset({"telefoon"}))


def test_unknown_recogniser_in_a_file_names_file_key_and_choices(tmp_path):
    path = tmp_path / "deid.yaml"
    path.write_text("recognisers:\n  - use: email\n  - use: telefoon\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        build_pipeline(load_config(path))
    message = str(info.value)
    assert str(path) in message and "recognisers[1].use" in message and "phone" in message


def test_unknown_option_names_the_options_the_recogniser_takes(tmp_path):
    path = tmp_path / "deid.yaml"
    path.write_text("recognisers:\n  - {use: phone, land: NL}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"recognisers\[0\]\.land.*region"):
        build_pipeline(load_config(path))


def test_unknown_top_level_key_is_an_error(tmp_path):
    path = tmp_path / "deid.yaml"
    path.write_text("recognizers: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="recognizers"):
        load_config(path)


def test_broken_yaml_names_the_file(tmp_path):
    path = tmp_path / "deid.yaml"
    path.write_text("recognisers: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(path)


def test_an_overlay_replaces_the_section_it_names(tmp_path):
    path = tmp_path / "deid.yaml"
    path.write_text("recognisers:\n  - use: email\n", encoding="utf-8")
    pipeline = build_pipeline(load_config(path))
    assert [r.name for r in pipeline.recognisers] == ["email"]
    assert [s.name for s in pipeline.stages] == [s["use"] for s in load_config()["stages"]]


def test_only_registered_stages_are_in_the_default():
    assert {s["use"] for s in load_config()["stages"]} <= set(STAGES)


def test_an_option_reaches_the_recogniser(tmp_path):
    path = tmp_path / "deid.yaml"
    path.write_text("recognisers:\n  - {use: phone, region: BE}\nstages: []\n", encoding="utf-8")
    pipeline = build_pipeline(load_config(path))
    assert pipeline.recognisers[0].region == "BE"


def test_leading_words_stage_takes_articles_and_municipality_words():
    from inbeeld.deid.model import Finding
    from inbeeld.deid.stages import LeadingWords

    texts = [
        "ik woonde op de Zonnebloem", "in de Schoolstraat 4", "op de kerkstraat", "van t Anker weg",
        "ik woon in Transvaal", "mail van gemeente Tiel", "ik zit op het Vlietland",
    ]
    findings = [
        [Finding(16, 26, "PLACE", "t")],         # "Zonnebloem": an ordinary word, capitalised
        [Finding(6, 20, "ADDRESS", "t")],        # "Schoolstraat 4": a compound, capitalised
        [Finding(6, 16, "ADDRESS", "t")],        # lowercase after "de": left as it is
        [Finding(6, 11, "PERSON", "t")],         # "Anker" after "t"
        [Finding(11, 20, "PLACE", "t")],         # no article: nothing to take
        [Finding(18, 22, "PLACE", "t")],         # a town after "gemeente": the municipality
        [Finding(14, 23, "INSTITUTION", "t")],   # any institution takes its article
    ]
    out = LeadingWords().apply(texts, findings)
    spans = [[(t[f.start:f.end], f.type) for f in fs] for t, fs in zip(texts, out, strict=True)]
    assert spans == [
        [("de Zonnebloem", "PLACE")], [("de Schoolstraat 4", "ADDRESS")], [("kerkstraat", "ADDRESS")],
        [("t Anker", "PERSON")], [("Transvaal", "PLACE")], [("gemeente Tiel", "INSTITUTION")],
        [("het Vlietland", "INSTITUTION")],
    ]
