"""`veracity eval FILE`: measure the checker on labelled samples."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import click

from veracity.cli.common import data_dir_option, friendly_errors, settings_from
from veracity.evaluation.metrics import Metrics
from veracity.evaluation.runner import Prediction, Predictor, Sample, load_samples, run, summarise

_COLUMNS = ("n", "accuracy", "balanced_accuracy", "f1", "precision", "recall", "ece", "latency_p50_ms", "latency_p95_ms")
_HEAD = ("n", "acc", "bal.acc", "F1", "prec", "recall", "ECE", "p50 ms", "p95 ms")


def table(title: str, summary: dict[str, Metrics]) -> str:
    width = max(len(k) for k in summary) + 2
    lines = [title, f"{'source':<{width}}" + "".join(f"{h:>9}" for h in _HEAD)]
    for name, m in summary.items():
        vals = m.as_dict()
        cells = [f"{vals['n']:>9}"] + [f"{vals[c]:>9.3f}" if "latency" not in c else f"{vals[c]:>9.1f}"
                                       for c in _COLUMNS[1:]]
        lines.append(f"{name:<{width}}" + "".join(cells))
    return "\n".join(lines)


def _progress(label: str, quiet: bool):  # type: ignore[no-untyped-def]
    def wrap(items: Iterable[Sample]) -> Iterable[Sample]:
        if quiet:
            return items
        from tqdm import tqdm

        return tqdm(items, desc=label, unit="sample", leave=False)

    return wrap


def _predictors(samples: list[Sample], server: str | None, key: str | None, judges: str | None,
                compare: bool, data_dir: Path | None) -> list[Predictor]:
    from veracity.evaluation.predictors import EnginePredictor, LengthBaseline, ServerPredictor
    from veracity.factory import build_verifier

    if server:
        if not key:
            raise click.UsageError("--server needs --key (or VERACITY_API_KEY)")
        main: Predictor = ServerPredictor(server, key)
    else:
        settings = settings_from(data_dir=data_dir, judges=judges, kb_enabled=False)
        main = EnginePredictor(build_verifier(settings), name=f"judges: {','.join(settings.judges)}")
    out = [main]
    if compare:
        rules = settings_from(data_dir=data_dir, judges="rules", kb_enabled=False)
        out += [EnginePredictor(build_verifier(rules), name="rules-only judge"), LengthBaseline(samples)]
    return out


def _plot(preds: list[Prediction], summary: dict[str, Metrics], directory: Path) -> None:
    from veracity.evaluation.plots import reliability_diagram, source_bars

    directory.mkdir(parents=True, exist_ok=True)
    reliability_diagram(preds, directory / "reliability.png")
    source_bars(summary, directory / "sources.png")


@click.command("eval")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False)
@click.option("--server", default=None, help="Evaluate a running server at this URL instead of in process.")
@click.option("--key", envvar="VERACITY_API_KEY", default=None, help="API key for --server.")
@click.option("--judge", "judges", default=None, help="Judges to evaluate in process (default: configured).")
@click.option("--limit", type=int, default=None, help="Only the first N samples.")
@click.option("--compare", is_flag=True, help="Also run the rules-only judge and a length-only baseline.")
@click.option("--ood", is_flag=True, help="Evaluate on variants of the file's right samples instead: numbers, "
              "dates, negations, yes/no answers and names changed, plus the untouched originals and copies opened "
              "with a connector such as 'Additionally,' (still supported).")
@click.option("--records", type=click.IntRange(min=1), default=None, metavar="N",
              help="Add N questions about structured records (key:value lists, JSON, tables) of kinds the "
              "checker was not trained on, each with a right and a wrong answer (source 'records').")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--plots", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write reliability.png and sources.png to this directory.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@data_dir_option
@friendly_errors
def eval_(file: Path | None, server: str | None, key: str | None, judges: str | None, limit: int | None,
          compare: bool, ood: bool, records: int | None, as_json: bool, plots: Path | None, quiet: bool,
          data_dir: Path | None) -> None:
    """Measure verdicts on labelled samples FILE (.jsonl or .jsonl.gz), or on --records alone.

    Per source and overall: n, accuracy, balanced accuracy, F1, precision and recall on
    the hallucination class, ECE and latency. With --ood, a source holding only changed
    answers shows its catch rate as balanced accuracy, and `ood-untouched` and
    `ood-connector` (right answers) show 1 - false-alarm rate; "(from answers the context
    supports)" rows keep the samples made from answers whose every name, number and date the
    context gives (HaluEval's right answers often say more than their context); "(original
    stated in the context)" rows keep the changed numbers and dates whose original value the
    context gives, the changes evidence can refute. With --records, a row per
    kind of wrong answer ("records (from swapped)": the value of another field) shows its catch rate.
    """
    if file is None and records is None:
        raise click.UsageError("give a FILE of labelled samples, --records N, or both")
    samples = load_samples(file, limit) if file is not None else []
    if ood:
        from veracity.evaluation.perturb import perturbations

        samples = list(perturbations(samples))
    if records:
        from veracity.evaluation.perturb import record_samples

        samples += record_samples(records)
    results: dict[str, dict[str, Metrics]] = {}
    for i, predictor in enumerate(_predictors(samples, server, key, judges, compare, data_dir)):
        preds, refused = run(samples, predictor, _progress(predictor.name, quiet or as_json))
        results[predictor.name] = summarise(preds)
        for r in refused:
            click.echo(f"{predictor.name}: sample {r.sample.id} not scored (refused as input: {r.message})", err=True)
        if plots is not None and i == 0:
            _plot(preds, results[predictor.name], plots)
    if as_json:
        click.echo(json.dumps({name: {k: m.as_dict() for k, m in s.items()} for name, s in results.items()}, indent=2))
        return
    click.echo("\n\n".join(table(name, s) for name, s in results.items()))
