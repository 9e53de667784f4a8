"""PNG charts for `veracity eval --plots DIR` (matplotlib: the `plots` extra)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from veracity.errors import ConfigError
from veracity.evaluation.metrics import Metrics
from veracity.evaluation.runner import Prediction


def _pyplot():  # type: ignore[no-untyped-def]
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise ConfigError("--plots needs matplotlib: pip install 'veracity[plots]'") from exc
    return plt


def reliability_diagram(preds: Sequence[Prediction], path: Path, bins: int = 10) -> Path:
    plt = _pyplot()
    edges = [i / bins for i in range(bins + 1)]
    xs, ys, ns = [], [], []
    for lo, hi in zip(edges, edges[1:]):
        inside = [p for p in preds if lo <= p.p_hallucination < hi or (hi == 1.0 and p.p_hallucination == 1.0)]
        if inside:
            xs.append(sum(p.p_hallucination for p in inside) / len(inside))
            ys.append(sum(p.sample.is_hallucination for p in inside) / len(inside))
            ns.append(len(inside))
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    ax.plot(xs, ys, "o-", label="Veracity")
    for x, y, n in zip(xs, ys, ns):
        ax.annotate(str(n), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=7)
    ax.set_xlabel("predicted probability of hallucination")
    ax.set_ylabel("observed share of hallucinations")
    ax.set_title("Reliability diagram")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def source_bars(summary: Mapping[str, Metrics], path: Path) -> Path:
    plt = _pyplot()
    names = list(summary)
    fig, ax = plt.subplots(figsize=(max(5, 1.3 * len(names)), 4))
    ax.bar(names, [summary[n].balanced_accuracy for n in names], color="#4a7ab5")
    ax.axhline(0.5, color="grey", linestyle="--", linewidth=1)
    ax.set_ylim(0, 1)
    ax.set_ylabel("balanced accuracy")
    ax.set_title("Balanced accuracy per source")
    plt.setp(ax.get_xticklabels(), rotation=20, ha="right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
