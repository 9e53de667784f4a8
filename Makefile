# Two commands do all the set-up: `make serve` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HFSTAMP := $(VENV)/.installed-hf

.PHONY: serve test venv bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# the tests also load the shipped checker through transformers (`--judge hf:PATH`);
# torch goes in first, alone, so pip takes the CPU build
$(HFSTAMP): $(STAMP)
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test,hf]'
	touch $(HFSTAMP)

venv: $(STAMP)

serve: venv
	$(BIN)/veracity serve

test: venv $(HFSTAMP)
	$(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python bench/verify_latency.py

clean:
	rm -rf $(VENV) build *.egg-info
