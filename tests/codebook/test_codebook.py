from pathlib import Path

import pytest
import yaml

from inbeeld.codebook import load_codebook
from inbeeld.errors import CodebookError

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "codebook.yaml"


def test_default_codebook_is_the_spec_copy():
    if not SPEC.exists():
        pytest.skip("shared/spec not beside the repository")
    shipped = load_codebook()
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert shipped.version == str(spec["version"])
    assert list(shipped.names) == list(spec["variables"])
    for name, definition in spec["variables"].items():
        assert list(shipped[name].values) == definition.get("values", [])
        assert shipped[name].multi == definition.get("multi", False)


def test_valid_codes_are_filled_with_unknown_and_empty_lists():
    codebook = load_codebook()
    codes = codebook.validate({"chatter_role": "victim", "exploitation_type": ["sexual"]})
    assert codes["chatter_role"] == "victim"
    assert codes["minor"] == "unknown"
    assert codes["perpetrator"] == []
    assert codes["victim_age"] == "unknown"
    assert set(codes) == set(codebook.names)


def test_bad_value_names_variable_and_value_and_the_valid_ones():
    codebook = load_codebook()
    with pytest.raises(CodebookError) as error:
        codebook.validate({"minor": "ja"})
    message = str(error.value)
    assert "'minor'" in message and "'ja'" in message and "yes, no" in message


def test_unknown_variable_is_refused_with_the_known_ones():
    with pytest.raises(CodebookError, match=r"unknown variable 'minr'.*chatter_role"):
        load_codebook().validate({"minr": "yes"})


@pytest.mark.parametrize("value", [-1, 100, 15.5, "15", True])
def test_age_must_be_an_integer_0_to_99(value):
    with pytest.raises(CodebookError, match="victim_age"):
        load_codebook().validate({"victim_age": value})


def test_multi_valued_variable_needs_a_list_of_known_values():
    codebook = load_codebook()
    with pytest.raises(CodebookError, match="expected a list"):
        codebook.validate({"locations": "hotel"})
    with pytest.raises(CodebookError, match="'boat' not in"):
        codebook.validate({"locations": ["hotel", "boat"]})


def test_open_variable_accepts_new_platform_names():
    codes = load_codebook().validate({"platforms": ["Snapchat", "EenNieuweSite.nl"]})
    assert codes["platforms"] == ["Snapchat", "EenNieuweSite.nl"]


def test_broken_codebook_file_names_file_and_variable(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text("version: 2\nvariables:\n  minor:\n    values: [yes, no]\n", encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        load_codebook(path)
    # unquoted yes/no become booleans in YAML: the message says to quote them
    assert str(path) in str(error.value) and "'minor'" in str(error.value)
    assert "quote" in str(error.value)


def test_codebook_without_version_is_refused(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text("variables:\n  minor:\n    values: ['yes', 'no']\n", encoding="utf-8")
    with pytest.raises(CodebookError, match="'version' is missing"):
        load_codebook(path)


def test_other_codebook_carries_its_version(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text("version: 7\nvariables:\n  minor:\n    values: ['yes', 'no']\n", encoding="utf-8")
    assert load_codebook(path).version == "7"
