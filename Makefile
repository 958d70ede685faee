# budgetqa — set-up and entry points. Everything lives in ./.venv; the store in $(BUDGETQA_HOME) or ./.budgetqa
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := ingest/samples/gonghui-2026.pdf
HOST ?= 127.0.0.1
PORT ?= 7860
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export TOKENIZERS_PARALLELISM := false

EVAL_STORE ?= .budgetqa-eval
CORPUS ?= ../shared/corpus/real
MORE ?= ../shared/corpus/more
LOAD_STORE ?= .budgetqa-load
URL ?=
CHROMIUM := /usr/bin/chromium
ROOT_USER := $(shell test "$$(id -u)" = 0 && command -v apt-get >/dev/null && echo yes)

.PHONY: install run test lint eval tune corpus-report corpus-check bench load browser screenshots clean

install: $(STAMP)

# torch is pinned to the CPU build found on these machines (torch==2.13.0) and installed first,
# so nothing later pulls the multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "torch==2.13.0"
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

run: install
	@if [ -z "$$($(BIN)/budgetqa docs --json 2>/dev/null | tr -d '[] \n')" ]; then \
		echo "存储为空：导入内置示例 $(SAMPLE)"; $(BIN)/budgetqa ingest $(SAMPLE); fi
	$(BIN)/budgetqa serve --host $(HOST) --port $(PORT)

# the suite on two workers (pytest-xdist), a test file per worker at a time; a PDF one worker parsed is read back by the other
test: install browser
	$(BIN)/python -m pytest -n 2 --dist loadfile

# Debian's Chromium for tests/test_browser.py (Playwright drives it; never `playwright install`).
# Installed only as root with apt-get; otherwise a note, and the browser tests are skipped.
browser:
	@test -x $(CHROMIUM) || { \
		if [ -n "$(ROOT_USER)" ]; then \
			echo "安装 Chromium（浏览器测试用）……"; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
				|| echo "注意：Chromium 安装失败，浏览器测试将跳过"; \
		else echo "注意：未找到 $(CHROMIUM)，浏览器测试将跳过；安装：sudo apt-get install chromium"; fi; }

# regenerate the README screenshots (ui/screenshots/*.png) with the browser test; needs CJK fonts
screenshots: install browser
	@fc-list :lang=zh 2>/dev/null | grep -q . || { \
		if [ -n "$(ROOT_USER)" ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk fonts-noto-color-emoji >/dev/null; \
		else echo "注意：没有中文字体，截图中的汉字会显示为方框；安装：sudo apt-get install fonts-noto-cjk"; fi; }
	BUDGETQA_SCREENSHOTS=ui/screenshots $(BIN)/python -m pytest -q tests/test_browser.py

# 20 questions at once against the web app: its own server on the sample store, or URL=... of a
# running one (make run in another terminal); writes eval/LOAD.md
load: install
	$(BIN)/python -m eval.load_chat --store $(LOAD_STORE) $(if $(URL),--url $(URL))

lint: install
	$(BIN)/ruff check .

# ingests the sample and the real corpus (real + more: every gold set's documents) into $(EVAL_STORE), then
# scores every gold set (with the baseline)
eval: install
	@test -d $(CORPUS) || echo "注意：未找到语料目录 $(CORPUS)，只导入内置示例"
	-$(BIN)/budgetqa ingest --store $(EVAL_STORE) $(SAMPLE) $$(test -d $(CORPUS) && echo $(CORPUS)/*.pdf) $$(test -d $(MORE) && echo $(MORE)/*.pdf)
	@for g in eval/gold/*.jsonl; do echo "== $$g"; $(BIN)/budgetqa eval --store $(EVAL_STORE) --baseline --gold $$g || exit 1; done
	@echo "报告：eval/REPORT.md"

# the sentence-ranking weights, chosen on the gold sets' dev halves (the store must hold their documents)
tune: install
	$(BIN)/python -m eval.tune --store $(EVAL_STORE)

corpus-report: install
	$(BIN)/python -m eval.corpus_report

# ingests ../shared/corpus/{real,more,not-disclosures} (no embeddings) into a temporary store and compares
# department, year, 预算/决算, 部门/单位 with eval/corpus_expected.tsv; the not-disclosures must all be refused
corpus-check: install
	$(BIN)/python -m eval.corpus_check

# the four pipelines side by side (eval/BENCH.md): by default the sample and the first 8 PDFs of
# ../shared/corpus/real; the whole corpus: make bench BENCH_ARGS="--limit 1000 $(SAMPLE) ../shared/corpus/real ../shared/corpus/more"
BENCH_ARGS ?=
bench: install
	nice -n 10 $(BIN)/python -m eval.bench_ingest --md eval/BENCH.md $(BENCH_ARGS)

clean:
	rm -rf .budgetqa .pytest_cache .ruff_cache
