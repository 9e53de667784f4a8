"""`veracity check`: verify one output in process, no server needed."""

from __future__ import annotations

import json
from pathlib import Path

import click

from veracity.cli.common import data_dir_option, friendly_errors, settings_from
from veracity.engine.types import ClaimVerdict, Report, Task
from veracity.wire import reliability_object

_COLOURS = {"supported": "green", "hallucination": "red", "unverifiable": "yellow"}
_MARKS = {"supported": "✓", "hallucination": "✗", "unverifiable": "?"}


def highlight(output: str, claims: tuple[ClaimVerdict, ...]) -> str:
    """The output with failing claims marked: coloured on a terminal, >>like this<< otherwise."""
    parts: list[str] = []
    pos = 0
    for c in sorted(claims, key=lambda c: c.claim.span):
        a, b = c.claim.span
        parts.append(output[pos:a])
        text = output[a:b]
        if c.verdict == "supported":
            parts.append(text)
        else:
            parts.append(click.style(">>", fg=_COLOURS[c.verdict]) + click.style(text, fg=_COLOURS[c.verdict],
                                                                              bold=True, underline=True)
                         + click.style("<<", fg=_COLOURS[c.verdict]))
        pos = b
    parts.append(output[pos:])
    return "".join(parts)


def render(report: Report, output: str) -> str:
    colour = _COLOURS[report.verdict]
    lines = [click.style(f"Verdict: {report.verdict.upper()}", fg=colour, bold=True)
             + f"  (confidence {report.confidence:.2f}, is_hallucination={str(report.is_hallucination).lower()})",
             "", report.explanation, "", "Output:", "  " + highlight(output, report.claims).replace("\n", "\n  "), "",
             "Claims:"]
    for c in report.claims:
        mark = click.style(_MARKS[c.verdict], fg=_COLOURS[c.verdict])
        lines.append(f"  {mark} [{c.claim.span[0]}:{c.claim.span[1]}] {c.claim.text!r}: {c.verdict} "
                     f"({c.confidence:.2f}, {c.judge})")
        lines.append(f"      {c.reason}")
        for e in c.evidence[:2]:
            where = f" {e.span[0]}:{e.span[1]}" if e.span else ""
            snippet = " ".join(e.text.split())
            lines.append(f"      evidence ({e.source}{where}): {snippet[:200]}{'…' if len(snippet) > 200 else ''}")
    return "\n".join(lines)


@click.command()
@click.option("--prompt", default="", help="The question or instruction the LLM answered.")
@click.option("--output", "output_text", required=True, help="The LLM's answer to verify.")
@click.option("--context", default=None, help="Reference text (RAG mode).")
@click.option("--context-file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Read the reference text from a file.")
@click.option("--json", "as_json", is_flag=True, help="Print the reliability JSON object.")
@click.option("--judge", "judges", default=None, help="Judges to use, comma-separated (default: configured).")
@data_dir_option
@friendly_errors
def check(prompt: str, output_text: str, context: str | None, context_file: Path | None, as_json: bool,
          judges: str | None, data_dir: Path | None) -> None:
    """Verify OUTPUT (against CONTEXT if given) without a server."""
    from veracity.factory import build_verifier

    if context is not None and context_file is not None:
        raise click.UsageError("give --context or --context-file, not both")
    if context_file is not None:
        context = context_file.read_text(encoding="utf-8")
    settings = settings_from(data_dir=data_dir, judges=judges)
    report = build_verifier(settings).verify(Task(prompt, output_text, context))
    if as_json:
        click.echo(json.dumps(reliability_object(report), indent=2, ensure_ascii=False))
    else:
        click.echo(render(report, output_text))
