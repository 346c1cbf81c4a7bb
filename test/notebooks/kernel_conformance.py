"""Jupyter's own kernel conformance suite (jupyter_kernel_test) against the project's kernelspec.

Run by test/notebooks/kernel-conformance.test.ts, or by hand with a Python that has Jupyter
and jupyter_kernel_test (Debian: python3-jupyter-kernel-test):

    /usr/bin/python3 test/notebooks/kernel_conformance.py

The kernel is `tslab` from <repo>/jupyter/kernels/ (put first on JUPYTER_PATH here), started
in notebooks/ as Jupyter starts it for a chapter, so `import * as ttc from "ttc-workbook"`
resolves through the project's node_modules. The Plotly loader output that lib's `ttc.show`
sends before the first chart of a kernel is switched off (TTC_PLOTLY_INLINE=0, the library's
documented option for frontends that render the Plotly MIME type themselves), so the
display_data check sees the chart bundle alone.

The expected completions of `ttc.<prefix>` are the library's exports with that prefix; the
jest test passes them in TTC_EXPECTED_COMPLETIONS (JSON: {"prefix": [names]}) from dist/, so
this file does not go stale when the library grows.
"""

import json
import os
import time
import unittest

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECT_JUPYTER_DIR = os.path.join(REPO_ROOT, "jupyter")
NOTEBOOK_DIR = os.path.join(REPO_ROOT, "notebooks")

# Before jupyter_client looks for kernelspecs: the project's kernelspec comes first.
_rest = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p and p != PROJECT_JUPYTER_DIR]
os.environ["JUPYTER_PATH"] = os.pathsep.join([PROJECT_JUPYTER_DIR] + _rest)
os.environ["TTC_PLOTLY_INLINE"] = "0"

import jupyter_kernel_test  # noqa: E402
from jupyter_client.manager import start_new_kernel  # noqa: E402

IMPORT = 'import * as ttc from "ttc-workbook";\n'
FIGURE = (
    "ttc.show(ttc.lineFigure({\n"
    '  title: "Coverage",\n'
    '  xAxis: { title: "samples n" },\n'
    '  yAxis: { title: "coverage" },\n'
    '  series: [{ name: "p = 0.1", x: [1, 2, 4], y: [1, 2, 4].map((n) => ttc.coverage(0.1, n)) }],\n'
    "}));"
)

# tslab honours stop_on_error by aborting every execute_request that arrives within 200 ms of an
# error (tslab's src/jupyter.ts, execQueue.reset(200)); a check that executes right after an
# error waits this long first.
STOP_ON_ERROR_SECONDS = 0.5

# {"passAt": ["passAtK", "passAtKPlugIn"], ...}: every value export whose name contains the prefix,
# ignoring case (tslab's matching); a fixed fallback for hand runs.
EXPECTED_COMPLETIONS = json.loads(os.environ.get("TTC_EXPECTED_COMPLETIONS") or '{"passAt": ["passAtK", "passAtKPlugIn"]}')


class TslabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "tslab"
    language_name = "typescript"
    file_extension = ".ts"

    @classmethod
    def setUpClass(cls):
        # As the base class, but started in notebooks/ (as Jupyter starts a chapter's kernel), and
        # given longer than jupyter_client's default to answer: tslab takes 2-3 s to start here.
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, cwd=NOTEBOOK_DIR, startup_timeout=120)
        # The first execution compiles the library's declarations (about a second): do it once
        # here, so no check below races the suite's 15 s per-message timeout on a loaded machine.
        reply = cls.kc.execute_interactive(IMPORT, timeout=120)
        assert reply["content"]["status"] == "ok", reply["content"]

    # execute + stdout / stderr
    code_hello_world = 'console.log("hello, world");'
    code_stderr = 'console.error("a warning");'

    # errors: a thrown exception is one `error` message, and the reply carries ename/evalue/traceback
    code_generate_error = 'throw new RangeError("coverage: p must be a probability in [0, 1], got 2");'

    # the value of the last expression is an execute_result (Out[n]), and so is a library call's
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": IMPORT + "ttc.coverage(0.5, 2)", "result": "0.75"},
        {"code": '"a string"', "result": "a string"},
    ]

    # display_data with the Plotly MIME type, from the library's ttc.show
    code_display_data = [
        {"code": IMPORT + FIGURE, "mime": "application/vnd.plotly.v1+json"},
        {"code": 'import * as tslab from "tslab";\ntslab.display.html("<b>bold</b>");', "mime": "text/html"},
    ]

    # completion of `ttc.` names
    completion_samples = [
        {"text": IMPORT + "ttc." + prefix, "matches": names} for prefix, names in EXPECTED_COMPLETIONS.items()
    ]

    # is_complete (tslab answers "complete" or "incomplete"; it has no "invalid")
    complete_code_samples = ["1 + 1", "const x = 1;", "function f() {\n  return 1;\n}"]
    incomplete_code_samples = ["function f() {", "const a = [1, 2,", "if (true) {"]

    # inspection of a library function
    code_inspect_sample = IMPORT + "ttc.coverage"

    # The execute_reply of a failing cell says what failed, for runtime and type errors.
    # (Comments, not docstrings, above the added checks: unittest then reports each on one line.)
    def test_error_reply_names_the_error(self):
        time.sleep(STOP_ON_ERROR_SECONDS)  # this test runs right after test_error
        for code, ename, evalue in [
            ('throw new TypeError("bad input");', "TypeError", "bad input"),
            ('const n: number = "oops";', "TSError", "Type 'string' is not assignable to type 'number'"),
        ]:
            with self.subTest(code=code):
                self.flush_channels()
                reply, output_msgs = self.execute_helper(code)
                content = reply["content"]
                self.assertEqual(content["status"], "error")
                self.assertEqual(content["ename"], ename)
                self.assertIn(evalue, content["evalue"])
                self.assertTrue(content["traceback"])
                self.assertEqual([m["msg_type"] for m in output_msgs], ["error"])
                self.assertEqual(output_msgs[0]["content"]["ename"], ename)
                time.sleep(STOP_ON_ERROR_SECONDS)

    # Inspecting `ttc.coverage` shows the function's signature from the library's declarations.
    def test_inspect_shows_the_library_signature(self):
        self.flush_channels()
        msg_id = self.kc.inspect(self.code_inspect_sample)
        reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
        jupyter_kernel_test.validate_message(reply, "inspect_reply", msg_id)
        self.assertIn("function coverage(", reply["content"]["data"]["text/plain"])

    # A value is shown once, as execute_result: no stdout copy (chapters show no duplicate outputs).
    def test_value_is_not_also_printed(self):
        self.flush_channels()
        reply, output_msgs = self.execute_helper("const answer = 6 * 7;\nanswer")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m["msg_type"] for m in output_msgs], ["execute_result"])
        self.assertEqual(output_msgs[0]["content"]["execution_count"], reply["content"]["execution_count"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
