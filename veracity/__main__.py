from veracity.cli.main import cli

if __name__ == "__main__":  # pragma: no cover - thin entry point
    cli()
