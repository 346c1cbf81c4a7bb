#!/usr/bin/env python3
"""Execute one notebook with the tslab kernel and print a JSON report on stdout.

Usage (with a Python that has Jupyter; see scripts/jupyter.js):
    python3 scripts/notebooks/run_notebook.py NOTEBOOK.ipynb --timeout SECONDS
        [--output EXECUTED.ipynb] [--kernel tslab] [--rerun-order]

Normally started by scripts/notebooks/runner.js (`runNotebook`), which chooses the
Python, the per-cell timeout and the wall-clock limit, and judges the report.

Why not `jupyter nbconvert --execute`: after an error tslab aborts the requests
queued in the next 200 ms, so later cells come back with status "abort" and no
output, and nbconvert can still exit 0 (STYLE.md, key takeaway 2). This runner
records every code cell's execute_reply status through nbclient's
`on_cell_executed` hook (nbclient >= 0.6; the hook receives cell, cell_index and
execute_reply) and runs with allow_errors=True so that one error does not hide
the statuses of the cells after it. This script only reports what happened; whether
the run passed is decided in one place, scripts/notebooks/runner.js (`notebookFailures`).

The kernel runs with the notebook's folder as cwd (as Jupyter does), with
JUPYTER_PATH starting with <repo>/jupyter so the project kernelspec is used,
and a timeout of --timeout seconds per cell. The kernel is always shut down,
also on errors, timeouts and SIGTERM.

Report (one JSON object):
  notebook              path as given
  kernel_name           kernelspec used
  error                 null, or a run-level failure ("CellTimeoutError: ...", kernel died, ...)
  kernel_start_seconds  from starting the kernel to the kernel answering (null if it never did)
  total_seconds         wall time of the whole run
  kernel_pid            process id of the kernel (null if none was started)
  cells                 one entry per code cell, in order:
    index               cell position in the notebook (0-based, counting markdown cells too)
    first_line          first non-blank source line (up to 80 characters), to help find the cell
    status              execute_reply status ("ok", "error", "abort"); or "unfinished" (sent,
                        but the run stopped before the reply, e.g. a timeout), "not-run"
                        (never sent) or "empty" (no source; nbclient skips such cells)
    seconds             time from sending the cell to its reply (null if not run)
    stderr              concatenated text of the cell's stderr stream outputs
    errors              error outputs: [{ename, evalue, traceback}]
    output_count        number of outputs
    output_types        output_type of each output (stream:NAME for streams)
    mime_types          sorted MIME types of display_data/execute_result outputs
    bad_values          "NaN", "undefined" or "null" shown as a value: a cell of a library
                        table (showTable's HTML) or a word of a markdown output (showMarkdown);
                        printed text (showError's messages) is not searched
"""

import argparse
import html
import json
import os
import re
import signal
import sys
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECT_JUPYTER_DIR = os.path.join(REPO_ROOT, "jupyter")


class Terminated(Exception):
    """Raised by the SIGTERM handler so the kernel is shut down on the way out."""


def on_sigterm(signum, frame):
    raise Terminated(f"received signal {signum}")


def prepend_jupyter_path():
    """Put <repo>/jupyter first on JUPYTER_PATH (before jupyter_client reads it)."""
    rest = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != PROJECT_JUPYTER_DIR]
    os.environ["JUPYTER_PATH"] = os.pathsep.join([PROJECT_JUPYTER_DIR] + rest)


def text_of(value):
    """nbformat text fields are a string or a list of strings."""
    return "".join(value) if isinstance(value, list) else (value or "")


BAD_VALUE_WORDS = ("NaN", "undefined", "null")
TABLE_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
BAD_WORD = re.compile(r"(?<![\w.])(NaN|undefined)(?![\w])")


def bad_values_of(outputs):
    """Values a reader should never see: NaN, undefined or null in a table cell, NaN or undefined in markdown."""
    found = []
    for o in outputs:
        data = o.get("data") or {}
        page = text_of(data.get("text/html"))
        if 'class="ttc-table"' in page:
            found += [v for v in (html.unescape(c).strip() for c in TABLE_CELL.findall(page)) if v in BAD_VALUE_WORDS]
        found += BAD_WORD.findall(text_of(data.get("text/markdown")))
    return sorted(set(found))


def describe_cell(index, cell, status, seconds):
    """The report entry for one code cell."""
    outputs = cell.get("outputs", [])
    stderr = "".join(
        text_of(o.get("text")) for o in outputs if o.get("output_type") == "stream" and o.get("name") == "stderr"
    )
    errors = [
        {"ename": o.get("ename", ""), "evalue": o.get("evalue", ""), "traceback": o.get("traceback", [])}
        for o in outputs
        if o.get("output_type") == "error"
    ]
    output_types = [
        "stream:" + o.get("name", "") if o.get("output_type") == "stream" else o.get("output_type", "")
        for o in outputs
    ]
    mime_types = sorted({m for o in outputs for m in (o.get("data") or {}).keys()})
    source = text_of(cell.get("source"))
    first_line = next((line.strip() for line in source.splitlines() if line.strip()), "")
    return {
        "index": index,
        "first_line": first_line[:80],
        "status": status,
        "seconds": seconds,
        "stderr": stderr,
        "errors": errors,
        "output_count": len(outputs),
        "output_types": output_types,
        "mime_types": mime_types,
        "bad_values": bad_values_of(outputs),
    }


def reorder_for_rerun(nb):
    """Keep the first code cell (the chapter's import cell) first, then every other code cell in
    REVERSE order, markdown dropped. Each cell then runs with none of the cells before it in the
    chapter having run, which is how a reader reruns one cell on its own after the import.
    Returns the list of original indices, one per cell of the reordered notebook."""
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    order = code[:1] + list(reversed(code[1:]))
    nb.cells = [nb.cells[i] for i in order]
    return order


def run(path, output, kernel_name, timeout, rerun_order=False):
    """Execute the notebook at `path`; return the report dict."""
    prepend_jupyter_path()
    # Imported after JUPYTER_PATH is set (jupyter_client reads it when it looks for kernelspecs).
    import nbformat
    from nbclient import NotebookClient

    started = time.monotonic()
    nb = nbformat.read(path, as_version=4)
    nb_dir = os.path.dirname(os.path.abspath(path))
    original_index = reorder_for_rerun(nb) if rerun_order else list(range(len(nb.cells)))

    statuses = {}  # cell index -> execute_reply status
    seconds = {}  # cell index -> seconds from send to reply
    sent_at = {}
    timing = {"kernel_ready": None}

    def on_notebook_start(notebook):
        # Called once the kernel client is connected and the kernel answered.
        timing["kernel_ready"] = time.monotonic()

    def on_cell_execute(cell, cell_index):
        sent_at[cell_index] = time.monotonic()

    def on_cell_executed(cell, cell_index, execute_reply):
        content = (execute_reply or {}).get("content", {})
        statuses[cell_index] = content.get("status", "no-reply")
        seconds[cell_index] = round(time.monotonic() - sent_at.get(cell_index, started), 3)

    client = NotebookClient(
        nb,
        kernel_name=kernel_name,
        timeout=timeout,
        allow_errors=True,
        shutdown_kernel="graceful",
        resources={"metadata": {"path": nb_dir}},
        on_notebook_start=on_notebook_start,
        on_cell_execute=on_cell_execute,
        on_cell_executed=on_cell_executed,
    )

    run_error = None
    kernel_pid = None
    kernel_start = time.monotonic()
    try:
        # Start the kernel ourselves (same calls as client.execute()) to learn its pid for the report.
        client.km = client.create_kernel_manager()
        client.start_new_kernel(cwd=nb_dir)
        provisioner = getattr(client.km, "provisioner", None)
        kernel_pid = getattr(provisioner, "pid", None) or getattr(getattr(client.km, "kernel", None), "pid", None)
        print(f"run_notebook: kernel pid {kernel_pid}", file=sys.stderr, flush=True)
        client.execute(cwd=nb_dir)
    except BaseException as exc:  # noqa: BLE001 - every failure goes into the report, including KeyboardInterrupt
        name = type(exc).__name__
        message = str(exc).strip().splitlines()
        run_error = f"{name}: {message[0] if message else ''}".strip()
    finally:
        # client.execute() shuts the kernel down on the way out; this covers failures before or
        # around it (kernel start errors, interrupts). _cleanup_kernel tolerates a dead kernel.
        try:
            if client.km is not None:
                client._cleanup_kernel()
        except Exception as exc:  # noqa: BLE001
            print(f"run_notebook: kernel cleanup failed: {exc}", file=sys.stderr)
            try:
                if client.km is not None and client.km.has_kernel:
                    from nbclient.util import run_sync

                    run_sync(client.km.shutdown_kernel)(now=True)
            except Exception as exc2:  # noqa: BLE001
                print(f"run_notebook: forced shutdown failed: {exc2}", file=sys.stderr)

    cells = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if not cell.source.strip():
            status = "empty"
        elif index in statuses:
            status = statuses[index]
        elif index in sent_at:
            status = "unfinished"  # sent to the kernel, but the run stopped before its reply
        else:
            status = "not-run"
        described = describe_cell(index, cell, status, seconds.get(index))
        described["index"] = original_index[index]  # report the chapter's own cell numbering
        cells.append(described)

    if output:
        nbformat.write(nb, output)
    return {
        "notebook": path,
        "kernel_name": kernel_name,
        "error": run_error,
        "kernel_start_seconds": (
            round(timing["kernel_ready"] - kernel_start, 3) if timing["kernel_ready"] is not None else None
        ),
        "total_seconds": round(time.monotonic() - started, 3),
        "kernel_pid": kernel_pid,
        "order": "import first, then the other code cells in reverse" if rerun_order else "top to bottom",
        "cells": cells,
    }


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--output", help="also save the executed notebook here")
    parser.add_argument("--kernel", default="tslab", help="kernelspec name (default: tslab)")
    parser.add_argument(
        "--timeout", type=int, required=True, help="seconds allowed per cell (runner.js CELL_TIMEOUT_SECONDS)"
    )
    parser.add_argument(
        "--rerun-order",
        action="store_true",
        help="run the import cell, then the other code cells in reverse (checks each runs on its own)",
    )
    args = parser.parse_args(argv)

    # While nbclient executes cells it handles SIGTERM itself (it shuts the kernel down);
    # outside that window this handler turns SIGTERM into an exception, so `finally` still runs.
    signal.signal(signal.SIGTERM, on_sigterm)
    # Keep stdout for the report alone: anything else printed goes to stderr.
    report_stream = sys.stdout
    sys.stdout = sys.stderr
    try:
        report = run(args.notebook, args.output, args.kernel, args.timeout, args.rerun_order)
    finally:
        sys.stdout = report_stream
    json.dump(report, report_stream, ensure_ascii=False)
    report_stream.write("\n")
    report_stream.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
