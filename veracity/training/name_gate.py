"""Choose the name gate on dev: from which checker probability a claim that names something the
context never mentions fails (see ``judges/combined.py``).

    python -m veracity.training.name_gate --data DATA_DIR [--model veracity/models/checker] [--no-write]

Every dev output is verified once by the engine with the default judges (checker + rules, calibrated
as ``config.json`` says, no name gate). For each claim the checker finds supported, it records the
checker's probability and whether the rules judge finds a name the context never mentions. An
output is then flagged at gate ``g`` when the engine flagged it or one of its claims names such a
thing at probability ``g`` or more; the gate is the one of the grid with the best balanced accuracy
over all dev outputs (ties: the higher gate, fewer flags). ``name_p``, the probability such a flag
gives its claim, is the NLL fit of ``max(p, name_p)`` over the outputs the gate newly flags, as
``veto_p`` is for the rules' vetoes. Both go into ``config.json``. About 6 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from veracity.engine.types import ClaimVerdict, JudgeInput
from veracity.evaluation.runner import Sample, load_samples
from veracity.judges.checker import CONFIG_FILE, DEFAULT_MODEL_DIR, CheckerJudge
from veracity.judges.combined import CombinedJudge
from veracity.judges.rules import RulesJudge
from veracity.training.calibrate import fit_veto_p

GRID = tuple(round(0.30 + 0.01 * i, 2) for i in range(31))  # 0.30 … 0.60


@dataclass(frozen=True)
class Output:
    """One dev output: its label, the engine's verdict, and the checker probability of each
    just-supported claim that names something the context never mentions."""

    source: str
    label: bool
    flagged: bool
    named: tuple[float, ...]


class _Recorder:
    """The default judges, noting for each claim left supported whether it names an unmentioned thing."""

    def __init__(self, checker: CheckerJudge) -> None:
        self.rules = RulesJudge()
        self.combined = CombinedJudge(checker, [self.rules], checker.veto_p)
        self.name = self.combined.name
        self.named: list[float] = []

    def judge(self, items: Sequence[JudgeInput]) -> list[ClaimVerdict]:
        verdicts = self.combined.judge(items)
        for item, v in zip(items, verdicts):
            if v.verdict == "supported" and v.p_hallucination is not None and self.rules.unmentioned_name(item):
                self.named.append(v.p_hallucination)
        return verdicts


def record(samples: Sequence[Sample], checker: CheckerJudge) -> list[Output]:
    from tqdm import tqdm

    from veracity.config import Settings
    from veracity.engine.types import Task
    from veracity.engine.verifier import Verifier
    from veracity.errors import InvalidRequest
    from veracity.factory import build_policy

    recorder = _Recorder(checker)
    verifier = Verifier(recorder, policy=build_policy(Settings()))  # the run-time windows and policy
    out: list[Output] = []
    for s in tqdm(samples, desc="name gate", mininterval=10):
        recorder.named = []
        try:
            report = verifier.verify(Task(s.prompt, s.output, s.context))
        except InvalidRequest:
            continue  # not scored, as in `veracity eval`
        out.append(Output(s.source, s.is_hallucination, report.is_hallucination, tuple(recorder.named)))
    return out


def balanced_accuracy(outputs: Sequence[Output], gate: float | None) -> float:
    flags = np.array([o.flagged or (gate is not None and any(p >= gate for p in o.named)) for o in outputs])
    y = np.array([o.label for o in outputs])
    return float((flags[y].mean() + (~flags[~y]).mean()) / 2)


def fit(outputs: Sequence[Output], threshold: float) -> dict[str, object]:
    """The gate of :data:`GRID` (under the checker's ``threshold``) with the best balanced accuracy,
    its ``name_p``, and per-source figures; no gate (``None``) where none flags anything more."""
    grid = [g for g in GRID if g < threshold]
    scores = {g: balanced_accuracy(outputs, g) for g in grid}
    gate: float | None = max(grid, key=lambda g: (round(scores[g], 6), g)) if grid else None
    new = [o for o in outputs if not o.flagged and gate is not None and any(p >= gate for p in o.named)]
    if not new:
        gate = None
    p = np.array([max(o.named) for o in new])
    y = np.array([float(o.label) for o in new])
    name_p = fit_veto_p(np.clip(p, 1e-6, 1 - 1e-6), y, 0.5) if new else None
    by_source = {src: {"without": round(balanced_accuracy(sub, None), 4), "with": round(balanced_accuracy(sub, gate), 4)}
                 for src in sorted({o.source for o in outputs})
                 for sub in [[o for o in outputs if o.source == src]]}
    return {"name_gate": gate, "name_p": name_p, "outputs": len(outputs), "newly_flagged": len(new),
            "newly_flagged_hallucinations": round(float(y.mean()), 4) if new else None,
            "balanced_accuracy_without": round(balanced_accuracy(outputs, None), 4),
            "balanced_accuracy_with": round(balanced_accuracy(outputs, gate), 4), "by_source": by_source,
            "grid": {str(g): round(s, 4) for g, s in scores.items()}}


def write_config(model_dir: Path, rep: dict[str, object]) -> None:
    path = model_dir / CONFIG_FILE
    cfg = json.loads(path.read_text())
    cfg["name_gate"], cfg["name_p"] = rep["name_gate"], rep["name_p"]
    cfg.setdefault("calibration", {})["name_gate"] = (
        f"python -m veracity.training.name_gate: the gate of {GRID[0]}-{GRID[-1]} with the best balanced accuracy "
        f"on all of halueval-dev ({rep['outputs']} outputs, checker + rules); name_p: NLL fit of max(p, name_p) "
        f"over the {rep['newly_flagged']} outputs it newly flags")
    path.write_text(json.dumps(cfg, indent=2) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m veracity.training.name_gate", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--model", type=Path, default=DEFAULT_MODEL_DIR)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="only the first N dev samples (a quick look)")
    ap.add_argument("--no-write", action="store_true", help="measure only; leave config.json as it is")
    args = ap.parse_args(argv)
    checker = CheckerJudge(args.model, threads=args.threads)
    outputs = record(load_samples(args.data / "halueval-dev.jsonl.gz", args.limit), checker)
    rep = fit(outputs, checker.threshold)
    print(json.dumps(rep, indent=2))
    if not args.no_write:
        write_config(args.model, rep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
