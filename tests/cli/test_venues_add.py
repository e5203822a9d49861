"""``planner venues add``: a venue by hand, kept in planner's own file, part of the catalog
from then on; bad values are one clear line; an address offline says so."""

from __future__ import annotations

import tomllib

from click.testing import CliRunner

from planner.cli import main
from tests.fakes.unreachable import refused_url


def write_config(tmp_path, nominatim: str = "http://127.0.0.1:9") -> str:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[user]\nhome = "Hamburg"\n[geo]\nnominatim_url = "{nominatim}"\n'
        'user_agent = "planner-tests/0.1"\n',
        encoding="utf-8",
    )
    return str(path)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_added_venues_are_listed_and_replaced_by_name(tmp_path):
    config = write_config(tmp_path)
    before = (tmp_path / "config.toml").read_bytes()
    added = run("venues", "add", "Café Paris", "--config", config, "--kind", "cafe",
                "--lat", "53.5502", "--lon", "9.9936", "--address", "Rathausstraße 4, Hamburg",
                "--hours", "Mo-Su 09:00-23:00", "--tag", "quiet", "--favourite")  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "added Café Paris (cafe) at 53.55020, 9.99360" in added.output
    listed = run("venues", "--config", config, "--near", "Hamburg", "--format", "json")
    assert listed.exit_code == 0 and "Café Paris" in listed.output
    again = run("venues", "add", "café paris", "--config", config, "--kind", "restaurant",
                "--lat", "53.5503", "--lon", "9.9937")  # fmt: skip
    assert again.exit_code == 0 and again.output.startswith("replaced")
    path = added.output.rsplit(" in ", 1)[1].strip()
    venues = tomllib.loads(open(path, encoding="utf-8").read())["venue"]
    assert [(v["name"], v["kind"]) for v in venues] == [("café paris", "restaurant")]
    assert (tmp_path / "config.toml").read_bytes() == before  # the user's files untouched


def test_bad_values_are_one_clear_line(tmp_path):
    config = write_config(tmp_path)
    base = ("venues", "add", "X", "--config", config)
    for args, words in (
        (("--kind", "cafe", "--lat", "53.5"), "give both --lat and --lon"),
        (("--kind", "cafe"), "give --lat and --lon, or --address"),
        (("--kind", "cafe", "--lat", "91", "--lon", "9"), "--lat"),
        (("--kind", "cafe", "--lat", "nan", "--lon", "9"), "--lat"),
        (("--kind", "spa", "--lat", "53", "--lon", "9"), "--kind"),
        (("--kind", "cafe", "--lat", "53", "--lon", "9", "--price", "7"), "--price"),
    ):
        result = run(*base, *args)
        assert result.exit_code == 2 and words in result.output, (args, result.output)
        assert "Traceback" not in result.output


def test_an_address_offline_says_so_and_how_to_go_on(tmp_path):
    config = write_config(tmp_path, refused_url())
    result = run("venues", "add", "Elbwerk lounge", "--config", config, "--kind", "coworking",
                 "--address", "Jungfernstieg 7, 20354 Hamburg")  # fmt: skip
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert "connection refused: offline, or the server is down" in line
    assert "give --lat and --lon instead" in line
