"""Files and batches: OpenAI's Batch API over the verification endpoints, and the local bulk runner.

    models.py     stored records and their wire shapes
    files.py      files on disk (atomic, fsynced)
    lines.py      input lines: parsing, validation with line numbers, output and error lines
    asgi.py       one line through the app in process (the endpoint's own code path)
    worker.py     the background worker of `veracity serve` (resume, cancel, expiry)
    finalize.py   output and error files built from the persisted results
    local.py      `veracity batch run`: the same lines without a server
"""
